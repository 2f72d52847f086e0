import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { bucketOf, type AnalyticsRange, type Granularity } from './analytics-range.ts';

/**
 * A buyer is their account, or for guest orders the email they gave (its hash: the email itself is
 * encrypted). Their first order is their first placed, not canceled order ever, in or before the period.
 */
const buyer = sql`coalesce(o.customer_id, 'email:' || o.email_hash, o.id)`;

export interface CustomerPeriod { period: string; customers: number; new_customers: number; returning_customers: number; orders_new: number; orders_returning: number }

/**
 * New and returning buyers per period (new: their first order falls in that period), and the repeat
 * rate: of the buyers who ordered in the period, the share with two orders or more by its end; and
 * the monthly cohorts.
 */
export async function customerReport(db: Db, range: AnalyticsRange, opts: { granularity: Granularity }) {
  const { rows } = await sql<CustomerPeriod>`
    with buyers as (
      select ${buyer} as buyer, o.placed_at, min(o.placed_at) over (partition by ${buyer}) as first_at
      from orders o where o.placed_at < ${range.end} and o.status <> 'canceled' and o.placed_at is not null
    ), inside as (
      select ${bucketOf(sql`placed_at`, opts.granularity, range)} as period, buyer,
        ${bucketOf(sql`first_at`, opts.granularity, range)} as first_period
      from buyers where placed_at >= ${range.start}
    )
    select period, count(distinct buyer)::int as customers,
      count(distinct buyer) filter (where first_period = period)::int as new_customers,
      count(distinct buyer) filter (where first_period < period)::int as returning_customers,
      count(*) filter (where first_period = period)::int as orders_new,
      count(*) filter (where first_period < period)::int as orders_returning
    from inside group by period order by period`.execute(db);
  const repeat = await sql<{ customers: number; repeat_customers: number }>`
    with counts as (
      select ${buyer} as buyer, count(*) as orders, max(o.placed_at) as last_at
      from orders o where o.placed_at < ${range.end} and o.status <> 'canceled' and o.placed_at is not null
      group by 1
    )
    select count(*)::int as customers, count(*) filter (where orders >= 2)::int as repeat_customers
    from counts where last_at >= ${range.start}`.execute(db);
  const { customers, repeat_customers } = repeat.rows[0];
  return {
    from: range.from, to: range.to, time_zone: range.time_zone, granularity: opts.granularity,
    data: rows, customers, repeat_customers,
    repeat_purchase_rate: customers ? repeat_customers / customers : 0,
    cohorts: await cohorts(db, range),
  };
}

export interface Cohort { cohort: string; customers: number; active: { month: number; customers: number }[] }

/**
 * Monthly cohorts: buyers grouped by the month of their first order (first orders in the period), and
 * how many of them ordered in each month after (0 = the first month: all of them), up to the period's end.
 */
async function cohorts(db: Db, range: AnalyticsRange): Promise<Cohort[]> {
  const month = (column: string) => sql`date_trunc('month', ${sql.ref(column)} at time zone ${range.time_zone})`;
  const { rows } = await sql<{ cohort: string; month: number; customers: number }>`
    with buyers as (
      select ${buyer} as buyer, o.placed_at, min(o.placed_at) over (partition by ${buyer}) as first_at
      from orders o where o.placed_at < ${range.end} and o.status <> 'canceled' and o.placed_at is not null
    )
    select to_char(${month('first_at')}, 'YYYY-MM') as cohort,
      ((extract(year from ${month('placed_at')}) - extract(year from ${month('first_at')})) * 12
        + extract(month from ${month('placed_at')}) - extract(month from ${month('first_at')}))::int as month,
      count(distinct buyer)::int as customers
    from buyers where first_at >= ${range.start}
    group by 1, 2 order by 1, 2`.execute(db);
  const byMonth = new Map<string, Cohort>();
  for (const row of rows) {
    const cohort = byMonth.get(row.cohort) ?? { cohort: row.cohort, customers: 0, active: [] };
    if (row.month === 0) cohort.customers = row.customers;
    cohort.active.push({ month: row.month, customers: row.customers });
    byMonth.set(row.cohort, cohort);
  }
  return [...byMonth.values()];
}
