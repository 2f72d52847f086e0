import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { PickOrder } from './schema.ts';

/**
 * Lots: what a level's on_hand is made of (docs/purchasing.md). Levels keep their totals; lot_stock
 * says which lots are on hand at each location. Stock that arrived without a lot (before lots existed,
 * an adjustment, a bulk receipt, a restock of an unlotted unit) is the level's *unlotted* remainder:
 *
 *   on_hand = Σ lot_stock.quantity (item, location) + unlotted,   unlotted ≥ 0
 *
 * Every stock change that lowers on_hand calls takeFromLots for the units that left, in the product's
 * pick order, inside the transaction that lowered it and under the item's lock (which every on_hand
 * change takes first), so the split is decided by one writer at a time. The lot_stock UPDATE is itself
 * conditional (quantity ≥ what is taken): a lot never goes below zero, whatever the caller believes.
 */

/** Units of one lot (null: the unlotted remainder) at one location. */
export interface LotPiece {
  lot_id: string | null;
  location_id: string;
  quantity: number;
}

/** What takes the units: for the events' payloads. */
export interface LotWhy {
  reason: string;
  actor: string;
  reference_type: string;
  reference_id: string;
  order_id?: string | null;
  order_line_id?: string | null;
  to_location_id?: string | null;
}

export type LotEventType = 'lot.received' | 'lot.added' | 'lot.fulfilled' | 'lot.unfulfilled' | 'lot.returned' | 'lot.adjusted' | 'lot.transferred';

/** The item's product pick order: first-expiry-first-out unless the product says first-in-first-out. */
async function pickOrderOf(tx: Tx, itemId: string): Promise<PickOrder> {
  const row = await tx.selectFrom('inventory_item as i').innerJoin('product_variant as v', 'v.id', 'i.variant_id')
    .innerJoin('product_lot_setting as s', 's.product_id', 'v.product_id')
    .select('s.pick_order').where('i.id', '=', itemId).executeTakeFirst();
  return row?.pick_order ?? 'fefo';
}

/**
 * The order units leave a level in. FEFO: lots that expire, soonest first; then the unlotted remainder
 * (its expiry is unknown, and it is older than any lot); then lots without expiry, oldest first.
 * FIFO: the unlotted remainder first (it predates every lot), then lots by receipt.
 */
async function pickSequence(tx: Tx, itemId: string, locationId: string, unlotted: number): Promise<{ lot_id: string | null; quantity: number }[]> {
  const order = await pickOrderOf(tx, itemId);
  const lots = await tx.selectFrom('lot_stock as s').innerJoin('lot as l', 'l.id', 's.lot_id')
    .select(['s.lot_id', 's.quantity', 'l.expires_at'])
    .where('s.item_id', '=', itemId).where('s.location_id', '=', locationId).where('s.quantity', '>', 0)
    .orderBy(order === 'fefo' ? sql`l.expires_at asc nulls last` : sql`l.received_at asc`)
    .orderBy('l.received_at').orderBy('l.id')
    .execute();
  const rest = { lot_id: null, quantity: unlotted };
  if (order === 'fifo') return [rest, ...lots];
  const expiring = lots.filter((l) => l.expires_at !== null);
  return [...expiring, rest, ...lots.filter((l) => l.expires_at === null)];
}

/** Σ lot_stock of a level. */
export async function lottedQuantity(tx: Tx, itemId: string, locationId: string): Promise<number> {
  const row = await tx.selectFrom('lot_stock').select(sql<number>`coalesce(sum(quantity), 0)::int`.as('n'))
    .where('item_id', '=', itemId).where('location_id', '=', locationId).executeTakeFirstOrThrow();
  return row.n;
}

/**
 * `quantity` units just left the level (its on_hand already lowered in this transaction): takes them
 * out of its lots in the product's pick order, the unlotted remainder in its place. Returns the pieces
 * taken, lotted and unlotted, in that order.
 */
