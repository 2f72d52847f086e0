import type { Tx } from '../../db/database.ts';
import type { OrderLineState, OrderState } from './order-state.ts';
import { capturableNow, readOrderState } from './order-state.ts';
import type { OrderStatus } from './schema.ts';

/**
 * An order's three statuses are derived from its quantities and money, never set by hand, so they
 * always agree with them (docs/orders.md has the tables):
 * - fulfillment_status from the lines' progress;
 * - payment_status from its payments' amounts;
 * - status: canceled, completed (every unit delivered, no return awaited, nothing owed either way), open.
 */

/** The money of an order; every figure in minor units. */
export interface MoneySummary {
  /** What the lines (after edits and exchanges) and shipping come to. */
  total: number;
  /** Credits given: the value of units returned, and refunds beyond what the shop owed (goodwill, units not returned). */
  credit_total: number;
  /** What the customer is to pay in the end: total − credits (0 once canceled). */
  net_total: number;
  authorized_total: number;
  /** Authorized and not yet captured (nor voided, nor being captured). */
  capturable_total: number;
  captured_total: number;
  refunded_total: number;
  /** captured − refunded: the money the shop holds. */
  paid_total: number;
  /** net_total − paid_total: > 0 the customer owes (capture, or collect), < 0 the shop owes (refund). */
  balance: number;
}

export function moneySummary(order: Pick<OrderState, 'status' | 'total' | 'credit_total' | 'payments'>): MoneySummary {
  const sum = (pick: (p: OrderState['payments'][number]) => number) => order.payments.reduce((n, p) => n + pick(p), 0);
  const captured = sum((p) => p.captured_amount);
  const refunded = sum((p) => p.refunded_amount);
  const net = order.status === 'canceled' ? 0 : order.total - order.credit_total;
  return {
    total: order.total,
    credit_total: order.credit_total,
    net_total: net,
    authorized_total: sum((p) => p.authorized_amount),
    capturable_total: sum(capturableNow),
    captured_total: captured,
    refunded_total: refunded,
    paid_total: captured - refunded,
    balance: net - (captured - refunded),
  };
}

/** Every value each status can take, as the derivations below give them (filters are checked against these). */
export const ORDER_STATUSES = ['open', 'completed', 'canceled'] as const;
export const PAYMENT_STATUSES = ['not_paid', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'voided'] as const;
export const FULFILLMENT_STATUSES = [
  'unfulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'partially_delivered', 'delivered',
  'partially_returned', 'returned', 'canceled',
] as const;

type Progress = Pick<OrderLineState, 'quantity' | 'fulfilled_quantity' | 'shipped_quantity' | 'delivered_quantity' | 'returned_quantity'>;

/** From the units: the furthest stage every unit reached (`delivered`) or some units reached (`partially_delivered`). */
export function deriveFulfillmentStatus(lines: Progress[], canceled: boolean): string {
  if (canceled) return 'canceled';
  const total = (pick: (l: Progress) => number) => lines.reduce((n, l) => n + pick(l), 0);
  const quantity = total((l) => l.quantity);
  const stages: [string, number][] = [
    ['returned', total((l) => l.returned_quantity)],
    ['delivered', total((l) => l.delivered_quantity)],
    ['shipped', total((l) => l.shipped_quantity)],
    ['fulfilled', total((l) => l.fulfilled_quantity)],
  ];
  for (const [stage, units] of stages) {
    if (units === 0) continue;
    return units >= quantity ? stage : `partially_${stage}`;
  }
  return 'unfulfilled';
}

/** From the payments' amounts: refunds first, then what is captured, then what is authorized. */
export function derivePaymentStatus(summary: Pick<MoneySummary, 'authorized_total' | 'capturable_total' | 'captured_total' | 'refunded_total'>): string {
  const { authorized_total: authorized, capturable_total: capturable, captured_total: captured, refunded_total: refunded } = summary;
  if (authorized === 0) return 'not_paid';
  if (captured === 0) return capturable > 0 ? 'authorized' : 'voided';
  if (refunded > 0) return refunded === captured && capturable === 0 ? 'refunded' : 'partially_refunded';
  return capturable > 0 ? 'partially_captured' : 'captured';
}

export function deriveOrderStatus(order: OrderState, summary: MoneySummary): OrderStatus {
  if (order.status === 'canceled') return 'canceled';
  const quantity = order.lines.reduce((n, l) => n + l.quantity, 0);
  const delivered = order.lines.reduce((n, l) => n + l.delivered_quantity, 0);
  const awaited = [...order.requested.values()].some((q) => q > 0);
  return quantity > 0 && delivered === quantity && !awaited && summary.balance === 0 ? 'completed' : 'open';
}

/** Re-reads the (locked) order and writes its derived statuses when they changed; returns the fresh state. */
export async function saveDerivedStatuses(tx: Tx, orderId: string): Promise<OrderState> {
  const order = await readOrderState(tx, orderId);
  const summary = moneySummary(order);
  const next = {
    status: deriveOrderStatus(order, summary),
    payment_status: derivePaymentStatus(summary),
    fulfillment_status: deriveFulfillmentStatus(order.lines, order.status === 'canceled'),
  };
  if (next.status !== order.status || next.payment_status !== order.payment_status || next.fulfillment_status !== order.fulfillment_status) {
    await tx.updateTable('orders').set({ ...next, updated_at: new Date() }).where('id', '=', orderId).execute();
  }
  return { ...order, ...next };
}

/**
 * The value of `quantity` more units of a line once `credited` of its units have been credited: the
 * line's total apportioned by units, cumulatively, so crediting every unit of a line adds up to exactly
 * its total (the first units round down, the last one takes the remainder).
 */
export function unitsValue(line: Pick<OrderLineState, 'total' | 'quantity'>, credited: number, quantity: number): number {
  if (line.quantity === 0 || quantity === 0) return 0;
  const share = (units: number) => (BigInt(line.total) * BigInt(Math.min(units, line.quantity))) / BigInt(line.quantity);
  return Number(share(credited + quantity) - share(credited));
}
