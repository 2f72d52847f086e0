import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

export interface SalesDay { date: string; currency_code: string; orders: number; total: number }

export interface SalesSummary {
  time_zone: string;
  /** Placed orders not canceled, per day (in the time zone) and currency, oldest first; days without sales are absent. */
  days: SalesDay[];
  /** Open orders with money authorized and not captured. */
  to_capture: number;
  /** Open orders with units not fulfilled. */
  to_fulfill: number;
}

/**
 * The dashboard's figures in two queries, so the admin app never adds up orders page by page. Days
 * are cut in the staff's time zone: "today" is their today, not UTC's.
 */
export async function salesSummary(db: Db, { days, timeZone }: { days: number; timeZone: string }): Promise<SalesSummary> {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError('invalid_request', { field: 'querystring.time_zone', reason: 'unknown time zone' });
  }
  const since = sql`(date_trunc('day', now() at time zone ${timeZone}) - make_interval(days => ${days - 1})) at time zone ${timeZone}`;
  const [sales, counts] = await Promise.all([
    sql<{ date: string; currency_code: string; orders: number; total: string }>`
      select to_char(placed_at at time zone ${timeZone}, 'YYYY-MM-DD') as date, currency_code, count(*)::int as orders, sum(total)::text as total
      from orders
      where placed_at >= ${since} and status <> 'canceled'
      group by 1, 2 order by 1, 2`.execute(db),
    sql<{ to_capture: number; to_fulfill: number }>`
      select count(*) filter (where payment_status in ('authorized', 'partially_captured'))::int as to_capture,
             count(*) filter (where fulfillment_status in ('unfulfilled', 'partially_fulfilled'))::int as to_fulfill
      from orders where status = 'open' and placed_at is not null`.execute(db),
  ]);
  return {
    time_zone: timeZone,
    days: sales.rows.map((row) => ({ ...row, total: Number(row.total) })),
    ...counts.rows[0],
  };
}
