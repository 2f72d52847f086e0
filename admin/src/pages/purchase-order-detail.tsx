import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatDateTime, formatDay, formatMoney, moneyInput, parseMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useLocations } from '../lib/orders.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';
import { ScrollRegion } from '../ui/scroll-region.tsx';

type PurchaseOrder = paths['/admin/purchase-orders/{id}']['get']['responses'][200]['content']['application/json'];
interface Entry { quantity: string; lot_number: string; expires: string; cost: string }

/** A purchase order: its lines, placing or cancelling it, receiving units as lots, and the lots it made. */
export default function PurchaseOrderDetailPage() {
  const { id } = useParams({ from: '/signed-in/purchase-orders/$id' });
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const po = useQuery({ queryKey: ['purchase-orders', id], queryFn: () => ok(api.GET('/admin/purchase-orders/{id}', { params: { path: { id } } })) });
  const locations = useLocations();
  const changed = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['purchase-orders'] }), queryClient.invalidateQueries({ queryKey: ['lots'] }), queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  ]);
  const place = useMutation({
    mutationFn: () => ok(api.POST('/admin/purchase-orders/{id}/order', { params: { path: { id } }, body: {} })),
    onSuccess: async () => { await changed(); toast('Purchase order placed: its units are incoming'); },
  });
  const cancel = useMutation({
    mutationFn: () => ok(api.POST('/admin/purchase-orders/{id}/cancel', { params: { path: { id } } })),
    onSuccess: async () => { await changed(); toast('Purchase order canceled'); },
  });
  if (!po.data) {
    return (
      <Page title="Purchase order" back={{ label: 'Back to purchase orders', to: '/purchase-orders' }}>
        {po.error ? <ErrorBanner error={po.error} onRetry={() => po.refetch()} /> : <p aria-busy="true">Loading purchase order…</p>}
      </Page>
    );
  }
  const o = po.data;
  const money = (minor: number) => formatMoney(minor, o.currency_code);
  const write = can('inventory:write');
  const receivable = o.status === 'ordered' || o.status === 'partially_received';
  const location = locations.data?.data.find((l) => l.id === o.location_id);
  return (
    <Page
      title={`Purchase order ${o.reference ?? o.id}`}
      back={{ label: 'Back to purchase orders', to: '/purchase-orders' }}
      badges={<StatusBadge status={o.status} />}
      actions={write && <>
        {o.status === 'draft' && <button type="button" className="button button-primary" disabled={place.isPending} onClick={() => place.mutate()}>Place order</button>}
        {(o.status === 'draft' || receivable) && (
          <button type="button" className="button button-danger" disabled={cancel.isPending}
            onClick={() => { if (window.confirm('Cancel this purchase order? Units not yet received stop counting as incoming; lots already received stay.')) cancel.mutate(); }}>
            Cancel purchase order
          </button>
        )}
      </>}
    >
      <ErrorBanner error={place.error ?? cancel.error} />
      <DetailLayout
        main={<>
          <Card title="Lines">
            <ScrollRegion label="Lines of the purchase order">
              <table className="data-table">
                <caption className="sr-only">Lines of the purchase order</caption>
                <thead>
                  <tr>
                    <th scope="col">SKU</th><th scope="col" className="text-right">Ordered</th><th scope="col" className="text-right">Received</th>
                    <th scope="col" className="text-right">Outstanding</th><th scope="col" className="text-right">Unit cost</th><th scope="col" className="text-right">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {o.lines.map((line) => (
                    <tr key={line.id}>
                      <td>{line.sku ?? line.variant_id ?? '—'}</td>
                      <td className="text-right tabular-nums">{line.quantity}</td>
                      <td className="text-right tabular-nums">{line.quantity_received}</td>
                      <td className="text-right tabular-nums">{line.quantity_outstanding}</td>
                      <td className="text-right tabular-nums">{money(line.unit_cost)}</td>
                      <td className="text-right tabular-nums">{money(line.total_cost)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
          {write && receivable && <ReceiveCard order={o} onReceived={changed} />}
          <LotsCard orderId={o.id} />
        </>}
        side={
          <Card title="Summary">
            <dl className="dl">
              <dt>Supplier</dt><dd>{o.supplier_name}</dd>
              <dt>Deliver to</dt><dd>{location ? location.name : o.location_id}</dd>
              <dt>Total cost</dt><dd className="tabular-nums">{money(o.total_cost)}</dd>
              <dt>Expected</dt><dd>{o.expected_at ? formatDay(o.expected_at) : '—'}</dd>
              <dt>Ordered</dt><dd>{o.ordered_at ? formatDateTime(o.ordered_at) : '—'}</dd>
              <dt>Received</dt><dd>{o.received_at ? formatDateTime(o.received_at) : '—'}</dd>
              <dt>Note</dt><dd>{o.note ?? '—'}</dd>
            </dl>
          </Card>
        }
      />
    </Page>
  );
}

/**
 * One receipt: per line the units that arrived (prefilled with what is outstanding; 0 or empty skips the
 * line), their lot number, expiry and unit cost (the line's unless changed). Each line becomes one lot.
 */
function ReceiveCard({ order, onReceived }: { order: PurchaseOrder; onReceived: () => Promise<unknown> }) {
  const toast = useToast();
  const open = order.lines.filter((line) => line.quantity_outstanding > 0 && line.variant_id);
  const fresh = () => Object.fromEntries(open.map((l) => [l.id, { quantity: String(l.quantity_outstanding), lot_number: '', expires: '', cost: moneyInput(l.unit_cost, order.currency_code) }]));
  const [entries, setEntries] = useState<Record<string, Entry>>(fresh);
  const [key, setKey] = useState(idempotencyKey);
  const [extra, setExtra] = useState({ description: '', amount: '', by: 'value' as 'value' | 'quantity' });
  const extraCost = parseMoney(extra.amount, order.currency_code);
  // After a receipt the outstanding quantities change: start the form again from them.
  useEffect(() => setEntries(fresh()), [order.updated_at]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (lineId: string, patch: Partial<Entry>) => setEntries({ ...entries, [lineId]: { ...entries[lineId], ...patch } });
  const chosen = open.filter((l) => Number(entries[l.id]?.quantity || 0) > 0);
  const receive = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/purchase-orders/{id}/receive', {
      params: { path: { id: order.id } },
      headers: { 'idempotency-key': key },
      body: {
        lines: chosen.map((l) => {
          const entry = entries[l.id];
          const cost = parseMoney(entry.cost, order.currency_code);
          return {
            line_id: l.id, quantity: Number(entry.quantity), lot_number: entry.lot_number.trim(),
            ...(entry.expires ? { expires_at: `${entry.expires}T00:00:00Z` } : {}),
            ...(cost === null ? {} : { unit_cost: cost }),
          };
        }),
        ...(extraCost ? { landed_costs: [{ description: extra.description.trim() || 'landed costs', amount: extraCost }], allocate_landed_costs_by: extra.by } : {}),
      },
    })),
    onSuccess: async (receipt) => {
      setKey(idempotencyKey());
      setExtra({ description: '', amount: '', by: 'value' });
      await onReceived();
      toast(receipt.lot_ids.length === 1 ? '1 lot received' : `${receipt.lot_ids.length} lots received`);
    },
  });
  // The API names a receipt line by its place among the lines sent.
  const error = (lineId: string, field: string) => {
    const i = chosen.findIndex((l) => l.id === lineId);
    return i < 0 ? undefined : receive.fieldErrors[`lines.${i}.${field}`];
  };
  return (
    <Card title="Receive units">
      <p className="mb-3 text-sm text-[var(--muted)]">Each line received becomes one lot. Leave a quantity at 0 to receive that line later.</p>
      <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); receive.mutate(undefined); }}>
        <ul className="flex flex-col gap-3">
          {open.map((line) => {
            const entry = entries[line.id] ?? { quantity: '', lot_number: '', expires: '', cost: '' };
            const sku = line.sku ?? line.id;
            const receiving = Number(entry.quantity || 0) > 0;
            const badCost = entry.cost.trim() !== '' && parseMoney(entry.cost, order.currency_code) === null;
            return (
              <li key={line.id} className="flex flex-wrap items-end gap-3 border-b border-[var(--border)] pb-3">
                <div className="min-w-40 flex-1">
                  <div className="font-medium">{sku}</div>
                  <div className="text-xs text-[var(--muted)]">{line.quantity_outstanding} outstanding</div>
                </div>
                <TextField label={`Units of ${sku} received`} className="w-32" type="number" min={0} max={line.quantity_outstanding} value={entry.quantity}
                  onChange={(e) => set(line.id, { quantity: e.target.value })} error={error(line.id, 'quantity')} data-field={`lines.${chosen.indexOf(line)}.quantity`} />
                <TextField label={`Lot number of ${sku}`} className="w-40" required={receiving} value={entry.lot_number}
                  onChange={(e) => set(line.id, { lot_number: e.target.value })} error={error(line.id, 'lot_number')} data-field={`lines.${chosen.indexOf(line)}.lot_number`} />
                <TextField label={`Expiry of ${sku}`} hint="Empty: does not expire." className="w-44" type="date" value={entry.expires}
                  onChange={(e) => set(line.id, { expires: e.target.value })} error={error(line.id, 'expires_at')} />
                <TextField label={`Unit cost of ${sku} (${order.currency_code})`} className="w-40" inputMode="decimal" value={entry.cost}
                  onChange={(e) => set(line.id, { cost: e.target.value })} error={error(line.id, 'unit_cost') ?? (badCost ? `Not an amount in ${order.currency_code}` : null)} />
              </li>
            );
          })}
        </ul>
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-2 text-sm font-medium">Landed costs of this delivery (optional): spread over its lots into their cost</legend>
          <TextField label="What they are" className="w-48" placeholder="freight, duty" value={extra.description}
            onChange={(e) => setExtra({ ...extra, description: e.target.value })} error={receive.fieldErrors['landed_costs.0.description']} />
          <TextField label={`Landed costs (${order.currency_code})`} className="w-40" inputMode="decimal" value={extra.amount}
            onChange={(e) => setExtra({ ...extra, amount: e.target.value })}
            error={receive.fieldErrors['landed_costs.0.amount'] ?? (extra.amount.trim() && extraCost === null ? `Not an amount in ${order.currency_code}` : null)} />
          <SelectField label="Spread by" className="w-40" value={extra.by} onChange={(e) => setExtra({ ...extra, by: e.target.value as 'value' | 'quantity' })}>
            <option value="value">Value (units × cost)</option>
            <option value="quantity">Units</option>
          </SelectField>
        </fieldset>
        <ErrorBanner error={receive.bannerError} />
        <div className="flex justify-end">
          <button type="submit" className="button button-primary" disabled={receive.isPending || chosen.length === 0}>{receive.isPending ? 'Receiving…' : 'Receive units'}</button>
        </div>
      </form>
    </Card>
  );
}

