import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { allocate, lockItems, stockPolicy, type StockItem } from './allocation.ts';
import { ensureInventoryItem } from './items.ts';
import { putIntoLot, recordLotEvents, takeChosenLots, takeFromLots, type ChosenLot } from './lots.ts';
import { recordMovements, type Movement } from './movements.ts';
import { signalStock } from './reservations.ts';

/**
 * Stock after checkout: what order operations do to the levels and to the order's allocations
 * (inventory_reservation rows of kind 'order', one per line and location, counted in `committed`).
 *
 * - fulfilling takes units off the shelf: `on_hand` and `committed` drop at the location they ship from;
 * - cancelling an unshipped fulfillment puts them back (and commits them to the order again);
 * - cancelling an order or editing a line down releases its allocations (`committed` drops);
 * - editing a line up or adding one commits more, with the same conditional UPDATE checkout uses;
 * - a return puts units back on hand (restock) or records them and writes them off (damaged).
 *
 * Lots (lots.ts): units leaving the shelf for a fulfillment leave their location's lots in the
 * product's pick order and are recorded against the order line (order_line_lot); cancelling the
 * fulfillment puts them back into those lots; restocked returns go back into the lots the line took.
 *
 * Every change is one UPDATE of a level row whose result gives the movement's before and after, so the
 * movement log always adds up to the levels. Items are locked first, in id order, then levels in
 * (item, location) order — the order every stock change takes them, so none can deadlock.
 */
export interface OrderStockLine {
  order_line_id: string;
  variant_id: string;
  quantity: number;
  /** A fulfillment's lots chosen by staff for some or all of the units (the rest leave in pick order). */
  lots?: ChosenLot[];
}

/** Why and by whom, for the movement rows and events. */
export interface StockReason {
  orderId: string;
  actor: string;
  referenceType: string;
  referenceId: string;
}

type Field = 'on_hand' | 'committed';

/** One change of one level, applied in (item, location) order. */
interface LevelChange {
  item_id: string;
  location_id: string;
  on_hand: number;
  committed: number;
  reason: string;
  /** For a fulfillment's extra units: refuse unless available stays ≥ 0 (or the item allows backorders). */
  guard?: { variant_id: string; field: string; requested: number };
}

function tracked(item: StockItem | undefined): item is StockItem {
  return item !== undefined && item.manage_inventory;
}

/** Applies the changes in lock order; returns the movement rows. Throws insufficient_inventory when a guard refuses. */
async function applyChanges(tx: Tx, changes: LevelChange[], why: StockReason, allowBackorder: (itemId: string) => boolean): Promise<Movement[]> {
  const sorted = [...changes].sort((a, b) => a.item_id.localeCompare(b.item_id) || a.location_id.localeCompare(b.location_id));
  const movements: Movement[] = [];
  for (const change of sorted) {
    if (change.on_hand === 0 && change.committed === 0) continue;
    const guard = change.guard && !allowBackorder(change.item_id)
      ? sql`and on_hand + ${change.on_hand}::int - (committed + ${change.committed}::int) - reserved - safety_stock >= 0`
      : sql``;
    const { rows } = await sql<{ on_hand: number; committed: number }>`
      update inventory_level set on_hand = on_hand + ${change.on_hand}::int, committed = committed + ${change.committed}::int, updated_at = now()
      where item_id = ${change.item_id} and location_id = ${change.location_id}
        and on_hand + ${change.on_hand}::int >= 0 and committed + ${change.committed}::int >= 0 ${guard}
      returning on_hand, committed`.execute(tx);
    if (rows.length === 0) {
      const level = await tx.selectFrom('inventory_level').select(['on_hand', 'committed', 'reserved', 'safety_stock'])
        .where('item_id', '=', change.item_id).where('location_id', '=', change.location_id).executeTakeFirst();
      const available = level ? Math.max(level.on_hand - level.committed - level.reserved - level.safety_stock, 0) : 0;
      throw new AppError('insufficient_inventory', {
        field: change.guard?.field, variant_id: change.guard?.variant_id, location_id: change.location_id,
        requested: change.guard?.requested ?? -change.on_hand, available, on_hand: level?.on_hand ?? 0,
      }, `Not enough stock at this location: ${available} available to ship beyond what is committed to this order here.`);
    }
    const after = rows[0];
    for (const field of ['on_hand', 'committed'] as Field[]) {
      if (change[field] === 0) continue;
      movements.push({
        item_id: change.item_id, location_id: change.location_id, field, before: after[field] - change[field], after: after[field],
        reason: change.reason, actor: why.actor, reference_type: why.referenceType, reference_id: why.referenceId,
      });
    }
  }
  await recordMovements(tx, movements);
  return movements;
}

