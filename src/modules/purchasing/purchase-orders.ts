import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { assertCurrencyCode } from '../../money/currency.ts';
import { recordEvents } from '../events/outbox.ts';
import { lockItems } from '../inventory/allocation.ts';
import { ensureInventoryItem, type InventoryItemRow } from '../inventory/items.ts';
import { changeIncoming } from '../inventory/lot-receipts.ts';
import { requireLocation } from '../inventory/locations.ts';
import { changeStock } from '../inventory/stock-changes.ts';
import type { PurchaseOrderStatus } from './schema.ts';
import type { PlaceInput, PurchaseOrderInput, PurchaseOrderUpdate } from './shapes.ts';
import { getSupplierOrThrow } from './suppliers.ts';

/**
 * Purchase orders:
 *
 *   draft ──order──► ordered ──receive──► partially_received ──receive──► received
 *     └────────────────┴──────cancel──────────────┴──► canceled
 *
 * Ordering counts each line's units as `incoming` at the order's location; receiving (receiving.ts)
 * moves them from incoming to on hand as lots; cancelling takes what was not received off incoming.
 * Every change of the order locks its row first, so its lifecycle steps run one at a time.
 */

export type PurchaseOrderRow = Awaited<ReturnType<typeof lockPurchaseOrder>>;

export async function lockPurchaseOrder(tx: Tx, id: string) {
  const order = await tx.selectFrom('purchase_order').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!order) throw new AppError('purchase_order_not_found', { id });
  return order;
}

export function assertStatus(order: { id: string; status: PurchaseOrderStatus }, allowed: PurchaseOrderStatus[], action: string): void {
  if (!allowed.includes(order.status)) {
    throw new AppError('purchase_order_status_invalid', { id: order.id, status: order.status, allowed },
      `A purchase order that is ${order.status} cannot be ${action} (only ${allowed.join(' or ')}).`);
  }
}

type OrderRow = Awaited<ReturnType<typeof lockPurchaseOrder>> & { supplier_name: string };
type LineRow = { id: string; purchase_order_id: string; variant_id: string | null; sku: string | null; position: number; quantity: number; quantity_received: number; unit_cost: number };

/** Orders as the API shows them: two statements for any number (the orders, then all their lines). */
async function withLines(db: Db, orders: OrderRow[]) {
  const rows: LineRow[] = orders.length === 0 ? [] : await db.selectFrom('purchase_order_line').selectAll()
    .where('purchase_order_id', 'in', orders.map((o) => o.id)).orderBy('purchase_order_id').orderBy('position').execute();
  return orders.map((order) => {
    const open = order.status === 'ordered' || order.status === 'partially_received';
    const lines = rows.filter((l) => l.purchase_order_id === order.id).map(({ purchase_order_id: _po, position: _p, ...line }) => ({
      ...line, quantity_outstanding: open ? line.quantity - line.quantity_received : 0, total_cost: line.quantity * line.unit_cost,
    }));
    return { ...order, lines, total_cost: lines.reduce((sum, l) => sum + l.total_cost, 0) };
  });
}

const withSupplier = (db: Db) => db.selectFrom('purchase_order as po').innerJoin('supplier as s', 's.id', 'po.supplier_id').selectAll('po').select('s.name as supplier_name');

export async function getPurchaseOrderOrThrow(db: Db, id: string) {
  const order = await withSupplier(db).where('po.id', '=', id).executeTakeFirst();
  if (!order) throw new AppError('purchase_order_not_found', { id });
  return (await withLines(db, [order]))[0];
}

