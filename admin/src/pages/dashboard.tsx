import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, ok } from '../api.ts';
import { dayKey, formatDay, formatMoney, formatRelative, shopTimeZone } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner } from '../ui/feedback.tsx';
import { Card, Page } from '../ui/page.tsx';

const SalesChart = lazy(() => import('../ui/sales-chart.tsx'));

export default function DashboardPage() {
  const can = useCan();
  const timeZone = shopTimeZone();
  const sales = useQuery({ queryKey: ['dashboard', 'sales', timeZone], queryFn: () => ok(api.GET('/admin/orders/sales', { params: { query: { days: 30, time_zone: timeZone } } })) });
  const recent = useQuery({ queryKey: ['orders', 'list', { limit: 5 }], queryFn: () => ok(api.GET('/admin/orders', { params: { query: { limit: 5 } } })) });
  const lowStock = useQuery({ enabled: can('inventory:read'), queryKey: ['inventory', 'levels', { low_stock: true, limit: 5 }], queryFn: () => ok(api.GET('/admin/inventory/levels', { params: { query: { low_stock: true, limit: 5 } } })) });
  const bestSellers = useQuery({ enabled: can('orders:read'), queryKey: ['analytics', 'products', timeZone], queryFn: () => ok(api.GET('/admin/analytics/products', { params: { query: { time_zone: timeZone, group_by: 'product', limit: 5 } } })) });
  const reorder = useQuery({ enabled: can('inventory:read'), queryKey: ['reorder-suggestions', { limit: 5 }], queryFn: () => ok(api.GET('/admin/reorder-suggestions', { params: { query: { all: false, limit: 5 } } })) });
  const webhooks = useQuery({ enabled: can('webhooks:manage'), queryKey: ['webhooks', 'list'], queryFn: () => ok(api.GET('/admin/webhooks', { params: { query: { limit: 100 } } })) });
  const currencies = useMemo(() => [...new Set(sales.data?.days.map((d) => d.currency_code))].sort(), [sales.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const currency = chosen ?? currencies[0] ?? 'USD';
  const totals = (days: number) => {
    const since = dayKey(Date.now() - (days - 1) * 86_400_000);
    return (sales.data?.days ?? []).filter((d) => d.currency_code === currency && d.date >= since).reduce((sum, d) => ({ total: sum.total + d.total, orders: sum.orders + d.orders }), { total: 0, orders: 0 });
  };
  const failing = webhooks.data?.data.filter((w) => !w.enabled || (w.last_failure_at && (!w.last_success_at || w.last_failure_at > w.last_success_at))) ?? [];
  return (
    <Page title="Home">
      <ErrorBanner error={sales.error} onRetry={() => sales.refetch()} />
      <div className="mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {[['Today', 1], ['7 days', 7], ['30 days', 30]].map(([label, days]) => {
          const t = totals(days as number);
          return (
            <section key={label} className="card" aria-labelledby={`sales-${days}`}>
              <h2 id={`sales-${days}`} className="text-sm text-[var(--muted)]">Sales {String(label).toLowerCase()}</h2>
              <p className="text-[20px] leading-7 font-semibold tabular-nums">{sales.data ? formatMoney(t.total, currency) : '…'}</p>
              <p className="text-xs text-[var(--muted)]">{t.orders} orders</p>
            </section>
          );
        })}
        <section className="card" aria-labelledby="to-capture">
          <h2 id="to-capture" className="text-sm text-[var(--muted)]">To capture</h2>
          <p className="text-[20px] leading-7 font-semibold"><Link to="/orders" search={{ payment_status: 'authorized' }} className="row-link">{sales.data?.to_capture ?? '…'}</Link></p>
        </section>
        <section className="card" aria-labelledby="to-fulfill">
          <h2 id="to-fulfill" className="text-sm text-[var(--muted)]">To fulfill</h2>
          <p className="text-[20px] leading-7 font-semibold"><Link to="/orders" search={{ fulfillment_status: 'unfulfilled', status: 'open' }} className="row-link">{sales.data?.to_fulfill ?? '…'}</Link></p>
        </section>
      </div>
      <Card title="Sales, last 30 days" className="mb-4" action={currencies.length > 1 && (
        <label className="flex items-center gap-2 text-sm">Currency
          <select className="input w-auto" value={currency} onChange={(e) => setChosen(e.target.value)}>{currencies.map((c) => <option key={c}>{c}</option>)}</select>
        </label>
      )}>
        <Suspense fallback={<div className="h-56" aria-busy="true" />}>
          {sales.data && <SalesChart days={sales.data.days.filter((d) => d.currency_code === currency)} currency={currency} />}
        </Suspense>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Recent orders" action={<Link to="/orders" className="button">All orders</Link>}>
          <ErrorBanner error={recent.error} />
          {recent.data?.data.length === 0 && <p className="text-[var(--muted)]">No orders yet.</p>}
          <ul className="flex flex-col gap-2">
            {recent.data?.data.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2">
                <Link to="/orders/$id" params={{ id: o.id }} className="row-link">{o.display_number ?? o.id}</Link>
                <StatusBadge status={o.payment_status} />
                <span className="text-xs text-[var(--muted)]">{o.placed_at ? formatRelative(o.placed_at) : ''}</span>
                <span className="ml-auto tabular-nums">{formatMoney(o.total, o.currency_code)}</span>
              </li>
            ))}
          </ul>
        </Card>
        {can('inventory:read') && (
          <Card title="Low stock" action={<Link to="/inventory" search={{ low_stock: true }} className="button">All low stock</Link>}>
            <ErrorBanner error={lowStock.error} />
            {lowStock.data?.data.length === 0 && <p className="text-[var(--muted)]">Nothing is running low.</p>}
            <ul className="flex flex-col gap-2">
              {lowStock.data?.data.map((l) => (
                <li key={`${l.item_id}-${l.location_id}`} className="flex gap-2">
                  <Link to="/products/$id" params={{ id: l.product_id }} className="row-link">{l.product_title} · {l.variant_title}</Link>
                  <span className="ml-auto tabular-nums">{l.available} at {l.location_code}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {can('orders:read') && <Card title="Best sellers, 30 days" action={<Link to="/analytics" className="button">All analytics</Link>}>
          <ErrorBanner error={bestSellers.error} />
          {bestSellers.data?.data.length === 0 && <p className="text-[var(--muted)]">No sales yet.</p>}
          <ul className="flex flex-col gap-2">
            {bestSellers.data?.data.map((p) => (
              <li key={`${p.id}-${p.currency_code}`} className="flex gap-2">
                {p.id ? <Link to="/products/$id" params={{ id: p.id }} className="row-link">{p.title}</Link> : <span>{p.title}</span>}
                <span className="text-xs text-[var(--muted)]">{p.units} sold</span>
                <span className="ml-auto tabular-nums">{formatMoney(p.net_sales, p.currency_code)}</span>
              </li>
            ))}
          </ul>
        </Card>}
        {can('inventory:read') && (
          <Card title="Reorder now">
            <ErrorBanner error={reorder.error} />
            {reorder.data?.data.length === 0 && <p className="text-[var(--muted)]">Nothing is due for reordering.</p>}
            <ul className="flex flex-col gap-2">
              {reorder.data?.data.map((r) => (
                <li key={`${r.variant_id}-${r.location_id}`} className="flex flex-wrap gap-2">
                  <Link to="/products/$id" params={{ id: r.product_id }} className="row-link">{r.title}</Link>
                  <span className="text-xs text-[var(--muted)]">{r.available} left, {r.days_of_cover === null ? 'no demand' : `${r.days_of_cover.toFixed(1)} days of cover`}</span>
                  <Link to="/forecasts/$variantId" params={{ variantId: r.variant_id }} className="row-link ml-auto tabular-nums">order {r.suggested_quantity}</Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {can('webhooks:manage') && failing.length > 0 && (
          <Card title="Webhook endpoints failing">
            <ul className="flex flex-col gap-2">
              {failing.map((w) => (
                <li key={w.id} className="flex flex-wrap gap-2">
                  <Link to="/settings/webhooks/$id" params={{ id: w.id }} className="row-link break-all">{w.url}</Link>
                  <StatusBadge status={w.enabled ? 'failed' : 'disabled'} />
                  {w.last_failure_at && <span className="text-xs text-[var(--muted)]">last failure {formatDay(w.last_failure_at)}</span>}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </Page>
  );
}
