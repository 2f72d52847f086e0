import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { api, ApiError, ok } from '../api.ts';
import { formatRate, GRANULARITIES, periodStarts, salesTotals, type Granularity } from '../lib/analytics.ts';
import { formatMoney, formatNumber, humanize, shopTimeZone } from '../lib/format.ts';
import { useSetSearch } from '../lib/use-list.ts';
import { Empty, ErrorBanner } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';

const SalesChart = lazy(() => import('../ui/sales-chart.tsx'));

/** A cart with items and no order is abandoned after a day untouched (the report's default). */
const ABANDONED_AFTER_HOURS = 24;
const GROUPS = { product: 'Products', variant: 'Variants', collection: 'Collections' } as const;

/**
 * The analytics reports (docs/insights.md) for one period, cut by day, week or month, in one currency
 * at a time: sales, best sellers, carts, buyers and cohorts, refunds and returns. The period, the
 * cut, the currency and the best sellers' grouping are in the URL.
 */
export default function AnalyticsPage() {
  const search = useSearch({ from: '/signed-in/analytics' });
  const setSearch = useSetSearch();
  const granularity: Granularity = search.granularity ?? 'day';
  const period = { from: search.from, to: search.to, time_zone: shopTimeZone() };
  const report = { placeholderData: keepPreviousData };
  const sales = useQuery({ ...report, queryKey: ['analytics', 'sales', period, granularity], queryFn: () => ok(api.GET('/admin/analytics/sales', { params: { query: { ...period, granularity } } })) });
  const currencies = useMemo(() => [...new Set(sales.data?.data.map((d) => d.currency_code))].sort(), [sales.data]);
  const currency = search.currency && currencies.includes(search.currency) ? search.currency : currencies[0];
  const groupBy = search.group_by ?? 'product';
  const products = useQuery({
    ...report, enabled: !!sales.data, queryKey: ['analytics', 'products', period, groupBy, currency],
    queryFn: () => ok(api.GET('/admin/analytics/products', { params: { query: { ...period, group_by: groupBy, currency_code: currency, limit: 10 } } })),
  });
  const carts = useQuery({ ...report, queryKey: ['analytics', 'carts', period, granularity], queryFn: () => ok(api.GET('/admin/analytics/carts', { params: { query: { ...period, granularity, abandoned_after_hours: ABANDONED_AFTER_HOURS } } })) });
  const customers = useQuery({ ...report, queryKey: ['analytics', 'customers', period, granularity], queryFn: () => ok(api.GET('/admin/analytics/customers', { params: { query: { ...period, granularity } } })) });
  const refunds = useQuery({ ...report, queryKey: ['analytics', 'refunds', period], queryFn: () => ok(api.GET('/admin/analytics/refunds', { params: { query: period } })) });

  // A bad period is refused by every report alike: said once, beside the date it names.
  const rangeError = sales.error instanceof ApiError && (sales.error.field === 'from' || sales.error.field === 'to') ? sales.error : null;
  const from = sales.data?.from ?? search.from ?? '';
  const to = sales.data?.to ?? search.to ?? '';
  const periods = useMemo(() => periodStarts(from, to, granularity), [from, to, granularity]);
  const rows = sales.data?.data.filter((d) => d.currency_code === currency) ?? [];
  const totals = salesTotals(rows);
  const unit = granularity === 'day' ? 'Day' : granularity === 'week' ? 'Week of' : 'Month';
  const busy = (q: { isFetching: boolean }) => q.isFetching || undefined;

  return (
    <Page title="Analytics" wide>
      <form className="card mb-4 flex flex-wrap items-start gap-3" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <TextField label="From" type="date" value={search.from ?? from} max={to || undefined} data-field="from"
          onChange={(e) => setSearch({ from: e.target.value || undefined })} error={rangeError?.field === 'from' ? rangeError.message : null} />
        <TextField label="To" type="date" value={search.to ?? to} data-field="to"
          onChange={(e) => setSearch({ to: e.target.value || undefined })} error={rangeError?.field === 'to' ? rangeError.message : null} />
        <SelectField label="Periods" value={granularity} onChange={(e) => setSearch({ granularity: e.target.value === 'day' ? undefined : e.target.value })}>
          {GRANULARITIES.map((g) => <option key={g} value={g}>{humanize(g)}s</option>)}
        </SelectField>
        {currencies.length > 1 && (
          <SelectField label="Currency" value={currency} onChange={(e) => setSearch({ currency: e.target.value })}>
            {currencies.map((c) => <option key={c}>{c}</option>)}
          </SelectField>
        )}
        {(search.from || search.to) && <button type="button" className="button self-end" onClick={() => setSearch({ from: undefined, to: undefined })}>Last 30 days</button>}
        <p className="basis-full text-xs text-[var(--muted)]">Days in {sales.data?.time_zone ?? shopTimeZone()}; both dates included. Canceled orders are not sales.</p>
      </form>
      {!rangeError && <ErrorBanner error={sales.error} onRetry={() => sales.refetch()} />}

      <Card title={currency ? `Sales in ${currency}` : 'Sales'} className="mb-4">
        <div aria-busy={busy(sales)}>
          {sales.data && !currency && <Empty>No orders were placed in this period.</Empty>}
          {currency && (
            <>
              <Figures label={`Sales totals in ${currency}`} className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
                <Figure label="Gross sales" value={formatMoney(totals.gross_sales, currency)} />
                <Figure label="Discounts" value={formatMoney(totals.discounts, currency)} />
                <Figure label="Refunds" value={formatMoney(totals.refunds, currency)} />
                <Figure label="Net sales" value={formatMoney(totals.net_sales, currency)} />
                <Figure label="Tax" value={formatMoney(totals.tax, currency)} />
                <Figure label="Shipping" value={formatMoney(totals.shipping, currency)} />
                <Figure label="Total sales" value={formatMoney(totals.total_sales, currency)} />
                <Figure label="Orders" value={formatNumber(totals.orders)} />
                <Figure label="Average order value" value={formatMoney(totals.average_order_value, currency)} />
              </Figures>
              <h3 className="mb-1 text-sm font-medium">Net sales per {granularity}</h3>
              <Suspense fallback={<div className="h-56" aria-busy="true" />}>
                <SalesChart days={rows.map((r) => ({ date: r.period, total: r.net_sales, orders: r.orders }))} currency={currency} periods={periods} unit={granularity} label="Net sales" table={false} />
              </Suspense>
              <ReportTable caption={`Sales per ${granularity} in ${currency}`} className="mt-4"
                head={[unit, 'Orders', 'Gross', 'Discounts', 'Refunds', 'Net', 'Tax', 'Shipping', 'Total', 'Average order']}
                rows={rows.map((r) => [r.period, formatNumber(r.orders), ...[r.gross_sales, r.discounts, r.refunds, r.net_sales, r.tax, r.shipping, r.total_sales, r.average_order_value].map((v) => formatMoney(v, currency))])} />
            </>
          )}
        </div>
      </Card>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title="Best sellers" action={
          <label className="flex items-center gap-2 text-sm">Show
            <select className="input w-auto" value={groupBy} onChange={(e) => setSearch({ group_by: e.target.value === 'product' ? undefined : e.target.value })}>
              {Object.entries(GROUPS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
        }>
          <ErrorBanner error={products.error} onRetry={() => products.refetch()} />
          <div aria-busy={busy(products)}>
            {products.data?.data.length === 0 ? <Empty>Nothing was sold in this period.</Empty> : products.data && (
              <ReportTable caption={`Best ${GROUPS[groupBy].toLowerCase()} by net sales${currency ? ` in ${currency}` : ''}`}
                head={[groupBy === 'variant' ? 'Variant' : groupBy === 'collection' ? 'Collection' : 'Product', 'Units', 'Orders', 'Net sales', 'Returned']}
                rows={products.data.data.map((p) => [
                  groupBy === 'product' && p.id ? <Link to="/products/$id" params={{ id: p.id }} className="row-link">{p.title}</Link>
                    : <>{p.title ?? (groupBy === 'collection' ? 'In no collection' : '—')}{p.sku && <span className="block text-xs text-[var(--muted)]">{p.sku}</span>}</>,
                  formatNumber(p.units), formatNumber(p.orders), formatMoney(p.net_sales, p.currency_code), formatNumber(p.returned_units),
                ])} />
            )}
          </div>
        </Card>

        <Card title="Carts">
          <ErrorBanner error={carts.error} onRetry={() => carts.refetch()} />
          <div aria-busy={busy(carts)}>
            {carts.data && <CartFigures data={carts.data.data} unit={unit} />}
            <p className="mt-2 text-xs text-[var(--muted)]">Abandoned: items in it, no order, untouched for {ABANDONED_AFTER_HOURS} hours. Conversion: ordered / carts with items.</p>
          </div>
        </Card>

        <Card title="Customers">
          <ErrorBanner error={customers.error} onRetry={() => customers.refetch()} />
          <div aria-busy={busy(customers)}>
            {customers.data && <CustomerFigures report={customers.data} unit={unit} />}
          </div>
        </Card>

        <Card title="Refunds and returns">
          <ErrorBanner error={refunds.error} onRetry={() => refunds.refetch()} />
          <div aria-busy={busy(refunds)}>
            {refunds.data && (refunds.data.refunds.length + refunds.data.returns.length === 0
              ? <Empty>No refunds or returns in this period.</Empty>
              : <>
                {refunds.data.refunds.length === 0 ? <p className="text-sm text-[var(--muted)]">No refunds in this period.</p> : (
                  <ReportTable caption="Refunds by reason" head={['Reason', 'Refunds', 'Amount']}
                    rows={refunds.data.refunds.map((r) => [humanize(r.reason), formatNumber(r.refunds), formatMoney(r.amount, r.currency_code)])} />
                )}
                {refunds.data.returns.length === 0 ? <p className="mt-4 text-sm text-[var(--muted)]">No returns in this period.</p> : (
                  <ReportTable caption="Returns by reason" className="mt-4" head={['Reason', 'Returns', 'Units asked back', 'Units received']}
                    rows={refunds.data.returns.map((r) => [humanize(r.reason), formatNumber(r.returns), formatNumber(r.units), formatNumber(r.received_units)])} />
                )}
              </>)}
          </div>
        </Card>
      </div>
    </Page>
  );
}

/** A set of figures, named (a <dl> has no role to carry a name). */
function Figures({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return <div role="group" aria-label={label}><dl className={className}>{children}</dl></div>;
}

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-[var(--muted)]">{label}</dt>
      <dd className="text-[16px] leading-6 font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

type CartRow = { period: string; carts: number; carts_with_items: number; ordered: number; abandoned: number; conversion_rate: number };

function CartFigures({ data, unit }: { data: CartRow[]; unit: string }) {
  if (data.length === 0) return <Empty>No carts were started in this period.</Empty>;
  const sum = (key: 'carts' | 'carts_with_items' | 'ordered' | 'abandoned') => data.reduce((total, row) => total + row[key], 0);
  const withItems = sum('carts_with_items');
  return (
    <>
      <Figures label="Cart totals" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Figure label="Carts started" value={formatNumber(sum('carts'))} />
        <Figure label="With items" value={formatNumber(withItems)} />
        <Figure label="Ordered" value={formatNumber(sum('ordered'))} />
        <Figure label="Abandoned" value={formatNumber(sum('abandoned'))} />
        <Figure label="Conversion" value={withItems ? formatRate(sum('ordered') / withItems) : '—'} />
      </Figures>
      <ReportTable caption="Carts per period started" head={[unit, 'Carts', 'With items', 'Ordered', 'Abandoned', 'Conversion']}
        rows={data.map((r) => [r.period, formatNumber(r.carts), formatNumber(r.carts_with_items), formatNumber(r.ordered), formatNumber(r.abandoned), formatRate(r.conversion_rate)])} />
    </>
  );
}

type CustomerReport = {
  customers: number; repeat_customers: number; repeat_purchase_rate: number;
  data: { period: string; customers: number; new_customers: number; returning_customers: number; orders_new: number; orders_returning: number }[];
  cohorts: { cohort: string; customers: number; active: { month: number; customers: number }[] }[];
};

function CustomerFigures({ report, unit }: { report: CustomerReport; unit: string }) {
  if (report.customers === 0) return <Empty>Nobody ordered in this period.</Empty>;
  // Every buyer of the period is new (first order ever in it) or returning (ordered before it).
  const newBuyers = report.data.reduce((total, row) => total + row.new_customers, 0);
  const months = Math.max(0, ...report.cohorts.flatMap((c) => c.active.map((a) => a.month)));
  return (
    <>
      <Figures label="Customer totals" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Figure label="Buyers" value={formatNumber(report.customers)} />
        <Figure label="New" value={formatNumber(newBuyers)} />
        <Figure label="Returning" value={formatNumber(report.customers - newBuyers)} />
        <Figure label="Ordered twice or more" value={formatNumber(report.repeat_customers)} />
        <Figure label="Repeat purchase rate" value={formatRate(report.repeat_purchase_rate)} />
      </Figures>
      <ReportTable caption="New and returning buyers per period" head={[unit, 'Buyers', 'New', 'Returning', 'Orders by new', 'Orders by returning']}
        rows={report.data.map((r) => [r.period, ...[r.customers, r.new_customers, r.returning_customers, r.orders_new, r.orders_returning].map(formatNumber)])} />
      {report.cohorts.length > 0 && (
        <ReportTable caption="Monthly cohorts: buyers by the month of their first order, and how many ordered again in each month after" className="mt-4"
          head={['First order', 'Buyers', ...Array.from({ length: months + 1 }, (_, m) => `Month ${m}`)]}
          rows={report.cohorts.map((c) => [c.cohort.slice(0, 7), formatNumber(c.customers),
            ...Array.from({ length: months + 1 }, (_, m) => { const active = c.active.find((a) => a.month === m); return active ? formatNumber(active.customers) : ''; })])} />
      )}
    </>
  );
}

/** A report's rows as a real table (its caption visible), the first column the period or name, the rest figures. */
function ReportTable({ caption, head, rows, className = '' }: { caption: string; head: string[]; rows: ReactNode[][]; className?: string }) {
  return (
    <div className={`overflow-x-auto ${className}`} role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="mb-1 text-left text-sm font-medium">{caption}</caption>
        <thead><tr>{head.map((h, i) => <th key={h} scope="col" className={i ? 'text-right' : ''}>{h}</th>)}</tr></thead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>{cells.map((cell, i) => i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} className="text-right tabular-nums">{cell}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
