import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvents } from '../events/outbox.ts';

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
