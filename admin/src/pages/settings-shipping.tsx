import { api, ok } from '../api.ts';
import { formatMoney } from '../lib/format.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { ListPage } from '../ui/list-page.tsx';

export default function ShippingPage() {
  return (
    <ListPage title="Shipping" queryKey={['shipping-options']} load={() => ok(api.GET('/admin/shipping-options', { params: { query: { limit: 100 } } }))}
      rowKey={(o) => o.id} empty="No shipping options yet."
      columns={[
        { header: 'Name', cell: (o) => o.name },
        { header: 'Price', cell: (o) => o.price_type === 'flat' && o.amount !== null ? formatMoney(o.amount, o.currency_code) : `By weight (${o.weight_bands?.length ?? 0} bands)` },
        { header: 'Free over', cell: (o) => o.free_over_amount === null ? '—' : formatMoney(o.free_over_amount, o.currency_code), align: 'right' },
        { header: 'Status', cell: (o) => <StatusBadge status={o.active ? 'active' : 'disabled'} label={o.active ? 'Active' : 'Inactive'} /> },
      ]} />
  );
}
