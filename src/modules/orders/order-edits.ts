import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { commitAddedOrderUnits, releaseOrderAllocations } from '../inventory/order-stock.ts';
import { insertLines, priceNewLines, repriceLine, saveOrderTotals, type NewLineInput } from './line-pricing.ts';
import { recordOrderActivity } from './order-activity.ts';
import { actorRef, assertDistinctLines, lineOrThrow, lockOrder, type Actor } from './order-state.ts';
import { moneySummary, saveDerivedStatuses } from './order-status.ts';

/**
 * Order edits: change line quantities (0 removes a line), add lines (catalog price, or a custom price
 * with a reason). Only units not yet fulfilled change: a line cannot go below what has been fulfilled
 * of it (400 quantity_below_fulfilled), and a canceled or completed order cannot be edited (409
 * order_not_editable). Stock follows at once (more committed, or allocations released), the totals are
 * recomputed, and the balance says what is left to pay (> 0) or to refund (< 0). Each edit is a new
 * version of the order, kept with its changes in the edit history. `dry_run` computes it all and
 * writes nothing.
 */
export interface EditInput {
  items?: { line_item_id: string; quantity: number }[];
  add?: NewLineInput[];
  note?: string | null;
  dry_run?: boolean;
}

export interface EditChange {
  line_item_id: string;
  variant_id: string;
  title: string;
  action: 'added' | 'updated' | 'removed';
  quantity_before: number;
  quantity_after: number;
  unit_price: number;
  total_before: number;
  total_after: number;
  price_reason: string | null;
}

export interface EditView {
  id: string;
  order_id: string;
  version: number;
  changes: EditChange[];
  note: string | null;
  total_before: number;
  total_after: number;
  balance_after: number;
  created_by: string;
  created_at: Date;
  dry_run: boolean;
}

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRun extends Error {
  constructor(readonly view: EditView) {
    super('dry run');
  }
}

export async function listEdits(db: Db, orderId: string): Promise<EditView[]> {
  const rows = await db.selectFrom('order_edit').selectAll().where('order_id', '=', orderId).orderBy('version').execute();
  return rows.map((r) => ({ ...r, changes: r.changes as EditChange[], dry_run: false }));
}

export async function editOrder(db: Db, orderId: string, input: EditInput, actor: Actor): Promise<EditView> {
  try {
    return await inTransaction(db, async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (order.status === 'canceled' || order.status === 'completed') throw new AppError('order_not_editable', { id: orderId, status: order.status });
      const items = input.items ?? [];
      assertDistinctLines(items, 'body.items');
      const why = { orderId, actor: actorRef(actor), referenceType: 'order_edit', referenceId: newId('oedit') };
      const changes: EditChange[] = [];
      for (const [i, wanted] of items.entries()) {
        const line = lineOrThrow(order, wanted.line_item_id, `body.items[${i}].line_item_id`);
        if (wanted.quantity === line.quantity) continue;
        if (wanted.quantity < line.fulfilled_quantity) {
          throw new AppError('quantity_below_fulfilled', { field: `body.items[${i}].quantity`, line_item_id: line.id, requested: wanted.quantity, min: line.fulfilled_quantity });
        }
        const delta = wanted.quantity - line.quantity;
        const stockLine = { order_line_id: line.id, variant_id: line.variant_id, quantity: Math.abs(delta) };
        if (delta < 0) await releaseOrderAllocations(tx, { why, reason: 'order_edited', lines: [stockLine] });
        else await commitAddedOrderUnits(tx, { why, lines: [{ ...stockLine, field: `body.items[${i}].quantity` }] });
        const repriced = repriceLine(line, wanted.quantity, order.tax_inclusive);
        await tx.updateTable('order_line_item').set(repriced).where('id', '=', line.id).execute();
        changes.push({
          line_item_id: line.id, variant_id: line.variant_id, title: line.title, action: wanted.quantity === 0 ? 'removed' : 'updated',
          quantity_before: line.quantity, quantity_after: wanted.quantity, unit_price: line.unit_price, total_before: line.total, total_after: repriced.total, price_reason: null,
        });
      }
      const priced = await priceNewLines(tx, order, input.add ?? [], 'body.add');
      const added = await insertLines(tx, order, priced, 'edit', null);
      if (added.length) {
        await commitAddedOrderUnits(tx, { why, lines: priced.map((p, i) => ({ order_line_id: added[i], variant_id: p.variant_id, quantity: p.quantity, field: `body.add[${i}].quantity` })) });
      }
      priced.forEach((p, i) => changes.push({
        line_item_id: added[i], variant_id: p.variant_id, title: p.title, action: 'added', quantity_before: 0, quantity_after: p.quantity,
        unit_price: p.unit_price, total_before: 0, total_after: p.total, price_reason: p.price_reason,
      }));
      if (changes.length === 0) throw new AppError('invalid_request', { field: 'body.items' }, 'the edit changes nothing');
      const total = await saveOrderTotals(tx, order);
      const version = order.version + 1;
      await tx.updateTable('orders').set({ version }).where('id', '=', orderId).execute();
      const after = await saveDerivedStatuses(tx, orderId);
      if (after.lines.every((l) => l.quantity === 0)) {
        throw new AppError('invalid_request', { field: 'body.items' }, 'an order keeps at least one unit: cancel it instead');
      }
      const balance = moneySummary(after).balance;
      const view: EditView = {
        id: why.referenceId, order_id: orderId, version, changes, note: input.note ?? null, total_before: order.total, total_after: total,
        balance_after: balance, created_by: actorRef(actor), created_at: new Date(), dry_run: Boolean(input.dry_run),
      };
      if (input.dry_run) throw new DryRun(view);
      await tx.insertInto('order_edit').values({
        id: view.id, order_id: orderId, version, changes: JSON.stringify(changes), note: view.note, total_before: order.total, total_after: total,
        balance_after: balance, created_by: view.created_by,
      }).execute();
      await recordOrderActivity(tx, {
        orderId, type: 'order.edited', actor,
        data: { edit_id: view.id, version, changes, total_before: order.total, total_after: total, balance, note: view.note },
      });
      return view;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.view;
    throw error;
  }
}
