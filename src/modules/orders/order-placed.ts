import { Value } from '@sinclair/typebox/value';
import type { Tx } from '../../db/database.ts';
import { recordEvents } from '../events/outbox.ts';
import { OrderDetail } from './admin-shapes.ts';
import { placedOrderDetail } from './order-detail.ts';
import type { ConfirmedOrderRow } from './orders.ts';
import type { Order } from './shapes.ts';

/**
 * Announces a placed order (`order.placed`, version 2): its ids and total in the clear, and the whole
 * order exactly as GET /admin/orders/:id returns it — JSON-shaped by the same schema — sealed with the
 * data key, since it holds the buyer's email and addresses. Called in the transaction that confirms
 * the order, with what the confirm read (the row, its payments and timeline), so the snapshot is
 * the order as placed. Returns the order as its buyer sees it, from the same read.
 */
export async function recordOrderPlaced(tx: Tx, placed: ConfirmedOrderRow, orderNumberPrefix: string): Promise<Order> {
  const { order: placedOrder, detail } = placedOrderDetail(placed, orderNumberPrefix);
  const order = Value.Clean(OrderDetail, JSON.parse(JSON.stringify(detail))) as Record<string, unknown>;
  await recordEvents(tx, [{
    type: 'order.placed', resource_type: 'order', resource_id: placed.id,
    payload: { order_id: placed.id, number: placed.number!, cart_id: placed.cart_id, customer_id: placed.customer_id, total: placed.total, currency_code: placed.currency_code },
    sealed: { order },
  }]);
  return placedOrder;
}
