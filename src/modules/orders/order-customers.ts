import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { recordEvents } from '../events/outbox.ts';

/**
 * Gives a customer the guest orders placed with their (now verified) email: the email's blind index
 * matches, and the order has no customer yet.
 */
export async function claimGuestOrders(tx: Tx, input: { customerId: string; emailHash: string }): Promise<number> {
  const claimed = await sql<{ id: string }>`
    update orders set customer_id = ${input.customerId}, updated_at = now()
    where email_hash = ${input.emailHash} and customer_id is null and status <> 'pending'
    returning id`.execute(tx);
  await recordEvents(tx, claimed.rows.map((o) => ({
    type: 'order.claimed', resource_type: 'order', resource_id: o.id, payload: { order_id: o.id, customer_id: input.customerId },
  })));
  return claimed.rows.length;
}

export interface CustomerOrderSummary {
  id: string;
  number: number | null;
  status: string;
  payment_status: string;
  fulfillment_status: string;
  currency_code: string;
  total: number;
  placed_at: Date | null;
}

/** A customer's orders, newest first, paged by [placed_at, id]. */
export async function listCustomerOrders(db: Db, customerId: string, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('orders')
    .select(['id', 'number', 'status', 'payment_status', 'fulfillment_status', 'currency_code', 'total', 'placed_at'])
    .where('customer_id', '=', customerId).where('status', '<>', 'pending');
  if (page.after) query = query.where(sql<boolean>`id < ${String(page.after[0])}`);
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const data: CustomerOrderSummary[] = rows.slice(0, page.limit);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

/** Orders count and what they came to, per currency: a customer's lifetime value. */
export async function customerOrderTotals(db: Db, customerId: string) {
  return db.selectFrom('orders').select(['currency_code'])
    .select((eb) => [eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>('total').as('total')])
    .where('customer_id', '=', customerId).where('status', 'in', ['open', 'completed'])
    .groupBy('currency_code').orderBy('currency_code').execute();
}
