import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { bucketOf, type AnalyticsRange, type Granularity } from './analytics-range.ts';

export interface SalesFigures {
  currency_code: string;
  orders: number;
  /** Σ line subtotals (before discounts). */
  gross_sales: number;
  discounts: number;
  /** Refunds that succeeded in the period (by when they were made), of orders not canceled. */
  refunds: number;
  /** gross_sales − discounts − refunds. */
  net_sales: number;
  shipping: number;
  tax: number;
  /** Σ order totals − refunds: what the customers paid, net. */
  total_sales: number;
  /** Σ order totals / orders, rounded half up; 0 without orders. */
  average_order_value: number;
}
export interface SalesBucket extends SalesFigures { period: string }

/**
 * Sales per period and currency. An order counts when it was placed (not canceled orders), a refund
 * when it was made; both are summed in SQL in one statement from the orders' own totals, so the
 * figures reconcile with the orders to the unit.
 */
export async function salesReport(db: Db, range: AnalyticsRange, opts: { granularity: Granularity; currency_code?: string }) {
  const currency = opts.currency_code ? sql`and o.currency_code = ${opts.currency_code}` : sql``;
  const refundedAt = sql`coalesce(r.settled_at, r.created_at)`;
  const { rows } = await sql<{ period: string; currency_code: string; orders: number; gross: string; discounts: string; shipping: string; tax: string; total: string; refunds: string }>`
    with placed as (
      select ${bucketOf(sql`o.placed_at`, opts.granularity, range)} as period, o.currency_code, count(*)::int as orders,
        sum(o.subtotal) as gross, sum(o.discount_total) as discounts, sum(o.shipping_total) as shipping, sum(o.tax_total) as tax, sum(o.total) as total
      from orders o
      where o.placed_at >= ${range.start} and o.placed_at < ${range.end} and o.status <> 'canceled' ${currency}
      group by 1, 2
    ), refunded as (
      select ${bucketOf(refundedAt, opts.granularity, range)} as period, o.currency_code, sum(r.amount) as refunds
      from order_refund r join orders o on o.id = r.order_id
      where r.status = 'succeeded' and ${refundedAt} >= ${range.start} and ${refundedAt} < ${range.end} and o.status <> 'canceled' ${currency}
      group by 1, 2
    )
    select period, currency_code, coalesce(p.orders, 0) as orders, coalesce(p.gross, 0)::text as gross, coalesce(p.discounts, 0)::text as discounts,
      coalesce(p.shipping, 0)::text as shipping, coalesce(p.tax, 0)::text as tax, coalesce(p.total, 0)::text as total, coalesce(r.refunds, 0)::text as refunds
    from placed p full join refunded r using (period, currency_code)
    order by period, currency_code`.execute(db);
  const buckets: SalesBucket[] = rows.map((row) => ({
    period: row.period,
    ...figures(row.currency_code, row.orders, {
      gross: Number(row.gross), discounts: Number(row.discounts), shipping: Number(row.shipping), tax: Number(row.tax), total: Number(row.total), refunds: Number(row.refunds),
    }),
  }));
  return { from: range.from, to: range.to, time_zone: range.time_zone, granularity: opts.granularity, data: buckets };
}

function figures(currency_code: string, orders: number, s: { gross: number; discounts: number; shipping: number; tax: number; total: number; refunds: number }): SalesFigures {
  return {
    currency_code, orders,
    gross_sales: s.gross, discounts: s.discounts, refunds: s.refunds,
    net_sales: s.gross - s.discounts - s.refunds,
    shipping: s.shipping, tax: s.tax,
    total_sales: s.total - s.refunds,
    average_order_value: orders ? Math.floor(s.total / orders + 0.5) : 0,
  };
}
