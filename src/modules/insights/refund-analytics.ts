import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnalyticsRange } from './analytics-range.ts';

/**
 * Why money and goods came back in the period: refunds that succeeded, by reason and currency; and
 * returns (not canceled) by the reason given for each item (the return's own reason when the item has
 * none; `unspecified` when neither does), with the units asked back and received.
 */
export async function refundReport(db: Db, range: AnalyticsRange, opts: { currency_code?: string }) {
  const refundedAt = sql`coalesce(r.settled_at, r.created_at)`;
  const [refunds, returns] = await Promise.all([
    sql<{ reason: string; currency_code: string; refunds: number; amount: string }>`
      select r.reason, o.currency_code, count(*)::int as refunds, sum(r.amount)::text as amount
      from order_refund r join orders o on o.id = r.order_id
      where r.status = 'succeeded' and ${refundedAt} >= ${range.start} and ${refundedAt} < ${range.end}
        ${opts.currency_code ? sql`and o.currency_code = ${opts.currency_code}` : sql``}
      group by 1, 2 order by sum(r.amount) desc, 1, 2`.execute(db),
    sql<{ reason: string; returns: number; units: string; received_units: string }>`
      select coalesce(i.reason, r.reason, 'unspecified') as reason, count(distinct r.id)::int as returns,
        sum(i.quantity)::text as units, sum(i.received_quantity)::text as received_units
      from order_return r join order_return_item i on i.return_id = r.id
      where r.status <> 'canceled' and r.created_at >= ${range.start} and r.created_at < ${range.end}
      group by 1 order by sum(i.quantity) desc, 1`.execute(db),
  ]);
  return {
    from: range.from, to: range.to, time_zone: range.time_zone,
    refunds: refunds.rows.map((r) => ({ ...r, amount: Number(r.amount) })),
    returns: returns.rows.map((r) => ({ ...r, units: Number(r.units), received_units: Number(r.received_units) })),
  };
}
