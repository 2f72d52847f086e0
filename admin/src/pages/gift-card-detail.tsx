import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { balanceOf, giftCardStatus } from '../lib/gift-cards.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { BalanceChangeForm, type BalanceChange } from '../ui/balance-change.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { MovementLog } from '../ui/movement-log.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';

export default function GiftCardDetailPage() {
  const { id } = useParams({ from: '/signed-in/gift-cards/$id' });
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const card = useQuery({ queryKey: ['gift-cards', id], queryFn: () => ok(api.GET('/admin/gift-cards/{id}', { params: { path: { id } } })) });
  const changed = () => queryClient.invalidateQueries({ queryKey: ['gift-cards'] });
  const setStatus = useFormMutation({
    mutationFn: (status: 'active' | 'disabled') => ok(api.POST('/admin/gift-cards/{id}', { params: { path: { id } }, body: { status } })),
    onSuccess: async (saved) => { await changed(); toast(saved.status === 'disabled' ? 'Gift card disabled' : 'Gift card enabled'); },
  });
  const adjust = useFormMutation({
    mutationFn: ({ amount, reason }: BalanceChange) => ok(api.POST('/admin/gift-cards/{id}/adjustments', { params: { path: { id } }, body: { amount, reason } })),
    onSuccess: async () => { await changed(); toast('Balance adjusted'); },
  });
  if (!card.data) return <Page title="Gift card" back={{ label: 'Back to gift cards', to: '/gift-cards' }}>{card.error ? <ErrorBanner error={card.error} onRetry={() => card.refetch()} /> : <p aria-busy="true">Loading gift card…</p>}</Page>;
  const c = card.data;
  const manage = can('orders:refund');
  const disabled = c.status === 'disabled';
  return (
    <Page title={`Gift card ending ${c.last4}`} back={{ label: 'Back to gift cards', to: '/gift-cards' }} badges={<StatusBadge status={giftCardStatus(c)} />}
      actions={manage && (
        <button type="button" className={disabled ? 'button button-primary' : 'button button-danger'} disabled={setStatus.isPending} onClick={() => setStatus.mutate(disabled ? 'active' : 'disabled')}>
          {disabled ? 'Enable gift card' : 'Disable gift card'}
        </button>
      )}>
      <ErrorBanner error={setStatus.bannerError} />
      <DetailLayout
        main={<>
          {manage && (
            <Card title="Adjust balance">
              <BalanceChangeForm currencies={[c.currency_code]} mutation={adjust} addLabel="Add to the balance" takeLabel="Take from the balance" submitLabel="Adjust balance" />
            </Card>
          )}
          <Card title="Movements">
            <MovementLog caption="Movements of the gift card" movements={c.movements} currency={() => c.currency_code} />
          </Card>
        </>}
        side={
          <Card title="Balance">
            <dl className="dl">
              <dt>Balance</dt><dd className="tabular-nums">{balanceOf(c)}</dd>
              <dt>Expires</dt><dd>{c.expires_at ? formatDateTime(c.expires_at) : 'Never'}</dd>
              <dt>Customer</dt><dd>{c.customer_id ? <Link to="/customers/$id" params={{ id: c.customer_id }} className="row-link break-all">{c.customer_id}</Link> : '—'}</dd>
              <dt>Note</dt><dd>{c.note ?? '—'}</dd>
              <dt>Issued</dt><dd>{formatDateTime(c.created_at)}</dd>
            </dl>
          </Card>
        }
      />
    </Page>
  );
}
