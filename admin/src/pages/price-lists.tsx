import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatNumber, humanize } from '../lib/format.ts';
import { describeWindow, priceListStatus, useCustomerGroups } from '../lib/pricing.ts';
import { useCan } from '../lib/session.tsx';
import { useSetSearch } from '../lib/use-list.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { SelectField } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

export default function PriceListsPage() {
  const search = useSearch({ from: '/signed-in/price-lists' });
  const setSearch = useSetSearch();
  const can = useCan();
  const groups = useCustomerGroups();
  const lists = useQuery({
    queryKey: ['price-lists', 'list', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/price-lists', { params: { query: { status: search.status as 'active' | 'draft' | undefined, cursor: search.cursor, limit: search.limit ?? 20 } } })),
  });
  const groupName = (id: string) => groups.data?.data.find((g) => g.id === id)?.name ?? 'Deleted group';
  return (
    <Page title="Price lists" actions={can('products:write') && <Link to="/price-lists/new" className="button button-primary">Create price list</Link>}>
      <SelectField className="mb-3 max-w-xs" label="Status" value={search.status ?? ''} onChange={(e) => setSearch({ status: e.target.value || undefined })}>
        <option value="">All</option><option value="active">Active</option><option value="draft">Draft</option>
      </SelectField>
      <DataTable
        caption="Price lists"
        rows={lists.data?.data}
        rowKey={(l) => l.id}
        loading={lists.isFetching}
        error={lists.error}
        onRetry={() => lists.refetch()}
        empty={search.status ? <>No {search.status} price lists. <button type="button" className="button" onClick={() => setSearch({ status: undefined })}>Clear filters</button></> : 'No price lists yet: create a sale, a customer-group price or quantity tiers.'}
        columns={[
          { header: 'Name', cell: (l) => <Link to="/price-lists/$id" params={{ id: l.id }} className="font-medium">{l.name}</Link> },
          { header: 'Type', cell: (l) => humanize(l.type) },
          { header: 'Status', cell: (l) => <StatusBadge status={priceListStatus(l)} /> },
          { header: 'Runs', secondary: true, cell: (l) => describeWindow(l) },
          { header: 'Customers', secondary: true, cell: (l) => l.customer_group_ids.map(groupName).join(', ') || 'Everybody' },
          { header: 'Prices', align: 'right', cell: (l) => formatNumber(l.price_count) },
        ]}
      />
      <Pagination search={search} nextCursor={lists.data?.next_cursor} />
    </Page>
  );
}
