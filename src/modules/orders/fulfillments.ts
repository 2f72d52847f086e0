import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { requireLocation } from '../inventory/locations.ts';
import { fulfillOrderStock, unfulfillOrderStock } from '../inventory/order-stock.ts';
import { recordOrderActivity } from './order-activity.ts';
import { actorRef, assertDistinctLines, lineOrThrow, lockOrder, type Actor } from './order-state.ts';
import { saveDerivedStatuses } from './order-status.ts';
import type { FulfillmentStatus } from './schema.ts';

/**
 * Fulfillment: staff choose lines, quantities and the location they ship from. The units leave that
 * location (on_hand and committed drop there, order-stock.ts), then ship (carrier, tracking number and
 * URL) and are delivered. A fulfillment that has not shipped can be cancelled: its units go back on the
 * shelf and stay committed to the order.
 *
 *   fulfilled ──ship──► shipped ──deliver──► delivered
 *       └──cancel──► canceled
 */
export interface FulfillmentView {
  id: string;
  order_id: string;
  location_id: string;
  status: FulfillmentStatus;
  items: { line_item_id: string; quantity: number }[];
  carrier: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  note: string | null;
  created_by: string;
  created_at: Date;
  shipped_at: Date | null;
  delivered_at: Date | null;
  canceled_at: Date | null;
}

export async function listFulfillments(db: Db, orderId: string): Promise<FulfillmentView[]> {
  const { rows } = await sql<FulfillmentView>`
    select f.*, coalesce((select json_agg(json_build_object('line_item_id', i.line_item_id, 'quantity', i.quantity) order by i.line_item_id)
      from order_fulfillment_item i where i.fulfillment_id = f.id), '[]') as items
    from order_fulfillment f where f.order_id = ${orderId} order by f.created_at, f.id`.execute(db);
  return rows;
}

async function fulfillmentOrThrow(tx: Tx, orderId: string, fulfillmentId: string) {
  const row = await tx.selectFrom('order_fulfillment').selectAll().where('id', '=', fulfillmentId).where('order_id', '=', orderId).executeTakeFirst();
  if (!row) throw new AppError('fulfillment_not_found', { id: fulfillmentId });
  const items = await tx.selectFrom('order_fulfillment_item as i').innerJoin('order_line_item as l', 'l.id', 'i.line_item_id')
    .select(['i.line_item_id', 'i.quantity', 'l.variant_id']).where('i.fulfillment_id', '=', fulfillmentId).orderBy('i.line_item_id').execute();
  return { ...row, items };
}

type Shipment = { carrier: string; tracking_number?: string | null; tracking_url?: string | null };

/**
 * Fulfills lines from a location. Each quantity must be at most what the line has left to fulfill (400
 * quantity_exceeds_fulfillable); the location must have the units (409 insufficient_inventory). A line
 * may name the lots some or all of its units come from (validated in inventory/lots.ts); the rest leave
 * in the product's pick order. With `shipment`, it is shipped in the same transaction.
 */
export async function createFulfillment(
  db: Db,
  orderId: string,
  input: {
    location_id: string; lines: { line_item_id: string; quantity: number; lots?: { lot_id: string; quantity: number }[] }[];
    allow_expired_lots?: boolean; note?: string | null; shipment?: Shipment;
  },
  actor: Actor,
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status === 'canceled') throw new AppError('order_canceled', { id: orderId });
    await requireLocation(tx, input.location_id, 'body.location_id');
    assertDistinctLines(input.lines, 'body.lines');
    const id = newId('ful');
    const lines = input.lines.map((wanted, i) => {
      const line = lineOrThrow(order, wanted.line_item_id, `body.lines[${i}].line_item_id`);
      const left = line.quantity - line.fulfilled_quantity;
      if (wanted.quantity > left) {
        throw new AppError('quantity_exceeds_fulfillable', { field: `body.lines[${i}].quantity`, line_item_id: line.id, requested: wanted.quantity, max: left });
      }
      const lots = (wanted.lots ?? []).map((lot, j) => ({ ...lot, field: `body.lines[${i}].lots[${j}]` }));
      if (lots.reduce((n, lot) => n + lot.quantity, 0) > wanted.quantity) {
        throw new AppError('lot_quantities_exceed_line', { field: `body.lines[${i}].lots`, line_item_id: line.id, quantity: wanted.quantity });
      }
      return { line, quantity: wanted.quantity, lots };
    });
    await fulfillOrderStock(tx, {
      why: { orderId, actor: actorRef(actor), referenceType: 'fulfillment', referenceId: id },
      locationId: input.location_id,
      allowExpiredLots: input.allow_expired_lots ?? false,
      lines: lines.map(({ line, quantity, lots }) => ({ order_line_id: line.id, variant_id: line.variant_id, quantity, lots })),
    });
    await tx.insertInto('order_fulfillment').values({
      id, order_id: orderId, location_id: input.location_id, status: 'fulfilled', note: input.note ?? null, created_by: actorRef(actor),
    }).execute();
    await tx.insertInto('order_fulfillment_item').values(lines.map(({ line, quantity }) => ({ fulfillment_id: id, line_item_id: line.id, quantity }))).execute();
    for (const { line, quantity } of lines) {
      await tx.updateTable('order_line_item').set({ fulfilled_quantity: line.fulfilled_quantity + quantity }).where('id', '=', line.id).execute();
    }
    await recordOrderActivity(tx, {
      orderId, type: 'order.fulfilled', actor,
      data: { fulfillment_id: id, location_id: input.location_id, items: lines.map(({ line, quantity }) => ({ line_item_id: line.id, quantity })) },
    });
    if (input.shipment) await ship(tx, orderId, id, input.shipment, actor);
    await saveDerivedStatuses(tx, orderId);
    return id;
  });
}

