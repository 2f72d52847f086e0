import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { recordMovements, type Movement } from './movements.ts';

/**
 * Stock taken by checkout. Every quantity change here is one conditional UPDATE: PostgreSQL decides
 * whether the stock is there (`… WHERE on_hand - committed - reserved - safety_stock >= q`), so no two
 * buyers, processes or retries can take the same unit.
 *
 * - A **hold** (kind 'hold', counted in `reserved`) keeps a cart's quantities while its buyer pays; it
 *   expires (`expires_at`) and is released by the sweep, or when the cart changes.
 * - An **order allocation** (kind 'order', counted in `committed`) is stock sold and not yet shipped,
 *   per order line and location. Completing a cart turns its holds into allocations.
 */
export interface StockLine {
  variant_id: string;
  quantity: number;
  order_line_id?: string;
}

interface ItemPolicy {
  item_id: string | null;
  variant_id: string;
  manage_inventory: boolean;
  allow_backorder: boolean;
}

interface Piece {
  item_id: string;
  location_id: string;
  quantity: number;
}

/** A piece just taken, with the level's `committed` right after (for the movement log). */
interface TakenPiece extends Piece {
  committed_after: number;
}

type Quantity = 'reserved' | 'committed';

/**
 * Each variant's inventory policy; a variant without an inventory item is tracked and has no stock.
 * Locks the items (in id order, the order every stock change takes them, so none can deadlock): the
 * Admin API's stock changes take the same item lock, then the levels.
 */
async function policies(tx: Db, variantIds: string[]): Promise<Map<string, ItemPolicy>> {
  const rows = await tx.selectFrom('inventory_item')
    .select(['id', 'variant_id', 'manage_inventory', 'allow_backorder'])
    .where(sql<boolean>`variant_id = any(${variantIds}::text[])`)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  const map = new Map<string, ItemPolicy>(variantIds.map((id) => [id, { item_id: null, variant_id: id, manage_inventory: true, allow_backorder: false }]));
  for (const row of rows) map.set(row.variant_id, { item_id: row.id, variant_id: row.variant_id, manage_inventory: row.manage_inventory, allow_backorder: row.allow_backorder });
  return map;
}

/** Total available of an item over active locations (never below zero per location). */
async function availableOf(tx: Db, itemId: string | null): Promise<number> {
  if (!itemId) return 0;
  const row = await sql<{ available: number }>`
    select coalesce(sum(greatest(l.on_hand - l.committed - l.reserved - l.safety_stock, 0)), 0)::int as available
    from inventory_level l join stock_location s on s.id = l.location_id and s.active
    where l.item_id = ${itemId}`.execute(tx);
  return row.rows[0].available;
}

/**
 * Takes `quantity` of an item into `field`, location by location (highest priority first, then most
 * available), each piece one conditional UPDATE. Throws insufficient_inventory, which rolls back the
 * pieces already taken with the rest of the transaction.
 */
async function take(tx: Tx, policy: ItemPolicy, quantity: number, field: Quantity): Promise<TakenPiece[]> {
  // The common case in one statement: the best location that has the whole quantity.
  if (policy.item_id) {
    const whole = await sql<{ location_id: string; committed: number }>`
      update inventory_level l set ${sql.ref(field)} = l.${sql.ref(field)} + ${quantity}, updated_at = now()
      from (
        select c.location_id from inventory_level c join stock_location s on s.id = c.location_id and s.active
        where c.item_id = ${policy.item_id} and c.on_hand - c.committed - c.reserved - c.safety_stock >= ${quantity}
        order by s.priority desc, c.on_hand - c.committed - c.reserved - c.safety_stock desc, s.id limit 1
      ) best
      where l.item_id = ${policy.item_id} and l.location_id = best.location_id
        and l.on_hand - l.committed - l.reserved - l.safety_stock >= ${quantity}
      returning l.location_id, l.committed`.execute(tx);
    if (whole.rows.length === 1) {
      return [{ item_id: policy.item_id, location_id: whole.rows[0].location_id, quantity, committed_after: whole.rows[0].committed }];
    }
  }
  // Otherwise split it over the locations, in the same order.
  const levels = policy.item_id
    ? await sql<{ location_id: string; available: number }>`
        select l.location_id, (l.on_hand - l.committed - l.reserved - l.safety_stock) as available
        from inventory_level l join stock_location s on s.id = l.location_id and s.active
        where l.item_id = ${policy.item_id}
        order by s.priority desc, available desc, s.id`.execute(tx)
    : { rows: [] };
  const pieces: TakenPiece[] = [];
  let remaining = quantity;
  for (const level of levels.rows) {
    if (remaining === 0) break;
    // The figure read above is only a hint of where to look; the UPDATE's condition is what decides.
    const want = Math.min(remaining, level.available);
    if (want <= 0) continue;
    const updated = await sql<{ committed: number }>`
      update inventory_level set ${sql.ref(field)} = ${sql.ref(field)} + ${want}, updated_at = now()
      where item_id = ${policy.item_id} and location_id = ${level.location_id}
        and on_hand - committed - reserved - safety_stock >= ${want}
      returning committed`.execute(tx);
    if (updated.rows.length === 1) {
      pieces.push({ item_id: policy.item_id!, location_id: level.location_id, quantity: want, committed_after: updated.rows[0].committed });
      remaining -= want;
    }
  }
  if (remaining > 0) {
    throw new AppError('insufficient_inventory', {
      variant_id: policy.variant_id,
      requested: quantity,
      // What was available before this call: what is left plus what it took before running short.
      available: (await availableOf(tx, policy.item_id)) + (quantity - remaining),
    });
  }
  return pieces;
}