function LotsCard({ orderId }: { orderId: string }) {
  const lots = useQuery({ queryKey: ['lots', { purchase_order_id: orderId }], queryFn: () => ok(api.GET('/admin/lots', { params: { query: { purchase_order_id: orderId, limit: 100 } } })) });
  return (
    <Card title="Lots received">
      <ErrorBanner error={lots.error} onRetry={() => lots.refetch()} />
      {lots.data && lots.data.data.length === 0 && <p>Nothing received yet.</p>}
      {lots.data && lots.data.data.length > 0 && (
        <ScrollRegion label="Lots received on this purchase order">
          <table className="data-table" aria-busy={lots.isFetching || undefined}>
            <caption className="sr-only">Lots received on this purchase order</caption>
            <thead>
              <tr>
                <th scope="col">Lot</th><th scope="col">SKU</th><th scope="col">Expires</th><th scope="col" className="text-right">Received</th>
                <th scope="col" className="text-right">Unit cost</th><th scope="col" className="text-right">Landed costs</th>
              </tr>
            </thead>
            <tbody>
              {lots.data.data.map((lot) => (
                <tr key={lot.id}>
                  <td><Link to="/lots/$id" params={{ id: lot.id }} className="row-link">{lot.lot_number}</Link></td>
                  <td>{lot.sku ?? '—'}</td>
                  <td>{lot.expires_at ? formatDay(lot.expires_at) : '—'}</td>
                  <td className="text-right tabular-nums">{lot.quantity_received}</td>
                  <td className="text-right tabular-nums">{lot.unit_cost === null || !lot.currency_code ? '—' : formatMoney(lot.unit_cost, lot.currency_code)}</td>
                  <td className="text-right tabular-nums">{lot.currency_code ? formatMoney(lot.landed_cost, lot.currency_code) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
