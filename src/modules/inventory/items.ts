import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { readLowStockState, recordLowStockIfCrossed } from './low-stock.ts';
import type { InventoryItem, ItemUpdate, Quantities } from './shapes.ts';

/**
 * Inventory items: one per variant, made the first time anything about the variant's stock is set.
 * A variant without one is tracked, allows no backorders and has no stock anywhere.
 */

export interface InventoryItemRow {
  id: string;
  variant_id: string;
  product_id: string;
  sku: string | null;
  manage_inventory: boolean;
  allow_backorder: boolean;
  low_stock_threshold: number | null;
}

/** The change topic of a product's availability: caches of it listen for this (see db/changes.ts). */
export function inventoryTopic(productId: string): string {
  return `inventory:${productId}`;
}

/**
 * The variant's inventory item, created if it has none. Throws variant_not_found (naming `field`) for
 * an unknown variant. With `lock`, the item row stays locked (FOR NO KEY UPDATE) until the transaction
 * ends: every admin change of an item's quantities or settings takes this lock first, so they queue up
 * per item, always before any level row (item → levels, in location order: no deadlocks among them).
 * The lock does not block checkout, which changes level rows only.
 */
export async function ensureInventoryItem(
  tx: Db,
  variantId: string,
  options: { field?: string; lock?: boolean } = {},
): Promise<InventoryItemRow> {
  const variant = await tx.selectFrom('product_variant').select('id').where('id', '=', variantId).executeTakeFirst();
  if (!variant) throw new AppError('variant_not_found', { field: options.field ?? 'variant_id', id: variantId });
  await tx.insertInto('inventory_item').values({ id: newId('iitem'), variant_id: variantId })
    .onConflict((oc) => oc.column('variant_id').doNothing())
    .execute();
  let query = tx.selectFrom('inventory_item as i')
    .innerJoin('product_variant as v', 'v.id', 'i.variant_id')
    .select(['i.id', 'i.variant_id', 'v.product_id', 'v.sku', 'i.manage_inventory', 'i.allow_backorder', 'i.low_stock_threshold'])
    .where('i.variant_id', '=', variantId);
  if (options.lock) query = query.forNoKeyUpdate('i');
  const item = await query.executeTakeFirst();
  // Only a concurrent deletion of the variant gets here.
  if (!item) throw new AppError('variant_not_found', { field: options.field ?? 'variant_id', id: variantId });
  return item;
}

/**
 * The variants of the products sold as gift cards (docs/gift-cards.md): their stock is not tracked —
 * a card is a code, there is always one more — so checkout takes no stock for them. Run in the
 * transaction that flags the product or adds a variant to it; their items are created if need be.
 */
export async function untrackGiftCardStock(tx: Db, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const { rows } = await sql<{ id: string; product_id: string }>`
    select v.id, v.product_id from product_variant v join product p on p.id = v.product_id
    left join inventory_item i on i.variant_id = v.id
    where p.id = any(${productIds}::text[]) and p.gift_card and i.manage_inventory is not false`.execute(tx);
  if (rows.length === 0) return;
  await tx.insertInto('inventory_item').values(rows.map((v) => ({ id: newId('iitem'), variant_id: v.id, manage_inventory: false })))
    .onConflict((oc) => oc.column('variant_id').doUpdateSet({ manage_inventory: false, updated_at: new Date() }))
    .execute();
  for (const productId of new Set(rows.map((r) => r.product_id))) await signalChange(tx, inventoryTopic(productId));
}

/** Sums of the levels' quantities. */
export function totalQuantities(levels: Quantities[]): Quantities {
  const totals: Quantities = { on_hand: 0, committed: 0, reserved: 0, safety_stock: 0, incoming: 0, available: 0 };
  for (const level of levels) {
    for (const key of Object.keys(totals) as (keyof Quantities)[]) totals[key] += level[key];
  }
  return totals;
}

/**
 * The variant's inventory: its settings, its level at each location (highest priority first) and totals.
 * A variant without an item yet reads as the defaults, with `id: null`; nothing is written.
 */
export async function getInventoryItemView(db: Db, variantId: string, field = 'params.variant_id'): Promise<InventoryItem> {
  const head = await db.selectFrom('product_variant as v')
    .innerJoin('product as p', 'p.id', 'v.product_id')
    .leftJoin('inventory_item as i', 'i.variant_id', 'v.id')
    .select([
      'i.id', 'v.id as variant_id', 'v.product_id', 'v.sku', 'p.title as product_title', 'v.title as variant_title',
      'i.manage_inventory', 'i.allow_backorder', 'i.low_stock_threshold', 'i.created_at', 'i.updated_at',
    ])
    .where('v.id', '=', variantId)
    .executeTakeFirst();
  if (!head) throw new AppError('variant_not_found', { field, id: variantId });
  const levels = head.id === null ? [] : (await sql<InventoryItem['levels'][number]>`
    select l.location_id, s.name as location_name, s.code as location_code,
      l.on_hand, l.committed, l.reserved, l.safety_stock, l.incoming,
      l.on_hand - l.committed - l.reserved - l.safety_stock as available, l.updated_at
    from inventory_level l join stock_location s on s.id = l.location_id
    where l.item_id = ${head.id}
    order by s.priority desc, s.id`.execute(db)).rows;
  const totals = totalQuantities(levels);
  const manage = head.manage_inventory ?? true;
  const threshold = head.low_stock_threshold ?? null;
  return {
    ...head,
    manage_inventory: manage,
    allow_backorder: head.allow_backorder ?? false,
    low_stock_threshold: threshold,
    low_stock: manage && threshold !== null && totals.available <= threshold,
    totals,
    levels,
  };
}

/** Sets the item's tracking, backorder and low-stock settings (creating the item if need be). */
export async function updateInventoryItem(db: Db, variantId: string, patch: ItemUpdate & { actor: string }): Promise<InventoryItem> {
  return inTransaction(db, async (tx) => {
    const { actor, ...fields } = patch;
    const item = await ensureInventoryItem(tx, variantId, { field: 'params.variant_id', lock: true });
    const before = await readLowStockState(tx, item.id);
    await tx.updateTable('inventory_item').set({ ...fields, updated_at: new Date() }).where('id', '=', item.id).execute();
    await recordEvents(tx, [{
      type: 'inventory_item.updated',
      resource_type: 'inventory_item',
      resource_id: item.id,
      payload: { item_id: item.id, variant_id: variantId, product_id: item.product_id, changed: Object.keys(fields), ...fields, actor },
    }]);
    await recordLowStockIfCrossed(tx, item, before);
    await signalChange(tx, inventoryTopic(item.product_id));
    return getInventoryItemView(tx, variantId);
  });
}
