import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../events/outbox.ts';

export type MismatchKind = 'order_total' | 'payment_captured' | 'payment_refunded' | 'stock_on_hand';

export interface Mismatch {
  kind: MismatchKind;
  /** ord_…, pay_…, or `iitem_…@sloc_…` for a stock level. */
  resource_id: string;
  ledger_value: number;
  /** Null when the live row is gone. */
  live_value: number | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * What the live tables say that the ledger does not, for facts the ledger holds (a resource whose
 * history began before the ledger is not judged). Resources with events the appender has not taken
 * yet are left for the next run, so the ledger's lag is never mistaken for tampering.
 * - order_total: orders.total against the last total ledgered (order.placed, then each order.edited);
 * - payment_captured / payment_refunded: the payment's counters against the sum of its ledgered
 *   payment.captured / payment.refunded amounts;
 * - stock_on_hand: a level's on_hand against the last on_hand ledgered by an adjustment or transfer,
 *   carried forward by the movement journal's later on_hand changes (fulfillments, returns — facts the
 *   ledger keeps per order, not per level).
 */
export async function findMismatches(db: Db): Promise<Mismatch[]> {
  const pending = sql`(
    select e.resource_id from event_outbox e
    where e.dispatch_seq is null or e.dispatch_seq > coalesce((select position from event_subscription where name = 'ledger'), 0)
    union select e.payload->>'order_id' from event_outbox e
    where (e.dispatch_seq is null or e.dispatch_seq > coalesce((select position from event_subscription where name = 'ledger'), 0)) and e.payload->>'order_id' is not null
  )`;
  const orders = await sql<{ resource_id: string; ledger_value: unknown; live_value: unknown }>`
    with facts as (
      select distinct on (order_id) order_id,
        (case when type = 'order.placed' then entry::jsonb->'payload'->>'total' else entry::jsonb->'payload'->>'total_after' end)::bigint as total
      from ledger_entry where type in ('order.placed', 'order.edited') and order_id is not null
      order by order_id, seq desc
    )
    select f.order_id as resource_id, f.total as ledger_value, o.total as live_value
    from facts f left join orders o on o.id = f.order_id
    where o.total is distinct from f.total and f.order_id not in ${pending}
    order by f.order_id`.execute(db);
  const payments = await sql<{ resource_id: string; kind: MismatchKind; ledger_value: unknown; live_value: unknown }>`
    with facts as (
      select resource_id,
        sum(case when type = 'payment.captured' then (entry::jsonb->'payload'->>'amount')::bigint else 0 end) as captured,
        sum(case when type = 'payment.refunded' then (entry::jsonb->'payload'->>'amount')::bigint else 0 end) as refunded
      from ledger_entry where type like 'payment.%' group by resource_id
    )
    select f.resource_id, k.kind, k.ledger_value, k.live_value
    from facts f left join payment p on p.id = f.resource_id
    cross join lateral (values ('payment_captured', f.captured, p.captured_amount), ('payment_refunded', f.refunded, p.refunded_amount)) k(kind, ledger_value, live_value)
    where k.live_value is distinct from k.ledger_value and f.resource_id not in ${pending}
    order by f.resource_id, k.kind`.execute(db);
  const stock = await sql<{ item_id: string; location_id: string; ledger_value: unknown; live_value: unknown }>`
    with changes as (
      select e.seq, e.occurred_at, e.resource_id as item_id, c->>'location_id' as location_id, (c->>'after')::bigint as after
      from ledger_entry e cross join lateral jsonb_array_elements(e.entry::jsonb->'payload'->'changes') c
      where e.type in ('inventory.adjusted', 'inventory.transferred') and c->>'field' = 'on_hand'
    ), latest as (
      select distinct on (item_id, location_id) * from changes order by item_id, location_id, seq desc
    ), carried as (
      -- occurred_at is kept to the millisecond; the movements of the ledgered change itself fall within it
      select l.item_id, l.location_id, l.after + coalesce((
        select sum(m.after - m.before) from inventory_movement m
        where m.item_id = l.item_id and m.location_id = l.location_id and m.field = 'on_hand'
          and m.created_at >= l.occurred_at + interval '1 millisecond'), 0) as expected
      from latest l
    )
    select c.item_id, c.location_id, c.expected as ledger_value, lv.on_hand as live_value
    from carried c left join inventory_level lv on lv.item_id = c.item_id and lv.location_id = c.location_id
    where lv.on_hand is distinct from c.expected and c.item_id not in ${pending}
    order by c.item_id, c.location_id`.execute(db);
  return [
    ...orders.rows.map((r) => ({ kind: 'order_total' as const, resource_id: r.resource_id, ledger_value: Number(r.ledger_value), live_value: num(r.live_value) })),
    ...payments.rows.map((r) => ({ kind: r.kind, resource_id: r.resource_id, ledger_value: Number(r.ledger_value), live_value: num(r.live_value) })),
    ...stock.rows.map((r) => ({ kind: 'stock_on_hand' as const, resource_id: `${r.item_id}@${r.location_id}`, ledger_value: Number(r.ledger_value), live_value: num(r.live_value) })),
  ];
}

/**
 * The reconciliation job: finds the mismatches and raises each new one once, as a `ledger.mismatch`
 * event (webhooks, and an email to the staff whose role grants audit:read). Returns the counts.
 */
export async function reconcileLedger(db: Db): Promise<{ mismatches: number; raised: number }> {
  const found = await findMismatches(db);
  let raised = 0;
  for (const mismatch of found) {
    await inTransaction(db, async (tx) => {
      const id = newId('lmis');
      const inserted = await tx.insertInto('ledger_mismatch').values({ id, ...mismatch })
        .onConflict((oc) => oc.columns(['kind', 'resource_id', 'ledger_value', 'live_value']).doNothing()).returning('id').executeTakeFirst();
      if (!inserted) return;
      raised += 1;
      await recordEvent(tx, { type: 'ledger.mismatch', resource_type: 'ledger', resource_id: id, payload: { mismatch_id: id, ...mismatch } });
    });
  }
  return { mismatches: found.length, raised };
}

export async function listMismatches(db: Db, limit: number) {
  return db.selectFrom('ledger_mismatch').selectAll().orderBy('detected_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
