import { inTransaction } from '../../db/transaction.ts';
import { recordOrderActivity } from './order-activity.ts';
import { lockOrder, SYSTEM } from './order-state.ts';
import { saveDerivedStatuses } from './order-status.ts';
import { sendOperations, settleOperations, type PaymentDeps, type PlannedOperation } from './payment-operations.ts';
import { finishRefund } from './refunds.ts';

/**
 * Settles payment operations a crash left pending (planned, maybe sent, never recorded): each is sent
 * again with the same reference — the gateway's idempotency key, so it happens at most once — and its
 * answer recorded as the original request would have. `olderThan` must be further back than any live
 * request could take (the payment timeout plus a margin), or a slow request and this would race; even
 * then an operation is recorded once (settling claims it). Safe in several processes at once. Meant
 * for a periodic job; returns how many operations it settled.
 */
export async function resumePaymentOperations(deps: PaymentDeps, options: { olderThan: Date; limit?: number }): Promise<number> {
  const stale = await deps.db.selectFrom('order_payment_operation as o').innerJoin('payment as p', 'p.id', 'o.payment_id')
    .leftJoin('order_refund as r', 'r.id', 'o.refund_id')
    .select(['o.id', 'o.order_id', 'o.kind', 'o.amount', 'o.refund_id', 'r.store_credit_id', 'p.id as payment_id', 'p.provider_id', 'p.provider_reference', 'p.data'])
    .where('o.status', '=', 'pending').where('o.created_at', '<', options.olderThan)
    .orderBy('o.created_at').limit(options.limit ?? 100).execute();
  let settled = 0;
  for (const row of stale) {
    const op: PlannedOperation = {
      id: row.id, order_id: row.order_id, kind: row.kind, amount: row.amount, refund_id: row.refund_id, store_credit_id: row.store_credit_id ?? null,
      payment: { id: row.payment_id, provider_id: row.provider_id, provider_reference: row.provider_reference, data: row.data },
    };
    const outcomes = await sendOperations(deps, [op]);
    settled += await inTransaction(deps.db, async (tx) => {
      await lockOrder(tx, op.order_id);
      const done = await settleOperations(tx, [op], outcomes);
      if (done.length === 0) return 0;
      if (op.refund_id) await finishRefund(tx, op.refund_id, SYSTEM);
      else if (outcomes[0].ok) {
        const type = op.kind === 'capture' ? 'order.captured' : 'order.payment_voided';
        await recordOrderActivity(tx, { orderId: op.order_id, type, actor: SYSTEM, data: { amount: op.amount, payment_ids: [op.payment.id], resumed: true } });
      }
      await saveDerivedStatuses(tx, op.order_id);
      return 1;
    });
  }
  return settled;
}
