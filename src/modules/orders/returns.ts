import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { requireLocation } from '../inventory/locations.ts';
import { commitAddedOrderUnits, receiveReturnedStock, releaseOrderAllocations } from '../inventory/order-stock.ts';
import { refundableOf } from '../payments/payment-amounts.ts';
import { insertLines, priceNewLines, repriceLine, saveOrderTotals, type NewLineInput } from './line-pricing.ts';
import { recordOrderActivity } from './order-activity.ts';
import { actorRef, assertDistinctLines, lineOrThrow, lockOrder, type Actor } from './order-state.ts';
import { moneySummary, saveDerivedStatuses, unitsValue } from './order-status.ts';
import type { PaymentDeps } from './payment-operations.ts';
import { executeRefund, planRefund } from './refunds.ts';
import type { ReturnCondition, ReturnDisposition, ReturnStatus } from './schema.ts';

/**
 * Returns (RMA):
 *
 *   requested ──receive──► received ──refund──► refunded
 *       └──cancel──► canceled
 *
 * - requested by staff, or by the customer (POST /store/orders/:id/returns) for units delivered within
 *   RETURN_WINDOW_DAYS. A line's returnable units: delivered − returned − refunded − already requested.
 * - received: the quantities that came back per line (at most what was requested), with their
 *   condition; each line restocked at a location or written off. The value of the units received
 *   (unitsValue) becomes the return's credit: the balance drops by it.
 * - refunded: pays back what the shop owes for it, min(credit, what the shop owes, what is refundable).
 * - An exchange is a return with replacement lines: they join the order at once (stock committed,
 *   total up), ship through ordinary fulfillments, and the balance after receiving says who owes whom
 *   the difference: refund it, or capture/collect it.
 */
export interface ReturnRequestInput {
  lines: { line_item_id: string; quantity: number; reason?: string | null }[];
  reason?: string | null;
  note?: string | null;
  exchange_lines?: NewLineInput[];
}

export interface ReturnView {
  id: string;
  order_id: string;
  status: ReturnStatus;
  source: 'staff' | 'customer';
  reason: string | null;
  note: string | null;
  location_id: string | null;
  credit_amount: number;
  refund_id: string | null;
  items: { line_item_id: string; quantity: number; received_quantity: number; reason: string | null; condition: ReturnCondition | null; disposition: ReturnDisposition | null; location_id: string | null }[];
  exchange_line_ids: string[];
  created_by: string;
  created_at: Date;
  received_at: Date | null;
  refunded_at: Date | null;
  canceled_at: Date | null;
}

export async function listReturns(db: Db, orderId: string, returnId?: string): Promise<ReturnView[]> {
  const { rows } = await sql<ReturnView>`
    select r.*,
      coalesce((select json_agg(json_build_object('line_item_id', i.line_item_id, 'quantity', i.quantity, 'received_quantity', i.received_quantity,
          'reason', i.reason, 'condition', i.condition, 'disposition', i.disposition, 'location_id', i.location_id) order by i.line_item_id)
        from order_return_item i where i.return_id = r.id), '[]') as items,
      coalesce((select json_agg(l.id order by l.position) from order_line_item l where l.return_id = r.id), '[]') as exchange_line_ids
    from order_return r where r.order_id = ${orderId} ${returnId ? sql`and r.id = ${returnId}` : sql``}
    order by r.created_at, r.id`.execute(db);
  return rows;
}

export async function getReturnOrThrow(db: Db, orderId: string, returnId: string): Promise<ReturnView> {
  const [found] = await listReturns(db, orderId, returnId);
  if (!found) throw new AppError('return_not_found', { id: returnId });
  return found;
}

async function lockReturn(tx: Tx, orderId: string, returnId: string) {
  const row = await tx.selectFrom('order_return').selectAll().where('id', '=', returnId).where('order_id', '=', orderId).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('return_not_found', { id: returnId });
  return row;
}

function assertStatus(status: ReturnStatus, id: string, expected: ReturnStatus): void {
  if (status === expected) return;
  const code = status === 'canceled' ? 'return_canceled'
    : status === 'refunded' ? 'return_already_refunded'
      : status === 'received' ? 'return_already_received' : 'return_not_received';
  throw new AppError(code, { id, status });
}

/** Units of each line delivered within the window (by the delivery date of their fulfillment). */
async function deliveredSince(tx: Tx, orderId: string, since: Date): Promise<Map<string, number>> {
  const { rows } = await sql<{ line_item_id: string; quantity: number }>`
    select i.line_item_id, sum(i.quantity)::int as quantity
    from order_fulfillment_item i join order_fulfillment f on f.id = i.fulfillment_id
    where f.order_id = ${orderId} and f.status = 'delivered' and f.delivered_at >= ${since}
    group by i.line_item_id`.execute(tx);
  return new Map(rows.map((r) => [r.line_item_id, r.quantity]));
}

