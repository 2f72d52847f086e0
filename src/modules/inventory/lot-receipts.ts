import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { InventoryItemRow } from './items.ts';
import { createLot, type LotWhy } from './lots.ts';
import { MAX_QUANTITY } from './shapes.ts';
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
  locationId: string; quantity: number; lotNumber: string; expiresAt: string | null; unitCost: number | null; currencyCode: string | null;
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
    purchaseOrderId: input.purchaseOrderId, purchaseOrderLineId: input.purchaseOrderLineId, unitCost: input.unitCost,
    currencyCode: input.currencyCode, expiresAt: input.expiresAt, why,
  });
}
