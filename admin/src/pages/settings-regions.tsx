import { api, ok } from '../api.ts';
import { ListPage } from '../ui/list-page.tsx';

export default function RegionsPage() {
  return (
    <ListPage title="Regions & currencies" queryKey={['regions']} load={() => ok(api.GET('/admin/regions', { params: { query: { limit: 100 } } }))}
      rowKey={(r) => r.id} empty="No regions yet: a region sets the currency and taxes for its countries."
      columns={[
        { header: 'Name', cell: (r) => r.name },
        { header: 'Currency', cell: (r) => r.currency_code },
        { header: 'Countries', cell: (r) => r.countries.join(', ') },
        { header: 'Default tax', cell: (r) => `${r.default_tax_rate} %${r.tax_inclusive ? ' (included)' : ''}`, align: 'right' },
      ]} />
  );
}
