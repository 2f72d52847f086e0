import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { releaseExpiredHolds, releaseOrderStock } from '../inventory/reservations.ts';
import { discardPendingOrder } from '../orders/orders.ts';
import { recordPaymentTransactions, updatePayment, type PaymentRow } from '../payments/payments.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import { confirm } from './complete-cart.ts';

/**
 * Background work that keeps checkout from holding stock forever:
 * - expired holds go back to available;
 * - a checkout interrupted between its steps (a pending order older than the payment timeout plus a
 *   margin) is settled with the gateway's answer: confirmed if it authorized, undone otherwise.
 * Safe to run in several processes at once: rows are claimed with SKIP LOCKED and re-checked under lock.
 */
export async function sweepCheckout(deps: { db: Db; providers: PaymentProviders; paymentTimeoutMs: number }, now = new Date()) {
  let holds = 0;
  for (;;) {
    const released = await inTransaction(deps.db, (tx) => releaseExpiredHolds(tx, now));
    holds += released;
    if (released === 0) break;
  }
  const staleBefore = new Date(now.getTime() - deps.paymentTimeoutMs - 60_000);
  const stale = await deps.db.selectFrom('orders').select(['id', 'cart_id']).where('status', '=', 'pending')
    .where('created_at', '<', staleBefore).orderBy('created_at').limit(100).execute();
  let confirmed = 0;
  let undone = 0;
  for (const order of stale) {
    const outcome = await settlePendingOrder(deps, order.id);
    if (outcome === 'confirmed') confirmed++;
    if (outcome === 'undone') undone++;
  }
  return { holds_released: holds, orders_confirmed: confirmed, orders_undone: undone };
}

async function settlePendingOrder(deps: { db: Db; providers: PaymentProviders }, orderId: string): Promise<'confirmed' | 'undone' | 'skipped'> {
  const payment = await deps.db.selectFrom('payment')
    .select(['id', 'cart_id', 'order_id', 'provider_id', 'status', 'amount', 'currency_code', 'provider_reference', 'data', 'authorized_amount', 'captured_amount', 'refunded_amount'])
    .where('order_id', '=', orderId).executeTakeFirst() as PaymentRow | undefined;
  const provider = payment ? deps.providers.get(payment.provider_id) : undefined;
  // Asked outside any transaction: the gateway may be slow.
  const status = payment && provider
    ? await provider.status({ provider_reference: payment.provider_reference, reference: payment.id, data: payment.data }).catch(() => null)
    : 'not_found';
  if (status === null) return 'skipped'; // the gateway did not answer: try again next sweep
  return inTransaction(deps.db, async (tx) => {
    const locked = await sql<{ id: string; cart_id: string }>`
      select id, cart_id from orders where id = ${orderId} and status = 'pending' for update skip locked`.execute(tx);
    const order = locked.rows[0];
    if (!order) return 'skipped';
    if (payment && (status === 'authorized' || status === 'captured')) {
      await confirm(tx, payment, order.id, payment.provider_reference ?? `${payment.provider_id}_${payment.id}`, status === 'captured' ? { provider_reference: payment.provider_reference ?? payment.id } : null);
      return 'confirmed';
    }
    await releaseOrderStock(tx, { orderId: order.id, cartId: order.cart_id, restoreHolds: [] });
    await discardPendingOrder(tx, order.id);
    if (payment) {
      await updatePayment(tx, payment.id, { status: 'failed', order_id: null });
      await recordPaymentTransactions(tx, { ...payment, order_id: null }, [{ kind: 'failure', amount: payment.amount, error_code: 'interrupted', error_message: `checkout interrupted; the gateway says ${status}` }]);
    }
    return 'undone';
  });
}

/** Runs the sweep every `intervalMs` in this process; returns the function that stops it. */
export function startCheckoutSweeper(deps: { db: Db; providers: PaymentProviders; paymentTimeoutMs: number }, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  if (intervalMs <= 0) return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sweepCheckout(deps)).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