interface Allocation {
  id: string;
  item_id: string;
  location_id: string;
  quantity: number;
}

async function lineAllocations(tx: Tx, orderId: string, lineId: string): Promise<Allocation[]> {
  return tx.selectFrom('inventory_reservation').select(['id', 'item_id', 'location_id', 'quantity'])
    .where('order_id', '=', orderId).where('kind', '=', 'order').where('order_line_id', '=', lineId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc')
    .forUpdate()
    .execute();
}

/** Takes `quantity` off an allocation row (deleting it at zero). */
async function shrinkAllocation(tx: Tx, allocation: Allocation, quantity: number): Promise<void> {
  if (quantity === allocation.quantity) await tx.deleteFrom('inventory_reservation').where('id', '=', allocation.id).execute();
  else await tx.updateTable('inventory_reservation').set({ quantity: allocation.quantity - quantity }).where('id', '=', allocation.id).execute();
  allocation.quantity -= quantity;
}

async function addAllocations(tx: Tx, orderId: string, rows: { item_id: string; location_id: string; quantity: number; order_line_id: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const cart = await tx.selectFrom('orders').select('cart_id').where('id', '=', orderId).executeTakeFirst();
  await tx.insertInto('inventory_reservation').values(rows.map((r) => ({
    id: newId('ires'), ...r, kind: 'order' as const, order_id: orderId, cart_id: cart?.cart_id ?? null,
  }))).execute();
}

/**
 * Ships `lines` from `locationId`: on_hand and committed drop there by each line's quantity, consuming
 * the line's allocations at that location first. Units allocated elsewhere are released there (their
 * committed drops) and taken from this location's available stock instead, refused with
 * insufficient_inventory (409) when it has too few. Untracked items change nothing.
 */
export async function fulfillOrderStock(tx: Tx, input: { why: StockReason; locationId: string; lines: OrderStockLine[]; allowExpiredLots?: boolean }): Promise<void> {
  const items = await lockItems(tx, input.lines.map((l) => l.variant_id));
  const changes: LevelChange[] = [];
  for (const [index, line] of input.lines.entries()) {
    const item = items.get(line.variant_id);
    if (!tracked(item)) continue;
    const allocations = await lineAllocations(tx, input.why.orderId, line.order_line_id);
    let here = line.quantity;
    for (const allocation of allocations.filter((a) => a.location_id === input.locationId)) {
      const used = Math.min(here, allocation.quantity);
      if (used === 0) break;
      await shrinkAllocation(tx, allocation, used);
      here -= used;
    }
    const fromAllocation = line.quantity - here;
    if (fromAllocation > 0) changes.push({ item_id: item.id, location_id: input.locationId, on_hand: -fromAllocation, committed: -fromAllocation, reason: 'order_fulfilled' });
    if (here === 0) continue;
    // The rest ships from stock free at this location; what was allocated elsewhere is released there.
    let release = here;
    for (const allocation of allocations.filter((a) => a.location_id !== input.locationId && a.quantity > 0)) {
      const used = Math.min(release, allocation.quantity);
      if (used === 0) break;
      await shrinkAllocation(tx, allocation, used);
      changes.push({ item_id: item.id, location_id: allocation.location_id, on_hand: 0, committed: -used, reason: 'order_reallocated' });
      release -= used;
    }
    changes.push({
      item_id: item.id, location_id: input.locationId, on_hand: -here, committed: 0, reason: 'order_fulfilled',
      guard: { variant_id: line.variant_id, field: `body.lines[${index}].quantity`, requested: line.quantity },
    });
  }
  await applyChanges(tx, changes, input.why, (itemId) => [...items.values()].some((i) => i.id === itemId && i.allow_backorder));
  for (const line of input.lines) {
    const item = items.get(line.variant_id);
    if (tracked(item)) await recordLineLots(tx, input.why, item.id, input.locationId, line, input.allowExpiredLots ?? false);
    // An item whose stock is not counted has no lots to choose from.
    else if (line.lots?.length) throw new AppError('lot_not_found', { id: line.lots[0].lot_id, field: `${line.lots[0].field}.lot_id` });
  }
  await signalStock(tx, input.lines.map((l) => l.variant_id));
}

/**
 * Takes a fulfilled line's units out of the location's lots (those staff chose, the rest in pick order)
 * and records which lots the line took.
 */
async function recordLineLots(tx: Tx, why: StockReason, itemId: string, locationId: string, line: OrderStockLine, allowExpired: boolean): Promise<void> {
  const chosen = await takeChosenLots(tx, { itemId, locationId, chosen: line.lots ?? [], allowExpired });
  const rest = line.quantity - chosen.reduce((n, p) => n + p.quantity, 0);
  const pieces = [...chosen, ...await takeFromLots(tx, { itemId, locationId, quantity: rest })];
  if (pieces.length === 0) return;
  await tx.insertInto('order_line_lot').values(pieces.map((p) => ({
    id: newId('olot'), order_id: why.orderId, order_line_id: line.order_line_id, fulfillment_id: why.referenceId,
    lot_id: p.lot_id, item_id: itemId, location_id: locationId, quantity: p.quantity,
  }))).execute();
  await recordLotEvents(tx, 'lot.fulfilled', pieces, {
    reason: 'order_fulfilled', actor: why.actor, reference_type: why.referenceType, reference_id: why.referenceId,
    order_id: why.orderId, order_line_id: line.order_line_id,
  });
}

/**
 * Undoes a fulfillment that has not shipped: the units are back on hand at its location and committed
 * to the order's lines there again.
 */
export async function unfulfillOrderStock(tx: Tx, input: { why: StockReason; locationId: string; lines: OrderStockLine[] }): Promise<void> {
  const items = await lockItems(tx, input.lines.map((l) => l.variant_id));
  const changes: LevelChange[] = [];
  const allocations: { item_id: string; location_id: string; quantity: number; order_line_id: string }[] = [];
  for (const line of input.lines) {
    const item = items.get(line.variant_id);
    if (!tracked(item)) continue;
    changes.push({ item_id: item.id, location_id: input.locationId, on_hand: line.quantity, committed: line.quantity, reason: 'fulfillment_canceled' });
    allocations.push({ item_id: item.id, location_id: input.locationId, quantity: line.quantity, order_line_id: line.order_line_id });
  }
  await applyChanges(tx, changes, input.why, () => true);
  await addAllocations(tx, input.why.orderId, allocations);
  // The fulfillment's units go back into the lots they came from.
  const taken = await tx.deleteFrom('order_line_lot').where('fulfillment_id', '=', input.why.referenceId)
    .returning(['lot_id', 'item_id', 'location_id', 'quantity', 'order_line_id']).execute();
  for (const piece of taken.sort((a, b) => (a.lot_id ?? '').localeCompare(b.lot_id ?? ''))) {
    if (piece.lot_id) await putIntoLot(tx, { lotId: piece.lot_id, itemId: piece.item_id, locationId: piece.location_id, quantity: piece.quantity });
    await recordLotEvents(tx, 'lot.unfulfilled', [piece], {
      reason: 'fulfillment_canceled', actor: input.why.actor, reference_type: input.why.referenceType, reference_id: input.why.referenceId,
      order_id: input.why.orderId, order_line_id: piece.order_line_id,
    });
  }
  await signalStock(tx, input.lines.map((l) => l.variant_id));
}

/**
 * Releases allocations: of the given lines' quantities (newest allocation first), or all of the order's
 * when `lines` is omitted. committed drops where they were.
 */
export async function releaseOrderAllocations(tx: Tx, input: { why: StockReason; reason: string; lines?: OrderStockLine[] }): Promise<void> {
  const wanted = input.lines;
  const all = wanted ? [] : await tx.selectFrom('inventory_reservation as r').innerJoin('inventory_item as i', 'i.id', 'r.item_id')
    .select(['i.variant_id', 'r.quantity']).where('r.order_id', '=', input.why.orderId).where('r.kind', '=', 'order').execute();
  const variantIds = wanted ? wanted.map((l) => l.variant_id) : all.map((r) => r.variant_id);
  if (variantIds.length === 0) return;
  await lockItems(tx, variantIds);
  const changes: LevelChange[] = [];
  if (!wanted) {
    const released = await tx.deleteFrom('inventory_reservation').where('order_id', '=', input.why.orderId).where('kind', '=', 'order')
      .returning(['item_id', 'location_id', 'quantity']).execute();
    for (const r of released) changes.push({ item_id: r.item_id, location_id: r.location_id, on_hand: 0, committed: -r.quantity, reason: input.reason });
  } else {
    for (const line of wanted) {
      let rest = line.quantity;
      for (const allocation of await lineAllocations(tx, input.why.orderId, line.order_line_id)) {
        if (rest === 0) break;
        const used = Math.min(rest, allocation.quantity);
        await shrinkAllocation(tx, allocation, used);
        changes.push({ item_id: allocation.item_id, location_id: allocation.location_id, on_hand: 0, committed: -used, reason: input.reason });
        rest -= used;
      }
    }
  }
  const released = merge(changes);
  await applyChanges(tx, released, input.why, () => true);
  if (released.length) {
    await recordEvents(tx, [{
      type: 'inventory.released', resource_type: 'order', resource_id: input.why.orderId,
      payload: { order_id: input.why.orderId, allocations: released.map((c) => ({ item_id: c.item_id, location_id: c.location_id, quantity: -c.committed })) },
    }]);
  }
  await signalStock(tx, variantIds);
}

/** Sums changes of the same level and reason (one movement per level, not one per allocation row). */
function merge(changes: LevelChange[]): LevelChange[] {
  const byKey = new Map<string, LevelChange>();
  for (const c of changes) {
    const key = `${c.item_id}|${c.location_id}|${c.reason}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.on_hand += c.on_hand;
      seen.committed += c.committed;
    } else byKey.set(key, { ...c });
  }
  return [...byKey.values()];
}

/**
 * Commits units added to a placed order's lines (an edit adding units or lines, an exchange's
 * replacement lines) from available stock, with checkout's routine (allocation.ts): backorderable
 * items commit the rest at their first location; untracked items change nothing. Not enough: 409
 * insufficient_inventory naming the line's `field`.
 */
export async function commitAddedOrderUnits(tx: Tx, input: { why: StockReason; lines: (OrderStockLine & { field: string })[] }): Promise<void> {
  const items = await lockItems(tx, input.lines.map((l) => l.variant_id));
  const allocations: { item_id: string; location_id: string; quantity: number; order_line_id: string }[] = [];
  const movements: Movement[] = [];
  for (const line of [...input.lines].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) {
    const policy = stockPolicy(items, line.variant_id);
    if (!policy.manage_inventory) continue;
    const pieces = await allocate(tx, policy, line.quantity, { field: 'committed', allowBackorder: policy.allow_backorder, inputField: line.field });
    for (const { committed_after: after, ...piece } of pieces) {
      allocations.push({ ...piece, order_line_id: line.order_line_id });
      movements.push({
        item_id: piece.item_id, location_id: piece.location_id, field: 'committed', before: after - piece.quantity, after,
        reason: 'order_committed', actor: input.why.actor, reference_type: input.why.referenceType, reference_id: input.why.referenceId,
      });
    }
  }
  await recordMovements(tx, movements);
  await addAllocations(tx, input.why.orderId, allocations);
  if (allocations.length) {
    await recordEvents(tx, [{ type: 'inventory.committed', resource_type: 'order', resource_id: input.why.orderId, payload: { order_id: input.why.orderId, allocations } }]);
  }
  await signalStock(tx, input.lines.map((l) => l.variant_id));
}

export interface ReturnedStockLine {
  order_line_id: string;
  variant_id: string;
  quantity: number;
  location_id: string;
  disposition: 'restock' | 'write_off';
}

/**
 * Takes returned units in at their location. Restocked units are back on hand (`returned_restock`);
 * written-off units are recorded arriving (`returned_damaged`) and leaving (`written_off`) at once, so the
 * location's history shows them while on_hand ends where it was. Untracked items change nothing.
 * Returned units are counted against the lots the line took, the last taken first; restocked
 * ones go back into those lots at the return's location (units the line took unlotted stay unlotted).
 */
export async function receiveReturnedStock(tx: Tx, input: { why: StockReason; lines: ReturnedStockLine[] }): Promise<void> {
  // A variant deleted since the sale has nothing to restock into.
  const existing = new Set((await tx.selectFrom('product_variant').select('id')
    .where(sql<boolean>`id = any(${input.lines.map((l) => l.variant_id)}::text[])`).execute()).map((v) => v.id));
  for (const id of [...existing].sort()) await ensureInventoryItem(tx, id);
  const items = await lockItems(tx, [...existing]);
  const changes: LevelChange[] = [];
  const writeOffs: { item_id: string; location_id: string; quantity: number }[] = [];
  for (const line of input.lines) {
    const item = items.get(line.variant_id);
    if (!tracked(item) || line.quantity === 0) continue;
    await tx.insertInto('inventory_level').values({ item_id: item.id, location_id: line.location_id })
      .onConflict((oc) => oc.columns(['item_id', 'location_id']).doNothing()).execute();
    if (line.disposition === 'restock') {
      changes.push({ item_id: item.id, location_id: line.location_id, on_hand: line.quantity, committed: 0, reason: 'returned_restock' });
    } else writeOffs.push({ item_id: item.id, location_id: line.location_id, quantity: line.quantity });
  }
  await applyChanges(tx, changes, input.why, () => true);
  const movements: Movement[] = [];
  for (const w of writeOffs.sort((a, b) => a.item_id.localeCompare(b.item_id) || a.location_id.localeCompare(b.location_id))) {
    const level = await tx.selectFrom('inventory_level').select('on_hand')
      .where('item_id', '=', w.item_id).where('location_id', '=', w.location_id).forUpdate().executeTakeFirstOrThrow();
    const base = { item_id: w.item_id, location_id: w.location_id, field: 'on_hand' as const, actor: input.why.actor, reference_type: input.why.referenceType, reference_id: input.why.referenceId };
    movements.push(
      { ...base, before: level.on_hand, after: level.on_hand + w.quantity, reason: 'returned_damaged' },
      { ...base, before: level.on_hand + w.quantity, after: level.on_hand, reason: 'written_off' },
    );
  }
  await recordMovements(tx, movements);
  for (const line of input.lines) {
    const item = items.get(line.variant_id);
    if (tracked(item) && line.quantity > 0) await returnToLots(tx, input.why, item.id, line);
  }
  await signalStock(tx, input.lines.map((l) => l.variant_id));
}

async function returnToLots(tx: Tx, why: StockReason, itemId: string, line: ReturnedStockLine): Promise<void> {
  // Only units that went out can come back: pieces of fulfillments still on the shelf are not returnable.
  const taken = await tx.selectFrom('order_line_lot as t').innerJoin('order_fulfillment as f', 'f.id', 't.fulfillment_id')
    .select(['t.id', 't.lot_id', 't.quantity', 't.returned_quantity'])
    .where('t.order_line_id', '=', line.order_line_id).whereRef('t.returned_quantity', '<', 't.quantity').where('f.status', '!=', 'fulfilled')
    .orderBy('t.seq', 'desc').forUpdate('t').execute();
  let rest = line.quantity;
  for (const piece of taken) {
    if (rest === 0) break;
    const back = Math.min(rest, piece.quantity - piece.returned_quantity);
    await tx.updateTable('order_line_lot').set((eb) => ({ returned_quantity: eb('returned_quantity', '+', back) }))
      .where('id', '=', piece.id).execute();
    rest -= back;
    if (!piece.lot_id) continue;
    if (line.disposition === 'restock') await putIntoLot(tx, { lotId: piece.lot_id, itemId, locationId: line.location_id, quantity: back });
    await recordLotEvents(tx, 'lot.returned', [{ lot_id: piece.lot_id, location_id: line.location_id, quantity: back }], {
      reason: line.disposition === 'restock' ? 'returned_restock' : 'written_off', actor: why.actor,
      reference_type: why.referenceType, reference_id: why.referenceId, order_id: why.orderId, order_line_id: line.order_line_id,
    });
  }
}
