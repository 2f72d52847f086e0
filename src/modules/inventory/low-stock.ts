import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { recordEvents } from '../events/outbox.ts';

/**
 * Low stock: an item is low when it is tracked, has a low_stock_threshold, and its total available
 * (on_hand − committed − reserved − safety_stock, summed over all its locations) is at or below the
 * threshold. `inventory.low` is written once per crossing: when a change takes the item from not low to
 * low (less stock, more safety stock, a higher threshold, tracking turned on). Staying low writes
 * nothing; rising above the threshold re-arms it.
 *
 * Exactness: read the state before a change while holding the item row's lock (every admin change takes
 * it first, see ensureInventoryItem), so two changes of one item cannot both see "not low" before.
 */
export interface LowStockState {
  low: boolean;
  available: number;
  threshold: number | null;
}

export async function readLowStockState(tx: Db, itemId: string): Promise<LowStockState> {
  const { rows } = await sql<{ manage_inventory: boolean; threshold: number | null; available: number }>`
    select i.manage_inventory, i.low_stock_threshold as threshold,
      coalesce(sum(l.on_hand - l.committed - l.reserved - l.safety_stock), 0) as available
    from inventory_item i left join inventory_level l on l.item_id = i.id
    where i.id = ${itemId}
    group by i.id`.execute(tx);
  const row = rows[0];
  if (!row) return { low: false, available: 0, threshold: null };
  const low = row.manage_inventory && row.threshold !== null && row.available <= row.threshold;
  return { low, available: row.available, threshold: row.threshold };
}

/** Writes `inventory.low` if the item is low now and was not in `before`; says whether it did. */
export async function recordLowStockIfCrossed(
  tx: Db,
  item: { id: string; variant_id: string; product_id: string; sku: string | null },
  before: LowStockState,
): Promise<boolean> {
  if (before.low) return false;
  const now = await readLowStockState(tx, item.id);
  if (!now.low) return false;
  await recordEvents(tx, [{
    type: 'inventory.low',
    resource_type: 'inventory_item',
    resource_id: item.id,
    payload: {
      item_id: item.id, variant_id: item.variant_id, product_id: item.product_id, sku: item.sku,
      available: now.available, low_stock_threshold: now.threshold,
    },
  }]);
  return true;
}
