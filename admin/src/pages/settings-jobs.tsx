import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api.ts';
import { formatDateTime, formatRelative } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { ListPage } from '../ui/list-page.tsx';
import { Card } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

export default function JobsPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const subscribers = useQuery({ queryKey: ['events', 'subscriptions'], queryFn: () => ok(api.GET('/admin/events/subscriptions')) });
  const run = useMutation({
    mutationFn: (name: string) => ok(api.POST('/admin/jobs/{name}/run', { params: { path: { name } } })),
    onSuccess: async (_d, name) => { await queryClient.invalidateQueries({ queryKey: ['jobs'] }); toast(`${name} will run now`); },
  });
  return (
    <ListPage title="Jobs & events" queryKey={['jobs']} load={() => ok(api.GET('/admin/jobs'))} rowKey={(j) => j.name} empty="No jobs."
      columns={[
        { header: 'Job', cell: (j) => <><div className="font-medium">{j.name}</div><div className="text-xs text-[var(--muted)]">{j.description}</div></> },
        { header: 'Last run', cell: (j) => j.last_status ? <StatusBadge status={j.last_status} /> : 'Never' },
        { header: 'Finished', cell: (j) => j.last_finished_at ? formatRelative(j.last_finished_at) : '—', secondary: true },
        { header: 'Next run', cell: (j) => formatDateTime(j.next_run_at), secondary: true },
        { header: 'Actions', cell: (j) => can('settings:write') && <button type="button" className="button" disabled={j.running || run.isPending} onClick={() => run.mutate(j.name)}>Run {j.name} now</button> },
      ]}>
      <ErrorBanner error={run.error} />
      <Card title="Event subscribers" className="mb-4">
        <DataTable caption="Event subscribers and how far behind they are" rows={subscribers.data?.data} rowKey={(s) => s.name} loading={subscribers.isFetching} error={subscribers.error}
          onRetry={() => subscribers.refetch()} empty="No subscribers."
          columns={[
            { header: 'Subscriber', cell: (s) => s.name },
            { header: 'Behind', cell: (s) => s.behind, align: 'right' },
            { header: 'Oldest waiting', cell: (s) => s.oldest_waiting_at ? formatRelative(s.oldest_waiting_at) : '—', secondary: true },
            { header: 'Status', cell: (s) => s.last_error ? <StatusBadge status="failed" label={`Failing: ${s.last_error}`} /> : <StatusBadge status="ok" label="OK" /> },
          ]} />
      </Card>
    </ListPage>
  );
}
