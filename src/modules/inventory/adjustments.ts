import { newId } from '../../db/ids.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { getLevel } from './levels.ts';
import { lotForAddedUnits } from './lot-receipts.ts';
import { recordLotEvents, takeFromLots } from './lots.ts';
import { movementsWrittenBy } from './movement-history.ts';
import type { Adjustment, AdjustmentInput, AdjustmentReason } from './shapes.ts';
import {
  availableOf, changeOnHand, changeStock, ensureLevel, guardsAvailable, lockLevel, onHandRefusal, recordStockChange,
} from './stock-changes.ts';

/** Reasons that only go one way: receiving cannot remove stock, damage cannot add it. */
const direction: Partial<Record<AdjustmentReason, 1 | -1>> = { received: 1, returned: 1, damaged: -1, lost: -1 };

function checkDirection(reason: AdjustmentReason, change: number, field: string): void {
  const sign = direction[reason];
  if (sign === undefined || change === 0 || Math.sign(change) === sign) return;
  throw new AppError('invalid_request', { field, reason },
    `${field} must ${sign > 0 ? 'add stock' : 'remove stock'} for reason ${reason}`);
}

/**
 * Changes on_hand at a location by a signed `delta` (one conditional UPDATE applying the guard, see
 * stock-changes.ts) or to a counted absolute `set` (under the level's row lock). A refused decrease is
 * 409 inventory_would_go_negative and changes nothing. A count that matches the books writes no movement.
 * Units removed leave the level's lots in the product's pick order (lots.ts); units added go into the
 * lot named by `lot` (lot-receipts.ts), or stay unlotted without one.
 */
export async function adjustInventory(db: Db, input: AdjustmentInput & { actor: string }): Promise<Adjustment> {
  const { delta, set, reason } = input;
  if ((delta === undefined) === (set === undefined)) {
    throw new AppError('invalid_request', { field: 'body.delta' }, 'give either body.delta or body.set (not both)');
  }
  if (delta === 0) throw new AppError('invalid_request', { field: 'body.delta' }, 'body.delta must not be 0');
  if (delta !== undefined) checkDirection(reason, delta, 'body.delta');

  return changeStock(db, input.variant_id, async (tx, item) => {
    const locationId = input.location_id;
    await ensureLevel(tx, item.id, locationId, 'body.location_id');
    let before: number;
    let after: number;
    if (delta !== undefined) {
      const level = await changeOnHand(tx, item.id, locationId, delta);
      if (!level) throw await onHandRefusal(tx, item, locationId, delta, { field: 'body.delta', requested: delta });
      after = level.on_hand;
      before = after - delta;
    } else {
      const level = await lockLevel(tx, item.id, locationId);
      before = level.on_hand;
      after = set!;
      checkDirection(reason, after - before, 'body.set');
      if (after < before && guardsAvailable(item) && availableOf({ ...level, on_hand: after }) < 0) {
        const floor = level.committed + level.reserved + level.safety_stock;
        throw new AppError('inventory_would_go_negative', {
          field: 'body.set', location_id: locationId, ...level, available: availableOf(level), requested: after - before, min_on_hand: floor,
        }, `on_hand can be set no lower than ${floor} here: ${level.committed} committed to orders, ${level.reserved} reserved by carts, `
          + `${level.safety_stock} kept as safety stock.`);
      }
      if (after !== before) {
        await tx.updateTable('inventory_level').set({ on_hand: after, updated_at: new Date() })
          .where('item_id', '=', item.id).where('location_id', '=', locationId).execute();
      }
    }
    const id = newId('iadj');
    const note = input.note ?? null;
    const why = { reason, actor: input.actor, reference_type: 'adjustment', reference_id: id };
    if (input.lot && after <= before) {
      throw new AppError('invalid_request', { field: 'body.lot' }, 'body.lot names where added units go; this adjustment adds none (units removed leave lots in pick order)');
    }
    if (after < before) {
      const pieces = await takeFromLots(tx, { itemId: item.id, locationId, quantity: before - after });
      await recordLotEvents(tx, 'lot.adjusted', pieces, why);
    }
    if (input.lot) await lotForAddedUnits(tx, item, { locationId, quantity: after - before, lot: input.lot, why });
    await recordStockChange(
      tx, item,
      { type: 'inventory.adjusted', payload: { adjustment_id: id, location_id: locationId } },
      [{ location_id: locationId, field: 'on_hand', before, after }],
      { reason, actor: input.actor, reference_type: 'adjustment', reference_id: id, note },
    );
    return {
      id,
      reason,
      note,
      change: after - before,
      level: await getLevel(tx, item.id, locationId),
      movements: await movementsWrittenBy(tx, item.id, 'adjustment', id),
    };
  });
}
