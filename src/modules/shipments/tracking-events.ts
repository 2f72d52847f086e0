import type { Db, Tx } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { deliverFulfillment, shipFulfillment } from '../orders/fulfillments.ts';
import { recordOrderActivity } from '../orders/order-activity.ts';
import { SYSTEM } from '../orders/order-state.ts';
import type { TrackingStatus } from '../shipping/carrier.ts';
import { findLabelByTracking } from './labels.ts';
import { settleTrackingEvent, type InboxTrackingEvent } from './tracking-inbox.ts';

const MOVING: ReadonlySet<TrackingStatus> = new Set(['in_transit', 'out_for_delivery', 'delivered']);

/**
 * What a carrier's tracking event does to the order it concerns (found by the label's tracking number):
 *
 * | event                                   | fulfillment       | effect                                          |
 * |-----------------------------------------|-------------------|-------------------------------------------------|
 * | any                                     | any               | on the order's timeline (`order.tracking_updated`) |
 * | in_transit / out_for_delivery / delivered | not shipped yet | shipped (`order.shipped`: the shipment email)   |
 * | delivered                               | shipped           | delivered at the carrier's time (`order.delivered`: the delivery email) |
 * | anything else, a late or repeated scan  | —                 | nothing more                                    |
 *
 * The effect and the event's settling share one transaction, and settling requires this claim's
 * attempt: an event applied twice (a lease run out mid-way, two processes) commits once.
 */
export async function applyTrackingEvent(db: Db, event: InboxTrackingEvent, now = new Date()): Promise<void> {
  await inTransaction(db, async (tx) => {
    const label = await findLabelByTracking(tx, event.carrier_id, event.tracking_number);
    const outcome = label ? await apply(tx, event, label, now) : 'unknown_shipment';
    if (!(await settleTrackingEvent(tx, event, outcome))) throw new Error('the event was settled by another attempt; this one rolls back');
  });
}

async function apply(tx: Tx, event: InboxTrackingEvent, label: NonNullable<Awaited<ReturnType<typeof findLabelByTracking>>>, now: Date): Promise<string> {
  const order = await tx.selectFrom('orders').select('status').where('id', '=', label.order_id).forUpdate().executeTakeFirstOrThrow();
  await recordOrderActivity(tx, {
    orderId: label.order_id, type: 'order.tracking_updated', actor: SYSTEM,
    data: {
      fulfillment_id: label.fulfillment_id, label_id: label.id, carrier: label.carrier_id, tracking_number: label.tracking_number,
      status: event.status, occurred_at: event.occurred_at.toISOString(), description: event.description,
    },
  });
  if (order.status === 'canceled' || !MOVING.has(event.status)) return 'recorded';
  const fulfillment = await tx.selectFrom('order_fulfillment').select(['status', 'shipped_at']).where('id', '=', label.fulfillment_id).executeTakeFirstOrThrow();
  if (fulfillment.status === 'canceled' || fulfillment.status === 'delivered') return 'recorded';
  let outcome = 'recorded';
  let shippedAt = fulfillment.shipped_at;
  if (fulfillment.status === 'fulfilled') {
    await shipFulfillment(tx, label.order_id, label.fulfillment_id, { carrier: label.carrier_id, tracking_number: label.tracking_number, tracking_url: label.tracking_url }, SYSTEM);
    shippedAt = (await tx.selectFrom('order_fulfillment').select('shipped_at').where('id', '=', label.fulfillment_id).executeTakeFirstOrThrow()).shipped_at;
    outcome = 'shipped';
  }
  if (event.status === 'delivered') {
    // The carrier's time, kept between when we recorded the shipment and now (clocks disagree).
    const at = Math.max(Math.min(event.occurred_at.getTime(), now.getTime()), shippedAt?.getTime() ?? 0);
    await deliverFulfillment(tx, label.order_id, label.fulfillment_id, { delivered_at: new Date(at).toISOString() }, SYSTEM);
    outcome = outcome === 'shipped' ? 'shipped_and_delivered' : 'delivered';
  }
  return outcome;
}
