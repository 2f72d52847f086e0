import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { formatMoney, formatNumber } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { useDebouncedSearch, useSetSearch } from '../lib/use-list.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { Page } from '../ui/page.tsx';
import { ProductBulkBar, type ProductFilter } from '../ui/product-bulk-bar.tsx';
import { useColumnChoice } from '../ui/column-chooser.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

type Status = 'draft' | 'published' | 'archived';

export default function ProductsPage() {
  const search = useSearch({ from: '/signed-in/products' });
  const setSearch = useSetSearch();
  const can = useCan();
  const [text, setText] = useDebouncedSearch(search.q, (q) => setSearch({ q }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const filter: ProductFilter = { q: search.q, status: search.status ? [search.status as Status] : undefined, tag: search.tag ? [search.tag] : undefined };
  const products = useQuery({
    queryKey: ['products', 'list', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/products', { params: { query: {
      ...filter, cursor: search.cursor, limit: search.limit ?? 20, sort: search.q ? 'relevance' : 'newest',
    } } })),
  });
  const rows = products.data?.data ?? [];
  const pageSelected = rows.length > 0 && rows.every((p) => selected.has(p.id));
  const [columns, columnChooser] = useColumnChoice<(typeof rows)[number]>('products', [
    { header: 'Product', cell: (p) => <>
      <Link to="/products/$id" params={{ id: p.id }} className="row-link">{p.title}</Link>
      {p.gift_card && <span className="ml-2 text-xs text-[var(--muted)]">Gift card</span>}
    </> },
    { header: 'Status', cell: (p) => <StatusBadge status={p.status} /> },
    { header: 'Variants', cell: (p) => formatNumber(p.variants.length), align: 'right', secondary: true },
    { header: 'Available', cell: (p) => {
      const counted = p.variants.filter((v) => v.available_quantity !== null);
      return counted.length ? formatNumber(counted.reduce((n, v) => n + (v.available_quantity ?? 0), 0)) : 'Not tracked';
    }, align: 'right', secondary: true },
    { header: 'Price', cell: (p) => {
      const price = p.variants.flatMap((v) => v.prices)[0];
      return price ? formatMoney(price.amount, price.currency_code) : '—';
    }, align: 'right' },
  ]);
  return (
    <Page title="Products" actions={<>
      <a href="/admin/products/export" className="button" download>Export CSV</a>
      {can('products:write') && <Link to="/products/import" className="button">Import CSV</Link>}
      {can('products:write') && <Link to="/products/new" className="button button-primary">Create product</Link>}
    </>}>
      <div className="mb-3 flex flex-wrap items-end gap-2">
        <label className="flex min-w-60 flex-1 flex-col gap-1 text-sm font-medium">
          Search products
          <input className="input" type="search" placeholder="Title, SKU or tag" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Status
          <select className="input w-auto" value={search.status ?? ''} onChange={(e) => setSearch({ status: e.target.value || undefined })}>
            <option value="">Any</option><option value="draft">Draft</option><option value="published">Published</option><option value="archived">Archived</option>
          </select>
        </label>
        <div className="ml-auto">{columnChooser}</div>
      </div>
      {selected.size > 0 && can('products:write') && (
        <ProductBulkBar filter={filter} rows={rows} selected={selected} onClear={() => setSelected(new Set())} canSelectAll={pageSelected && !!products.data?.next_cursor} />
      )}
      <DataTable
        keyboard
        caption="Products"
        rows={products.data?.data}
        rowKey={(p) => p.id}
        loading={products.isFetching}
        error={products.error}
        onRetry={() => products.refetch()}
        selection={can('products:write') ? { selected, onChange: setSelected, label: (p) => `Select ${p.title}` } : undefined}
        empty={search.q || search.status
          ? <>No products match. <button type="button" className="button" onClick={() => setSearch({ q: undefined, status: undefined, tag: undefined })}>Clear filters</button></>
          : 'No products yet. Create one, or import a CSV.'}
        columns={columns}
      />
      <Pagination search={search} nextCursor={products.data?.next_cursor} />
    </Page>
  );
}
