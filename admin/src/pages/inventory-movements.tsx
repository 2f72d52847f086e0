import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime, humanize } from '../lib/format.ts';
import { useLocations } from '../lib/orders.ts';
import { useSession } from '../lib/session.tsx';
import { useSetSearch } from '../lib/use-list.ts';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

const FIELDS = ['on_hand', 'committed', 'reserved', 'safety_stock', 'incoming'] as const;

/** Every stock change, newest first: who, what, why, before and after (filters in the URL). */
export default function InventoryMovementsPage() {
  const search = useSearch({ from: '/signed-in/inventory/movements' });
  const setSearch = useSetSearch();
  const locations = useLocations();
  const me = useSession().user?.id;
  // Staff are named by id (the users list needs users:manage); checkout and the system by their role.
  const who = (actor: string) => (actor === me ? 'You' : actor.startsWith('usr_') ? actor : humanize(actor));
  const name = (id: string) => locations.data?.data.find((l) => l.id === id)?.name ?? id;
  const movements = useQuery({
    queryKey: ['inventory', 'movements', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/inventory/movements', { params: { query: {
      variant_id: search.variant_id, location_id: search.location_id, field: search.field as (typeof FIELDS)[number] | undefined, cursor: search.cursor, limit: search.limit ?? 20,
    } } })),
  });
  return (
    <Page title="Stock movements" back={{ label: 'Back to inventory', to: '/inventory' }} wide>
      <div className="mb-3 flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">Location
          <select className="input w-auto" value={search.location_id ?? ''} onChange={(e) => setSearch({ location_id: e.target.value || undefined })}>
            <option value="">All</option>
            {locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">Quantity
          <select className="input w-auto" value={search.field ?? ''} onChange={(e) => setSearch({ field: e.target.value || undefined })}>
            <option value="">All</option>
            {FIELDS.map((f) => <option key={f} value={f}>{humanize(f)}</option>)}
          </select>
        </label>
      </div>
      <DataTable
        caption="Stock movements"
        rows={movements.data?.data}
        rowKey={(m) => m.id}
        loading={movements.isFetching}
        error={movements.error}
        onRetry={() => movements.refetch()}
        empty="No stock has moved yet."
        columns={[
          { header: 'When', cell: (m) => <span className="whitespace-nowrap">{formatDateTime(m.created_at)}</span> },
          { header: 'SKU', cell: (m) => m.sku ?? '—' },
          { header: 'Location', cell: (m) => name(m.location_id) },
          { header: 'Quantity', cell: (m) => humanize(m.field), secondary: true },
          { header: 'Change', align: 'right', cell: (m) => <span className="tabular-nums">{m.change > 0 ? `+${m.change}` : m.change}</span> },
          { header: 'Before → after', align: 'right', secondary: true, cell: (m) => <span className="tabular-nums">{m.before} → {m.after}</span> },
          { header: 'Reason', cell: (m) => humanize(m.reason) },
          { header: 'By', secondary: true, cell: (m) => who(m.actor) },
          { header: 'Note', secondary: true, cell: (m) => m.note ?? '' },
        ]}
      />
      <Pagination search={search} nextCursor={movements.data?.next_cursor} />
    </Page>
  );
}
