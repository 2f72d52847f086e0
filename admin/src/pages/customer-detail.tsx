import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { formatDateTime, formatMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { MarketingConsentCard } from '../ui/marketing-consent-card.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';
import { StoreCreditCard } from './customer-store-credit.tsx';

export default function CustomerDetailPage() {
  const { id } = useParams({ from: '/signed-in/customers/$id' });
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const customer = useQuery({ queryKey: ['customers', id], queryFn: () => ok(api.GET('/admin/customers/{id}', { params: { path: { id } } })) });
  const groups = useQuery({ queryKey: ['customer-groups'], queryFn: () => ok(api.GET('/admin/customer-groups')) });
  const anonymize = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/customers/{id}/anonymize', { params: { path: { id } } })),
    onSuccess: async () => { setConfirming(false); await queryClient.invalidateQueries({ queryKey: ['customers'] }); toast('Personal data erased'); },
  });
  if (!customer.data) return <Page title="Customer" back={{ label: 'Back to customers', to: '/customers' }}>{customer.error ? <ErrorBanner error={customer.error} onRetry={() => customer.refetch()} /> : <p aria-busy="true">Loading…</p>}</Page>;
  const c = customer.data;
  return (
    <Page
      title={c.email}
      back={{ label: 'Back to customers', to: '/customers' }}
      actions={can('customers:write') && <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>Anonymize</button>}
    >
      <DetailLayout
        main={<>
          <Card title="Orders">
            {c.orders.length === 0 ? <p className="text-[var(--muted)]">No orders yet.</p> : (
              <table className="data-table">
                <caption className="sr-only">The customer’s recent orders</caption>
                <thead><tr><th scope="col">Order</th><th scope="col">Payment</th><th scope="col" className="max-md:hidden">Placed</th><th scope="col" className="text-right">Total</th></tr></thead>
                <tbody>{c.orders.map((o) => (
                  <tr key={o.id}>
                    <td><Link to="/orders/$id" params={{ id: o.id }} className="row-link">#{o.number ?? o.id}</Link></td>
                    <td><StatusBadge status={o.payment_status} /></td>
                    <td className="max-md:hidden">{o.placed_at ? formatDateTime(o.placed_at) : '—'}</td>
                    <td className="text-right tabular-nums">{formatMoney(o.total, o.currency_code)}</td>
                  </tr>
                ))}</tbody>
              </table>
            )}
          </Card>
          <StoreCreditCard customerId={id} />
          <MarketingConsentCard customerId={id} />
        </>}
        side={<>
          <Card title="Contact">
            <dl className="dl">
              <dt>Name</dt><dd>{[c.first_name, c.last_name].filter(Boolean).join(' ') || '—'}</dd>
              <dt>Phone</dt><dd>{c.phone ?? '—'}</dd>
              <dt>Email verified</dt><dd>{c.email_verified ? 'Yes' : 'No'}</dd>
              <dt>Joined</dt><dd>{formatDateTime(c.created_at)}</dd>
            </dl>
          </Card>
          <Card title="Lifetime value">
            {c.lifetime_value.length === 0 ? <p className="text-[var(--muted)]">Nothing yet.</p> : (
              <dl className="dl">{c.lifetime_value.map((v) => <div key={v.currency_code} className="contents"><dt>{v.orders} orders</dt><dd>{formatMoney(v.total, v.currency_code)}</dd></div>)}</dl>
            )}
          </Card>
          <Card title="Groups">
            <p>{c.group_ids.map((g) => groups.data?.data.find((x) => x.id === g)?.name ?? g).join(', ') || 'None'}</p>
          </Card>
        </>}
      />
      <Dialog open={confirming} onOpenChange={setConfirming} title="Erase this customer’s personal data?"
        description="Name, email, phone and addresses are erased for good (a GDPR request). Their orders and totals stay, without the personal data. This cannot be undone.">
        <ErrorBanner error={anonymize.bannerError} />
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button" autoFocus>Cancel</button></DialogClose>
          <button type="button" className="button button-danger" disabled={anonymize.isPending} onClick={() => anonymize.mutate(undefined)}>Anonymize customer</button>
        </div>
      </Dialog>
    </Page>
  );
}