export async function requestReturn(
  db: Db,
  orderId: string,
  input: ReturnRequestInput,
  context: { actor: Actor; source: 'staff' | 'customer'; windowDays?: number },
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status === 'canceled') throw new AppError('order_canceled', { id: orderId });
    assertDistinctLines(input.lines, 'body.lines');
    const inWindow = context.source === 'customer'
      ? await deliveredSince(tx, orderId, new Date(Date.now() - (context.windowDays ?? 0) * 86_400_000))
      : null;
    const id = newId('ret');
    const items = input.lines.map((wanted, i) => {
      const line = lineOrThrow(order, wanted.line_item_id, `body.lines[${i}].line_item_id`);
      const returnable = Math.max(line.delivered_quantity - line.returned_quantity - line.refunded_quantity - (order.requested.get(line.id) ?? 0), 0);
      const allowed = inWindow ? Math.min(returnable, inWindow.get(line.id) ?? 0) : returnable;
      if (wanted.quantity > allowed) {
        if (wanted.quantity <= returnable) {
          throw new AppError('return_window_closed', { field: `body.lines[${i}].quantity`, line_item_id: line.id, requested: wanted.quantity, max: allowed, window_days: context.windowDays });
        }
        throw new AppError('quantity_exceeds_returnable', { field: `body.lines[${i}].quantity`, line_item_id: line.id, requested: wanted.quantity, max: allowed });
      }
      return { return_id: id, line_item_id: line.id, quantity: wanted.quantity, reason: wanted.reason ?? null };
    });
    await tx.insertInto('order_return').values({
      id, order_id: orderId, status: 'requested', source: context.source, reason: input.reason ?? null, note: input.note ?? null,
      created_by: actorRef(context.actor),
    }).execute();
    await tx.insertInto('order_return_item').values(items).execute();
    let exchange: { line_ids: string[]; total: number } | null = null;
    if (input.exchange_lines?.length) {
      const priced = await priceNewLines(tx, order, input.exchange_lines, 'body.exchange_lines');
      const lineIds = await insertLines(tx, order, priced, 'exchange', id);
      await commitAddedOrderUnits(tx, {
        why: { orderId, actor: actorRef(context.actor), referenceType: 'return', referenceId: id },
        lines: priced.map((p, i) => ({ order_line_id: lineIds[i], variant_id: p.variant_id, quantity: p.quantity, field: `body.exchange_lines[${i}].quantity` })),
      });
      await saveOrderTotals(tx, order);
      exchange = { line_ids: lineIds, total: priced.reduce((n, p) => n + p.total, 0) };
    }
    await recordOrderActivity(tx, {
      orderId, type: 'return.requested', actor: context.actor, resource: { type: 'return', id },
      data: { return_id: id, source: context.source, reason: input.reason ?? null, items: items.map(({ return_id: _r, ...i }) => i), exchange },
    });
    await saveDerivedStatuses(tx, orderId);
    return id;
  });
}

export interface ReceiveInput {
  location_id: string;
  lines: { line_item_id: string; quantity: number; condition: ReturnCondition; disposition?: ReturnDisposition; location_id?: string }[];
  note?: string | null;
}

/**
 * Receives a requested return: per line what came back (≤ requested), its condition, and where it goes
 * (restock at the line's or the return's location; write-off, the default for damaged units). Lines
 * not listed came back with nothing.
 */
