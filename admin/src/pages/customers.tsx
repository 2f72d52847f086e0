import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useDebouncedSearch, useSetSearch } from '../lib/use-list.ts';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

export default function CustomersPage() {
  const search = useSearch({ from: '/signed-in/customers' });
  const setSearch = useSetSearch();
  const [email, setEmail] = useDebouncedSearch(search.email, (value) => setSearch({ email: value }));
  const customers = useQuery({
    queryKey: ['customers', 'list', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/customers', { params: { query: { email: search.email, cursor: search.cursor, limit: search.limit ?? 20 } } })),
  });
  return (
    <Page title="Customers">
      <label className="mb-3 flex max-w-md flex-col gap-1 text-sm font-medium">
        Find by email
        <input className="input" type="search" placeholder="The full address (personal data is stored encrypted)" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <DataTable
        caption="Customers"
        rows={customers.data?.data}
        rowKey={(c) => c.id}
        loading={customers.isFetching}
        error={customers.error}
        onRetry={() => customers.refetch()}
        empty={search.email ? <>No customer has this email. <button type="button" className="button" onClick={() => setSearch({ email: undefined })}>Clear filters</button></> : 'No customers yet.'}
        columns={[
          { header: 'Email', cell: (c) => <Link to="/customers/$id" params={{ id: c.id }} className="row-link">{c.email}</Link> },
          { header: 'Name', cell: (c) => [c.first_name, c.last_name].filter(Boolean).join(' ') || '—' },
          { header: 'Joined', cell: (c) => formatDateTime(c.created_at), secondary: true },
        ]}
      />
      <Pagination search={search} nextCursor={customers.data?.next_cursor} />
    </Page>
  );
}
