import { sql, type Selectable } from 'kysely';
import { decryptJson } from '../../crypto/data-encryption.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { millis } from '../../db/intervals.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordOrderActivity } from '../orders/order-activity.ts';
import { actorRef, assertPlacedOrder, lockOrder, type Actor } from '../orders/order-state.ts';
import { abortable, CarrierError, type PurchasedLabel } from '../shipping/carrier.ts';
import { parcelOf } from '../shipping/carrier-rates.ts';
import { carrierOrThrow } from '../shipping/carriers.ts';
import { parcelAddressOf, type RateDeps } from '../shipping/cart-rates.ts';
import type { ShippingLabelTable } from './schema.ts';

/**
 * Shipping labels bought from a carrier for a fulfillment (docs/shipping.md). The label row is written
 * `purchasing` before the carrier is asked, and its id is the carrier's idempotency key: a retry (the
 * same request again, an Idempotency-Key replay, two staff clicking at once) finds that row and asks
 * with the same key, so one fulfillment never gets two labels; a lease keeps one call per label in flight
 * (a concurrent request is 409 label_purchase_in_progress). A label carries the tracking number;
 * the fulfillment ships when the carrier's first scan arrives (tracking-events.ts), or when staff ship it.
 */
const labelColumns = ['id', 'order_id', 'fulfillment_id', 'carrier_id', 'service', 'status', 'tracking_number', 'tracking_url', 'label_url',
  'amount', 'currency_code', 'error_message', 'created_by', 'created_at', 'updated_at'] as const;

/** A label as the API shows it: the row without the carrier's own reference or the lease. */
export type LabelView = Pick<Selectable<ShippingLabelTable>, (typeof labelColumns)[number]>;


export async function listLabels(db: Db, orderId: string): Promise<LabelView[]> {
  await assertPlacedOrder(db, orderId);
  return db.selectFrom('shipping_label').select(labelColumns).where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
}

async function labelOrThrow(db: Db, orderId: string, fulfillmentId: string, labelId: string) {
  const label = await db.selectFrom('shipping_label').select([...labelColumns, 'provider_reference'])
    .where('id', '=', labelId).where('order_id', '=', orderId).where('fulfillment_id', '=', fulfillmentId).executeTakeFirst();
  if (!label) throw new AppError('label_not_found', { id: labelId });
  return label;
}

/** What the carrier needs: the parcel of the fulfillment's units, its location's address, the order's shipping address. */
async function shipmentOf(db: Db, orderId: string, fulfillmentId: string) {
  const fulfillment = await db.selectFrom('order_fulfillment as f').innerJoin('stock_location as l', 'l.id', 'f.location_id')
    .select(['f.status', 'l.name as location_name', 'l.address as location_address'])
    .where('f.id', '=', fulfillmentId).where('f.order_id', '=', orderId).executeTakeFirst();
  if (!fulfillment) throw new AppError('fulfillment_not_found', { id: fulfillmentId });
  if (fulfillment.status === 'canceled') throw new AppError('fulfillment_canceled', { id: fulfillmentId });
  const lines = await db.selectFrom('order_fulfillment_item as i').innerJoin('order_line_item as li', 'li.id', 'i.line_item_id')
    .leftJoin('product_variant as v', 'v.id', 'li.variant_id')
    .select(['i.quantity', 'v.weight_grams', 'v.length_mm', 'v.width_mm', 'v.height_mm'])
    .where('i.fulfillment_id', '=', fulfillmentId).execute();
  const order = await db.selectFrom('orders').select('shipping_address').where('id', '=', orderId).executeTakeFirstOrThrow();
  const to = parcelAddressOf(decryptJson(order.shipping_address as unknown as { enc: string } | null));
  if (!to) throw new AppError('shipping_address_missing', { order_id: orderId });
  const from = parcelAddressOf(fulfillment.location_address as Record<string, string>);
  if (!from) throw new AppError('ship_from_address_missing', { fulfillment_id: fulfillmentId });
  return { status: fulfillment.status, from: { ...from, name: from.name ?? fulfillment.location_name }, to, parcel: parcelOf(lines) };
}

/**
 * Buys the fulfillment's label, or returns the one it has. A carrier that refuses (a bad address)
 * leaves a `failed` label and 422 carrier_refused; one that fails or does not answer leaves the label
 * `purchasing` and 502 carrier_unavailable: asking again resumes it with the same idempotency key.
 */