export async function takeFromLots(tx: Tx, input: { itemId: string; locationId: string; quantity: number }): Promise<LotPiece[]> {
  const { itemId, locationId } = input;
  if (input.quantity <= 0) return [];
  const level = await tx.selectFrom('inventory_level').select('on_hand')
    .where('item_id', '=', itemId).where('location_id', '=', locationId).executeTakeFirstOrThrow();
  const unlotted = level.on_hand + input.quantity - await lottedQuantity(tx, itemId, locationId);
  const pieces: LotPiece[] = [];
  let rest = input.quantity;
  for (const source of await pickSequence(tx, itemId, locationId, Math.max(unlotted, 0))) {
    if (rest === 0) break;
    const take = Math.min(rest, source.quantity);
    if (take === 0) continue;
    if (source.lot_id) {
      const updated = await tx.updateTable('lot_stock').set((eb) => ({ quantity: eb('quantity', '-', take) }))
        .where('lot_id', '=', source.lot_id).where('location_id', '=', locationId).where('quantity', '>=', take)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) throw new Error(`lot ${source.lot_id} at ${locationId} holds fewer than ${take}`);
    }
    pieces.push({ lot_id: source.lot_id, location_id: locationId, quantity: take });
    rest -= take;
  }
  // on_hand was ≥ 0 after the change and covered the lots before it, so the sequence covers the quantity.
  if (rest > 0) throw new Error(`the lots of ${itemId} at ${locationId} cover ${input.quantity - rest} of ${input.quantity}`);
  return pieces;
}

/** Lots staff chose for units leaving a level, instead of the pick order; `field` names them in errors. */
export interface ChosenLot {
  lot_id: string;
  quantity: number;
  field: string;
}

/**
 * Takes units out of the lots staff chose (docs/purchasing.md, "Choosing lots"): each must be a lot of
 * this item (404 lot_not_found), not expired unless `allowExpired` (409 lot_expired), and hold the units
 * at this location (409 lot_insufficient; the conditional UPDATE decides). Called, like takeFromLots,
 * after on_hand was lowered and under the item's lock; the caller takes any units not chosen in pick order.
 */
export async function takeChosenLots(tx: Tx, input: { itemId: string; locationId: string; chosen: ChosenLot[]; allowExpired: boolean }): Promise<LotPiece[]> {
  if (input.chosen.length === 0) return [];
  const lots = new Map((await tx.selectFrom('lot').select(['id', 'item_id', 'expires_at'])
    .where('id', 'in', input.chosen.map((c) => c.lot_id)).execute()).map((l) => [l.id, l]));
  const pieces: LotPiece[] = [];
  for (const choice of input.chosen) {
    const lot = lots.get(choice.lot_id);
    if (!lot || lot.item_id !== input.itemId) throw new AppError('lot_not_found', { id: choice.lot_id, field: `${choice.field}.lot_id` });
    if (!input.allowExpired && lot.expires_at !== null && lot.expires_at.getTime() <= Date.now()) {
      throw new AppError('lot_expired', { lot_id: lot.id, expires_at: lot.expires_at.toISOString(), field: `${choice.field}.lot_id` });
    }
    const updated = await tx.updateTable('lot_stock').set((eb) => ({ quantity: eb('quantity', '-', choice.quantity) }))
      .where('lot_id', '=', lot.id).where('location_id', '=', input.locationId).where('quantity', '>=', choice.quantity)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) {
      const held = await tx.selectFrom('lot_stock').select('quantity').where('lot_id', '=', lot.id).where('location_id', '=', input.locationId).executeTakeFirst();
      throw new AppError('lot_insufficient', {
        lot_id: lot.id, location_id: input.locationId, available: held?.quantity ?? 0, requested: choice.quantity, field: `${choice.field}.quantity`,
      });
    }
    pieces.push({ lot_id: lot.id, location_id: input.locationId, quantity: choice.quantity });
  }
  return pieces;
}

