import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { isBalanceProvider } from '../gift-cards/redemptions.ts';
import { storeCreditAccount } from '../gift-cards/store-credit.ts';
import { refundableOf, reserveRefund } from '../payments/payment-amounts.ts';
import { recordOrderActivity } from './order-activity.ts';
import { actorRef, assertDistinctLines, lineOrThrow, lockOrder, type Actor, type OrderState } from './order-state.ts';
import { moneySummary, saveDerivedStatuses, unitsValue } from './order-status.ts';
import { gatewayFailure, planOperation, sendOperations, settleOperations, type PaymentDeps, type PlannedOperation } from './payment-operations.ts';
import type { RefundLine } from './schema.ts';
import { disableRefundedGiftCards } from './sold-gift-cards.ts';

/**
 * Refunds: money back to the customer, partial or full, by line and/or amount, with a reason.
 *
 * - By line: `quantity` units of a line that shipped and were neither returned, requested back nor
 *   refunded before; their value is the line total apportioned by units (order-status.ts, unitsValue).
 *   The units count as refunded (`refunded_quantity`): credited, not coming back.
 * - By amount: any amount on top.
 * - Never more than was captured and not yet refunded, over all the order's payments (400
 *   refund_exceeds_captured): gift cards and store credit first (docs/gift-cards.md), then the newest
 *   payment first, each refund reserved on its payment before the gateway is asked.
 * - `to: "store_credit"` (a signed-in customer's order only): the same amounts are taken from the same
 *   payments, so the order's refunded totals read alike, but the money is credited to the customer's
 *   store credit in the order's currency instead of going back through the gateways.
 *
 * The credit a refund gives (what lowers what the customer owes): the lines' value, plus the part of
 * the amount beyond what the shop owed before (balance < 0 after an edit, a return received, a cancel).
 * So a refund that pays back what the shop owed leaves the balance at 0, and a goodwill refund lowers
 * what the customer is to pay by itself.
 */
export type RefundReason =
  | 'customer_request' | 'damaged' | 'not_received' | 'wrong_item' | 'goodwill' | 'duplicate' | 'fraudulent' | 'order_edit' | 'other'
  | 'return' | 'order_canceled';

export interface RefundInput {
  lines?: { line_item_id: string; quantity: number }[];
  amount?: number;
  reason: RefundReason;
  note?: string | null;
  to?: 'original' | 'store_credit';
}

export interface PlannedRefund {
  refundId: string;
  operations: PlannedOperation[];
}

/**
 * Writes a refund as pending and reserves its money on the payments (newest first), in the caller's
 * transaction under the order lock. Refuses an amount above what is refundable.
 */
export async function planRefund(
  tx: Tx,
  order: OrderState,
  input: {
    amount: number; credit: number; lines: RefundLine[]; reason: RefundReason; note: string | null; returnId: string | null; actor: Actor; field: string;
    storeCreditId?: string | null;
  },
): Promise<PlannedRefund> {
  const refundable = order.payments.reduce((n, p) => n + refundableOf(p), 0);
  if (input.amount > refundable) {
    throw new AppError('refund_exceeds_captured', { field: input.field, requested: input.amount, max: refundable });
  }
  const refundId = newId('refund');
  await tx.insertInto('order_refund').values({
    id: refundId, order_id: order.id, return_id: input.returnId, amount: input.amount, credit_amount: input.credit,
    reason: input.reason, note: input.note, lines: JSON.stringify(input.lines), status: 'pending', store_credit_id: input.storeCreditId ?? null,
    created_by: actorRef(input.actor),
  }).execute();
  const operations: PlannedOperation[] = [];
  let rest = input.amount;
  const newestFirst = [...order.payments].reverse();
  const refundOrder = [...newestFirst.filter((p) => isBalanceProvider(p.provider_id)), ...newestFirst.filter((p) => !isBalanceProvider(p.provider_id))];
  for (const payment of refundOrder) {
    const part = Math.min(rest, refundableOf(payment));
    if (part === 0) continue;
    if (!(await reserveRefund(tx, payment.id, part))) throw new Error(`refund reservation refused on ${payment.id} under the order lock`);
    operations.push(await planOperation(tx, {
      orderId: order.id, payment, kind: 'refund', amount: part, refundId, storeCreditId: input.storeCreditId, createdBy: actorRef(input.actor),
    }));
    rest -= part;
    if (rest === 0) break;
  }
  return { refundId, operations };
}

/** Sends a planned refund to the gateways and settles it; throws 502/504 when a gateway refused. */
export async function executeRefund(deps: PaymentDeps, orderId: string, planned: PlannedRefund, actor: Actor): Promise<string> {
  const outcomes = await sendOperations(deps, planned.operations);
  const refunded = await inTransaction(deps.db, async (tx) => {
    await lockOrder(tx, orderId);
    await settleOperations(tx, planned.operations, outcomes);
    const amount = await finishRefund(tx, planned.refundId, actor);
    await saveDerivedStatuses(tx, orderId);
    return amount;
  });
  const failure = gatewayFailure(outcomes, { refund_id: planned.refundId, refunded });
  if (failure) throw failure;
  return planned.refundId;
}

