import { sql } from 'kysely';
import { signalChange, writeAtCommit } from '../../db/changes.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { recordEvents } from '../events/outbox.ts';
import { allocate, lockItemsQuery, lockItemsTakingWhole, stockPolicy, type Piece, type StockItem, type StockPolicy } from './allocation.ts';
import { movementsInsert, recordMovements, type Movement } from './movements.ts';

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

/**
 * Adds to the levels' quantities, every level in one statement; returns each level's `committed` after
 * its piece, in piece order (as if the pieces were added one at a time, in that order).
 */
async function addToLevels(tx: Tx, pieces: Piece[], changes: Partial<Record<'reserved' | 'committed', 1 | -1>>): Promise<number[]> {
  if (pieces.length === 0) return [];
  const delta = (piece: Piece, field: 'reserved' | 'committed') => (changes[field] ?? 0) * piece.quantity;
  const levels = new Map<string, { item_id: string; location_id: string; reserved: number; committed: number }>();
  for (const piece of pieces) {
    const key = levelKey(piece);
    const level = levels.get(key) ?? { item_id: piece.item_id, location_id: piece.location_id, reserved: 0, committed: 0 };
    level.reserved += delta(piece, 'reserved');
    level.committed += delta(piece, 'committed');
    levels.set(key, level);
  }
  const rows = [...levels.values()];
  // Rows are locked in one order in every transaction (item, then location, byte order), so
  // concurrent changes to the same levels never deadlock; the update then changes only rows it holds.
  const { rows: updated } = await sql<{ item_id: string; location_id: string; committed: number }>`
    with d as (select * from unnest(${rows.map((r) => r.item_id)}::text[], ${rows.map((r) => r.location_id)}::text[],
        ${rows.map((r) => r.reserved)}::int[], ${rows.map((r) => r.committed)}::int[]) as d(item_id, location_id, reserved, committed)),
      held as (select l.item_id, l.location_id from inventory_level l join d on d.item_id = l.item_id and d.location_id = l.location_id
        order by l.item_id collate "C", l.location_id collate "C" for no key update of l)
    update inventory_level l set reserved = l.reserved + d.reserved, committed = l.committed + d.committed, updated_at = now()
    from d, held h
    where l.item_id = d.item_id and l.location_id = d.location_id and h.item_id = l.item_id and h.location_id = l.location_id
    returning l.item_id, l.location_id, l.committed`.execute(tx);
  const after = new Map(updated.map((r) => [levelKey(r), r.committed]));
  // A level's pieces end at its `committed` after the statement: each piece's is that, less what the later pieces added.
  const committed: number[] = new Array(pieces.length);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const key = levelKey(pieces[i]);
    const value = after.get(key);
    if (value === undefined) {
      committed[i] = 0;
      continue;
    }
    committed[i] = value;
    after.set(key, value - delta(pieces[i], 'committed'));
  }
  return committed;
}

const levelKey = (level: { item_id: string; location_id: string }) => `${level.item_id} ${level.location_id}`;

/** Tells the store caches which variants' availability changed (they drop the pages showing them). */
export async function signalStock(tx: Tx, variantIds: string[]): Promise<void> {
  const topic = `inventory:${[...new Set(variantIds)].join(',')}`;
  // NOTIFY payloads stop at 8000 bytes; a huge change simply drops every cached page.
  await signalChange(tx, topic.length < 7000 ? topic : 'catalog');
}

/**
 * Holds a cart's quantities until `expiresAt`; release the cart's earlier holds first (releaseCartHolds).
 * Untracked and backorderable variants need no hold. All or nothing: a line that cannot be held
 * refuses the whole call. Says whether it held anything.
 */
export async function holdStockForCart(tx: Tx, cartId: string, lines: StockLine[], expiresAt: Date): Promise<boolean> {
  const sorted = [...lines].sort((a, b) => a.variant_id.localeCompare(b.variant_id));
  // Most lines are held whole at one location, all in the statement that locks the items.
  const { items, taken } = await lockItemsTakingWhole(tx, sorted, 'reserved');
  const holds: Piece[] = [];
  for (const line of sorted) {
    const policy = stockPolicy(items, line.variant_id);
    if (!policy.manage_inventory || policy.allow_backorder) continue;
    const whole = policy.id === null ? undefined : taken.get(policy.id);
    const pieces = whole ? [whole] : await allocate(tx, policy, line.quantity, { field: 'reserved', allowBackorder: false, wholeTried: true });
    holds.push(...pieces.map(({ committed_after: _c, ...piece }) => piece));
  }
  if (holds.length === 0) return false;
  // Written as the transaction commits: the levels' updates above are what take the stock.
  writeAtCommit(tx, tx.insertInto('inventory_reservation')
    .values(holds.map((h) => ({ id: newId('ires'), ...h, kind: 'hold' as const, cart_id: cartId, expires_at: expiresAt }))));
  await recordEvents(tx, [{ type: 'inventory.reserved', resource_type: 'cart', resource_id: cartId, payload: { cart_id: cartId, holds, expires_at: expiresAt.toISOString() } }]);
  await signalStock(tx, lines.map((l) => l.variant_id));
  return true;
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
 * Checkout's commit: the cart's holds become the new order's allocations (reserved → committed, no
 * availability change); what no hold covers (a hold that expired) is allocated from available stock,
 * or refused with insufficient_inventory. Returns the holds it consumed, so a failed payment can put
 * them back exactly (`revertOrderToCartHolds`). After checkout, order operations commit more with
 * order-stock.ts's `commitAddedOrderUnits`.
 */
