import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime, formatMoney, formatRelative, humanize } from '../lib/format.ts';
import { useDebouncedSearch, useSetSearch } from '../lib/use-list.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { Page } from '../ui/page.tsx';
import { useColumnChoice } from '../ui/column-chooser.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

const VIEWS = [
  { label: 'All', search: {} },
  { label: 'To capture', search: { payment_status: 'authorized' } },
  { label: 'Unfulfilled', search: { fulfillment_status: 'unfulfilled', status: 'open' } },
  { label: 'Open', search: { status: 'open' } },
] as const;

const FILTERS = {
  status: ['open', 'completed', 'canceled'],
  payment_status: ['not_paid', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'voided'],
  fulfillment_status: ['unfulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'partially_delivered', 'delivered', 'partially_returned', 'returned'],
} as const;

export default function OrdersPage() {
  const search = useSearch({ from: '/signed-in/orders' });
  const setSearch = useSetSearch();
  const [text, setText] = useDebouncedSearch(search.q, (q) => setSearch({ q }));
  const orders = useQuery({
    queryKey: ['orders', 'list', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/orders', { params: { query: {
      q: search.q, status: search.status, payment_status: search.payment_status, fulfillment_status: search.fulfillment_status,
      cursor: search.cursor, limit: search.limit ?? 20,
    } } })),
  });
  const activeView = VIEWS.find((v) => Object.keys(FILTERS).every((k) => (v.search as Record<string, string>)[k] === search[k as keyof typeof FILTERS]));
  const [columns, columnChooser] = useColumnChoice<NonNullable<typeof orders.data>['data'][number]>('orders', [
    { header: 'Order', cell: (o) => <Link to="/orders/$id" params={{ id: o.id }} className="row-link">{o.display_number ?? o.id}</Link> },
    { header: 'Placed', cell: (o) => o.placed_at ? <time dateTime={o.placed_at} title={formatDateTime(o.placed_at)}>{formatRelative(o.placed_at)}</time> : '—', secondary: true },
    { header: 'Customer', cell: (o) => o.email, secondary: true },
    { header: 'Payment', cell: (o) => <StatusBadge status={o.payment_status} /> },
    { header: 'Fulfillment', cell: (o) => <StatusBadge status={o.fulfillment_status} />, secondary: true },
    { header: 'Items', cell: (o) => o.item_count, align: 'right', secondary: true },
    { header: 'Total', cell: (o) => formatMoney(o.total, o.currency_code), align: 'right' },
  ]);
  return (
    <Page title="Orders" actions={<Link to="/draft-orders" className="button">Draft orders</Link>}>
      <div role="group" aria-label="Views" className="mb-3 flex flex-wrap gap-1">
        {VIEWS.map((view) => (
          <button key={view.label} type="button" aria-pressed={activeView === view} className={`button ${activeView === view ? 'button-primary' : ''}`}
            onClick={() => setSearch({ status: undefined, payment_status: undefined, fulfillment_status: undefined, ...view.search })}>
            {view.label}
          </button>
        ))}
      </div>
      <div className="mb-3 flex flex-wrap items-end gap-2">
        <label className="flex min-w-60 flex-1 flex-col gap-1 text-sm font-medium">
          Search orders
          <input className="input" type="search" placeholder="Order number or email" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {(Object.keys(FILTERS) as (keyof typeof FILTERS)[]).map((key) => (
          <label key={key} className="flex flex-col gap-1 text-sm font-medium">
            {humanize(key)}
            <select className="input w-auto" value={search[key] ?? ''} onChange={(e) => setSearch({ [key]: e.target.value || undefined })}>
              <option value="">Any</option>
              {FILTERS[key].map((value) => <option key={value} value={value}>{humanize(value)}</option>)}
            </select>
          </label>
        ))}
        <div className="ml-auto">{columnChooser}</div>
      </div>
      <DataTable
        keyboard
        caption="Orders"
        rows={orders.data?.data}
        rowKey={(o) => o.id}
        loading={orders.isFetching}
        error={orders.error}
        onRetry={() => orders.refetch()}
        empty={search.q || search.status || search.payment_status || search.fulfillment_status
          ? <>No orders match. <button type="button" className="button" onClick={() => setSearch({ q: undefined, status: undefined, payment_status: undefined, fulfillment_status: undefined })}>Clear filters</button></>
          : 'No orders yet. Orders placed in the store appear here.'}
        columns={columns}
      />
      <Pagination search={search} nextCursor={orders.data?.next_cursor} />
    </Page>
  );
}
