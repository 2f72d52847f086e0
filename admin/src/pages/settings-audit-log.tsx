import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useSetSearch } from '../lib/use-list.ts';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

/** Every Admin API write: who, what, which resource, and the resource before and after. */
export default function AuditLogPage() {
  const search = useSearch({ from: '/signed-in/settings/audit-log' });
  const setSearch = useSetSearch();
  const log = useQuery({
    queryKey: ['audit-log', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/audit-log', { params: { query: { resource_type: search.resource_type, cursor: search.cursor, limit: search.limit ?? 20 } } })),
  });
  return (
    <Page title="Audit log" wide>
      <label className="mb-3 flex max-w-xs flex-col gap-1 text-sm font-medium">Resource type
        <input className="input" value={search.resource_type ?? ''} placeholder="product, order…" onChange={(e) => setSearch({ resource_type: e.target.value || undefined })} />
      </label>
      <DataTable caption="Audit log" rows={log.data?.data} rowKey={(e) => e.id} loading={log.isFetching} error={log.error} onRetry={() => log.refetch()} empty="Nothing recorded."
        columns={[
          { header: 'When', cell: (e) => formatDateTime(e.created_at) },
          { header: 'Who', cell: (e) => `${e.actor_type} ${e.actor_id}`, secondary: true },
          { header: 'Action', cell: (e) => e.action },
          { header: 'Resource', cell: (e) => e.resource_id ?? e.resource_type ?? '—', secondary: true },
          { header: 'Before / after', cell: (e) => (
            <details><summary className="cursor-pointer">Changes</summary><pre className="max-w-md overflow-auto text-xs">{JSON.stringify(e.changes, null, 2)}</pre></details>
          ) },
        ]} />
      <Pagination search={search} nextCursor={log.data?.next_cursor} />
    </Page>
  );
}
