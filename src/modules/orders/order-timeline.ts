import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordOrderActivity } from './order-activity.ts';
import { lockOrder, type Actor } from './order-state.ts';

/**
 * Everything that happened to an order, oldest first: its placement, every payment transaction the
 * gateways made (authorization, capture, refund, void, failure), and every operation with who did it
 * (captures, fulfillments, shipments, deliveries, returns, refunds, edits, cancel) and staff notes.
 */
export interface TimelineEntry {
  id: string;
  type: string;
  at: Date;
  actor: { type: string; id: string | null } | null;
  data: Record<string, unknown>;
}

const paymentTypes: Record<string, string> = {
  authorization: 'payment.authorized', capture: 'payment.captured', refund: 'payment.refunded', void: 'payment.voided', failure: 'payment.failed',
};

export async function orderTimeline(db: Db, orderId: string): Promise<TimelineEntry[]> {
  const { rows } = await sql<TimelineRow>`${orderTimelineQuery(orderId)}`.execute(db);
  return toTimeline(rows);
}

/** A row of orderTimelineQuery; `at` is a string when the rows are read as JSON. */
export interface TimelineRow { id: string; source: number; seq: number; type: string; at: Date | string; actor_type: string | null; actor_id: string | null; data: Record<string, unknown> }

/**
 * The timeline's statement, for a caller that reads it with others (as a subquery); `orders`: where
 * it reads the order's row (a CTE that has just written it).
 */
export function orderTimelineQuery(orderId: string, orders: RawBuilder<unknown> = sql`orders`) {
  return sql<TimelineRow>`
    select ('placed_' || o.id) as id, 0 as source, 0::bigint as seq, 'order.placed' as type, o.placed_at as at,
      case when o.customer_id is null then null else 'customer' end as actor_type, o.customer_id as actor_id,
      json_build_object('number', o.number, 'total', o.total, 'currency_code', o.currency_code) as data
    from ${orders} o where o.id = ${orderId} and o.placed_at is not null
    union all
    select t.id, 1, case t.kind when 'authorization' then 0 when 'capture' then 1 when 'void' then 2 when 'refund' then 3 else 4 end, t.kind, t.created_at, null, null,
      json_build_object('payment_id', p.id, 'provider_id', p.provider_id, 'amount', t.amount, 'currency_code', p.currency_code, 'error_code', t.error_code)
    from payment_transaction t join payment p on p.id = t.payment_id where p.order_id = ${orderId}
    union all
    select a.id, 2, a.seq, a.type, a.created_at, a.actor_type, a.actor_id, a.data::json
    from order_activity a where a.order_id = ${orderId}
    -- Rows one transaction wrote share its time: payment rows keep their natural order (authorized, then captured).
    order by at, source, seq, id`;
}

export function toTimeline(rows: TimelineRow[]): TimelineEntry[] {
  return rows.map((r) => ({
    id: r.id,
    type: r.source === 1 ? paymentTypes[r.type] ?? `payment.${r.type}` : r.type,
    at: new Date(r.at),
    actor: r.actor_type ? { type: r.actor_type, id: r.actor_id } : null,
    data: r.data,
  }));
}

/** A staff note on the order: a timeline entry (and an `order.note_added` event). */
export async function addOrderNote(db: Db, orderId: string, text: string, actor: Actor): Promise<TimelineEntry> {
  const id = await inTransaction(db, async (tx) => {
    await lockOrder(tx, orderId);
    return recordOrderActivity(tx, { orderId, type: 'order.note_added', actor, data: { text } });
  });
  return (await orderTimeline(db, orderId)).find((e) => e.id === id)!;
}