/** Newest first; paged by id. */
export async function listPurchaseOrders(db: Db, filter: { status?: string; supplier_id?: string }, page: { after?: unknown[]; limit: number }) {
  let query = withSupplier(db);
  if (filter.status) query = query.where('po.status', '=', filter.status as PurchaseOrderStatus);
  if (filter.supplier_id) query = query.where('po.supplier_id', '=', filter.supplier_id);
  if (page.after) {
    const [id] = page.after;
    if (typeof id !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where('po.id', '<', id);
  }
  const rows = await query.orderBy('po.id', 'desc').limit(page.limit + 1).execute();
  const data = await withLines(db, rows.slice(0, page.limit));
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

async function insertLines(tx: Tx, orderId: string, lines: PurchaseOrderInput['lines']): Promise<void> {
  const variants = new Map((await tx.selectFrom('product_variant').select(['id', 'sku'])
    .where('id', 'in', lines.map((l) => l.variant_id)).execute()).map((v) => [v.id, v]));
  for (const [i, line] of lines.entries()) {
    if (!variants.has(line.variant_id)) throw new AppError('variant_not_found', { field: `body.lines[${i}].variant_id`, id: line.variant_id });
  }
  await tx.insertInto('purchase_order_line').values(lines.map((line, i) => ({
    id: newId('pol'), purchase_order_id: orderId, variant_id: line.variant_id, sku: variants.get(line.variant_id)!.sku,
    position: i, quantity: line.quantity, unit_cost: line.unit_cost,
  }))).execute();
}

const eventFields = (order: PurchaseOrderRow, actor: string) => ({
  id: order.id, supplier_id: order.supplier_id, location_id: order.location_id, status: order.status, actor,
});

async function eventLines(tx: Tx, orderId: string) {
  return (await tx.selectFrom('purchase_order_line').select(['id', 'variant_id', 'quantity']).where('purchase_order_id', '=', orderId).orderBy('position').execute())
    .map((l) => ({ line_id: l.id, variant_id: l.variant_id, quantity: l.quantity }));
}

export async function createPurchaseOrder(db: Db, input: PurchaseOrderInput, actor: string) {
  assertCurrencyCode(input.currency_code, 'body.currency_code');
  return inTransaction(db, async (tx) => {
    await getSupplierOrThrow(tx, input.supplier_id, 'body.supplier_id');
    await requireLocation(tx, input.location_id, 'body.location_id');
    const id = newId('po');
    await tx.insertInto('purchase_order').values({
      id, supplier_id: input.supplier_id, location_id: input.location_id, status: 'draft', currency_code: input.currency_code,
      reference: input.reference ?? null, expected_at: input.expected_at ?? null, note: input.note ?? null, created_by: actor,
    }).execute();
    await insertLines(tx, id, input.lines);
    const order = await lockPurchaseOrder(tx, id);
    await recordEvents(tx, [{
      type: 'purchase_order.created', resource_type: 'purchase_order', resource_id: id,
      payload: { ...eventFields(order, actor), currency_code: order.currency_code, lines: await eventLines(tx, id) },
    }]);
    return getPurchaseOrderOrThrow(tx, id);
  });
}

/** Reference, expected date and note while the order is open; its lines only as a draft. */
export async function updatePurchaseOrder(db: Db, id: string, patch: PurchaseOrderUpdate, actor: string) {
  return inTransaction(db, async (tx) => {
    const order = await lockPurchaseOrder(tx, id);
    assertStatus(order, ['draft', 'ordered', 'partially_received'], 'changed');
    if (patch.lines) {
      assertStatus(order, ['draft'], 'given new lines');
      await tx.deleteFrom('purchase_order_line').where('purchase_order_id', '=', id).execute();
      await insertLines(tx, id, patch.lines);
    }
    const { lines: _lines, ...fields } = patch;
    await tx.updateTable('purchase_order').set({ ...fields, updated_at: new Date() }).where('id', '=', id).execute();
    await recordEvents(tx, [{
      type: 'purchase_order.updated', resource_type: 'purchase_order', resource_id: id, payload: { ...eventFields(order, actor), changed: Object.keys(patch) },
    }]);
    return getPurchaseOrderOrThrow(tx, id);
  });
}

/**
 * Runs `change` for each line's inventory item, inside changeStock, the items locked in id order first
 * (the order every stock change takes them, so none deadlocks with a checkout or another order).
 */
export async function forEachLineItem<L extends { variant_id: string | null }>(
  tx: Tx, lines: L[], change: (tx: Tx, item: InventoryItemRow, line: L, index: number) => Promise<void>,
): Promise<void> {
  const variantIds = [...new Set(lines.map((l) => l.variant_id).filter((v): v is string => v !== null))];
  for (const variantId of variantIds.sort()) await ensureInventoryItem(tx, variantId);
  const items = await lockItems(tx, variantIds);
  const ordered = lines.map((line, index) => ({ line, index })).filter((l) => l.line.variant_id !== null)
    .sort((a, b) => items.get(a.line.variant_id!)!.id.localeCompare(items.get(b.line.variant_id!)!.id) || a.index - b.index);
  for (const { line, index } of ordered) {
    await changeStock(tx, line.variant_id!, (inner, item) => change(inner, item, line, index));
  }
}

/** Places a draft with its supplier: each line's units count as incoming at the order's location. */
export async function placePurchaseOrder(db: Db, id: string, input: PlaceInput, actor: string) {
  return inTransaction(db, async (tx) => {
    const order = await lockPurchaseOrder(tx, id);
    assertStatus(order, ['draft'], 'ordered');
    const lines = await tx.selectFrom('purchase_order_line').selectAll().where('purchase_order_id', '=', id).orderBy('position').execute();
    const deleted = lines.findIndex((l) => l.variant_id === null);
    if (deleted >= 0) throw new AppError('variant_not_found', { field: `lines[${deleted}].variant_id`, line_id: lines[deleted].id }, 'A line\'s variant was deleted: give the draft new lines.');
    await forEachLineItem(tx, lines, (inner, item, line) => changeIncoming(inner, item, order.location_id, line.quantity, {
      reason: 'purchase_ordered', actor, reference_type: 'purchase_order', reference_id: id, note: order.reference,
    }));
    const now = new Date();
    const placed = await tx.updateTable('purchase_order').set({ status: 'ordered', ordered_at: now, updated_at: now, expected_at: input.expected_at, reference: input.reference })
      .where('id', '=', id).returning(['expected_at']).executeTakeFirstOrThrow();
    await recordEvents(tx, [{
      type: 'purchase_order.ordered', resource_type: 'purchase_order', resource_id: id,
      payload: { ...eventFields({ ...order, status: 'ordered' }, actor), expected_at: placed.expected_at?.toISOString() ?? null, lines: await eventLines(tx, id) },
    }]);
    return getPurchaseOrderOrThrow(tx, id);
  });
}

/** Cancels an order not yet fully received: what was not received no longer counts as incoming. */
export async function cancelPurchaseOrder(db: Db, id: string, actor: string) {
  return inTransaction(db, async (tx) => {
    const order = await lockPurchaseOrder(tx, id);
    assertStatus(order, ['draft', 'ordered', 'partially_received'], 'canceled');
    if (order.status !== 'draft') {
      const lines = await tx.selectFrom('purchase_order_line').selectAll().where('purchase_order_id', '=', id)
        .where(sql<boolean>`quantity_received < quantity`).orderBy('position').execute();
      await forEachLineItem(tx, lines, (inner, item, line) => changeIncoming(inner, item, order.location_id, -(line.quantity - line.quantity_received), {
        reason: 'purchase_canceled', actor, reference_type: 'purchase_order', reference_id: id, note: order.reference,
      }));
    }
    const now = new Date();
    await tx.updateTable('purchase_order').set({ status: 'canceled', canceled_at: now, updated_at: now }).where('id', '=', id).execute();
    await recordEvents(tx, [{
      type: 'purchase_order.canceled', resource_type: 'purchase_order', resource_id: id,
      payload: { ...eventFields({ ...order, status: 'canceled' }, actor), previous_status: order.status },
    }]);
    return getPurchaseOrderOrThrow(tx, id);
  });
}