export async function buyLabel(
  db: Db, deps: RateDeps, orderId: string, fulfillmentId: string, input: { carrier_id: string; service?: string | null }, actor: Actor,
): Promise<LabelView> {
  await assertPlacedOrder(db, orderId);
  const carrier = carrierOrThrow(deps.carriers, input.carrier_id, 'body.carrier_id');
  if (!carrier.createLabel) throw new AppError('carrier_buys_no_labels', { field: 'body.carrier_id', carrier_id: carrier.id });
  const shipment = await shipmentOf(db, orderId, fulfillmentId);
  // The lease outlasts our own wait for the carrier, so one call per label is in flight at a time.
  const lease = sql<Date>`now() + ${millis(deps.timeoutMs + 5000)}`;
  const label = await inTransaction(db, async (tx) => {
    await lockOrder(tx, orderId);
    const live = await tx.selectFrom('shipping_label').select([...labelColumns, 'provider_reference'])
      .where('fulfillment_id', '=', fulfillmentId).where('status', 'in', ['purchasing', 'purchased']).executeTakeFirst();
    if (live?.status === 'purchased') return live;
    if (live) {
      const claimed = await tx.updateTable('shipping_label').set({ locked_until: lease }).where('id', '=', live.id).where('status', '=', 'purchasing')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)])).returning('id').executeTakeFirst();
      if (!claimed) throw new AppError('label_purchase_in_progress', { id: live.id });
      return live;
    }
    if (shipment.status !== 'fulfilled') throw new AppError('fulfillment_already_shipped', { id: fulfillmentId, status: shipment.status });
    const id = newId('lbl');
    await tx.insertInto('shipping_label').values({
      id, order_id: orderId, fulfillment_id: fulfillmentId, carrier_id: carrier.id, service: input.service ?? null, status: 'purchasing',
      locked_until: lease, created_by: actorRef(actor),
    }).execute();
    return { id, carrier_id: carrier.id, service: input.service ?? null, status: 'purchasing' as const };
  });
  if (label.status === 'purchased') return label as LabelView;
  const id = label.id;
  // A resumed purchase asks the carrier it was started with.
  const labelCarrier = carrierOrThrow(deps.carriers, label.carrier_id, 'body.carrier_id');
  const service = label.service;
  let purchased: PurchasedLabel;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  try {
    purchased = await abortable(controller.signal, labelCarrier.createLabel!({ ...shipment, reference: id, service, signal: controller.signal }));
  } catch (error) {
    if (error instanceof CarrierError && error.code === 'carrier_refused') {
      await db.updateTable('shipping_label').set({ status: 'failed', error_message: error.message.slice(0, 1000), locked_until: null, updated_at: new Date() })
        .where('id', '=', id).where('status', '=', 'purchasing').execute();
      throw new AppError('carrier_refused', { carrier_id: labelCarrier.id, label_id: id }, error.message);
    }
    // The carrier may have bought it without our hearing: the label stays purchasing, for a retry to resume.
    await db.updateTable('shipping_label').set({ locked_until: null }).where('id', '=', id).where('status', '=', 'purchasing').execute();
    throw new AppError('carrier_unavailable', { carrier_id: labelCarrier.id, label_id: id });
  } finally {
    clearTimeout(timer);
  }
  await inTransaction(db, async (tx) => {
    await lockOrder(tx, orderId);
    const updated = await tx.updateTable('shipping_label').set({
      status: 'purchased', tracking_number: purchased.tracking_number, tracking_url: purchased.tracking_url, label_url: purchased.label_url,
      provider_reference: purchased.provider_reference, amount: purchased.amount, currency_code: purchased.currency_code, locked_until: null, updated_at: new Date(),
    }).where('id', '=', id).where('status', '=', 'purchasing').returning('id').executeTakeFirst();
    // Settled by a resumed purchase after our lease ran out: recorded there.
    if (!updated) return;
    await recordOrderActivity(tx, {
      orderId, type: 'order.label_purchased', actor,
      data: { fulfillment_id: fulfillmentId, label_id: id, carrier: labelCarrier.id, tracking_number: purchased.tracking_number, tracking_url: purchased.tracking_url },
    });
  });
  return labelOrThrow(db, orderId, fulfillmentId, id);
}

/** Voids a purchased label whose parcel has not shipped; the fulfillment can have another. */
export async function cancelLabel(db: Db, deps: RateDeps, orderId: string, fulfillmentId: string, labelId: string, actor: Actor): Promise<LabelView> {
  await assertPlacedOrder(db, orderId);
  const label = await labelOrThrow(db, orderId, fulfillmentId, labelId);
  const fulfillment = await db.selectFrom('order_fulfillment').select('status').where('id', '=', fulfillmentId).executeTakeFirstOrThrow();
  if (label.status === 'canceled') return label;
  if (label.status !== 'purchased' || fulfillment.status !== 'fulfilled') {
    throw new AppError('label_not_cancelable', { id: labelId, status: label.status, fulfillment_status: fulfillment.status });
  }
  const carrier = carrierOrThrow(deps.carriers, label.carrier_id, 'carrier_id');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  try {
    await abortable(controller.signal, carrier.cancelLabel!({ provider_reference: label.provider_reference!, signal: controller.signal }));
  } catch (error) {
    if (error instanceof CarrierError && error.code === 'carrier_refused') throw new AppError('carrier_refused', { carrier_id: carrier.id, label_id: labelId }, error.message);
    throw new AppError('carrier_unavailable', { carrier_id: carrier.id, label_id: labelId });
  } finally {
    clearTimeout(timer);
  }
  await inTransaction(db, async (tx) => {
    await lockOrder(tx, orderId);
    const updated = await tx.updateTable('shipping_label').set({ status: 'canceled', updated_at: new Date() })
      .where('id', '=', labelId).where('status', '=', 'purchased').returning('id').executeTakeFirst();
    if (updated) await recordOrderActivity(tx, { orderId, type: 'order.label_canceled', actor, data: { fulfillment_id: fulfillmentId, label_id: labelId, carrier: carrier.id } });
  });
  return labelOrThrow(db, orderId, fulfillmentId, labelId);
}

/** The live label with this carrier's tracking number, for its tracking events. */
export async function findLabelByTracking(db: Db, carrierId: string, trackingNumber: string) {
  return db.selectFrom('shipping_label').select(['id', 'order_id', 'fulfillment_id', 'carrier_id', 'tracking_number', 'tracking_url'])
    .where('carrier_id', '=', carrierId).where('tracking_number', '=', trackingNumber).where('status', '=', 'purchased')
    .orderBy(sql`created_at desc`).executeTakeFirst();
}
