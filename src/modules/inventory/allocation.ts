import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

/**
 * Taking stock: the one routine by which checkout's holds, checkout's order commits and order edits
 * (and exchanges) take units from available stock. Every piece is one conditional UPDATE: PostgreSQL
 * decides whether the stock is there (`… WHERE on_hand - committed - reserved - safety_stock >= q`),
 * so no two buyers, processes or retries can take the same unit.
 */
export interface StockItem {
  id: string;
  variant_id: string;
  manage_inventory: boolean;
  allow_backorder: boolean;
}

/** What allocation knows of a variant: its inventory item, or none (`id` null: tracked, no stock, no backorders). */
export type StockPolicy = Omit<StockItem, 'id'> & { id: string | null };

/**
 * Locks the variants' inventory items (in id order, the order every stock change takes them, so none
 * can deadlock) and returns them by variant; a variant without an item has no entry.
 */
export async function lockItems(tx: Db, variantIds: string[]): Promise<Map<string, StockItem>> {
  if (variantIds.length === 0) return new Map();
  const rows = await lockItemsQuery(tx, variantIds).execute();
  return new Map(rows.map((r) => [r.variant_id, r]));
}

/** lockItems' statement, for a caller that runs it with another (as a CTE). */
export function lockItemsQuery(tx: Db, variantIds: string[]) {
  return tx.selectFrom('inventory_item')
    .select(['id', 'variant_id', 'manage_inventory', 'allow_backorder'])
    .where(sql<boolean>`variant_id = any(${[...new Set(variantIds)]}::text[])`)
    .orderBy(sql`id collate "C"`)
    .forNoKeyUpdate();
}

export function stockPolicy(items: Map<string, StockItem>, variantId: string): StockPolicy {
  return items.get(variantId) ?? { id: null, variant_id: variantId, manage_inventory: true, allow_backorder: false };
}

export interface Piece {
  item_id: string;
  location_id: string;
  quantity: number;
}

/** A piece just taken, with the level's `committed` right after (for the movement log). */
export interface TakenPiece extends Piece {
  committed_after: number;
}

/**
 * lockItems, and in the same statement allocate's common case for every line at once: each tracked,
 * non-backorderable line's whole quantity taken into `field` at its best location (the one allocate
 * would choose). Levels are locked in the order every stock change takes them (item, then location),
 * after the items. Returns the items by variant and what was taken by item; a line with nothing taken
 * (no location has its whole quantity) goes through allocate.
 */
export async function lockItemsTakingWhole(
  tx: Tx, lines: { variant_id: string; quantity: number }[], field: 'reserved' | 'committed',
): Promise<{ items: Map<string, StockItem>; taken: Map<string, TakenPiece> }> {
  if (lines.length === 0) return { items: new Map(), taken: new Map() };
  const { rows: [row] } = await sql<{ items: StockItem[] | null; taken: (TakenPiece & { committed: number })[] | null }>`
    with items as (${lockItemsQuery(tx, lines.map((l) => l.variant_id))}),
      want as (select i.id as item_id, w.quantity from unnest(${lines.map((l) => l.variant_id)}::text[], ${lines.map((l) => l.quantity)}::int[]) as w(variant_id, quantity)
        join items i on i.variant_id = w.variant_id where i.manage_inventory and not i.allow_backorder),
      best as (select distinct on (w.item_id) w.item_id, c.location_id, w.quantity
        from want w join inventory_level c on c.item_id = w.item_id join stock_location s on s.id = c.location_id and s.active
        where ${free('c')} >= w.quantity
        order by w.item_id, ${bestFirst('c')}),
      held as (select l.item_id, l.location_id from inventory_level l join best b on b.item_id = l.item_id and b.location_id = l.location_id
        order by l.item_id collate "C", l.location_id collate "C" for no key update of l),
      taken as (update inventory_level l set ${sql.ref(field)} = l.${sql.ref(field)} + b.quantity, updated_at = now()
        from best b, held h
        where l.item_id = b.item_id and l.location_id = b.location_id and h.item_id = l.item_id and h.location_id = l.location_id
          and ${free('l')} >= b.quantity
        returning l.item_id, l.location_id, b.quantity, l.committed)
    select (select json_agg(i) from items i) as items, (select json_agg(t) from taken t) as taken`.execute(tx);
  return {
    items: new Map((row.items ?? []).map((i) => [i.variant_id, i])),
    taken: new Map((row.taken ?? []).map((t) => [t.item_id, { item_id: t.item_id, location_id: t.location_id, quantity: t.quantity, committed_after: t.committed }])),
  };
}

