import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { getLevel } from './levels.ts';
import { putIntoLot, recordLotEvents, takeFromLots } from './lots.ts';
import { movementsWrittenBy } from './movement-history.ts';
import type { Transfer, TransferInput } from './shapes.ts';
import { changeOnHand, changeStock, ensureLevel, onHandRefusal, recordStockChange } from './stock-changes.ts';

/**
 * Moves `quantity` on hand from one location to another in one transaction. The source is decreased by
 * the conditional UPDATE that applies the guard (for a tracked item without backorders the source keeps
 * available ≥ 0: only stock free to sell moves); the destination level is made if missing. Refused:
 * 409 insufficient_inventory, nothing moved. The units keep their lots: they leave the source's lots in
 * the product's pick order and arrive in the same lots at the destination.
 */
export async function transferInventory(db: Db, input: TransferInput & { actor: string }): Promise<Transfer> {
  const { from_location_id: from, to_location_id: to, quantity } = input;
  if (from === to) {
    throw new AppError('invalid_request', { field: 'body.to_location_id' }, 'body.to_location_id must differ from body.from_location_id');
  }
  return changeStock(db, input.variant_id, async (tx, item) => {
    await ensureLevel(tx, item.id, from, 'body.from_location_id');
    await ensureLevel(tx, item.id, to, 'body.to_location_id');
    // Both rows locked in location order before either changes, so transfers in opposite directions
    // (or checkout touching both levels in the same order) cannot deadlock.
    await sql`select 1 from inventory_level where item_id = ${item.id} and location_id in (${from}, ${to})
      order by location_id for update`.execute(tx);
    const source = await changeOnHand(tx, item.id, from, -quantity);
    if (!source) throw await onHandRefusal(tx, item, from, -quantity, { field: 'body.quantity', requested: quantity, code: 'insufficient_inventory' });
    const destination = await changeOnHand(tx, item.id, to, quantity);
    if (!destination) throw await onHandRefusal(tx, item, to, quantity, { field: 'body.quantity', requested: quantity });

    const id = newId('itrf');
    const note = input.note ?? null;
    const pieces = await takeFromLots(tx, { itemId: item.id, locationId: from, quantity });
    for (const piece of pieces) {
      if (piece.lot_id) await putIntoLot(tx, { lotId: piece.lot_id, itemId: item.id, locationId: to, quantity: piece.quantity });
    }
    await recordLotEvents(tx, 'lot.transferred', pieces, { reason: 'transfer', actor: input.actor, reference_type: 'transfer', reference_id: id, to_location_id: to });
    await recordStockChange(
      tx, item,
      { type: 'inventory.transferred', payload: { transfer_id: id, from_location_id: from, to_location_id: to, quantity } },
      [
        { location_id: from, field: 'on_hand', before: source.on_hand + quantity, after: source.on_hand },
        { location_id: to, field: 'on_hand', before: destination.on_hand - quantity, after: destination.on_hand },
      ],
      { reason: 'transfer', actor: input.actor, reference_type: 'transfer', reference_id: id, note },
    );
    return {
      id,
      quantity,
      note,
      from: await getLevel(tx, item.id, from),
      to: await getLevel(tx, item.id, to),
      movements: await movementsWrittenBy(tx, item.id, 'transfer', id),
    };
  });
}
