import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { bucketOf, type AnalyticsRange, type Granularity } from './analytics-range.ts';

export interface CartPeriod { period: string; carts: number; carts_with_items: number; ordered: number; abandoned: number; conversion_rate: number }

/**
 * Cart-to-order conversion per period of the carts' creation: carts started by buyers (not staff's
 * draft orders), those that got items, those that became a placed order, and the abandoned ones
 * (items, no order, untouched for `abandoned_after_hours`). Carts left long enough are deleted
 * (CART_EXPIRY_DAYS), so periods older than that count only the carts that remain.
 */
export async function cartReport(db: Db, range: AnalyticsRange, opts: { granularity: Granularity; abandoned_after_hours: number }) {
  const { rows } = await sql<Omit<CartPeriod, 'conversion_rate'>>`
    select ${bucketOf(sql`c.created_at`, opts.granularity, range)} as period, count(*)::int as carts,
      count(*) filter (where items.any)::int as carts_with_items,
      count(*) filter (where placed.any)::int as ordered,
      count(*) filter (where items.any and not placed.any and c.updated_at < now() - make_interval(hours => ${opts.abandoned_after_hours}))::int as abandoned
    from cart c
    cross join lateral (select exists (select 1 from cart_line_item li where li.cart_id = c.id) as any) items
    cross join lateral (select exists (select 1 from orders o where o.cart_id = c.id and o.placed_at is not null) as any) placed
    where c.created_at >= ${range.start} and c.created_at < ${range.end} and c.draft_order_id is null
    group by 1 order by 1`.execute(db);
  const data: CartPeriod[] = rows.map((r) => ({ ...r, conversion_rate: r.carts_with_items ? r.ordered / r.carts_with_items : 0 }));
  return { from: range.from, to: range.to, time_zone: range.time_zone, granularity: opts.granularity, data };
}