export async function receiveReturn(db: Db, orderId: string, returnId: string, input: ReceiveInput, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    const ret = await lockReturn(tx, orderId, returnId);
    assertStatus(ret.status, returnId, 'requested');
    await requireLocation(tx, input.location_id, 'body.location_id');
    assertDistinctLines(input.lines, 'body.lines');
    const requested = await tx.selectFrom('order_return_item').select(['line_item_id', 'quantity']).where('return_id', '=', returnId).execute();
    let credit = 0;
    const received: { line_item_id: string; variant_id: string; quantity: number; condition: ReturnCondition; disposition: ReturnDisposition; location_id: string; value: number }[] = [];
    for (const [i, got] of input.lines.entries()) {
      const item = requested.find((r) => r.line_item_id === got.line_item_id);
      if (!item) throw new AppError('order_line_not_found', { field: `body.lines[${i}].line_item_id`, line_item_id: got.line_item_id }, 'This line is not in the return.');
      if (got.quantity > item.quantity) {
        throw new AppError('quantity_exceeds_returnable', { field: `body.lines[${i}].quantity`, line_item_id: got.line_item_id, requested: got.quantity, max: item.quantity });
      }
      if (got.location_id) await requireLocation(tx, got.location_id, `body.lines[${i}].location_id`);
      const line = lineOrThrow(order, got.line_item_id, `body.lines[${i}].line_item_id`);
      const value = unitsValue(line, line.returned_quantity + line.refunded_quantity, got.quantity);
      credit += value;
      received.push({
        line_item_id: line.id, variant_id: line.variant_id, quantity: got.quantity, condition: got.condition,
        disposition: got.disposition ?? (got.condition === 'damaged' ? 'write_off' : 'restock'), location_id: got.location_id ?? input.location_id, value,
      });
    }
    for (const r of received) {
      await tx.updateTable('order_return_item').set({ received_quantity: r.quantity, condition: r.condition, disposition: r.disposition, location_id: r.location_id })
        .where('return_id', '=', returnId).where('line_item_id', '=', r.line_item_id).execute();
      await tx.updateTable('order_line_item').set((eb) => ({ returned_quantity: eb('returned_quantity', '+', r.quantity) })).where('id', '=', r.line_item_id).execute();
    }
    await receiveReturnedStock(tx, {
      why: { orderId, actor: actorRef(actor), referenceType: 'return', referenceId: returnId },
      lines: received.filter((r) => r.quantity > 0).map((r) => ({ order_line_id: r.line_item_id, variant_id: r.variant_id, quantity: r.quantity, location_id: r.location_id, disposition: r.disposition })),
    });
    await tx.updateTable('order_return').set({
      status: 'received', received_at: new Date(), location_id: input.location_id, credit_amount: credit,
      note: input.note ? [ret.note, input.note].filter(Boolean).join('\n') : ret.note,
    }).where('id', '=', returnId).execute();
    await recordOrderActivity(tx, {
      orderId, type: 'return.received', actor, resource: { type: 'return', id: returnId },
      data: { return_id: returnId, credit_amount: credit, location_id: input.location_id, items: received.map(({ variant_id: _v, ...r }) => r) },
    });
    await saveDerivedStatuses(tx, orderId);
  });
}

/**
 * Refunds a received return: by default what the shop owes for it, min(its credit, the amount the
 * balance says the shop owes, what is refundable); nothing owed: 409 nothing_to_refund. A given
 * `amount` may differ (a restocking fee, a goodwill top-up), within what is refundable.
 */
export async function refundReturn(deps: PaymentDeps, orderId: string, returnId: string, input: { amount?: number; note?: string | null }, actor: Actor): Promise<string> {
  const planned = await inTransaction(deps.db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    const ret = await lockReturn(tx, orderId, returnId);
    assertStatus(ret.status, returnId, 'received');
    const owed = Math.max(0, -moneySummary(order).balance);
    const refundable = order.payments.reduce((n, p) => n + refundableOf(p), 0);
    const amount = input.amount ?? Math.min(ret.credit_amount, owed, refundable);
    if (amount === 0) throw new AppError('nothing_to_refund', { return_id: returnId, credit_amount: ret.credit_amount, balance: moneySummary(order).balance, refundable });
    const refund = await planRefund(tx, order, {
      amount, credit: Math.max(0, amount - owed), lines: [], reason: 'return', note: input.note ?? null, returnId, actor, field: 'body.amount',
    });
    await tx.updateTable('order_return').set({ status: 'refunded', refund_id: refund.refundId, refunded_at: new Date() }).where('id', '=', returnId).execute();
    return refund;
  });
  return executeRefund(deps, orderId, planned, actor);
}

/** Cancels a requested return; an exchange's replacement lines go down to what has been fulfilled of them (stock released). */
export async function cancelReturn(db: Db, orderId: string, returnId: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    const ret = await lockReturn(tx, orderId, returnId);
    assertStatus(ret.status, returnId, 'requested');
    await tx.updateTable('order_return').set({ status: 'canceled', canceled_at: new Date() }).where('id', '=', returnId).execute();
    const replacements = order.lines.filter((l) => l.return_id === returnId && l.quantity > l.fulfilled_quantity);
    if (replacements.length) {
      await releaseOrderAllocations(tx, {
        why: { orderId, actor: actorRef(actor), referenceType: 'return', referenceId: returnId }, reason: 'return_canceled',
        lines: replacements.map((l) => ({ order_line_id: l.id, variant_id: l.variant_id, quantity: l.quantity - l.fulfilled_quantity })),
      });
      for (const line of replacements) {
        await tx.updateTable('order_line_item').set(repriceLine(line, line.fulfilled_quantity, order.tax_inclusive)).where('id', '=', line.id).execute();
      }
      await saveOrderTotals(tx, order);
    }
    await recordOrderActivity(tx, { orderId, type: 'return.canceled', actor, resource: { type: 'return', id: returnId }, data: { return_id: returnId } });
    await saveDerivedStatuses(tx, orderId);
  });
}
