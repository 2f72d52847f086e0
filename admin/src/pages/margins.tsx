import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { useCurrencies } from '../lib/catalog.ts';
import { formatMoney } from '../lib/format.ts';
import { useSetSearch } from '../lib/use-list.ts';
import { SelectField, TextField } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

/** A day typed as yyyy-mm-dd, as the instant that day starts (UTC), for the report's [from, to) window. */
const dayStart = (day: string | undefined) => (day ? `${day}T00:00:00Z` : undefined);

/**
 * Cost of goods and margin per product or per order, in one currency, from the lots order lines took
 * (docs/purchasing.md#cost-of-goods-and-margin). Filters live in the URL.
 */
export default function MarginsPage() {
  const search = useSearch({ from: '/signed-in/reports/margins' });
  const setSearch = useSetSearch();
  const currencies = useCurrencies();
  const currency = search.currency_code ?? currencies.data?.[0];
  const groupBy = search.group_by === 'order' ? 'order' : 'product';
  const report = useQuery({
    queryKey: ['reports', 'margins', { ...search, currency_code: currency }],
    enabled: !!currency,
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/reports/margins', {
      params: { query: { currency_code: currency!, group_by: groupBy, from: dayStart(search.from), to: dayStart(search.to), cursor: search.cursor, limit: search.limit ?? 20 } },
    })),
  });
  const money = (minor: number) => formatMoney(minor, currency ?? 'USD');
  return (
    <Page title="Margins">
      <form className="card mb-4 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()} aria-label="Report filters">
        <SelectField label="Currency" className="w-28" value={currency ?? ''} onChange={(e) => setSearch({ currency_code: e.target.value })}>
          {(currencies.data ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
        </SelectField>
        <SelectField label="Group by" className="w-36" value={groupBy} onChange={(e) => setSearch({ group_by: e.target.value })}>
          <option value="product">Product</option>
          <option value="order">Order</option>
        </SelectField>
        <TextField label="Placed from" type="date" className="w-44" value={search.from ?? ''} onChange={(e) => setSearch({ from: e.target.value || undefined })} />
        <TextField label="Placed before" type="date" className="w-44" value={search.to ?? ''} onChange={(e) => setSearch({ to: e.target.value || undefined })} />
      </form>
      <p className="mb-3 text-sm text-[var(--muted)]">
        Revenue is after discounts, before tax, for the units customers kept. Margin counts only units whose lot has a cost in this currency; the others are uncosted.
      </p>
      <DataTable
        caption={`Margins by ${groupBy} in ${currency ?? ''}`}
        rows={report.data?.data}
        rowKey={(row) => row.key}
        loading={report.isFetching || currencies.isFetching}
        error={report.error ?? currencies.error}
        onRetry={() => report.refetch()}
        empty="No fulfilled units with lots in this currency and window."
        columns={[
          {
            header: groupBy === 'order' ? 'Order' : 'Product',
            cell: (row) => (groupBy === 'order'
              ? <Link to="/orders/$id" params={{ id: row.key }} className="row-link">#{row.title}</Link>
              : <Link to="/products/$id" params={{ id: row.key }} className="row-link">{row.title}</Link>),
          },
          { header: 'Units', align: 'right', cell: (row) => row.units },
          { header: 'Revenue', align: 'right', cell: (row) => money(row.revenue) },
          { header: 'Cost of goods', align: 'right', cell: (row) => money(row.cost_of_goods) },
          { header: 'Margin', align: 'right', cell: (row) => money(row.margin) },
          { header: 'Margin %', align: 'right', secondary: true, cell: (row) => (row.costed_revenue > 0 ? `${((row.margin / row.costed_revenue) * 100).toFixed(1)} %` : '—') },
          { header: 'Uncosted units', align: 'right', secondary: true, cell: (row) => row.uncosted_units },
        ]}
      />
      <Pagination search={search} nextCursor={report.data?.next_cursor} />
    </Page>
  );
}