export async function commitCartHoldsToOrder(tx: Tx, input: { cartId: string; orderId: string; lines: (StockLine & { order_line_id: string })[] }): Promise<HoldSnapshot[]> {
  const { holds, items } = await takeHoldsLockingItems(tx, input.cartId, input.lines.map((l) => l.variant_id));
  const consumed: HoldSnapshot[] = holds.map((h) => ({ ...h }));
  const allocations: (Piece & { order_line_id: string })[] = [];
  const fromHolds: Piece[] = [];
  const short: { policy: StockPolicy; quantity: number; order_line_id: string }[] = [];
  for (const line of [...input.lines].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) {
    const policy = stockPolicy(items, line.variant_id);
    if (!policy.manage_inventory) continue;
    let remaining = line.quantity;
    for (const hold of holds) {
      if (remaining === 0 || hold.item_id !== policy.id || hold.quantity === 0) continue;
      const used = Math.min(hold.quantity, remaining);
      hold.quantity -= used;
      remaining -= used;
      fromHolds.push({ item_id: hold.item_id, location_id: hold.location_id, quantity: used });
      allocations.push({ item_id: hold.item_id, location_id: hold.location_id, quantity: used, order_line_id: line.order_line_id });
    }
    if (remaining > 0) short.push({ policy, quantity: remaining, order_line_id: line.order_line_id });
  }
  // What the holds cover moves from reserved to committed, every level in one statement.
  const committedAfter = await addToLevels(tx, fromHolds, { reserved: -1, committed: 1 });
  const movements = fromHolds.map((piece, i) => committedMovement(piece, committedAfter[i], 'order_committed', input.orderId));
  // What no hold covers (a hold that expired) is taken from available stock.
  for (const { policy, quantity, order_line_id } of short) {
    const pieces = await allocate(tx, policy, quantity, { field: 'committed', allowBackorder: policy.allow_backorder });
    allocations.push(...pieces.map((p) => ({ item_id: p.item_id, location_id: p.location_id, quantity: p.quantity, order_line_id })));
    movements.push(...pieces.map((p) => committedMovement(p, p.committed_after, 'order_committed', input.orderId)));
  }
  // Holds for variants no longer in the order (cannot happen through the API, which releases holds on
  // any cart change) are simply released.
  await addToLevels(tx, holds.filter((h) => h.quantity > 0), { reserved: -1 });
  if (allocations.length) {
    // The allocations and their movements (one each), written as the transaction commits.
    writeAtCommit(tx, tx.insertInto('inventory_reservation').values(allocations.map((a) => ({
      id: newId('ires'), item_id: a.item_id, location_id: a.location_id, quantity: a.quantity,
      kind: 'order' as const, order_id: input.orderId, order_line_id: a.order_line_id, cart_id: input.cartId,
    }))));
    writeAtCommit(tx, movementsInsert(tx, movements));
    await recordEvents(tx, [{ type: 'inventory.committed', resource_type: 'order', resource_id: input.orderId, payload: { order_id: input.orderId, allocations } }]);
  }
  await signalStock(tx, input.lines.map((l) => l.variant_id));
  return consumed;
}

/** Takes (deletes) the cart's holds and locks the variants' inventory items (lockItems), in one statement. */
async function takeHoldsLockingItems(tx: Tx, cartId: string, variantIds: string[]): Promise<{ holds: HoldSnapshot[]; items: Map<string, StockItem> }> {
  const { rows: [row] } = await sql<{ holds: (Omit<HoldSnapshot, 'expires_at'> & { expires_at: string })[] | null; items: StockItem[] | null }>`
    with taken as (delete from inventory_reservation where cart_id = ${cartId} and kind = 'hold' returning item_id, location_id, quantity, expires_at),
      items as (${lockItemsQuery(tx, variantIds)})
    select (select json_agg(t) from taken t) as holds, (select json_agg(i) from items i) as items`.execute(tx);
  return {
    holds: (row.holds ?? []).map((h) => ({ ...h, expires_at: new Date(h.expires_at) })),
    items: new Map((row.items ?? []).map((i) => [i.variant_id, i])),
  };
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
 * Undoes `commitCartHoldsToOrder` for an order whose payment failed: its allocations leave `committed`,
 * and the cart's holds it consumed come back as they were (same locations, same expiry), so the buyer
 * can try another card with the stock still held. (A placed order's stock is released by
 * order-stock.ts's `releaseOrderAllocations`, with no holds to restore.)
 */
export async function revertOrderToCartHolds(tx: Tx, input: { orderId: string; cartId: string; restoreHolds: HoldSnapshot[] }): Promise<void> {
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
