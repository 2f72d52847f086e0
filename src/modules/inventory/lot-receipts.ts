import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { assertCurrencyCode } from '../../money/currency.ts';
import type { InventoryItemRow } from './items.ts';
import { createLot, putIntoLot, recordLotEvents, type LotWhy } from './lots.ts';
import { MAX_QUANTITY, type AdjustmentLot } from './shapes.ts';
import { changeOnHand, ensureLevel, lockLevel, onHandRefusal, recordStockChange } from './stock-changes.ts';

/**
 * Stock a purchase order brings: `incoming` at its location while ordered, then on hand as lots when
 * received. Both run inside changeStock (the item's lock, low-stock, cache signals) and write the same
 * movements and inventory.adjusted events as any staff change, referencing the purchase order.
 */

/** incoming += delta, under the level's row lock; never below zero (staff may have set it by hand meanwhile). */
export async function changeIncoming(tx: Tx, item: InventoryItemRow, locationId: string, delta: number, why: LotWhy & { note: string | null }): Promise<void> {
  await ensureLevel(tx, item.id, locationId, 'body.location_id');
  const before = (await lockLevel(tx, item.id, locationId)).incoming;
  const after = Math.max(before + delta, 0);
  if (after > MAX_QUANTITY) {
    throw new AppError('inventory_quantity_too_large', { location_id: locationId, incoming: before, requested: delta, max: MAX_QUANTITY });
  }
  await tx.updateTable('inventory_level').set({ incoming: after, updated_at: new Date() })
    .where('item_id', '=', item.id).where('location_id', '=', locationId).execute();
  await recordStockChange(tx, item, { type: 'inventory.adjusted', payload: { location_id: locationId } },
    [{ location_id: locationId, field: 'incoming', before, after }],
    { reason: why.reason, actor: why.actor, reference_type: why.reference_type, reference_id: why.reference_id, note: why.note });
}

/**
 * Receives `quantity` units as a new lot: on_hand rises, incoming falls by as much (not below zero),
 * one movement per field, the inventory.adjusted event, the lot and its lot.received event.
 */
export async function receiveLot(tx: Tx, item: InventoryItemRow, input: {
  locationId: string; quantity: number; lotNumber: string; expiresAt: string | null; unitCost: number | null; landedCost: number; currencyCode: string | null;
  supplierId: string | null; purchaseOrderId: string | null; purchaseOrderLineId: string | null; field: string; why: LotWhy & { note: string | null };
}): Promise<string> {
  const { locationId, quantity, why } = input;
  await ensureLevel(tx, item.id, locationId, 'body.location_id');
  const level = await changeOnHand(tx, item.id, locationId, quantity);
  if (!level) throw await onHandRefusal(tx, item, locationId, quantity, { field: input.field, requested: quantity });
  const incoming = await tx.updateTable('inventory_level').set((eb) => ({ incoming: eb.fn('greatest', [eb('incoming', '-', quantity), eb.lit(0)]) }))
    .where('item_id', '=', item.id).where('location_id', '=', locationId).returning('incoming').executeTakeFirstOrThrow();
  await recordStockChange(tx, item, { type: 'inventory.adjusted', payload: { location_id: locationId } }, [
    { location_id: locationId, field: 'on_hand', before: level.on_hand - quantity, after: level.on_hand },
    { location_id: locationId, field: 'incoming', before: level.incoming, after: incoming.incoming },
  ], { reason: 'received', actor: why.actor, reference_type: why.reference_type, reference_id: why.reference_id, note: why.note });
  return createLot(tx, {
    itemId: item.id, variantId: item.variant_id, locationId, quantity, lotNumber: input.lotNumber, supplierId: input.supplierId,
    purchaseOrderId: input.purchaseOrderId, purchaseOrderLineId: input.purchaseOrderLineId, unitCost: input.unitCost, landedCost: input.landedCost,
    currencyCode: input.currencyCode, expiresAt: input.expiresAt, why,
  });
}

/**
 * Units an adjustment added (on_hand already raised by `quantity` in this transaction) go into the lot
 * staff named: an existing lot of this item (404 lot_not_found; lot.added), or a new one (lot.received).
 * Without a lot they stay unlotted. Refusals are 400/404 with the field, and roll the adjustment back.
 */
export async function lotForAddedUnits(tx: Tx, item: InventoryItemRow, input: { locationId: string; quantity: number; lot: AdjustmentLot; why: LotWhy }): Promise<void> {
  const { lot, locationId, quantity, why } = input;
  if ((lot.lot_id === undefined) === (lot.lot_number === undefined)) {
    throw new AppError('invalid_request', { field: 'body.lot.lot_id' }, 'body.lot needs either lot_id (an existing lot) or lot_number (a new one)');
  }
  if (lot.lot_id !== undefined) {
    const extra = (['expires_at', 'unit_cost', 'currency_code', 'supplier_id'] as const).find((k) => lot[k] !== undefined);
    if (extra) throw new AppError('invalid_request', { field: `body.lot.${extra}` }, `body.lot.${extra} describes a new lot; an existing lot (lot_id) keeps its own`);
    const existing = await tx.selectFrom('lot').select(['id', 'item_id']).where('id', '=', lot.lot_id).executeTakeFirst();
    if (!existing || existing.item_id !== item.id) throw new AppError('lot_not_found', { id: lot.lot_id, field: 'body.lot.lot_id' });
    await putIntoLot(tx, { lotId: existing.id, itemId: item.id, locationId, quantity });
    await recordLotEvents(tx, 'lot.added', [{ lot_id: existing.id, location_id: locationId, quantity }], why);
    return;
  }
  if ((lot.unit_cost === undefined) !== (lot.currency_code === undefined)) {
    throw new AppError('invalid_request', { field: 'body.lot.currency_code' }, 'body.lot.unit_cost and body.lot.currency_code go together');
  }
  if (lot.currency_code !== undefined) assertCurrencyCode(lot.currency_code, 'body.lot.currency_code');
  if (lot.supplier_id !== undefined && !await tx.selectFrom('supplier').select('id').where('id', '=', lot.supplier_id).executeTakeFirst()) {
    throw new AppError('supplier_not_found', { id: lot.supplier_id, field: 'body.lot.supplier_id' });
  }
  await createLot(tx, {
    itemId: item.id, variantId: item.variant_id, locationId, quantity, lotNumber: lot.lot_number!, supplierId: lot.supplier_id ?? null,
    purchaseOrderId: null, purchaseOrderLineId: null, unitCost: lot.unit_cost ?? null, landedCost: 0, currencyCode: lot.currency_code ?? null,
    expiresAt: lot.expires_at ?? null, why,
  });
}
