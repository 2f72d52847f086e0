import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { recordPaymentTransactions, type PaymentRow } from './payments.ts';
import type { PaymentStatus } from './schema.ts';

/**
 * A payment's amounts after checkout: captures and refunds staff make on an order, and payments recorded
 * by hand. The database decides each amount in one conditional UPDATE, kept by the table's CHECK as
 * well: refunded ≤ captured ≤ authorized.
 *
 * Money moves at the gateway outside any transaction. A refund is *reserved* first (refunded_amount
 * grows before the call, so no concurrent request can refund the same money), then settled (the
 * transaction is recorded) or released (the gateway refused). A capture is counted once the gateway
 * took it (captured_amount only ever grows): until then the order's pending capture operations hold
 * its amount (orders/payment-operations.ts), so a refund never counts on money not yet captured.
 *
 * A payment's status describes its authorization first: `authorized` and `partially_captured` still have
 * money to capture; `captured`, `partially_refunded` and `refunded` have none left (captured in full, or
 * the rest voided); `canceled` was voided with nothing captured.
 */

const columns = ['id', 'cart_id', 'order_id', 'provider_id', 'status', 'amount', 'currency_code', 'provider_reference', 'data', 'authorized_amount', 'captured_amount', 'refunded_amount'] as const;

export type OrderPayment = PaymentRow & { created_at: Date };

const CAPTURABLE: PaymentStatus[] = ['authorized', 'partially_captured'];

/** The order's payments that were authorized (whatever happened since), oldest first. */
export async function paymentsOfOrder(db: Db, orderId: string): Promise<OrderPayment[]> {
  return paymentsOfOrderQuery(db, orderId).execute();
}

/** paymentsOfOrder's statement, for a caller that reads it with others (as a subquery). */
export function paymentsOfOrderQuery(db: Db, orderId: string) {
  return db.selectFrom('payment').select([...columns, 'created_at'])
    .where('order_id', '=', orderId).where('authorized_amount', '>', 0)
    .orderBy('created_at').orderBy('id');
}

/** What can still be captured of the authorization. */
export function capturableOf(payment: Pick<PaymentRow, 'status' | 'authorized_amount' | 'captured_amount'>): number {
  return CAPTURABLE.includes(payment.status) ? payment.authorized_amount - payment.captured_amount : 0;
}

export function refundableOf(payment: Pick<PaymentRow, 'captured_amount' | 'refunded_amount'>): number {
  return payment.captured_amount - payment.refunded_amount;
}

/** Reserves `amount` of what was captured for a refund about to be sent; false when it is not there. */
export async function reserveRefund(tx: Tx, paymentId: string, amount: number): Promise<boolean> {
  const { rows } = await sql`
    update payment set refunded_amount = refunded_amount + ${amount}::bigint, updated_at = now()
    where id = ${paymentId} and refunded_amount + ${amount}::bigint <= captured_amount
    returning id`.execute(tx);
  return rows.length === 1;
}

/** Gives back a refund's reservation the gateway refused. */
export async function releaseRefund(tx: Tx, paymentId: string, amount: number): Promise<void> {
  await sql`update payment set refunded_amount = refunded_amount - ${amount}::bigint, updated_at = now() where id = ${paymentId}`.execute(tx);
}

/** The status the payment's amounts mean; `voided` when the rest of the authorization was just voided. */
function statusFor(p: Pick<PaymentRow, 'status' | 'authorized_amount' | 'captured_amount' | 'refunded_amount'>, voided: boolean): PaymentStatus {
  const open = CAPTURABLE.includes(p.status) && !voided;
  if (open && p.captured_amount < p.authorized_amount) return p.captured_amount > 0 ? 'partially_captured' : 'authorized';
  if (p.captured_amount === 0) return voided || p.status === 'canceled' ? 'canceled' : p.status;
  if (p.refunded_amount === 0) return 'captured';
  return p.refunded_amount === p.captured_amount ? 'refunded' : 'partially_refunded';
}

/**
 * Records what the gateway did (a capture, refund or void), with its transaction row and event, and
 * sets the payment's status from its amounts. Amounts were reserved before the call.
 */
export async function recordSettled(tx: Tx, paymentId: string, record: { kind: 'capture' | 'refund' | 'void'; amount: number; provider_reference: string | null }): Promise<void> {
  if (record.kind === 'capture') {
    const { rows } = await sql`
      update payment set captured_amount = captured_amount + ${record.amount}::bigint, updated_at = now()
      where id = ${paymentId} and captured_amount + ${record.amount}::bigint <= authorized_amount
      returning id`.execute(tx);
    // The gateway captured it: the authorization covers it, as the plan checked under the order lock.
    if (rows.length === 0) throw new Error(`capture of ${record.amount} on ${paymentId} is above its authorization`);
  }
  const payment = await tx.selectFrom('payment').select(columns).where('id', '=', paymentId).forUpdate().executeTakeFirstOrThrow();
  await tx.updateTable('payment').set({ status: statusFor(payment, record.kind === 'void'), updated_at: new Date() }).where('id', '=', paymentId).execute();
  await recordPaymentTransactions(tx, payment, [{ kind: record.kind, amount: record.amount, provider_reference: record.provider_reference }]);
}

/** Records a failed gateway call: the reservation is released and the failure logged. */
export async function recordFailed(tx: Tx, paymentId: string, record: { kind: 'capture' | 'refund' | 'void'; amount: number; error_code: string; error_message: string }): Promise<void> {
  if (record.kind === 'refund') await releaseRefund(tx, paymentId, record.amount);
  const payment = await tx.selectFrom('payment').select(columns).where('id', '=', paymentId).forUpdate().executeTakeFirstOrThrow();
  await tx.updateTable('payment').set({ status: statusFor(payment, false), updated_at: new Date() }).where('id', '=', paymentId).execute();
  await recordPaymentTransactions(tx, payment, [{ kind: 'failure', amount: record.amount, error_code: record.error_code, error_message: `${record.kind}: ${record.error_message}` }]);
}

/**
 * A payment received outside a gateway (bank transfer, cash, a cheque; or a gift card or store credit
 * spent at checkout, `providerId` and the balance's id as reference): recorded on the order, by
 * default with the manual provider, authorized and, unless `captured` is false, captured at once.
 */
export async function recordPaymentReceived(
  tx: Tx,
  input: { orderId: string; amount: number; currencyCode: string; captured: boolean; providerId?: string; providerReference?: string; data?: Record<string, unknown> },
): Promise<PaymentRow> {
  const id = newId('pay');
  const reference = input.providerReference ?? `manual_${id}`;
  const payment = await tx.insertInto('payment').values({
    id, cart_id: null, order_id: input.orderId, provider_id: input.providerId ?? 'manual', status: input.captured ? 'captured' : 'authorized',
    amount: input.amount, currency_code: input.currencyCode, provider_reference: reference, data: JSON.stringify(input.data ?? {}),
    authorized_amount: input.amount, captured_amount: input.captured ? input.amount : 0,
  }).returning(columns).executeTakeFirstOrThrow();
  await recordPaymentTransactions(tx, payment, [
    { kind: 'authorization', amount: input.amount, provider_reference: reference },
    ...(input.captured ? [{ kind: 'capture' as const, amount: input.amount, provider_reference: reference }] : []),
  ]);
  return payment;
}