async function ship(tx: Tx, orderId: string, fulfillmentId: string, shipment: Shipment, actor: Actor): Promise<void> {
  const fulfillment = await fulfillmentOrThrow(tx, orderId, fulfillmentId);
  if (fulfillment.status === 'canceled') throw new AppError('fulfillment_canceled', { id: fulfillmentId });
  if (fulfillment.status !== 'fulfilled') throw new AppError('fulfillment_already_shipped', { id: fulfillmentId, status: fulfillment.status });
  await tx.updateTable('order_fulfillment').set({
    status: 'shipped', carrier: shipment.carrier, tracking_number: shipment.tracking_number ?? null, tracking_url: shipment.tracking_url ?? null, shipped_at: new Date(),
  }).where('id', '=', fulfillmentId).execute();
  for (const item of fulfillment.items) {
    await tx.updateTable('order_line_item').set((eb) => ({ shipped_quantity: eb('shipped_quantity', '+', item.quantity) })).where('id', '=', item.line_item_id).execute();
  }
  await recordOrderActivity(tx, {
    orderId, type: 'order.shipped', actor,
    data: { fulfillment_id: fulfillmentId, carrier: shipment.carrier, tracking_number: shipment.tracking_number ?? null, tracking_url: shipment.tracking_url ?? null, items: fulfillment.items.map(({ variant_id: _v, ...i }) => i) },
  });
}

/** Ships a fulfillment (once): its units count as shipped. */
export async function shipFulfillment(db: Db, orderId: string, fulfillmentId: string, shipment: Shipment, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status === 'canceled') throw new AppError('order_canceled', { id: orderId });
    await ship(tx, orderId, fulfillmentId, shipment, actor);
    await saveDerivedStatuses(tx, orderId);
  });
}

/**
 * Marks a shipped fulfillment delivered (once), at `delivered_at` (the carrier's time; default now, never
 * in the future nor before it shipped): the customer's return window starts then.
 */
export async function deliverFulfillment(db: Db, orderId: string, fulfillmentId: string, input: { delivered_at?: string }, actor: Actor): Promise<void> {
  const deliveredAt = input.delivered_at ? new Date(input.delivered_at) : new Date();
  if (deliveredAt.getTime() > Date.now() + 60_000) {
    throw new AppError('invalid_request', { field: 'body.delivered_at' }, 'body.delivered_at cannot be in the future');
  }
  await inTransaction(db, async (tx) => {
    await lockOrder(tx, orderId);
    const fulfillment = await fulfillmentOrThrow(tx, orderId, fulfillmentId);
    if (fulfillment.status === 'canceled') throw new AppError('fulfillment_canceled', { id: fulfillmentId });
    if (fulfillment.status === 'fulfilled') throw new AppError('fulfillment_not_shipped', { id: fulfillmentId });
    if (fulfillment.status === 'delivered') throw new AppError('fulfillment_already_delivered', { id: fulfillmentId });
    if (fulfillment.shipped_at && deliveredAt < fulfillment.shipped_at) {
      throw new AppError('invalid_request', { field: 'body.delivered_at' }, 'body.delivered_at cannot be before the fulfillment shipped');
    }
    await tx.updateTable('order_fulfillment').set({ status: 'delivered', delivered_at: deliveredAt }).where('id', '=', fulfillmentId).execute();
    for (const item of fulfillment.items) {
      await tx.updateTable('order_line_item').set((eb) => ({ delivered_quantity: eb('delivered_quantity', '+', item.quantity) })).where('id', '=', item.line_item_id).execute();
    }
    await recordOrderActivity(tx, {
      orderId, type: 'order.delivered', actor,
      data: { fulfillment_id: fulfillmentId, delivered_at: deliveredAt.toISOString(), items: fulfillment.items.map(({ variant_id: _v, ...i }) => i) },
    });
    await saveDerivedStatuses(tx, orderId);
  });
}

/** Cancels a fulfillment that has not shipped: its units are back on hand at its location, committed to the order again. */
export async function cancelFulfillment(db: Db, orderId: string, fulfillmentId: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockOrder(tx, orderId);
    const fulfillment = await fulfillmentOrThrow(tx, orderId, fulfillmentId);
    if (fulfillment.status === 'canceled') throw new AppError('fulfillment_canceled', { id: fulfillmentId });
    if (fulfillment.status !== 'fulfilled') throw new AppError('fulfillment_already_shipped', { id: fulfillmentId, status: fulfillment.status });
    await tx.updateTable('order_fulfillment').set({ status: 'canceled', canceled_at: new Date() }).where('id', '=', fulfillmentId).execute();
    for (const item of fulfillment.items) {
      await tx.updateTable('order_line_item').set((eb) => ({ fulfilled_quantity: eb('fulfilled_quantity', '-', item.quantity) })).where('id', '=', item.line_item_id).execute();
    }
    await unfulfillOrderStock(tx, {
      why: { orderId, actor: actorRef(actor), referenceType: 'fulfillment', referenceId: fulfillmentId },
      locationId: fulfillment.location_id,
      lines: fulfillment.items.map((i) => ({ order_line_id: i.line_item_id, variant_id: i.variant_id, quantity: i.quantity })),
    });
    await recordOrderActivity(tx, { orderId, type: 'order.fulfillment_canceled', actor, data: { fulfillment_id: fulfillmentId } });
    await saveDerivedStatuses(tx, orderId);
  });
}

export async function getFulfillment(db: Db, orderId: string, fulfillmentId: string): Promise<FulfillmentView> {
  const found = (await listFulfillments(db, orderId)).find((f) => f.id === fulfillmentId);
  if (!found) throw new AppError('fulfillment_not_found', { id: fulfillmentId });
  return found;
}