/** Puts units (back) into a lot at a location; an unlotted piece needs nothing (on_hand alone says it). */
export async function putIntoLot(tx: Tx, input: { lotId: string; itemId: string; locationId: string; quantity: number }): Promise<void> {
  await tx.insertInto('lot_stock').values({ lot_id: input.lotId, item_id: input.itemId, location_id: input.locationId, quantity: input.quantity })
    .onConflict((oc) => oc.columns(['lot_id', 'location_id']).doUpdateSet((eb) => ({ quantity: eb('lot_stock.quantity', '+', eb.ref('excluded.quantity')) })))
    .execute();
}

/**
 * Records a new lot of units that just arrived at a location (the level's on_hand already raised by
 * `quantity` in this transaction) and its lot.received event.
 */
export async function createLot(tx: Tx, input: {
  itemId: string; variantId: string; locationId: string; quantity: number; lotNumber: string;
  supplierId: string | null; purchaseOrderId: string | null; purchaseOrderLineId: string | null;
  unitCost: number | null; landedCost: number; currencyCode: string | null; expiresAt: string | null; why: LotWhy;
}): Promise<string> {
  const id = newId('lot');
  await tx.insertInto('lot').values({
    id, item_id: input.itemId, variant_id: input.variantId, lot_number: input.lotNumber, supplier_id: input.supplierId,
    purchase_order_id: input.purchaseOrderId, purchase_order_line_id: input.purchaseOrderLineId, location_id: input.locationId,
    quantity_received: input.quantity, unit_cost: input.unitCost, landed_cost: input.landedCost, currency_code: input.currencyCode, expires_at: input.expiresAt,
  }).execute();
  await putIntoLot(tx, { lotId: id, itemId: input.itemId, locationId: input.locationId, quantity: input.quantity });
  await recordLotEvents(tx, 'lot.received', [{ lot_id: id, location_id: input.locationId, quantity: input.quantity }], input.why);
  return id;
}

/**
 * One event per lotted piece (unlotted pieces have no lot to speak of), each carrying the lot's facts so
 * a subscriber (the ledger, an ERP) needs no call back: lot, item, variant, location, quantity, cost,
 * and the order line when there is one.
 */
export async function recordLotEvents(tx: Tx, type: LotEventType, pieces: LotPiece[], why: LotWhy): Promise<void> {
  const lotted = pieces.filter((p): p is LotPiece & { lot_id: string } => p.lot_id !== null && p.quantity > 0);
  if (lotted.length === 0) return;
  const lots = new Map((await tx.selectFrom('lot as l').leftJoin('product_variant as v', 'v.id', 'l.variant_id')
    .select(['l.id', 'l.lot_number', 'l.item_id', 'l.variant_id', 'v.product_id', 'v.sku', 'l.supplier_id', 'l.purchase_order_id',
      'l.unit_cost', 'l.landed_cost', 'l.currency_code', 'l.expires_at'])
    .where('l.id', 'in', [...new Set(lotted.map((p) => p.lot_id))]).execute()).map((l) => [l.id, l]));
  await recordEvents(tx, lotted.map((piece) => {
    const lot = lots.get(piece.lot_id)!;
    return {
      type, resource_type: 'lot', resource_id: lot.id,
      payload: {
        lot_id: lot.id, lot_number: lot.lot_number, item_id: lot.item_id, variant_id: lot.variant_id, product_id: lot.product_id ?? null,
        sku: lot.sku ?? null, supplier_id: lot.supplier_id, purchase_order_id: lot.purchase_order_id,
        location_id: piece.location_id, quantity: piece.quantity, unit_cost: lot.unit_cost, landed_cost: lot.landed_cost, currency_code: lot.currency_code,
        expires_at: lot.expires_at ? lot.expires_at.toISOString() : null,
        order_id: why.order_id ?? null, order_line_id: why.order_line_id ?? null, to_location_id: why.to_location_id ?? null,
        reason: why.reason, actor: why.actor, reference_type: why.reference_type, reference_id: why.reference_id,
      },
    };
  }));
}
