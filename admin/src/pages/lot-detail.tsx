import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime, formatDay, formatMoney } from '../lib/format.ts';
import { useLocations } from '../lib/orders.ts';
import { useCan } from '../lib/session.tsx';
import { Badge } from '../ui/badge.tsx';
import { ErrorBanner } from '../ui/feedback.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';

/** A lot: where it came from, where its units are, and (the recall report) every order and customer that took them. */
export default function LotDetailPage() {
  const { id } = useParams({ from: '/signed-in/lots/$id' });
  const can = useCan();
  const lot = useQuery({ queryKey: ['lots', id], queryFn: () => ok(api.GET('/admin/lots/{id}', { params: { path: { id } } })) });
  const locations = useLocations();
  const locationName = (locationId: string) => locations.data?.data.find((l) => l.id === locationId)?.name ?? locationId;
  if (!lot.data) {
    return (
      <Page title="Lot" back={{ label: 'Back to lots', to: '/lots' }}>
        {lot.error ? <ErrorBanner error={lot.error} onRetry={() => lot.refetch()} /> : <p aria-busy="true">Loading lot…</p>}
      </Page>
    );
  }
  const l = lot.data;
  const expired = l.expires_at !== null && Date.parse(String(l.expires_at)) < Date.now();
  return (
    <Page title={`Lot ${l.lot_number}`} back={{ label: 'Back to lots', to: '/lots' }} badges={expired ? <Badge tone="critical">Expired</Badge> : undefined}>
      <DetailLayout
        main={<>
          {can('orders:read') ? <TraceCard lotId={l.id} locationName={locationName} /> : <Card title="Recall report"><p>Seeing who received this lot needs the orders:read permission.</p></Card>}
          <Card title="Stock by location">
            {l.stock.length === 0 ? <p>No units of this lot are on hand.</p> : (
              <table className="data-table">
                <caption className="sr-only">Units of the lot on hand by location</caption>
                <thead><tr><th scope="col">Location</th><th scope="col" className="text-right">On hand</th></tr></thead>
                <tbody>{l.stock.map((s) => <tr key={s.location_id}><td>{locationName(s.location_id)}</td><td className="text-right tabular-nums">{s.quantity}</td></tr>)}</tbody>
              </table>
            )}
          </Card>
        </>}
        side={
          <Card title="Origin">
            <dl className="dl">
              <dt>SKU</dt><dd>{l.sku ?? '—'}</dd>
              <dt>Supplier</dt><dd>{l.supplier_name ?? '—'}</dd>
              <dt>Purchase order</dt>
              <dd>{l.purchase_order_id ? <Link to="/purchase-orders/$id" params={{ id: l.purchase_order_id }} className="row-link break-all">{l.purchase_order_id}</Link> : '—'}</dd>
              <dt>Received</dt><dd>{formatDateTime(String(l.received_at))}</dd>
              <dt>Expires</dt><dd>{l.expires_at ? formatDay(l.expires_at) : 'Never'}</dd>
              <dt>Unit cost</dt><dd>{l.unit_cost === null || !l.currency_code ? '—' : formatMoney(l.unit_cost, l.currency_code)}</dd>
              <dt>Landed costs</dt><dd>{l.currency_code ? formatMoney(l.landed_cost, l.currency_code) : '—'}</dd>
              <dt>Units received</dt><dd>{l.quantity_received}</dd>
              <dt>On hand</dt><dd>{l.quantity_on_hand}</dd>
              <dt>To orders</dt><dd>{l.quantity_fulfilled}</dd>
              <dt>Returned</dt><dd>{l.quantity_returned}</dd>
            </dl>
          </Card>
        }
      />
    </Page>
  );
}

/** Every order line that took units of the lot, with its customer; exportable as the recall CSV. */
function TraceCard({ lotId, locationName }: { lotId: string; locationName: (id: string) => string }) {
  const trace = useQuery({ queryKey: ['lots', lotId, 'trace'], queryFn: () => ok(api.GET('/admin/lots/{id}/trace', { params: { path: { id: lotId } } })) });
  const t = trace.data;
  return (
    <Card title="Recall report" action={<a href={`/admin/lots/${lotId}/trace?format=csv`} className="button" download>Export recall CSV</a>}>
      <ErrorBanner error={trace.error} onRetry={() => trace.refetch()} />
      {t && (
        <>
          <p className="mb-3 text-sm">
            {t.totals.with_customers} {t.totals.with_customers === 1 ? 'unit is' : 'units are'} with {t.totals.customers} {t.totals.customers === 1 ? 'customer' : 'customers'} ({t.totals.fulfilled} sent, {t.totals.returned} returned).
          </p>
          {t.orders.length === 0 ? <p>No order has taken units of this lot.</p> : (
            <div className="overflow-x-auto" role="region" aria-label="Orders that took the lot" tabIndex={0}>
              <table className="data-table" aria-busy={trace.isFetching || undefined}>
                <caption className="sr-only">Orders that took units of the lot</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th><th scope="col">Customer</th><th scope="col">Country</th><th scope="col">From</th>
                    <th scope="col" className="text-right">Units</th><th scope="col" className="text-right">Returned</th><th scope="col">Fulfilled</th>
                  </tr>
                </thead>
                <tbody>
                  {t.orders.map((row) => (
                    <tr key={`${row.order_line_id}-${row.fulfillment_id}-${row.location_id}`}>
                      <td><Link to="/orders/$id" params={{ id: row.order_id }} className="row-link">{row.order_number === null ? row.order_id : `#${row.order_number}`}</Link></td>
                      <td>{row.name ? <>{row.name}<div className="text-xs text-[var(--muted)]">{row.email}</div></> : row.email}</td>
                      <td>{row.country_code ?? '—'}</td>
                      <td>{locationName(row.location_id)}</td>
                      <td className="text-right tabular-nums">{row.quantity}</td>
                      <td className="text-right tabular-nums">{row.returned_quantity}</td>
                      <td>{formatDateTime(String(row.fulfilled_at))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {!t && !trace.error && <p aria-busy="true">Loading the recall report…</p>}
    </Card>
  );
}
