import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { capturableOf, paymentsOfOrder, type OrderPayment } from '../payments/payment-amounts.ts';
import type { ActorType, OrderLineItemTable, OrderLineProgressColumns, OrdersTable, OrderVersionColumn } from './schema.ts';

/**
 * An order as its operations see it: the order row, its lines with their progress, its payments, the
 * units in returns not yet received, and the credits given. Every operation reads it with
 * `lockOrder`, under the order row's lock, so operations on one order run one after another and each
 * sees what the previous one committed; the checks made on this state hold until the transaction ends.
 */
export type OrderLineState = Omit<Selectable<OrderLineItemTable & OrderLineProgressColumns>, 'order_id'>;

export interface OrderState extends Pick<Selectable<OrdersTable & OrderVersionColumn>,
  'id' | 'number' | 'cart_id' | 'customer_id' | 'status' | 'payment_status' | 'fulfillment_status' | 'region_id' | 'currency_code' | 'tax_inclusive'
  | 'shipping_method' | 'subtotal' | 'discount_total' | 'shipping_total' | 'tax_total' | 'total' | 'version' | 'placed_at'> {
  lines: OrderLineState[];
  /** Each with the amount of its captures sent to the gateway and not yet settled. */
  payments: (OrderPayment & { pending_capture: number })[];
  /** Units per line in returns requested and not yet received. */
  requested: Map<string, number>;
  /** Credits given: received returns' value and the credit part of refunds (pending or done). */
  credit_total: number;
}

/** Who did something: a staff member, an API key, a customer (null id: a guest with the order token), or the system. */
export interface Actor {
  type: ActorType;
  id: string | null;
}

export const SYSTEM: Actor = { type: 'system', id: null };

/** What `created_by` columns keep: the actor's id, or its type when it has none. */
export function actorRef(actor: Actor): string {
  return actor.id ?? actor.type;
}

/** Reads the order for an operation, its row locked until the transaction ends. Pending orders are not placed: 404. */
export async function lockOrder(tx: Tx, orderId: string): Promise<OrderState> {
  return readOrderState(tx, orderId, true);
}

export async function readOrderState(db: Db, orderId: string, lock = false): Promise<OrderState> {
  let query = db.selectFrom('orders').select([
    'id', 'number', 'cart_id', 'customer_id', 'status', 'payment_status', 'fulfillment_status', 'region_id', 'currency_code', 'tax_inclusive',
    'shipping_method', 'subtotal', 'discount_total', 'shipping_total', 'tax_total', 'total', 'version', 'placed_at',
  ]).where('id', '=', orderId);
  if (lock) query = query.forUpdate();
  const order = await query.executeTakeFirst();
  if (!order || order.status === 'pending') throw new AppError('order_not_found', { id: orderId });
  const lines = await db.selectFrom('order_line_item').select([
    'id', 'variant_id', 'product_id', 'sku', 'title', 'variant_title', 'quantity', 'unit_price', 'subtotal', 'discount_total',
    'tax_rate_ppm', 'tax_total', 'total', 'position', 'fulfilled_quantity', 'shipped_quantity', 'delivered_quantity',
    'returned_quantity', 'refunded_quantity', 'origin', 'return_id',
  ]).where('order_id', '=', orderId).orderBy('position').execute();
  const pendingCaptures = await sql<{ payment_id: string; amount: number }>`
    select payment_id, sum(amount)::bigint as amount from order_payment_operation
    where order_id = ${orderId} and kind = 'capture' and status = 'pending' group by payment_id`.execute(db);
  const pending = new Map(pendingCaptures.rows.map((r) => [r.payment_id, r.amount]));
  const payments = (await paymentsOfOrder(db, orderId)).map((p) => ({ ...p, pending_capture: pending.get(p.id) ?? 0 }));
  const requested = await sql<{ line_item_id: string; quantity: number }>`
    select ri.line_item_id, sum(ri.quantity)::int as quantity
    from order_return_item ri join order_return r on r.id = ri.return_id
    where r.order_id = ${orderId} and r.status = 'requested'
    group by ri.line_item_id`.execute(db);
  const credits = await sql<{ credit: number }>`
    select ((select coalesce(sum(credit_amount), 0) from order_return where order_id = ${orderId} and status in ('received', 'refunded'))
      + (select coalesce(sum(credit_amount), 0) from order_refund where order_id = ${orderId} and status in ('pending', 'succeeded')))::bigint as credit`.execute(db);
  return {
    ...order,
    lines,
    payments,
    requested: new Map(requested.rows.map((r) => [r.line_item_id, r.quantity])),
    credit_total: credits.rows[0].credit,
  };
}

/** What can be captured of a payment now: its open authorization less the captures in flight. */
export function capturableNow(payment: OrderState['payments'][number]): number {
  return Math.max(capturableOf(payment) - payment.pending_capture, 0);
}

/** The line with this id, or 400 order_line_not_found naming `field`. */
export function lineOrThrow(order: OrderState, lineId: string, field: string): OrderLineState {
  const line = order.lines.find((l) => l.id === lineId);
  if (!line) throw new AppError('order_line_not_found', { field, line_item_id: lineId });
  return line;
}

/** Refuses a list naming the same line twice (each line once per request). */
export function assertDistinctLines(lines: { line_item_id: string }[], field: string): void {
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (seen.has(line.line_item_id)) {
      throw new AppError('invalid_request', { field: `${field}[${i}].line_item_id` }, `${field}[${i}].line_item_id names a line already listed`);
    }
    seen.add(line.line_item_id);
  }
}

/** 404 order_not_found unless the order exists and has been placed. */
export async function assertPlacedOrder(db: Db, orderId: string): Promise<void> {
  const order = await db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
  if (!order || order.status === 'pending') throw new AppError('order_not_found', { id: orderId });
}
