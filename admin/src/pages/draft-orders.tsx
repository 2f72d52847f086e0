import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

export default function DraftOrdersPage() {
  const search = useSearch({ from: '/signed-in/draft-orders' });
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const drafts = useQuery({
    queryKey: ['draft-orders', 'list', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/draft-orders', { params: { query: { cursor: search.cursor, limit: search.limit ?? 20 } } })),
  });
  const send = useMutation({
    mutationFn: (id: string) => ok(api.POST('/admin/draft-orders/{id}/send', { params: { path: { id } }, body: {} })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['draft-orders'] }); toast('Payment link sent'); },
  });
  return (
    <Page title="Draft orders" back={{ label: 'Back to orders', to: '/orders' }}
      actions={can('orders:write') && <Link to="/draft-orders/new" className="button button-primary">Create draft order</Link>}>
      <ErrorBanner error={send.error} />
      <DataTable
        caption="Draft orders"
        rows={drafts.data?.data}
        rowKey={(d) => d.id}
        loading={drafts.isFetching}
        error={drafts.error}
        onRetry={() => drafts.refetch()}
        empty="No draft orders. Create one for a phone or invoice sale, then send the customer its payment link."
        columns={[
          { header: 'Draft', cell: (d) => d.order_id ? <Link to="/orders/$id" params={{ id: d.order_id }} className="row-link">{d.id}</Link> : d.id },
          { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
          { header: 'Created', cell: (d) => formatDateTime(d.created_at), secondary: true },
          { header: 'Note', cell: (d) => d.note ?? '—', secondary: true },
          { header: 'Actions', cell: (d) => d.status === 'open' && can('orders:write')
            ? <button type="button" className="button" disabled={send.isPending} onClick={() => send.mutate(d.id)}>Send payment link</button>
            : null },
        ]}
      />
      <Pagination search={search} nextCursor={drafts.data?.next_cursor} />
    </Page>
  );
}
