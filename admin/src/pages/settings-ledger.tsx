import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api.ts';
import { formatDateTime, formatRelative } from '../lib/format.ts';
import { Badge } from '../ui/badge.tsx';
import { ErrorBanner } from '../ui/feedback.tsx';
import { Card, Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

/** The verifiable ledger at a glance (docs/ledger.md): its signed head, how far behind, the last anchoring, what reconciliation found. */
export default function LedgerPage() {
  const status = useQuery({ queryKey: ['ledger'], queryFn: () => ok(api.GET('/admin/ledger')) });
  const mismatches = useQuery({ queryKey: ['ledger', 'mismatches'], queryFn: () => ok(api.GET('/admin/ledger/mismatches', { params: { query: { limit: 50 } } })) });
  const s = status.data;
  const block = s?.head.block ?? null;
  return (
    <Page title="Ledger" badges={s && (s.enabled ? <Badge tone="success">On</Badge> : <Badge tone="neutral">Off</Badge>)}>
      <ErrorBanner error={status.error} onRetry={() => status.refetch()} />
      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <Card title="Chain">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" aria-busy={status.isFetching || undefined}>
            <dt className="text-[var(--muted)]">Entries</dt><dd>{s?.head.seq ?? '—'}</dd>
            <dt className="text-[var(--muted)]">Not yet in a block</dt><dd>{s?.head.unsealed ?? '—'}</dd>
            <dt className="text-[var(--muted)]">Events waiting</dt><dd>{s?.behind ?? '—'}</dd>
            <dt className="text-[var(--muted)]">Head hash</dt><dd className="break-all font-mono text-xs">{s?.head.hash ?? '—'}</dd>
          </dl>
        </Card>
        <Card title="Signed head">
          {block ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-[var(--muted)]">Block</dt><dd>{block.block_seq} (entries {block.first_seq}–{block.last_seq})</dd>
              <dt className="text-[var(--muted)]">Closed</dt><dd>{formatDateTime(block.closed_at)}</dd>
              <dt className="text-[var(--muted)]">Key</dt><dd className="font-mono text-xs">{block.key_id}</dd>
              <dt className="text-[var(--muted)]">Last anchored</dt>
              <dd>{s?.last_anchor ? `block ${s.last_anchor.block_seq}, ${formatRelative(s.last_anchor.anchored_at)} (${s.last_anchor.anchor})` : 'Never'}</dd>
            </dl>
          ) : <p className="text-sm text-[var(--muted)]">No block has closed yet.</p>}
        </Card>
      </div>
      <Card title="Differences found by reconciliation">
        <DataTable caption="Differences between the ledger and the live tables" rows={mismatches.data?.data} rowKey={(m) => m.id} loading={mismatches.isFetching}
          error={mismatches.error} onRetry={() => mismatches.refetch()} empty="None: the live tables agree with the ledger."
          columns={[
            { header: 'What', cell: (m) => m.kind },
            { header: 'Of', cell: (m) => <span className="font-mono text-xs">{m.resource_id}</span> },
            { header: 'Ledger', cell: (m) => m.ledger_value, align: 'right' },
            { header: 'Live', cell: (m) => m.live_value ?? 'missing', align: 'right' },
            { header: 'Found', cell: (m) => formatRelative(m.detected_at), secondary: true },
          ]} />
      </Card>
    </Page>
  );
}
