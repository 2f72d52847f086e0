import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

/** One endpoint's delivery log, with redeliver. */
export default function WebhookPage() {
  const { id } = useParams({ from: '/signed-in/settings/webhooks/$id' });
  const toast = useToast();
  const queryClient = useQueryClient();
  const endpoint = useQuery({ queryKey: ['webhooks', id], queryFn: () => ok(api.GET('/admin/webhooks/{id}', { params: { path: { id } } })) });
  const deliveries = useQuery({ queryKey: ['webhooks', id, 'deliveries'], queryFn: () => ok(api.GET('/admin/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } } })) });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => ok(api.POST('/admin/webhooks/{id}/deliveries/{delivery_id}/redeliver', { params: { path: { id, delivery_id: deliveryId } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['webhooks', id, 'deliveries'] }); toast('Event sent again'); },
  });
  return (
    <Page title={endpoint.data?.url ?? 'Webhook endpoint'} back={{ label: 'Back to webhooks', to: '/settings/webhooks' }}
      badges={endpoint.data && <StatusBadge status={endpoint.data.enabled ? 'enabled' : 'disabled'} />}>
      <ErrorBanner error={endpoint.error ?? redeliver.error} />
      {endpoint.data?.disabled_reason && <p className="mb-3">Disabled: {endpoint.data.disabled_reason}</p>}
      <DataTable caption="Deliveries" rows={deliveries.data?.data} rowKey={(d) => d.id} loading={deliveries.isFetching} error={deliveries.error} onRetry={() => deliveries.refetch()}
        empty="Nothing delivered yet."
        columns={[
          { header: 'Event', cell: (d) => d.event_type },
          { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
          { header: 'Attempts', cell: (d) => d.attempts, align: 'right', secondary: true },
          { header: 'Response', cell: (d) => d.last_status_code ?? d.last_error ?? '—', secondary: true },
          { header: 'Created', cell: (d) => formatDateTime(d.created_at), secondary: true },
          { header: 'Actions', cell: (d) => <button type="button" className="button" disabled={redeliver.isPending} onClick={() => redeliver.mutate(d.id)}>Redeliver</button> },
        ]} />
    </Page>
  );
}
