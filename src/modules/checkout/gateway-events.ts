import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordPaymentTransactions, updatePayment, type PaymentRow } from '../payments/payments.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import type { InboxEvent, InboxResult } from '../payments/webhook-inbox.ts';
import { settleableAfter, settlePendingOrder } from './recovery.ts';

/**
 * What a gateway's webhook changes, reconciled with what checkout itself concluded (docs/payments.md):
 *
 * | the gateway says      | our payment / order                         | outcome                                   |
 * |-----------------------|---------------------------------------------|-------------------------------------------|
 * | authorized / captured | checkout still running (order pending, young)| deferred until checkout must have ended  |
 * | authorized / captured | order pending, checkout interrupted         | order confirmed (`order_confirmed`)       |
 * | authorized / captured | order placed                                | nothing (`already_settled`)               |
 * | authorized            | payment failed/canceled, no order (our timeout answered the buyer "nothing was charged") | authorization voided (`payment_voided`) |
 * | captured              | same                                        | money refunded (`payment_refunded`)       |
 * | failed                | order pending, checkout interrupted         | order undone, stock released (`order_undone`) |
 * | failed                | anything else                               | nothing                                    |
 *
 * Never money taken without an order, never an order without its payment. Each step re-checks under
 * row locks and the gateway calls are idempotent, so processing an event twice (a replay, a crash
 * mid-way) changes nothing more.
 */
export interface GatewayEventDeps {
  db: Db;
  providers: PaymentProviders;
  paymentTimeoutMs: number;
  orderNumberPrefix: string;
}

const SUCCESS = new Set(['payment.authorized', 'payment.captured']);
const paymentColumns = ['id', 'cart_id', 'order_id', 'provider_id', 'status', 'amount', 'currency_code', 'provider_reference', 'data', 'authorized_amount', 'captured_amount', 'refunded_amount'] as const;

export async function reconcileGatewayEvent(deps: GatewayEventDeps, event: InboxEvent, now = new Date()): Promise<InboxResult> {
  const succeeded = SUCCESS.has(event.type);
  if (!succeeded && event.type !== 'payment.failed') return { outcome: 'ignored' };
  if (!event.payment_reference) return { outcome: 'unknown_payment' };
  const payment = await deps.db.selectFrom('payment').select(paymentColumns)
    .where('id', '=', event.payment_reference).where('provider_id', '=', event.provider_id).executeTakeFirst() as PaymentRow | undefined;
  if (!payment) return { outcome: 'unknown_payment' };

  if (payment.order_id) {
    const order = await deps.db.selectFrom('orders').select(['status', 'created_at']).where('id', '=', payment.order_id).executeTakeFirst();
    if (order?.status === 'pending') {
      const after = settleableAfter(order.created_at, deps.paymentTimeoutMs);
      if (after > now) return { deferUntil: after, reason: 'checkout still running' };
      const settled = await settlePendingOrder(deps, payment.order_id, {
        status: succeeded ? (event.type === 'payment.captured' ? 'captured' : 'authorized') : 'failed',
        provider_reference: event.provider_reference,
      });
      if (settled === 'confirmed') return { outcome: 'order_confirmed' };
      if (settled === 'undone') return { outcome: 'order_undone' };
      // Being settled by the sweep right now: look again shortly.
      return { deferUntil: new Date(now.getTime() + 5_000), reason: 'order being settled by another process' };
    }
    if (order) return { outcome: succeeded ? 'already_settled' : 'conflict_order_placed' };
  }
  if (!succeeded) return { outcome: 'already_failed' };
  if (payment.status !== 'failed' && payment.status !== 'canceled') return { outcome: 'not_started' };
  return returnLateCharge(deps, payment, event);
}

/**
 * The gateway took money for a checkout we had already given up on (our timeout told the buyer
 * nothing was charged, and their cart is open again): void the authorization, or refund a capture.
 * The gateway is called first, outside any transaction; recording happens once, under the payment's
 * lock, so a repeat only repeats the (idempotent) gateway call.
 */
async function returnLateCharge(deps: GatewayEventDeps, payment: PaymentRow, event: InboxEvent): Promise<InboxResult> {
  const done = await deps.db.selectFrom('payment_transaction').select('kind')
    .where('payment_id', '=', payment.id).where('kind', 'in', ['void', 'refund']).executeTakeFirst();
  if (done) return { outcome: 'already_returned' };
  const provider = deps.providers.get(payment.provider_id);
  if (!provider) throw new Error(`payment provider ${payment.provider_id} is not configured`);
  const providerReference = event.provider_reference ?? payment.provider_reference;
  const amount = event.amount ?? payment.amount;
  const captured = event.type === 'payment.captured';
  let refundReference: string | null = null;
  if (captured && providerReference) {
    refundReference = (await provider.refund({ provider_reference: providerReference, amount, reference: `${payment.id}_late_refund` })).provider_reference;
  } else {
    await provider.cancel({ provider_reference: providerReference, reference: payment.id, data: payment.data });
  }
  return inTransaction(deps.db, async (tx) => {
    await tx.selectFrom('payment').select('id').where('id', '=', payment.id).forUpdate().execute();
    const again = await tx.selectFrom('payment_transaction').select('kind')
      .where('payment_id', '=', payment.id).where('kind', 'in', ['void', 'refund']).executeTakeFirst();
    if (again) return { outcome: 'already_returned' };
    const message = 'the gateway reported a charge after checkout had given up on it';
    if (captured) {
      await updatePayment(tx, payment.id, { status: 'refunded', provider_reference: providerReference, authorized_amount: amount, captured_amount: amount, refunded_amount: amount });
      await recordPaymentTransactions(tx, payment, [{ kind: 'refund', amount, provider_reference: refundReference, error_code: 'late_gateway_charge', error_message: message }]);
      return { outcome: 'payment_refunded' };
    }
    await updatePayment(tx, payment.id, { status: 'canceled', provider_reference: providerReference });
    await recordPaymentTransactions(tx, payment, [{ kind: 'void', amount, provider_reference: providerReference, error_code: 'late_gateway_charge', error_message: message }]);
    return { outcome: 'payment_voided' };
  });
}