/** What a level (`alias`) has free to take: on hand less committed, reserved and safety stock. */
const free = (alias: string) => sql.raw(`${alias}.on_hand - ${alias}.committed - ${alias}.reserved - ${alias}.safety_stock`);

/** The order locations are taken from (a level `alias` at a stock_location `s`): highest priority, then most free. */
const bestFirst = (alias: string) => sql`s.priority desc, ${free(alias)} desc, s.id`;

/** Total available of an item over active locations (never below zero per location). */
async function availableOf(tx: Db, itemId: string | null): Promise<number> {
  if (!itemId) return 0;
  const row = await sql<{ available: number }>`
    select coalesce(sum(greatest(${free('l')}, 0)), 0)::int as available
    from inventory_level l join stock_location s on s.id = l.location_id and s.active
    where l.item_id = ${itemId}`.execute(tx);
  return row.rows[0].available;
}

/**
 * Takes `quantity` of an item into `field` (`reserved` for a hold, `committed` for an order), location
 * by location: highest priority first, then most available. With `allowBackorder`, what available
 * stock does not cover is committed at the first of those locations without a stock condition.
 * Otherwise a shortfall throws 409 insufficient_inventory with what was available before the call
 * (naming `inputField`, the request field that asked, when given); the pieces already taken roll back
 * with the rest of the transaction.
 */
export async function allocate(
  tx: Tx, item: StockPolicy, quantity: number,
  options: { field: 'reserved' | 'committed'; allowBackorder: boolean; inputField?: string; wholeTried?: boolean },
): Promise<TakenPiece[]> {
  const { field } = options;
  // The common case in one statement: the best location that has the whole quantity (unless the
  // caller just tried it, lockItemsTakingWhole).
  if (item.id && !options.wholeTried) {
    const whole = await sql<{ location_id: string; committed: number }>`
      update inventory_level l set ${sql.ref(field)} = l.${sql.ref(field)} + ${quantity}::int, updated_at = now()
      from (
        select c.location_id from inventory_level c join stock_location s on s.id = c.location_id and s.active
        where c.item_id = ${item.id} and ${free('c')} >= ${quantity}::int
        order by ${bestFirst('c')} limit 1
      ) best
      where l.item_id = ${item.id} and l.location_id = best.location_id
        and ${free('l')} >= ${quantity}::int
      returning l.location_id, l.committed`.execute(tx);
    if (whole.rows.length === 1) {
      return [{ item_id: item.id, location_id: whole.rows[0].location_id, quantity, committed_after: whole.rows[0].committed }];
    }
  }
  // Otherwise split it over the locations, in the same order.
  const levels = item.id
    ? (await sql<{ location_id: string; available: number }>`
        select l.location_id, (${free('l')}) as available
        from inventory_level l join stock_location s on s.id = l.location_id and s.active
        where l.item_id = ${item.id}
        order by ${bestFirst('l')}`.execute(tx)).rows
    : [];
  const pieces: TakenPiece[] = [];
  let remaining = quantity;
  const takeAt = async (locationId: string, want: number, guarded: boolean) => {
    const { rows } = await sql<{ committed: number }>`
      update inventory_level l set ${sql.ref(field)} = l.${sql.ref(field)} + ${want}::int, updated_at = now()
      where l.item_id = ${item.id} and l.location_id = ${locationId}
        ${guarded ? sql`and ${free('l')} >= ${want}::int` : sql``}
      returning l.committed`.execute(tx);
    if (rows.length === 0) return;
    pieces.push({ item_id: item.id!, location_id: locationId, quantity: want, committed_after: rows[0].committed });
    remaining -= want;
  };
  for (const level of levels) {
    if (remaining === 0) break;
    // The figure read above is only a hint of where to look; the UPDATE's condition is what decides.
    const want = Math.min(remaining, level.available);
    if (want > 0) await takeAt(level.location_id, want, true);
  }
  if (remaining > 0 && options.allowBackorder && levels.length > 0) await takeAt(levels[0].location_id, remaining, false);
  if (remaining > 0) {
    throw new AppError('insufficient_inventory', {
      ...(options.inputField === undefined ? {} : { field: options.inputField }),
      variant_id: item.variant_id,
      requested: quantity,
      // What was available before this call: what is left plus what it took before running short.
      available: (await availableOf(tx, item.id)) + (quantity - remaining),
    });
  }
  return pieces;
}
