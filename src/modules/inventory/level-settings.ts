import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { getLevel } from './levels.ts';
import type { IncomingInput, Level, SafetyStockInput } from './shapes.ts';
import { changeStock, ensureLevel, guardsAvailable, lockLevel, recordStockChange } from './stock-changes.ts';

/**
 * Sets the safety stock kept back at a location, under the level's row lock. Lowering it is always
 * allowed; raising it is refused (409 inventory_would_go_negative, details.max_safety_stock) when it
 * would leave available below zero for a tracked item without backorders: safety stock can only hold
 * back stock that is free, never stock already promised to orders and carts.
 */
export async function setSafetyStock(db: Db, input: SafetyStockInput & { actor: string }): Promise<Level> {
  return changeStock(db, input.variant_id, async (tx, item) => {
    await ensureLevel(tx, item.id, input.location_id, 'body.location_id');
    const level = await lockLevel(tx, item.id, input.location_id);
    const before = level.safety_stock;
    const after = input.safety_stock;
    const free = level.on_hand - level.committed - level.reserved;
    if (after > before && guardsAvailable(item) && free - after < 0) {
      throw new AppError('inventory_would_go_negative', {
        field: 'body.safety_stock', location_id: input.location_id, ...level, available: free - before,
        requested: after, max_safety_stock: Math.max(before, free),
      }, `safety_stock can be raised to at most ${Math.max(before, free)} here: it can only keep back stock that orders and carts have not taken.`);
    }
    if (after !== before) {
      await tx.updateTable('inventory_level').set({ safety_stock: after, updated_at: new Date() })
        .where('item_id', '=', item.id).where('location_id', '=', input.location_id).execute();
    }
    await recordStockChange(
      tx, item,
      { type: 'inventory.adjusted', payload: { location_id: input.location_id } },
      [{ location_id: input.location_id, field: 'safety_stock', before, after }],
      { reason: 'safety_stock', actor: input.actor, reference_type: 'adjustment', reference_id: newId('iadj'), note: input.note ?? null },
    );
    return getLevel(tx, item.id, input.location_id);
  });
}

/** Sets the quantity on its way to a location (purchase orders, transfers in transit); never sellable. */
export async function setIncoming(db: Db, input: IncomingInput & { actor: string }): Promise<Level> {
  return changeStock(db, input.variant_id, async (tx, item) => {
    await ensureLevel(tx, item.id, input.location_id, 'body.location_id');
    const level = await lockLevel(tx, item.id, input.location_id);
    if (input.incoming !== level.incoming) {
      await tx.updateTable('inventory_level').set({ incoming: input.incoming, updated_at: new Date() })
        .where('item_id', '=', item.id).where('location_id', '=', input.location_id).execute();
    }
    await recordStockChange(
      tx, item,
      { type: 'inventory.adjusted', payload: { location_id: input.location_id } },
      [{ location_id: input.location_id, field: 'incoming', before: level.incoming, after: input.incoming }],
      { reason: 'incoming', actor: input.actor, reference_type: 'adjustment', reference_id: newId('iadj'), note: input.note ?? null },
    );
    return getLevel(tx, item.id, input.location_id);
  });
}