/** Commits a backordered quantity at the item's first location without a stock condition. */
async function takeBackorder(tx: Tx, policy: ItemPolicy, quantity: number): Promise<TakenPiece[]> {
  const available = policy.item_id ? await availableOf(tx, policy.item_id) : 0;
  const pieces = available > 0 ? await take(tx, policy, Math.min(available, quantity), 'committed') : [];
  const rest = quantity - pieces.reduce((n, p) => n + p.quantity, 0);
  if (rest === 0) return pieces;
  const level = policy.item_id
    ? await tx.selectFrom('inventory_level as l').innerJoin('stock_location as s', 's.id', 'l.location_id')
      .select('l.location_id').where('l.item_id', '=', policy.item_id).where('s.active', '=', true)
      .orderBy('s.priority', 'desc').orderBy('s.id').executeTakeFirst()
    : undefined;
  if (!level) throw new AppError('insufficient_inventory', { variant_id: policy.variant_id, requested: quantity, available: 0 });
  const updated = await tx.updateTable('inventory_level').set((eb) => ({ committed: eb('committed', '+', rest) }))
    .where('item_id', '=', policy.item_id!).where('location_id', '=', level.location_id)
    .returning('committed').executeTakeFirstOrThrow();
  return [...pieces, { item_id: policy.item_id!, location_id: level.location_id, quantity: rest, committed_after: updated.committed }];
}

/** Adds to the levels' quantities; returns each level's `committed` after the change, in piece order. */
async function addToLevels(tx: Tx, pieces: Piece[], changes: Partial<Record<Quantity, 1 | -1>>): Promise<number[]> {
  // One order for every transaction (item, then location), so concurrent releases never deadlock.
  const order = pieces.map((_, i) => i).sort((a, b) =>
    pieces[a].item_id.localeCompare(pieces[b].item_id) || pieces[a].location_id.localeCompare(pieces[b].location_id));
  const committed: number[] = [];
  for (const i of order) {
    const set: Record<string, unknown> = { updated_at: new Date() };
    for (const [field, sign] of Object.entries(changes)) {
      set[field] = sql`${sql.ref(field)} + ${sign! * pieces[i].quantity}`;
    }
    const row = await tx.updateTable('inventory_level').set(set)
      .where('item_id', '=', pieces[i].item_id).where('location_id', '=', pieces[i].location_id)
      .returning('committed').executeTakeFirst();
    committed[i] = row?.committed ?? 0;
  }
  return committed;
}

/** Tells the store caches which variants' availability changed (they drop the pages showing them). */
export async function signalStock(tx: Tx, variantIds: string[]): Promise<void> {
  const topic = `inventory:${[...new Set(variantIds)].join(',')}`;
  // NOTIFY payloads stop at 8000 bytes; a huge change simply drops every cached page.
  await signalChange(tx, topic.length < 7000 ? topic : 'catalog');
}

