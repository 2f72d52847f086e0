import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { receiveLot } from '../inventory/lot-receipts.ts';
import { allocateLandedCost } from './landed-costs.ts';
import { assertStatus, forEachLineItem, getPurchaseOrderOrThrow, lockPurchaseOrder } from './purchase-orders.ts';
import type { ReceiveInput } from './shapes.ts';

/**
 * Receives units of an ordered purchase order, in part or in full. Each received line becomes a lot
 * (its number, expiry and unit cost, the line's cost by default) at the order's location: on_hand
 * rises, incoming falls, through inventory's stock-change path (movements, inventory.adjusted,
 * lot.received). A line may be received in several lots at once (two lot numbers in one delivery).
 * The receipt's landed costs (freight, duty…) are spread over its lots (landed-costs.ts).
 *
 * Over-receiving is decided by the database: each line's `quantity_received` rises in one conditional
 * UPDATE (`… + q <= quantity`), so two receipts of the same line at once cannot together take more than
 * was ordered (the order's row lock already queues them; the condition holds even without it).
 */
export async function receivePurchaseOrder(db: Db, id: string, input: ReceiveInput, actor: string) {
  return inTransaction(db, async (tx) => {
    const order = await lockPurchaseOrder(tx, id);
    assertStatus(order, ['ordered', 'partially_received'], 'received');
    const receiptId = newId('porc');
    const known = new Map((await tx.selectFrom('purchase_order_line').selectAll().where('purchase_order_id', '=', id).execute()).map((l) => [l.id, l]));
    const wanted = input.lines.map((got, i) => {
      const line = known.get(got.line_id);
      if (!line) throw new AppError('purchase_order_line_not_found', { field: `body.lines[${i}].line_id`, id: got.line_id });
      if (!line.variant_id) throw new AppError('variant_not_found', { field: `body.lines[${i}].line_id`, line_id: line.id }, 'This line\'s variant was deleted: there is nothing to receive into.');
      return { ...got, variant_id: line.variant_id, unit_cost: got.unit_cost ?? line.unit_cost };
    });
    for (const [i, got] of wanted.entries()) {
      const done = await tx.updateTable('purchase_order_line').set((eb) => ({ quantity_received: eb('quantity_received', '+', got.quantity) }))
        .where('id', '=', got.line_id).where(sql<boolean>`quantity_received + ${got.quantity}::int <= quantity`)
        .returning('quantity_received').executeTakeFirst();
      if (!done) {
        const line = await tx.selectFrom('purchase_order_line').select(['quantity', 'quantity_received']).where('id', '=', got.line_id).executeTakeFirstOrThrow();
        throw new AppError('quantity_exceeds_outstanding', {
          field: `body.lines[${i}].quantity`, line_id: got.line_id, requested: got.quantity, outstanding: line.quantity - line.quantity_received,
        }, `This line still expects ${line.quantity - line.quantity_received} of ${line.quantity} (counting earlier lines of this receipt).`);
      }
    }
    const landed = (input.landed_costs ?? []).reduce((n, c) => n + c.amount, 0);
    if (!Number.isSafeInteger(landed)) throw new AppError('invalid_request', { field: 'body.landed_costs' }, 'body.landed_costs add up to more than an amount can hold');
    const values = wanted.map((got) => got.quantity * got.unit_cost);
    // By value unless asked by quantity, or when every lot is free (there is no value to share by).
    const byValue = input.allocate_landed_costs_by !== 'quantity' && values.some((v) => v > 0);
    const shares = allocateLandedCost(landed, byValue ? values : wanted.map((got) => got.quantity));
    const lotIds: string[] = new Array(wanted.length);
    await forEachLineItem(tx, wanted, async (inner, item, got, index) => {
      lotIds[index] = await receiveLot(inner, item, {
        locationId: order.location_id, quantity: got.quantity, lotNumber: got.lot_number, expiresAt: got.expires_at ?? null,
        unitCost: got.unit_cost, landedCost: shares[index], currencyCode: order.currency_code, supplierId: order.supplier_id, purchaseOrderId: id,
        purchaseOrderLineId: got.line_id, field: `body.lines[${index}].quantity`,
        why: { reason: 'received', actor, reference_type: 'purchase_order_receipt', reference_id: receiptId, note: input.note ?? null },
      });
    });
    const outstanding = await tx.selectFrom('purchase_order_line').select(sql<number>`coalesce(sum(quantity - quantity_received), 0)::int`.as('n'))
      .where('purchase_order_id', '=', id).executeTakeFirstOrThrow();
    const now = new Date();
    const status = outstanding.n === 0 ? 'received' : 'partially_received';
    await tx.updateTable('purchase_order').set({ status, received_at: status === 'received' ? now : null, updated_at: now }).where('id', '=', id).execute();
    await recordEvents(tx, [{
      type: 'purchase_order.received', resource_type: 'purchase_order', resource_id: id,
      payload: {
        id, supplier_id: order.supplier_id, location_id: order.location_id, status, actor, receipt_id: receiptId,
        lines: wanted.map((got, i) => ({ line_id: got.line_id, variant_id: got.variant_id, quantity: got.quantity, lot_id: lotIds[i] })),
      },
    }]);
    return { id: receiptId, purchase_order: await getPurchaseOrderOrThrow(tx, id), lot_ids: lotIds };
  });
}
