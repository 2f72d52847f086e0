import { Link } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { useCan } from '../lib/session.tsx';
import { ListPage } from '../ui/list-page.tsx';

export default function RegionsPage() {
  const can = useCan();
  return (
    <ListPage title="Regions & currencies" queryKey={['regions']} load={() => ok(api.GET('/admin/regions', { params: { query: { limit: 100 } } }))}
      rowKey={(r) => r.id} empty="No regions yet: a region sets the currency and taxes for its countries."
      actions={can('settings:write') && <Link to="/settings/regions/new" className="button button-primary">Create region</Link>}
      columns={[
        { header: 'Name', cell: (r) => <Link to="/settings/regions/$id" params={{ id: r.id }} className="row-link">{r.name}</Link> },
        { header: 'Currency', cell: (r) => r.currency_code },
        { header: 'Countries', cell: (r) => r.countries.join(', ') },
        { header: 'Default tax', cell: (r) => `${r.default_tax_rate} %${r.tax_inclusive ? ' (included)' : ''}`, align: 'right' },
      ]} />
  );
}
