import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { useLocations } from '../lib/orders.ts';
import { useDebouncedSearch, useSetSearch } from '../lib/use-list.ts';
import { Badge } from '../ui/badge.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

/** Levels per variant and location; adjusting and moving stock are done on the product's page, with a reason. */
export default function InventoryPage() {
  const search = useSearch({ from: '/signed-in/inventory' });
  const setSearch = useSetSearch();
  const locations = useLocations();
  const [sku, setSku] = useDebouncedSearch(search.sku, (value) => setSearch({ sku: value }));
  const levels = useQuery({
    queryKey: ['inventory', 'levels', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/inventory/levels', { params: { query: { sku: search.sku, location_id: search.location_id, low_stock: search.low_stock, cursor: search.cursor, limit: search.limit ?? 20 } } })),
  });
  return (
    <Page title="Inventory" wide actions={<Link to="/inventory/movements" className="button">Stock movements</Link>}>
      <div className="mb-3 flex flex-wrap items-end gap-2">
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium">SKU<input className="input" type="search" value={sku} onChange={(e) => setSku(e.target.value)} /></label>
        <label className="flex flex-col gap-1 text-sm font-medium">Location
          <select className="input w-auto" value={search.location_id ?? ''} onChange={(e) => setSearch({ location_id: e.target.value || undefined })}>
            <option value="">All</option>
            {locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm font-medium"><input type="checkbox" checked={!!search.low_stock} onChange={(e) => setSearch({ low_stock: e.target.checked || undefined })} />Low stock only</label>
      </div>
      <DataTable
        caption="Inventory levels"
        rows={levels.data?.data}
        rowKey={(l) => `${l.item_id}-${l.location_id}`}
        loading={levels.isFetching}
        error={levels.error}
        onRetry={() => levels.refetch()}
        empty="No stock levels match."
        columns={[
          { header: 'Variant', cell: (l) => <Link to="/products/$id" params={{ id: l.product_id }} className="row-link">{l.product_title} · {l.variant_title}</Link> },
          { header: 'SKU', cell: (l) => l.sku ?? '—', secondary: true },
          { header: 'Location', cell: (l) => l.location_name },
          { header: 'On hand', cell: (l) => l.on_hand, align: 'right' },
          { header: 'Committed', cell: (l) => l.committed, align: 'right', secondary: true },
          { header: 'Reserved', cell: (l) => l.reserved, align: 'right', secondary: true },
          { header: 'Safety', cell: (l) => l.safety_stock, align: 'right', secondary: true },
          { header: 'Incoming', cell: (l) => l.incoming, align: 'right', secondary: true },
          { header: 'Available', cell: (l) => <span className="inline-flex items-center gap-2">{l.available}{l.available <= 0 ? <Badge tone="critical">Out of stock</Badge> : l.low_stock ? <Badge tone="attention">Low stock</Badge> : null}</span>, align: 'right' },
        ]}
      />
      <Pagination search={search} nextCursor={levels.data?.next_cursor} />
    </Page>
  );
}