/**
 * Holds a cart's quantities until `expiresAt`; release the cart's earlier holds first (releaseCartHolds).
 * Untracked and backorderable variants need no hold. All or nothing: a line that cannot be held
 * refuses the whole call.
 */
export async function holdStockForCart(tx: Tx, cartId: string, lines: StockLine[], expiresAt: Date): Promise<void> {
  const byVariant = await policies(tx, lines.map((l) => l.variant_id));
  const holds: Piece[] = [];
  for (const line of [...lines].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) {
    const policy = byVariant.get(line.variant_id)!;
    if (!policy.manage_inventory || policy.allow_backorder) continue;
    holds.push(...(await take(tx, policy, line.quantity, 'reserved')).map(({ committed_after: _c, ...piece }) => piece));
  }
  if (holds.length === 0) return;
  await tx.insertInto('inventory_reservation')
    .values(holds.map((h) => ({ id: newId('ires'), ...h, kind: 'hold' as const, cart_id: cartId, expires_at: expiresAt })))
    .execute();
  await recordEvents(tx, [{ type: 'inventory.reserved', resource_type: 'cart', resource_id: cartId, payload: { cart_id: cartId, holds, expires_at: expiresAt.toISOString() } }]);
  await signalStock(tx, lines.map((l) => l.variant_id));
}

/** Releases every hold of the cart; returns how many units were released. */
export async function releaseCartHolds(tx: Tx, cartId: string): Promise<number> {
  const released = await tx.deleteFrom('inventory_reservation')
    .where('cart_id', '=', cartId).where('kind', '=', 'hold')
    .returning(['item_id', 'location_id', 'quantity'])
    .execute();
  if (released.length === 0) return 0;
  await addToLevels(tx, released, { reserved: -1 });
  await signalStock(tx, await variantsOfItems(tx, released.map((r) => r.item_id)));
  return released.reduce((n, r) => n + r.quantity, 0);
}

async function variantsOfItems(tx: Db, itemIds: string[]): Promise<string[]> {
  const rows = await tx.selectFrom('inventory_item').select('variant_id').where(sql<boolean>`id = any(${itemIds}::text[])`).execute();
  return rows.map((r) => r.variant_id);
}

/**
 * Commits an order's lines: the cart's holds become the order's allocations (reserved → committed, no
 * availability change); what no hold covers (a hold that expired) is taken from available stock by a
 * conditional UPDATE, or refused with insufficient_inventory. Returns the holds it consumed, so a failed
 * payment can put them back exactly (`releaseOrderStock`).
 */
export async function commitStockForOrder(tx: Tx, input: { cartId: string; orderId: string; lines: (StockLine & { order_line_id: string })[] }): Promise<HoldSnapshot[]> {
  const holds = await tx.deleteFrom('inventory_reservation')
    .where('cart_id', '=', input.cartId).where('kind', '=', 'hold')
    .returning(['item_id', 'location_id', 'quantity', 'expires_at'])
    .execute();
  const consumed: HoldSnapshot[] = holds.map((h) => ({ item_id: h.item_id, location_id: h.location_id, quantity: h.quantity, expires_at: h.expires_at! }));
  const byVariant = await policies(tx, input.lines.map((l) => l.variant_id));
  const allocations: (Piece & { order_line_id: string })[] = [];
  const movements: Movement[] = [];
  for (const line of [...input.lines].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) {
    const policy = byVariant.get(line.variant_id)!;
    if (!policy.manage_inventory) continue;
    let remaining = line.quantity;
    for (const hold of holds) {
      if (remaining === 0 || hold.item_id !== policy.item_id || hold.quantity === 0) continue;
      const used = Math.min(hold.quantity, remaining);
      hold.quantity -= used;
      remaining -= used;
      const piece = { item_id: hold.item_id, location_id: hold.location_id, quantity: used };
      const [after] = await addToLevels(tx, [piece], { reserved: -1, committed: 1 });
      allocations.push({ ...piece, order_line_id: line.order_line_id });
      movements.push(committedMovement(piece, after, 'order_committed', input.orderId));
    }
    if (remaining > 0) {
      const pieces = policy.allow_backorder ? await takeBackorder(tx, policy, remaining) : await take(tx, policy, remaining, 'committed');
      allocations.push(...pieces.map((p) => ({ item_id: p.item_id, location_id: p.location_id, quantity: p.quantity, order_line_id: line.order_line_id })));
      movements.push(...pieces.map((p) => committedMovement(p, p.committed_after, 'order_committed', input.orderId)));
    }
  }
  // Holds for variants no longer in the order (cannot happen through the API, which releases holds on
  // any cart change) are simply released.
  await addToLevels(tx, holds.filter((h) => h.quantity > 0), { reserved: -1 });
  if (allocations.length) {
    await tx.insertInto('inventory_reservation').values(allocations.map((a) => ({
      id: newId('ires'), item_id: a.item_id, location_id: a.location_id, quantity: a.quantity,
      kind: 'order' as const, order_id: input.orderId, order_line_id: a.order_line_id, cart_id: input.cartId,
    }))).execute();
    await recordMovements(tx, movements);
    await recordEvents(tx, [{ type: 'inventory.committed', resource_type: 'order', resource_id: input.orderId, payload: { order_id: input.orderId, allocations } }]);
  }
  await signalStock(tx, input.lines.map((l) => l.variant_id));
  return consumed;
}

