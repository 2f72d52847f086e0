import { Link } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatMoney } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ListPage } from '../ui/list-page.tsx';

export default function ShippingPage() {
  const can = useCan();
  return (
    <ListPage title="Shipping" queryKey={['shipping-options']} load={() => ok(api.GET('/admin/shipping-options', { params: { query: { limit: 100 } } }))}
      rowKey={(o) => o.id} empty="No shipping options yet."
      actions={can('settings:write') && <Link to="/settings/shipping/new" className="button button-primary">Create shipping option</Link>}
      columns={[
        { header: 'Name', cell: (o) => <Link to="/settings/shipping/$id" params={{ id: o.id }} className="row-link">{o.name}</Link> },
        { header: 'Price', cell: (o) => o.price_type === 'weight' ? `By weight (${o.weight_bands?.length ?? 0} bands)`
          : o.price_type === 'calculated' ? `${o.carrier_id}${o.carrier_service ? ` ${o.carrier_service}` : ''} rate${o.amount !== null ? `, else ${formatMoney(o.amount, o.currency_code)}` : ''}`
          : o.amount !== null ? formatMoney(o.amount, o.currency_code) : '—' },
        { header: 'Free over', cell: (o) => o.free_over_amount === null ? '—' : formatMoney(o.free_over_amount, o.currency_code), align: 'right' },
        { header: 'Status', cell: (o) => <StatusBadge status={o.active ? 'active' : 'disabled'} label={o.active ? 'Active' : 'Inactive'} /> },
      ]} />
  );
}
