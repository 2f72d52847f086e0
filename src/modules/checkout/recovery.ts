import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { releaseExpiredHolds, revertOrderToCartHolds } from '../inventory/reservations.ts';
import { discardPendingOrder } from '../orders/orders.ts';
import { recordPaymentTransactions, updatePayment, type PaymentRow } from '../payments/payments.ts';
import type { GatewayStatus } from '../payments/provider.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import { releasePromotionUses } from '../promotions/redemptions.ts';
import { restoreRedemptions } from '../gift-cards/redemptions.ts';
import { confirm } from './complete-cart.ts';

/**
 * The checkout_sweep job (src/modules/jobs/built-in-jobs.ts): background work that keeps checkout from
 * holding stock forever:
 * - expired holds go back to available;
 * - a checkout interrupted between its steps (a pending order older than the payment timeout plus a
 *   margin) is settled with the gateway's answer: confirmed if it authorized, undone otherwise.
 * Safe to run in several processes at once: rows are claimed with SKIP LOCKED and re-checked under lock.
 */
export async function sweepCheckout(deps: { db: Db; providers: PaymentProviders; paymentTimeoutMs: number; orderNumberPrefix: string }, now = new Date()) {
  let holds = 0;
  for (;;) {
    const released = await inTransaction(deps.db, (tx) => releaseExpiredHolds(tx, now));
    holds += released;
    if (released === 0) break;
  }
  const staleBefore = new Date(now.getTime() - deps.paymentTimeoutMs - SETTLE_MARGIN_MS);
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

/**
 * How long after a pending order was created its checkout may still be running: the payment timeout
 * aborts the gateway call, and this margin covers the steps around it. Only after that do the sweep
 * and the payment-webhook inbox settle the order themselves.
 */
export const SETTLE_MARGIN_MS = 60_000;

export function settleableAfter(orderCreatedAt: Date, paymentTimeoutMs: number): Date {
  return new Date(new Date(orderCreatedAt).getTime() + paymentTimeoutMs + SETTLE_MARGIN_MS);
}

const paymentColumns = ['id', 'cart_id', 'order_id', 'provider_id', 'status', 'amount', 'currency_code', 'provider_reference', 'data', 'authorized_amount', 'captured_amount', 'refunded_amount'] as const;

/**
 * Settles a pending order left by an interrupted checkout: confirmed if the gateway authorized (or
 * captured) its payment, undone otherwise (stock released, payment failed). `known` is what the
 * gateway said (a webhook); without it the gateway is asked. Locks the order and re-checks it is
 * still pending, so the sweep, the inbox and a late checkout never settle it twice.
 */
export async function settlePendingOrder(
  deps: { db: Db; providers: PaymentProviders; orderNumberPrefix: string },
  orderId: string,
  known?: { status: GatewayStatus; provider_reference: string | null },
): Promise<'confirmed' | 'undone' | 'skipped'> {
  const payment = await deps.db.selectFrom('payment').select(paymentColumns).where('order_id', '=', orderId).executeTakeFirst() as PaymentRow | undefined;
  const provider = payment ? deps.providers.get(payment.provider_id) : undefined;
  // Asked outside any transaction: the gateway may be slow.
  const said = known ?? (payment && provider
    ? await provider.status({ provider_reference: payment.provider_reference, reference: payment.id, data: payment.data }).catch(() => null)
    : { status: 'not_found' as const, provider_reference: null });
  if (said === null) return 'skipped'; // the gateway did not answer: try again next sweep
  const { status } = said;
  // The gateway's id for the payment: without it a confirmed order's payment could never be captured.
  const reference = said.provider_reference ?? payment?.provider_reference ?? null;
  return inTransaction(deps.db, async (tx) => {
    const locked = await sql<{ id: string; cart_id: string }>`
      select id, cart_id from orders where id = ${orderId} and status = 'pending' for update skip locked`.execute(tx);
    const order = locked.rows[0];
    if (!order) return 'skipped';
    if (payment && (status === 'authorized' || status === 'captured')) {
      await confirm(tx, payment, order, reference ?? `${payment.provider_id}_${payment.id}`, status === 'captured' ? { provider_reference: reference ?? payment.id } : null, deps.orderNumberPrefix);
      return 'confirmed';
    }
    await revertOrderToCartHolds(tx, { orderId: order.id, cartId: order.cart_id, restoreHolds: [] });
    await releasePromotionUses(tx, order.id, 'checkout_undone');
    await restoreRedemptions(tx, order.id);
    await discardPendingOrder(tx, order.id);
    if (payment) {
      await updatePayment(tx, payment.id, { status: 'failed', order_id: null });
      await recordPaymentTransactions(tx, { ...payment, order_id: null }, [{ kind: 'failure', amount: payment.amount, error_code: 'interrupted', error_message: `checkout interrupted; the gateway says ${status}` }]);
    }
    return 'undone';
  });
}
