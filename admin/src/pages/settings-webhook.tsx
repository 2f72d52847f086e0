import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatDateTime } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { ConfirmButton } from '../ui/confirm-dialog.tsx';
import { EventPicker } from '../ui/event-picker.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

type Endpoint = paths['/admin/webhooks/{id}']['get']['responses'][200]['content']['application/json'];

/** One endpoint: its settings (edit, disable, enable) and its delivery log, with redeliver. */
export default function WebhookPage() {
  const { id } = useParams({ from: '/signed-in/settings/webhooks/$id' });
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const endpoint = useQuery({ queryKey: ['webhooks', id], queryFn: () => ok(api.GET('/admin/webhooks/{id}', { params: { path: { id } } })) });
  const deliveries = useQuery({ queryKey: ['webhooks', id, 'deliveries'], queryFn: () => ok(api.GET('/admin/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } } })) });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => ok(api.POST('/admin/webhooks/{id}/deliveries/{delivery_id}/redeliver', { params: { path: { id, delivery_id: deliveryId } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['webhooks', id, 'deliveries'] }); toast('Event sent again'); },
  });
  const setEnabled = useMutation({
    mutationFn: (enabled: boolean) => ok(api.POST('/admin/webhooks/{id}', { params: { path: { id } }, body: { enabled } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['webhooks', id], saved);
      await queryClient.invalidateQueries({ queryKey: ['webhooks', 'list'] });
      toast(saved.enabled ? 'Endpoint enabled' : 'Endpoint disabled');
    },
  });
  const data = endpoint.data;
  return (
    <Page title={data?.url ?? 'Webhook endpoint'} back={{ label: 'Back to webhooks', to: '/settings/webhooks' }}
      badges={data && <StatusBadge status={data.enabled ? 'enabled' : 'disabled'} />}
      actions={data && <>
        <button type="button" className="button" disabled={setEnabled.isPending} onClick={() => setEnabled.mutate(!data.enabled)}>
          {data.enabled ? 'Disable endpoint' : 'Enable endpoint'}
        </button>
        <ConfirmButton label="Delete endpoint" verb="Delete endpoint" title="Delete this webhook endpoint?"
          description={`${data.url} receives no more events, and its delivery log is deleted with it; events already delivered stay delivered. To pause it instead, disable it.`}
          run={() => ok(api.DELETE('/admin/webhooks/{id}', { params: { path: { id } } }))}
          onDone={async () => {
            queryClient.removeQueries({ queryKey: ['webhooks', id] });
            await queryClient.invalidateQueries({ queryKey: ['webhooks', 'list'] });
            toast('Endpoint deleted');
            await navigate({ to: '/settings/webhooks' });
          }} />
      </>}>
      <ErrorBanner error={endpoint.error ?? redeliver.error ?? setEnabled.error} />
      {data?.disabled_reason && <p className="mb-3">Disabled: {data.disabled_reason}</p>}
      {data && <EndpointForm key={data.updated_at} endpoint={data} />}
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

function EndpointForm({ endpoint }: { endpoint: Endpoint }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(endpoint.url);
  const [description, setDescription] = useState(endpoint.description ?? '');
  const [events, setEvents] = useState(endpoint.events);
  const save = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/webhooks/{id}', { params: { path: { id: endpoint.id } }, body: { url: url.trim(), description: description.trim() || null, events } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['webhooks', endpoint.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['webhooks', 'list'] });
      toast('Endpoint saved');
    },
  });
  return (
    <Card title="Endpoint" className="mb-4">
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError} />
        <TextField label="URL" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} error={save.fieldErrors.url} data-field="url" />
        <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={save.fieldErrors.description} data-field="description" />
        <EventPicker value={events} onChange={setEvents} error={save.fieldErrors.events} />
        <div className="flex justify-end"><button type="submit" className="button button-primary" disabled={save.isPending}>Save endpoint</button></div>
      </form>
    </Card>
  );
}
