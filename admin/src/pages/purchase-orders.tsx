import { Link } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDay, formatMoney } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ListPage } from '../ui/list-page.tsx';

/** Purchase orders, newest first: what is ordered, received and still expected (docs/purchasing.md). */
export default function PurchaseOrdersPage() {
  const can = useCan();
  return (
    <ListPage title="Purchase orders" actions={can('inventory:write') && <Link to="/purchase-orders/new" className="button button-primary">New purchase order</Link>} queryKey={['purchase-orders']} load={() => ok(api.GET('/admin/purchase-orders', { params: { query: { limit: 100 } } }))}
      rowKey={(po) => po.id} empty="No purchase orders yet."
      columns={[
        { header: 'Reference', cell: (po) => <Link to="/purchase-orders/$id" params={{ id: po.id }} className="row-link">{po.reference ?? po.id}</Link> },
        { header: 'Supplier', cell: (po) => po.supplier_name },
        { header: 'Status', cell: (po) => <StatusBadge status={po.status} /> },
        { header: 'Expected', cell: (po) => (po.expected_at ? formatDay(po.expected_at) : '—'), secondary: true },
        { header: 'Received', cell: (po) => `${po.lines.reduce((n, l) => n + l.quantity_received, 0)} of ${po.lines.reduce((n, l) => n + l.quantity, 0)}`, align: 'right' },
        { header: 'Cost', cell: (po) => formatMoney(po.total_cost, po.currency_code), align: 'right', secondary: true },
      ]} />
  );
}
