import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordPaymentReceived } from '../payments/payment-amounts.ts';
import { recordOrderActivity } from './order-activity.ts';
import { actorRef, capturableNow, lockOrder, readOrderState, type Actor } from './order-state.ts';
import { moneySummary, saveDerivedStatuses } from './order-status.ts';
import { gatewayFailure, planOperation, sendOperations, settleOperations, type PaymentDeps, type PlannedOperation } from './payment-operations.ts';
import { executeRefund, planRefund, type PlannedRefund } from './refunds.ts';

/**
 * Captures `amount` (default: everything still capturable) of the order's authorizations, oldest payment
 * first. Never more than is authorized and not yet captured: 400 amount_exceeds_capturable. Nothing to
 * capture (captured in full, voided, never authorized): 409 payment_not_capturable; a canceled order
 * whose void is still pending: 409 order_canceled. The plan holds the amount (a pending operation)
 * until the gateway answers; a refusal answers 502, nothing captured.
 *
 * An order canceled while its capture was at the gateway refunds that capture once it is recorded: the
 * cancel refunded only what was captured when it ran, and a canceled order keeps no money. The outcome
 * is the one of a capture followed by the cancel.
 */
export async function captureOrder(deps: PaymentDeps, orderId: string, input: { amount?: number }, actor: Actor): Promise<{ captured: number }> {
  const operations = await inTransaction(deps.db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    const capturable = moneySummary(order).capturable_total;
    if (capturable === 0) throw new AppError('payment_not_capturable', { payment_status: order.payment_status });
    if (order.status === 'canceled') throw new AppError('order_canceled', { id: orderId });
    const amount = input.amount ?? capturable;
    if (amount > capturable) throw new AppError('amount_exceeds_capturable', { field: 'body.amount', requested: amount, max: capturable });
    const planned: PlannedOperation[] = [];
    let rest = amount;
    for (const payment of order.payments) {
      const part = Math.min(rest, capturableNow(payment));
      if (part === 0) continue;
      planned.push(await planOperation(tx, { orderId, payment, kind: 'capture', amount: part, createdBy: actorRef(actor) }));
      rest -= part;
      if (rest === 0) break;
    }
    return planned;
  });
  const outcomes = await sendOperations(deps, operations);
  const { captured, refund } = await inTransaction(deps.db, async (tx) => {
    await lockOrder(tx, orderId);
    const settled = await settleOperations(tx, operations, outcomes);
    const amount = settled.filter((s) => s.outcome.ok).reduce((n, s) => n + s.op.amount, 0);
    if (amount > 0) {
      await recordOrderActivity(tx, { orderId, type: 'order.captured', actor, data: { amount, payment_ids: settled.filter((s) => s.outcome.ok).map((s) => s.op.payment.id) } });
    }
    let planned: PlannedRefund | null = null;
    const order = amount > 0 ? await readOrderState(tx, orderId) : null;
    if (order?.status === 'canceled') {
      const held = Math.min(amount, moneySummary(order).paid_total);
      if (held > 0) {
        planned = await planRefund(tx, order, {
          amount: held, credit: 0, lines: [], reason: 'order_canceled', note: null, returnId: null, actor, field: 'body',
        });
      }
    }
    await saveDerivedStatuses(tx, orderId);
    return { captured: amount, refund: planned };
  });
  // As for the cancel itself, a refund the gateway refuses is recorded as failed; the balance shows it.
  if (refund) {
    await executeRefund(deps, orderId, refund, actor).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
    });
  }
  const failure = gatewayFailure(outcomes, { captured });
  if (failure) throw failure;
  return { captured };
}

/**
 * Records money received outside a gateway (bank transfer, cash) as a manual payment on the order:
 * authorized and captured at once unless `captured` is false. What settles a balance an edit or an
 * exchange left to pay, or an unpaid draft.
 */
export async function recordOrderPayment(deps: PaymentDeps, orderId: string, input: { amount: number; captured?: boolean; note?: string }, actor: Actor) {
  return inTransaction(deps.db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status === 'canceled') throw new AppError('order_canceled', { id: orderId });
    const payment = await recordPaymentReceived(tx, { orderId, amount: input.amount, currencyCode: order.currency_code, captured: input.captured ?? true });
    await recordOrderActivity(tx, {
      orderId, type: 'order.payment_recorded', actor,
      data: { payment_id: payment.id, provider_id: 'manual', amount: input.amount, captured: input.captured ?? true, note: input.note ?? null },
    });
    await saveDerivedStatuses(tx, orderId);
    return { payment_id: payment.id };
  });
}
