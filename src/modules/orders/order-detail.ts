import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { listFulfillments } from './fulfillments.ts';
import { listEdits } from './order-edits.ts';
import { getOrderOrThrow, toOrderResponse, type ConfirmedOrderRow } from './orders.ts';
import { capturableNow, readOrderState, type OrderState } from './order-state.ts';
import { moneySummary } from './order-status.ts';
import { orderTimeline } from './order-timeline.ts';
import { listRefunds } from './refunds.ts';
import { listReturns } from './returns.ts';
import type { Order } from './shapes.ts';

/**
 * The Admin API's order detail: the order as its buyer sees it (getOrderOrThrow: addresses decrypted
 * there), each line's progress, the money summary, payments, fulfillments, returns, refunds, the edit
 * history and the timeline. Read without locks: a consistent enough picture for a screen.
 */
export async function getOrderDetail(db: Db, orderId: string, orderNumberPrefix: string) {
  const order = await getOrderOrThrow(db, orderId, orderNumberPrefix);
  if (order.status === 'pending') throw new AppError('order_not_found', { id: orderId });
  const state = await readOrderState(db, orderId);
  const refunds = await listRefunds(db, orderId);
  const operations = await paymentOperationsOf(db, orderId);
  return orderDetail(order, state, {
    payment_operations: operations,
    fulfillments: await listFulfillments(db, orderId),
    returns: await listReturns(db, orderId),
    refunds,
    edits: await listEdits(db, orderId),
    timeline: await orderTimeline(db, orderId),
  });
}

export type OrderDetail = Awaited<ReturnType<typeof getOrderDetail>>;

function paymentOperationsOf(db: Db, orderId: string) {
  return db.selectFrom('order_payment_operation')
    .select(['id', 'payment_id', 'kind', 'amount', 'refund_id', 'status', 'error_code', 'created_by', 'created_at', 'settled_at'])
    .where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
}

interface OrderHistory {
  payment_operations: Awaited<ReturnType<typeof paymentOperationsOf>>;
  fulfillments: Awaited<ReturnType<typeof listFulfillments>>;
  returns: Awaited<ReturnType<typeof listReturns>>;
  refunds: Awaited<ReturnType<typeof listRefunds>>;
  edits: Awaited<ReturnType<typeof listEdits>>;
  timeline: Awaited<ReturnType<typeof orderTimeline>>;
}

/**
 * The detail of an order its transaction has just confirmed (order.placed carries it), from what the
 * confirm read (confirmOrder: the row, its payments and timeline) instead of a dozen statements: until
 * that confirm the order was pending, and every operation that adds fulfillments, returns, refunds,
 * payment operations, edits or returns requested refuses a pending order (readOrderState,
 * assertPlacedOrder), so those are empty.
 */
export function placedOrderDetail({ lines, payments, timeline, ...row }: ConfirmedOrderRow, orderNumberPrefix: string): { order: Order; detail: OrderDetail } {
  const order = toOrderResponse(row, lines, orderNumberPrefix);
  const state: OrderState = { ...row, lines, payments: payments.map((p) => ({ ...p, pending_capture: 0 })), requested: new Map(), credit_total: 0 };
  const detail = orderDetail(order, state, { payment_operations: [], fulfillments: [], returns: [], refunds: [], edits: [], timeline });
  return { order, detail };
}

function orderDetail(order: Order, state: OrderState, history: OrderHistory) {
  const progress = new Map(state.lines.map((l) => [l.id, l]));
  return {
    ...order,
    customer_id: state.customer_id,
    version: state.version,
    items: order.items.map((item) => {
      const line = progress.get(item.id)!;
      return {
        ...item,
        fulfilled_quantity: line.fulfilled_quantity, shipped_quantity: line.shipped_quantity, delivered_quantity: line.delivered_quantity,
        returned_quantity: line.returned_quantity, refunded_quantity: line.refunded_quantity,
        requested_return_quantity: state.requested.get(item.id) ?? 0, origin: line.origin, return_id: line.return_id,
      };
    }),
    summary: moneySummary(state),
    payments: state.payments.map((p) => ({
      id: p.id, provider_id: p.provider_id, status: p.status, currency_code: p.currency_code, authorized_amount: p.authorized_amount,
      captured_amount: p.captured_amount, refunded_amount: p.refunded_amount, capturable_amount: capturableNow(p), created_at: p.created_at,
    })),
    payment_operations: history.payment_operations,
    fulfillments: history.fulfillments,
    returns: history.returns,
    refunds: history.refunds,
    edits: history.edits,
    timeline: history.timeline,
  };
}
