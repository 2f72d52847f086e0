import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db, Tx } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { ensureInventoryItem, inventoryTopic, type InventoryItemRow } from './items.ts';
import { requireLocation } from './locations.ts';
import { readLowStockState, recordLowStockIfCrossed } from './low-stock.ts';
import { recordMovements, type Movement } from './movements.ts';
import type { InventoryField } from './schema.ts';
import { MAX_QUANTITY } from './shapes.ts';

/**
 * The frame and the guards every admin change of stock quantities shares (adjustments, transfers,
 * safety stock, incoming).
 *
 * The guard (docs/inventory.md): for an item that is tracked and does not allow backorders, no change
 * made here may leave a level's available (on_hand − committed − reserved − safety_stock) below zero —
 * the same inequality checkout's holds keep, so what carts hold and orders committed stays covered by
 * stock on hand, and the safety stock too. Increases of on_hand are always allowed (they only help).
 * For untracked or backorderable items only the columns' own floors apply (on_hand ≥ 0). Nothing may
 * exceed MAX_QUANTITY.
 *
 * Who decides: a change of on_hand by a delta is one conditional UPDATE whose WHERE is the guard (zero
 * rows updated means refused); a change to an absolute value (a count, safety stock, incoming) reads
 * the level under its row lock (FOR UPDATE) and writes in the same transaction. Checkout changes
 * committed and reserved concurrently, with its own conditional statements on the same rows: either way
 * PostgreSQL serializes the two on the row, and the second sees the first's result.
 */

export type LevelQuantities = { on_hand: number; committed: number; reserved: number; safety_stock: number; incoming: number };

/** Whether the guard keeps available ≥ 0 for this item (tracked, no backorders). */
export function guardsAvailable(item: Pick<InventoryItemRow, 'manage_inventory' | 'allow_backorder'>): boolean {
  return item.manage_inventory && !item.allow_backorder;
}

export function availableOf(level: LevelQuantities): number {
  return level.on_hand - level.committed - level.reserved - level.safety_stock;
}

/**
 * Runs one admin change of a variant's stock in a transaction: takes the item's lock, notes whether it
 * was low, runs `change`, then writes `inventory.low` if it crossed and tells caches of the product's
 * availability to drop it.
 */
export async function changeStock<T>(db: Db, variantId: string, change: (tx: Tx, item: InventoryItemRow) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    const item = await ensureInventoryItem(tx, variantId, { field: 'body.variant_id', lock: true });
    const before = await readLowStockState(tx, item.id);
    const result = await change(tx, item);
    await recordLowStockIfCrossed(tx, item, before);
    await signalChange(tx, inventoryTopic(item.product_id));
    return result;
  });
}

/** Makes the (item, location) level if it is missing, all quantities zero; the location must exist. */
export async function ensureLevel(tx: Tx, itemId: string, locationId: string, field: string): Promise<void> {
  await requireLocation(tx, locationId, field);
  await tx.insertInto('inventory_level').values({ item_id: itemId, location_id: locationId })
    .onConflict((oc) => oc.columns(['item_id', 'location_id']).doNothing())
    .execute();
}

const levelColumns = ['on_hand', 'committed', 'reserved', 'safety_stock', 'incoming'] as const;

/** The level's quantities, its row locked until the transaction ends. */
export async function lockLevel(tx: Tx, itemId: string, locationId: string): Promise<LevelQuantities> {
  return tx.selectFrom('inventory_level').select(levelColumns)
    .where('item_id', '=', itemId).where('location_id', '=', locationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * on_hand += delta, in one conditional statement that applies the guard; returns the level after, or
 * undefined when the guard refused (nothing changed).
 */
export async function changeOnHand(tx: Tx, itemId: string, locationId: string, delta: number): Promise<LevelQuantities | undefined> {
  const { rows } = await sql<LevelQuantities>`
    update inventory_level l
    set on_hand = l.on_hand + ${delta}::int, updated_at = now()
    from inventory_item i
    where i.id = l.item_id and l.item_id = ${itemId} and l.location_id = ${locationId}
      and l.on_hand + ${delta}::int between 0 and ${MAX_QUANTITY}::int
      and (${delta}::int >= 0 or i.allow_backorder or not i.manage_inventory
        or l.on_hand + ${delta}::int - l.committed - l.reserved - l.safety_stock >= 0)
    returning l.on_hand, l.committed, l.reserved, l.safety_stock, l.incoming`.execute(tx);
  return rows[0];
}

/**
 * Why changeOnHand refused: read after the fact, for the error's details and message only (the database
 * decided). `requested` is what the client asked for, as it asked (a signed delta, a transfer's quantity).
 */
export async function onHandRefusal(
  tx: Tx,
  item: InventoryItemRow,
  locationId: string,
  delta: number,
  explain: { field: string; requested: number; code?: 'inventory_would_go_negative' | 'insufficient_inventory' },
): Promise<AppError> {
  const level = await tx.selectFrom('inventory_level').select(levelColumns)
    .where('item_id', '=', item.id).where('location_id', '=', locationId)
    .executeTakeFirstOrThrow();
  const { field, requested } = explain;
  if (level.on_hand + delta > MAX_QUANTITY) {
    return new AppError('inventory_quantity_too_large', { field, location_id: locationId, on_hand: level.on_hand, requested, max: MAX_QUANTITY });
  }
  const available = availableOf(level);
  const message = guardsAvailable(item)
    ? `At most ${Math.max(available, 0)} can be taken from on_hand here: of ${level.on_hand} on hand, ${level.committed} are committed to orders, `
      + `${level.reserved} reserved by carts and ${level.safety_stock} kept as safety stock.`
    : `At most ${level.on_hand} can be taken from on_hand here: it cannot go below zero.`;
  return new AppError(explain.code ?? 'inventory_would_go_negative', { field, location_id: locationId, ...level, available, requested }, message);
}

export interface QuantityChange {
  location_id: string;
  field: InventoryField;
  before: number;
  after: number;
}

/**
 * Writes the movement rows and the event of one admin change (changes that changed nothing write
 * nothing).
 */
export async function recordStockChange(
  tx: Tx,
  item: InventoryItemRow,
  event: { type: 'inventory.adjusted' | 'inventory.transferred'; payload: Record<string, unknown> },
  changes: QuantityChange[],
  why: { reason: string; actor: string; reference_type: string; reference_id: string; note: string | null },
): Promise<void> {
  const real = changes.filter((c) => c.before !== c.after);
  if (real.length === 0) return;
  const movements: Movement[] = real.map((c) => ({ item_id: item.id, ...c, ...why }));
  await recordMovements(tx, movements);
  await recordEvents(tx, [{
    type: event.type,
    resource_type: 'inventory_item',
    resource_id: item.id,
    payload: {
      item_id: item.id, variant_id: item.variant_id, product_id: item.product_id, sku: item.sku,
      ...event.payload,
      changes: real.map((c) => ({ ...c, change: c.after - c.before })),
      ...why,
    },
  }]);
}
