import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api.ts';
import { useCurrencies } from '../lib/catalog.ts';
import { formatMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { BalanceChangeForm, type BalanceChange } from '../ui/balance-change.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { MovementLog } from '../ui/movement-log.tsx';
import { Card } from '../ui/page.tsx';

/** A customer's store credit: the balance per currency, grant or debit with a reason, the movement log. */
export function StoreCreditCard({ customerId }: { customerId: string }) {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const currencies = useCurrencies().data ?? [];
  const credit = useQuery({ queryKey: ['customers', customerId, 'store-credit'], queryFn: () => ok(api.GET('/admin/customers/{id}/store-credit', { params: { path: { id: customerId } } })) });
  const change = useFormMutation({
    mutationFn: (body: BalanceChange) => ok(api.POST('/admin/customers/{id}/store-credit', { params: { path: { id: customerId } }, body })),
    onSuccess: async (_saved, body) => {
      await queryClient.invalidateQueries({ queryKey: ['customers', customerId, 'store-credit'] });
      toast(`${formatMoney(Math.abs(body.amount), body.currency_code)} store credit ${body.amount > 0 ? 'granted' : 'debited'}`);
    },
  });
  const balances = credit.data?.balances ?? [];
  const currencyOf = (balanceId: string) => balances.find((b) => b.id === balanceId)?.currency_code ?? 'USD';
  return (
    <Card title="Store credit">
      {credit.error ? <ErrorBanner error={credit.error} onRetry={() => credit.refetch()} /> : !credit.data ? <p aria-busy="true">Loading store credit…</p> : (
        <div className="flex flex-col gap-4">
          {balances.length === 0 ? <p className="text-[var(--muted)]">No store credit.</p> : (
            <dl className="dl">{balances.map((b) => <div key={b.id} className="contents"><dt>{b.currency_code}</dt><dd className="tabular-nums">{formatMoney(b.balance, b.currency_code)}</dd></div>)}</dl>
          )}
          {can('orders:refund') && currencies.length > 0 && (
            <BalanceChangeForm currencies={currencies} mutation={change} addLabel="Grant" takeLabel="Debit" submitLabel="Change store credit" />
          )}
          <h3 className="text-sm font-semibold">Movements</h3>
          <MovementLog caption="Store credit movements" movements={credit.data.movements} currency={(m) => currencyOf(m.gift_card_id)} />
        </div>
      )}
    </Card>
  );
}
