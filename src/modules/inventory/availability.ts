import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface Availability {
  /** False when the variant opted out of inventory tracking: always sellable, no quantity. */
  managed: boolean;
  allow_backorder: boolean;
  /** Units sellable now over active locations (0 when tracked without stock). */
  available: number;
}

/**
 * Availability per variant, in one query. A variant without an inventory item is tracked and has none.
 * Only a hint for answering early (adding to a cart): holds and orders take stock with conditional
 * UPDATEs (reservations.ts), which is where oversell is made impossible.
 */
export async function availabilityOfVariants(db: Db, variantIds: string[]): Promise<Map<string, Availability>> {
  const rows = await sql<{ variant_id: string; manage_inventory: boolean; allow_backorder: boolean; available: number }>`
    select i.variant_id, i.manage_inventory, i.allow_backorder,
      coalesce((
        select sum(greatest(l.on_hand - l.committed - l.reserved - l.safety_stock, 0))
        from inventory_level l join stock_location s on s.id = l.location_id and s.active
        where l.item_id = i.id
      ), 0)::int as available
    from inventory_item i where i.variant_id = any(${variantIds}::text[])`.execute(db);
  const result = new Map<string, Availability>(variantIds.map((id) => [id, { managed: true, allow_backorder: false, available: 0 }]));
  for (const row of rows.rows) {
    result.set(row.variant_id, { managed: row.manage_inventory, allow_backorder: row.allow_backorder, available: row.available });
  }
  return result;
}

/** Whether `quantity` more can be sold now. */
export function canSell(availability: Availability, quantity: number): boolean {
  return !availability.managed || availability.allow_backorder || availability.available >= quantity;
}
