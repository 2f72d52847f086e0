import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { releaseOrderAllocations } from '../inventory/order-stock.ts';
import { releasePromotionUses } from '../promotions/redemptions.ts';
import { recordOrderActivity } from './order-activity.ts';
import { actorRef, capturableNow, lockOrder, type Actor } from './order-state.ts';
import { moneySummary, saveDerivedStatuses } from './order-status.ts';
import { executeRefund, planRefund, type PlannedRefund } from './refunds.ts';
import { planOperation, sendOperations, settleOperations, type PaymentDeps, type PlannedOperation } from './payment-operations.ts';

/**
 * Cancels an order nothing of which has been fulfilled (an unshipped fulfillment can be cancelled
 * first; shipped units come back through a return): 409 order_not_cancelable otherwise, 409
 * order_canceled when it already is.
 *
 * 1. (one transaction) the order's allocations are released (committed drops where they were), its
 *    promotion uses given back (docs/promotions.md), the
 *    order is canceled, what is captured and not refunded is planned as a refund (reserved), and every
 *    open authorization as a void;
 * 2. (no transaction) the gateways are asked;
 * 3. (one transaction) their answers are recorded.
 * The cancel stands whatever the gateways answer: a refused refund is recorded as failed (the balance
 * then shows what the shop owes, for staff to refund again), a refused void leaves the authorization
 * to expire at the gateway.
 */
export async function cancelOrder(deps: PaymentDeps, orderId: string, input: { reason?: string | null; note?: string | null }, actor: Actor): Promise<void> {
  const plan = await inTransaction(deps.db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status === 'canceled') throw new AppError('order_canceled', { id: orderId });
    const fulfilled = order.lines.reduce((n, l) => n + l.fulfilled_quantity, 0);
    if (fulfilled > 0) throw new AppError('order_not_cancelable', { fulfillment_status: order.fulfillment_status, fulfilled_quantity: fulfilled });
    await releaseOrderAllocations(tx, { why: { orderId, actor: actorRef(actor), referenceType: 'order', referenceId: orderId }, reason: 'order_canceled' });
    await tx.updateTable('orders').set({ status: 'canceled', updated_at: new Date() }).where('id', '=', orderId).execute();
    await releasePromotionUses(tx, orderId, 'order_canceled');
    await recordOrderActivity(tx, { orderId, type: 'order.canceled', actor, data: { reason: input.reason ?? null, note: input.note ?? null } });
    const voids: PlannedOperation[] = [];
    for (const payment of order.payments) {
      const open = capturableNow(payment);
      if (open > 0) voids.push(await planOperation(tx, { orderId, payment, kind: 'void', amount: open, createdBy: actorRef(actor) }));
    }
    const paid = moneySummary(order).paid_total;
    const refund: PlannedRefund | null = paid > 0
      ? await planRefund(tx, { ...order, status: 'canceled' }, {
        amount: paid, credit: 0, lines: [], reason: 'order_canceled', note: input.note ?? null, returnId: null, actor, field: 'body',
      })
      : null;
    await saveDerivedStatuses(tx, orderId);
    return { voids, refund };
  });
  const voidOutcomes = await sendOperations(deps, plan.voids);
  await inTransaction(deps.db, async (tx) => {
    await lockOrder(tx, orderId);
    const settled = await settleOperations(tx, plan.voids, voidOutcomes);
    const voided = settled.filter((s) => s.outcome.ok);
    if (voided.length) {
      await recordOrderActivity(tx, { orderId, type: 'order.payment_voided', actor, data: { amount: voided.reduce((n, s) => n + s.op.amount, 0), payment_ids: voided.map((s) => s.op.payment.id) } });
    }
    await saveDerivedStatuses(tx, orderId);
  });
  // A refused refund is recorded as failed and does not undo the cancel (see above).
  if (plan.refund) {
    await executeRefund(deps, orderId, plan.refund, actor).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
    });
  }
}
