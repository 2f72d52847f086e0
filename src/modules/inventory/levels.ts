import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Level } from './shapes.ts';

/**
 * The inventory levels read: each item's quantities at a location with what identifies the variant,
 * the product and the location, and the computed available — one SQL statement per page.
 */

const available = sql`(l.on_hand - l.committed - l.reserved - l.safety_stock)`;
const lowStock = sql`(i.manage_inventory and i.low_stock_threshold is not null and ${available} <= i.low_stock_threshold)`;

const levelSelect = sql`
  select l.item_id, i.variant_id, v.product_id, v.sku, p.title as product_title, v.title as variant_title,
    l.location_id, s.name as location_name, s.code as location_code,
    l.on_hand, l.committed, l.reserved, l.safety_stock, l.incoming, ${available} as available,
    i.manage_inventory, i.allow_backorder, i.low_stock_threshold, ${lowStock} as low_stock, l.updated_at
  from inventory_level l
  join inventory_item i on i.id = l.item_id
  join product_variant v on v.id = i.variant_id
  join product p on p.id = v.product_id
  join stock_location s on s.id = l.location_id`;

export interface LevelFilter {
  location_id?: string;
  variant_id?: string;
  sku?: string;
  /**
   * true: levels whose available is at or below their item's low_stock_threshold (tracked items with a
   * threshold only); false: all the others.
   */
  low_stock?: boolean;
}

/** Levels in (item, location) order, paged by that pair. */
export async function listLevels(db: Db, filter: LevelFilter, page: { after?: unknown[]; limit: number }) {
  const where: RawBuilder<unknown>[] = [];
  if (filter.location_id) where.push(sql`l.location_id = ${filter.location_id}`);
  if (filter.variant_id) where.push(sql`i.variant_id = ${filter.variant_id}`);
  if (filter.sku) where.push(sql`v.sku = ${filter.sku}`);
  if (filter.low_stock === true) where.push(lowStock);
  if (filter.low_stock === false) where.push(sql`not ${lowStock}`);
  if (page.after) {
    const [itemId, locationId] = page.after;
    if (page.after.length !== 2 || typeof itemId !== 'string' || typeof locationId !== 'string') {
      throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    }
    where.push(sql`(l.item_id, l.location_id) > (${itemId}::text, ${locationId}::text)`);
  }
  const { rows } = await sql<Level>`
    ${levelSelect}
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by l.item_id, l.location_id
    limit ${page.limit + 1}`.execute(db);
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return { data, next: rows.length > page.limit ? [last.item_id, last.location_id] : null };
}

/** One level as the API shows it; the caller knows it exists. */
export async function getLevel(db: Db, itemId: string, locationId: string): Promise<Level> {
  const { rows } = await sql<Level>`${levelSelect} where l.item_id = ${itemId} and l.location_id = ${locationId}`.execute(db);
  if (!rows[0]) throw new Error(`no inventory level for ${itemId} at ${locationId}`);
  return rows[0];
}
