import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
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

type Quantity = 'reserved' | 'committed';

/** Each variant's inventory policy; a variant without an inventory item is tracked and has no stock. */
async function policies(tx: Db, variantIds: string[]): Promise<Map<string, ItemPolicy>> {
  const rows = await tx.selectFrom('inventory_item')
    .select(['id', 'variant_id', 'manage_inventory', 'allow_backorder'])
    .where(sql<boolean>`variant_id = any(${variantIds}::text[])`)
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
async function take(tx: Tx, policy: ItemPolicy, quantity: number, field: Quantity): Promise<Piece[]> {
  // Item row first, then its levels: the lock order the Admin API's stock changes use too, so a hold
  // spread over two locations cannot deadlock with a transfer between them.
  if (policy.item_id) await tx.selectFrom('inventory_item').select('id').where('id', '=', policy.item_id).forNoKeyUpdate().execute();
  const levels = policy.item_id
    ? await sql<{ location_id: string; available: number }>`
        select l.location_id, (l.on_hand - l.committed - l.reserved - l.safety_stock) as available
        from inventory_level l join stock_location s on s.id = l.location_id and s.active
        where l.item_id = ${policy.item_id}
        order by s.priority desc, available desc, s.id`.execute(tx)
    : { rows: [] };
  const pieces: Piece[] = [];
  let remaining = quantity;
  for (const level of levels.rows) {
    if (remaining === 0) break;
    // The figure read above is only a hint of where to look; the UPDATE's condition is what decides.
    const want = Math.min(remaining, level.available);
    if (want <= 0) continue;
    const updated = await sql`
      update inventory_level set ${sql.ref(field)} = ${sql.ref(field)} + ${want}, updated_at = now()
      where item_id = ${policy.item_id} and location_id = ${level.location_id}
        and on_hand - committed - reserved - safety_stock >= ${want}`.execute(tx);
    if (Number(updated.numAffectedRows ?? 0) === 1) {
      pieces.push({ item_id: policy.item_id!, location_id: level.location_id, quantity: want });
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
async function takeBackorder(tx: Tx, policy: ItemPolicy, quantity: number): Promise<Piece[]> {
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
  await tx.updateTable('inventory_level').set((eb) => ({ committed: eb('committed', '+', rest) }))
    .where('item_id', '=', policy.item_id!).where('location_id', '=', level.location_id).execute();
  return [...pieces, { item_id: policy.item_id!, location_id: level.location_id, quantity: rest }];
}

async function addToLevels(tx: Tx, pieces: Piece[], changes: Partial<Record<Quantity, 1 | -1>>): Promise<void> {
  // One order for every transaction (item, then location), so concurrent releases never deadlock.
  const ordered = [...pieces].sort((a, b) => a.item_id.localeCompare(b.item_id) || a.location_id.localeCompare(b.location_id));
  for (const piece of ordered) {
    const set: Record<string, unknown> = { updated_at: new Date() };
    for (const [field, sign] of Object.entries(changes)) {
      set[field] = sql`${sql.ref(field)} + ${sign! * piece.quantity}`;
    }
    await tx.updateTable('inventory_level').set(set).where('item_id', '=', piece.item_id).where('location_id', '=', piece.location_id).execute();
  }
}

/** Tells the store caches which variants' availability changed (they drop the pages showing them). */
export async function signalStock(tx: Tx, variantIds: string[]): Promise<void> {
  const topic = `inventory:${[...new Set(variantIds)].join(',')}`;
  // NOTIFY payloads stop at 8000 bytes; a huge change simply drops every cached page.
  await signalChange(tx, topic.length < 7000 ? topic : 'catalog');
}

/**
 * Holds a cart's quantities until `expiresAt`, replacing any holds it had. Untracked and backorderable
 * variants need no hold. All or nothing: a line that cannot be held refuses the whole call.
 */
export async function holdStockForCart(tx: Tx, cartId: string, lines: StockLine[], expiresAt: Date): Promise<void> {
  await releaseCartHolds(tx, cartId);
  const byVariant = await policies(tx, lines.map((l) => l.variant_id));
  const holds: Piece[] = [];
  for (const line of [...lines].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) {
    const policy = byVariant.get(line.variant_id)!;
    if (!policy.manage_inventory || policy.allow_backorder) continue;
    holds.push(...await take(tx, policy, line.quantity, 'reserved'));
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

/** When the cart's holds expire (the earliest), or null without holds. */
export async function cartHoldsExpireAt(db: Db, cartId: string): Promise<Date | null> {
  const row = await db.selectFrom('inventory_reservation').select((eb) => eb.fn.min('expires_at').as('expires_at'))
    .where('cart_id', '=', cartId).where('kind', '=', 'hold').executeTakeFirst();
  return (row?.expires_at as Date | null | undefined) ?? null;
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
      await addToLevels(tx, [{ ...hold, quantity: used }], { reserved: -1, committed: 1 });
      allocations.push({ item_id: hold.item_id, location_id: hold.location_id, quantity: used, order_line_id: line.order_line_id });
    }
    if (remaining > 0) {
      const pieces = policy.allow_backorder ? await takeBackorder(tx, policy, remaining) : await take(tx, policy, remaining, 'committed');
      allocations.push(...pieces.map((p) => ({ ...p, order_line_id: line.order_line_id })));
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
    for (const a of allocations) {
      const level = await tx.selectFrom('inventory_level').select('committed').where('item_id', '=', a.item_id).where('location_id', '=', a.location_id).executeTakeFirstOrThrow();
      movements.push({ item_id: a.item_id, location_id: a.location_id, field: 'committed', before: level.committed - a.quantity, after: level.committed, reason: 'order_committed', actor: 'checkout', reference_type: 'order', reference_id: input.orderId });
    }
    await recordMovements(tx, movements);
    await recordEvents(tx, [{ type: 'inventory.committed', resource_type: 'order', resource_id: input.orderId, payload: { order_id: input.orderId, allocations } }]);
  }
  await signalStock(tx, input.lines.map((l) => l.variant_id));
  return consumed;
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
  await addToLevels(tx, allocations, { committed: -1 });
  const stillValid = input.restoreHolds.filter((h) => h.expires_at.getTime() > Date.now());
  await addToLevels(tx, stillValid, { reserved: 1 });
  if (stillValid.length) {
    await tx.insertInto('inventory_reservation').values(stillValid.map((h) => ({
      id: newId('ires'), item_id: h.item_id, location_id: h.location_id, quantity: h.quantity, kind: 'hold' as const,
      cart_id: input.cartId, expires_at: h.expires_at,
    }))).execute();
  }
  if (allocations.length) {
    const movements: Movement[] = [];
    for (const a of allocations) {
      const level = await tx.selectFrom('inventory_level').select('committed').where('item_id', '=', a.item_id).where('location_id', '=', a.location_id).executeTakeFirstOrThrow();
      movements.push({ item_id: a.item_id, location_id: a.location_id, field: 'committed', before: level.committed + a.quantity, after: level.committed, reason: 'order_released', actor: 'checkout', reference_type: 'order', reference_id: input.orderId });
    }
    await recordMovements(tx, movements);
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