/** The movement of `committed` at a level by `piece.quantity` (negative for a release), ending at `after`. */
function committedMovement(piece: Piece, after: number, reason: string, orderId: string): Movement {
  return {
    item_id: piece.item_id, location_id: piece.location_id, field: 'committed', before: after - piece.quantity, after,
    reason, actor: 'checkout', reference_type: 'order', reference_id: orderId,
  };
}

export interface HoldSnapshot {
  item_id: string;
  location_id: string;
  quantity: number;
  expires_at: Date;
}

/**
 * Undoes `commitStockForOrder` for an order whose payment failed: its allocations leave `committed`,
 * and the cart's holds it consumed come back as they were (same locations, same expiry), so the buyer
 * can try another card with the stock still held.
 */
export async function releaseOrderStock(tx: Tx, input: { orderId: string; cartId: string; restoreHolds: HoldSnapshot[] }): Promise<void> {
  const allocations = await tx.deleteFrom('inventory_reservation')
    .where('order_id', '=', input.orderId).where('kind', '=', 'order')
    .returning(['item_id', 'location_id', 'quantity'])
    .execute();
  const committedAfter = await addToLevels(tx, allocations, { committed: -1 });
  const stillValid = input.restoreHolds.filter((h) => h.expires_at.getTime() > Date.now());
  await addToLevels(tx, stillValid, { reserved: 1 });
  if (stillValid.length) {
    await tx.insertInto('inventory_reservation').values(stillValid.map((h) => ({
      id: newId('ires'), item_id: h.item_id, location_id: h.location_id, quantity: h.quantity, kind: 'hold' as const,
      cart_id: input.cartId, expires_at: h.expires_at,
    }))).execute();
  }
  if (allocations.length) {
    await recordMovements(tx, allocations.map((a, i) => committedMovement({ ...a, quantity: -a.quantity }, committedAfter[i], 'order_released', input.orderId)));
    await recordEvents(tx, [{ type: 'inventory.released', resource_type: 'order', resource_id: input.orderId, payload: { order_id: input.orderId, allocations } }]);
  }
  await signalStock(tx, await variantsOfItems(tx, [...allocations, ...stillValid].map((a) => a.item_id)));
}

/**
 * Releases holds that have expired, a batch at a time. Rows are claimed with SKIP LOCKED, so several
 * processes sweeping at once never release the same hold twice. Returns the number of holds released.
 */
export async function releaseExpiredHolds(tx: Tx, now: Date, batch = 500): Promise<number> {
  const expired = await sql<{ item_id: string; location_id: string; quantity: number; cart_id: string }>`
    delete from inventory_reservation where id in (
      select id from inventory_reservation
      where kind = 'hold' and expires_at <= ${now}
      order by expires_at limit ${batch}
      for update skip locked
    ) returning item_id, location_id, quantity, cart_id`.execute(tx);
  if (expired.rows.length === 0) return 0;
  await addToLevels(tx, expired.rows, { reserved: -1 });
  const carts = [...new Set(expired.rows.map((r) => r.cart_id))];
  await recordEvents(tx, carts.map((cartId) => ({ type: 'inventory.hold_expired', resource_type: 'cart', resource_id: cartId, payload: { cart_id: cartId } })));
  await signalStock(tx, await variantsOfItems(tx, expired.rows.map((r) => r.item_id)));
  return expired.rows.length;
}
