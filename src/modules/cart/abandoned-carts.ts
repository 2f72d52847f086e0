import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvents } from '../events/outbox.ts';
import { loadCartState } from './cart-query.ts';

const BATCH = 500;

/**
 * Deletes abandoned carts: not completed and untouched since `before`, holding no stock and with no
 * checkout under way (no order for them). A draft order's cart stays (staff own it), and completed
 * carts stay with their orders. Their line items go with them; a payment session keeps its record
 * (payment.cart_id becomes null). Each deleted cart records cart.expired. Rows are claimed with SKIP
 * LOCKED, so a cart being changed right now is left for the next run. Returns how many went.
 */
export async function expireAbandonedCarts(db: Db, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await inTransaction(db, async (tx) => {
      const deleted = await sql<{ id: string; updated_at: Date }>`
        delete from cart where id in (
          select c.id from cart c
          where c.completed_at is null and c.draft_order_id is null and c.updated_at < ${before}
            and not exists (select 1 from inventory_reservation r where r.cart_id = c.id and r.kind = 'hold')
            and not exists (select 1 from orders o where o.cart_id = c.id)
          order by c.updated_at limit ${BATCH}
          for update skip locked)
        returning id, updated_at`.execute(tx);
      await recordEvents(tx, deleted.rows.map((cart) => ({
        type: 'cart.expired', resource_type: 'cart', resource_id: cart.id,
        payload: { cart_id: cart.id, updated_at: new Date(cart.updated_at).toISOString() },
      })));
      return deleted.rows.length;
    });
    total += expired;
    if (expired < BATCH) return total;
  }
}

/**
 * Carts a buyer left with something in them: not completed, with an email and at least one line, no
 * checkout under way, not a draft order's, last changed within `window`; oldest first, `limit` at a
 * time after the `(updated_at, id)` given.
 */
export async function findAbandonedCarts(db: Db, window: { from: Date; to: Date }, after: [Date, string] | null, limit: number) {
  const rows = await sql<{ id: string; updated_at: Date }>`
    select c.id, c.updated_at from cart c
    where c.completed_at is null and c.draft_order_id is null and c.email is not null
      and c.updated_at >= ${window.from} and c.updated_at < ${window.to}
      ${after ? sql`and (c.updated_at, c.id) > (${after[0]}, ${after[1]})` : sql``}
      and exists (select 1 from cart_line_item li where li.cart_id = c.id)
      and not exists (select 1 from orders o where o.cart_id = c.id)
    order by c.updated_at, c.id limit ${limit}`.execute(db);
  return rows.rows;
}

/** Carts idle longer than this past the threshold are not announced: too late to be worth a nudge. */
const ANNOUNCE_LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * Announces carts a buyer left (the `mark_abandoned_carts` job): not completed, with at least one
 * line and a way to reach the buyer (an email or a signed-in customer), no checkout under way, not a
 * draft order's, idle for `idleHours`. Each is recorded as cart.abandoned once per idle stretch: a
 * cart changed after its announcement can be announced again when it is left again. Rows are claimed
 * with SKIP LOCKED, so a cart being changed right now waits for the next run. Returns how many.
 */
export async function markAbandonedCarts(db: Db, idleHours: number, now = new Date()): Promise<number> {
  if (idleHours === 0) return 0;
  const to = new Date(now.getTime() - idleHours * 3_600_000);
  const from = new Date(to.getTime() - ANNOUNCE_LOOKBACK_MS);
  let total = 0;
  for (;;) {
    const marked = await inTransaction(db, async (tx) => {
      const rows = await sql<{ id: string; customer_id: string | null; currency_code: string; updated_at: Date }>`
        update cart set abandoned_at = now() where id in (
          select c.id from cart c
          where c.completed_at is null and c.draft_order_id is null and (c.email is not null or c.customer_id is not null)
            and c.updated_at >= ${from} and c.updated_at < ${to} and (c.abandoned_at is null or c.abandoned_at < c.updated_at)
            and exists (select 1 from cart_line_item li where li.cart_id = c.id)
            and not exists (select 1 from orders o where o.cart_id = c.id)
          order by c.updated_at limit ${BATCH}
          for update skip locked)
        returning id, customer_id, currency_code, updated_at`.execute(tx);
      const events = [];
      for (const cart of rows.rows) {
        // Its worth as the buyer would pay for the lines now (price lists, promotions), for the tool's "value".
        const { totals, lines } = await loadCartState(tx, cart.id, 'system');
        events.push({
          type: 'cart.abandoned', resource_type: 'cart', resource_id: cart.id,
          payload: {
            cart_id: cart.id, customer_id: cart.customer_id, currency_code: cart.currency_code, value: totals.subtotal - totals.discount_total,
            item_count: lines.reduce((n, l) => n + l.quantity, 0), updated_at: new Date(cart.updated_at).toISOString(),
          },
        });
      }
      await recordEvents(tx, events);
      return rows.rows.length;
    });
    total += marked;
    if (marked < BATCH) return total;
  }
}
