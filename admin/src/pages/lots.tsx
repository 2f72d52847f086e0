import { Link } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDay, formatMoney } from '../lib/format.ts';
import { Badge } from '../ui/badge.tsx';
import { ListPage } from '../ui/list-page.tsx';

/** Lots, newest first: where their units are and how many went to customers (docs/purchasing.md). */
export default function LotsPage() {
  const now = Date.now();
  return (
    <ListPage title="Lots" queryKey={['lots']} load={() => ok(api.GET('/admin/lots', { params: { query: { limit: 100 } } }))}
      rowKey={(lot) => lot.id} empty="No lots yet: receive a purchase order to make one."
      columns={[
        { header: 'Lot', cell: (lot) => <Link to="/lots/$id" params={{ id: lot.id }} className="row-link">{lot.lot_number}</Link> },
        { header: 'SKU', cell: (lot) => lot.sku ?? '—', secondary: true },
        { header: 'Supplier', cell: (lot) => lot.supplier_name ?? '—', secondary: true },
        { header: 'Received', cell: (lot) => formatDay(lot.received_at), secondary: true },
        {
          header: 'Expires',
          cell: (lot) => (lot.expires_at
            ? <span className="inline-flex items-center gap-2">{formatDay(lot.expires_at)}{Date.parse(String(lot.expires_at)) < now ? <Badge tone="critical">Expired</Badge> : null}</span>
            : '—'),
        },
        { header: 'On hand', cell: (lot) => lot.quantity_on_hand, align: 'right' },
        { header: 'With customers', cell: (lot) => lot.quantity_fulfilled - lot.quantity_returned, align: 'right', secondary: true },
        { header: 'Unit cost', cell: (lot) => (lot.unit_cost === null || !lot.currency_code ? '—' : formatMoney(lot.unit_cost, lot.currency_code)), align: 'right', secondary: true },
      ]} />
  );
}
