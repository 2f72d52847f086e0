import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, ApiError, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

type Letter = paths['/admin/marketing/dead-letters']['get']['responses'][200]['content']['application/json']['data'][number];

const lettersQuery = {
  queryKey: ['marketing', 'dead-letters'],
  queryFn: () => ok(api.GET('/admin/marketing/dead-letters', { params: { query: { limit: 100 } } })),
};

/** What a refused Resend means, in words: the tool's answer, or that another tool is configured now. */
function resendFailure(error: unknown): Error | unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.code === 'marketing_refused') {
    return new Error(`The marketing tool refused it again (HTTP ${String(error.details.status)}): ${String(error.details.error)}. The letter stays; fix the customer’s data or discard it.`);
  }
  if (error.code === 'marketing_not_configured') {
    return new Error('The marketing tool that refused it is no longer configured, so it cannot be sent again. Discard it.');
  }
  return error;
}

/** Events the marketing tool refused for good (docs/marketing.md#dead-letters): read, resend or discard. */
export default function MarketingDeadLettersPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = useQuery(lettersQuery);
  const done = (text: string) => async () => { await queryClient.invalidateQueries({ queryKey: lettersQuery.queryKey }); toast(text); };
  const resend = useMutation({
    mutationFn: (l: Letter) => ok(api.POST('/admin/marketing/dead-letters/{id}/resend', { params: { path: { id: l.id } } })),
    onSuccess: done('Sent to the marketing tool'),
    // A refusal counted one more attempt: the list shows it.
    onError: () => queryClient.invalidateQueries({ queryKey: lettersQuery.queryKey }),
  });
  const discard = useMutation({
    mutationFn: (l: Letter) => ok(api.DELETE('/admin/marketing/dead-letters/{id}', { params: { path: { id: l.id } } })),
    onSuccess: done('Discarded'),
  });
  const busy = resend.isPending || discard.isPending;
  return (
    <Page title="Marketing dead letters">
      <p className="mb-4 text-sm text-[var(--muted)]">Events the marketing tool refused for good. Later events were sent; these wait for you. Resend sends the customer’s data and consent as they are now.</p>
      <ErrorBanner error={resend.error ? resendFailure(resend.error) : discard.error} />
      <DataTable caption="Marketing dead letters" rows={list.data?.data} rowKey={(l) => l.id} loading={list.isFetching} error={list.error} onRetry={() => list.refetch()}
        empty="Nothing waiting: the marketing tool took every event."
        columns={[
          { header: 'Event', cell: (l) => <><code className="text-xs">{l.event_type}</code><br /><span className="text-xs text-[var(--muted)]">{formatDateTime(l.occurred_at)} · {l.provider_id}</span></> },
          { header: 'Customer', cell: (l) => l.customer_id ? <Link to="/customers/$id" params={{ id: l.customer_id }} className="row-link">{l.customer_id}</Link> : '—', secondary: true },
          { header: 'Tool’s answer', cell: (l) => `HTTP ${l.status}: ${l.error}` },
          { header: 'Refused', cell: (l) => `${formatNumber(l.attempts)} ×`, align: 'right' },
          ...(can('customers:write') ? [{
            header: 'Actions',
            cell: (l: Letter) => (
              <div className="flex flex-wrap gap-2">
                <button type="button" className="button" aria-label={`Resend ${l.event_type} ${l.event_id}`} disabled={busy} onClick={() => resend.mutate(l)}>Resend</button>
                <button type="button" className="button button-danger" aria-label={`Discard ${l.event_type} ${l.event_id}`} disabled={busy}
                  onClick={() => { if (window.confirm('Discard this event? It is not sent; the customer’s later events are not affected.')) discard.mutate(l); }}>Discard</button>
              </div>
            ),
          }] : []),
        ]} />
    </Page>
  );
}