/**
 * Closes a refund once none of its payment operations is pending: succeeded (for what the gateways
 * refunded) or failed (nothing refunded: its lines and its return go back to how they were). Returns
 * the amount refunded; 0 when the refund was already closed or is still waiting.
 */
export async function finishRefund(tx: Tx, refundId: string, actor: Actor): Promise<number> {
  const refund = await tx.selectFrom('order_refund').selectAll().where('id', '=', refundId).forUpdate().executeTakeFirstOrThrow();
  if (refund.status !== 'pending') return 0;
  const ops = await tx.selectFrom('order_payment_operation').select(['status', 'amount', 'error_code']).where('refund_id', '=', refundId).execute();
  if (ops.some((o) => o.status === 'pending')) return 0;
  const refunded = ops.filter((o) => o.status === 'succeeded').reduce((n, o) => n + o.amount, 0);
  const error = ops.find((o) => o.status === 'failed')?.error_code ?? null;
  if (refunded === 0) {
    await tx.updateTable('order_refund').set({ status: 'failed', credit_amount: 0, error_code: error, settled_at: new Date() }).where('id', '=', refundId).execute();
    for (const line of refund.lines) {
      await tx.updateTable('order_line_item').set((eb) => ({ refunded_quantity: eb('refunded_quantity', '-', line.quantity) })).where('id', '=', line.line_item_id).execute();
    }
    if (refund.return_id) {
      await tx.updateTable('order_return').set({ status: 'received', refund_id: null, refunded_at: null })
        .where('id', '=', refund.return_id).where('refund_id', '=', refundId).execute();
    }
    await recordOrderActivity(tx, { orderId: refund.order_id, type: 'order.refund_failed', actor, data: { refund_id: refundId, amount: refund.amount, error_code: error } });
    return 0;
  }
  // A gift card refunded cannot stay spendable (docs/gift-cards.md, "Selling gift cards").
  await disableRefundedGiftCards(tx, refund.lines);
  await tx.updateTable('order_refund').set({
    status: 'succeeded', amount: refunded, credit_amount: Math.min(refund.credit_amount, refunded), error_code: error, settled_at: new Date(),
  }).where('id', '=', refundId).execute();
  await recordOrderActivity(tx, {
    orderId: refund.order_id, type: 'order.refunded', actor,
    data: { refund_id: refundId, amount: refunded, reason: refund.reason, return_id: refund.return_id, lines: refund.lines, store_credit_id: refund.store_credit_id },
  });
  return refunded;
}

/** POST /admin/orders/:id/refunds: see the module comment for the rules. */
export async function refundOrder(deps: PaymentDeps, orderId: string, input: RefundInput, actor: Actor): Promise<string> {
  const planned = await inTransaction(deps.db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    const lines = input.lines ?? [];
    assertDistinctLines(lines, 'body.lines');
    const priced: RefundLine[] = [];
    for (const [i, wanted] of lines.entries()) {
      const line = lineOrThrow(order, wanted.line_item_id, `body.lines[${i}].line_item_id`);
      const refundable = line.shipped_quantity - line.returned_quantity - line.refunded_quantity - (order.requested.get(line.id) ?? 0);
      if (wanted.quantity > refundable) {
        throw new AppError('quantity_exceeds_refundable', { field: `body.lines[${i}].quantity`, line_item_id: line.id, requested: wanted.quantity, max: Math.max(refundable, 0) });
      }
      priced.push({ line_item_id: line.id, quantity: wanted.quantity, amount: unitsValue(line, line.returned_quantity + line.refunded_quantity, wanted.quantity) });
      await tx.updateTable('order_line_item').set({ refunded_quantity: line.refunded_quantity + wanted.quantity }).where('id', '=', line.id).execute();
    }
    const linesValue = priced.reduce((n, l) => n + l.amount, 0);
    const extra = input.amount ?? 0;
    if (linesValue + extra === 0) throw new AppError('invalid_request', { field: 'body.amount' }, 'give body.lines or a positive body.amount');
    const owed = Math.max(0, -moneySummary(order).balance);
    const storeCreditId = input.to === 'store_credit' ? await storeCreditOfOrder(tx, order, actor) : null;
    return planRefund(tx, order, {
      amount: linesValue + extra, credit: linesValue + Math.max(0, extra - owed), lines: priced, reason: input.reason,
      note: input.note ?? null, returnId: null, actor, field: input.amount !== undefined ? 'body.amount' : 'body.lines', storeCreditId,
    });
  });
  return executeRefund(deps, orderId, planned, actor);
}

/** The order's customer's store credit account in the order's currency (created empty if none); a guest's order has none. */
async function storeCreditOfOrder(tx: Tx, order: OrderState, actor: Actor): Promise<string> {
  const { customer_id } = order;
  if (!customer_id) throw new AppError('store_credit_refund_needs_customer', { field: 'body.to', order_id: order.id });
  return storeCreditAccount(tx, customer_id, order.currency_code, actorRef(actor));
}

export async function listRefunds(db: Db, orderId: string) {
  return db.selectFrom('order_refund').selectAll().where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
}

export async function getRefund(db: Db, orderId: string, refundId: string) {
  return db.selectFrom('order_refund').selectAll().where('order_id', '=', orderId).where('id', '=', refundId).executeTakeFirstOrThrow();
}
