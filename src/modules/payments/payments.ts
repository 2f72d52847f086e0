import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { writeAtCommit } from '../../db/changes.ts';
import { newId } from '../../db/ids.ts';
import { recordEvents } from '../events/outbox.ts';
import type { PaymentStatus, PaymentTable, PaymentTransactionKind } from './schema.ts';

/**
 * The payments module's records: one payment per checkout attempt (a session, until it is authorized),
 * and an append-only log of its transactions. Talking to gateways is the provider's job
 * (provider.ts); these functions only write down what happened, in the caller's transaction.
 */
export type PaymentRow = Omit<Selectable<PaymentTable>, 'created_at' | 'updated_at'>;

const columns = ['id', 'cart_id', 'order_id', 'provider_id', 'status', 'amount', 'currency_code', 'provider_reference', 'data', 'authorized_amount', 'captured_amount', 'refunded_amount'] as const;

/** Cancels the cart's sessions that have not reached the gateway; the buyer starts payment again. */
export async function cancelPendingPayments(tx: Tx, cartId: string): Promise<void> {
  await tx.updateTable('payment').set({ status: 'canceled', updated_at: new Date() })
    .where('cart_id', '=', cartId).where('status', '=', 'pending').execute();
}

/**
 * Opens a payment session for the cart; cancel the cart's open session first (cancelPendingPayments).
 * Written as the transaction commits (writeAtCommit): read it back only after.
 */
export function createPaymentSession(tx: Tx, input: { cartId: string; providerId: string; amount: number; currencyCode: string; data: Record<string, unknown> }): PaymentRow {
  const session = {
    id: newId('pay'), cart_id: input.cartId, order_id: null, provider_id: input.providerId, status: 'pending' as const, amount: input.amount,
    currency_code: input.currencyCode, provider_reference: null, data: input.data, authorized_amount: 0, captured_amount: 0, refunded_amount: 0,
  };
  writeAtCommit(tx, tx.insertInto('payment').values({ ...session, data: JSON.stringify(input.data) }));
  return session;
}

type PaymentFields = Partial<Pick<PaymentTable, 'status' | 'order_id' | 'provider_reference'>> & { authorized_amount?: number; captured_amount?: number; refunded_amount?: number };

export async function updatePayment(tx: Tx, id: string, fields: PaymentFields): Promise<void> {
  await paymentUpdate(tx, id, fields).execute();
}

/** updatePayment, written as the transaction commits (writeAtCommit): for a change nothing after it in the transaction reads. */
export function updatePaymentAtCommit(tx: Tx, id: string, fields: PaymentFields): void {
  writeAtCommit(tx, paymentUpdate(tx, id, fields));
}

function paymentUpdate(tx: Tx, id: string, fields: PaymentFields) {
  return tx.updateTable('payment').set({ ...fields, updated_at: new Date() }).where('id', '=', id);
}

export interface TransactionRecord {
  kind: PaymentTransactionKind;
  amount: number;
  provider_reference?: string | null;
  error_code?: string | null;
  error_message?: string | null;
}

const eventTypes = { authorization: 'payment.authorized', capture: 'payment.captured', refund: 'payment.refunded', void: 'payment.voided', failure: 'payment.failed' } as const;

type TransactionsOf = Pick<PaymentRow, 'id' | 'order_id' | 'cart_id' | 'provider_id' | 'currency_code'>;

/** Appends to the payment's transaction log and writes the matching events. */
export async function recordPaymentTransactions(tx: Tx, payment: TransactionsOf, records: TransactionRecord[]): Promise<void> {
  await tx.insertInto('payment_transaction').values(transactionRows(payment, records)).execute();
  await recordTransactionEvents(tx, payment, records);
}

/** `updatePayment` and `recordPaymentTransactions` in one statement (checkout settles a payment so). */
export async function updatePaymentWithTransactions(tx: Tx, payment: TransactionsOf, fields: PaymentFields, records: TransactionRecord[]): Promise<void> {
  const { update, transactions } = paymentSettlementSql(tx, payment, fields, records, sql<boolean>`true`);
  await sql`with updated as (${update}) ${transactions}`.execute(tx);
  await recordTransactionEvents(tx, payment, records);
}

/**
 * updatePaymentWithTransactions' two writes (at least one record), for a caller that runs them as
 * CTEs of a statement of its own, each made only when `when` holds, an SQL condition read before
 * either touches a row. Record their events (recordTransactionEvents) once the statement made them.
 */
export function paymentSettlementSql(tx: Tx, payment: TransactionsOf, fields: PaymentFields, records: TransactionRecord[], when: RawBuilder<boolean>) {
  const rows = transactionRows(payment, records).map((r) =>
    sql`(${r.id}::text, ${r.payment_id}::text, ${r.kind}::text, ${r.amount}::bigint, ${r.provider_reference}::text, ${r.error_code}::text, ${r.error_message}::text)`);
  return {
    update: paymentUpdate(tx, payment.id, fields).where(when),
    transactions: sql`insert into payment_transaction (id, payment_id, kind, amount, provider_reference, error_code, error_message)
      select * from (values ${sql.join(rows)}) as v where ${when}`,
  };
}

function transactionRows(payment: TransactionsOf, records: TransactionRecord[]) {
  return records.map((record) => ({
    id: newId('ptx'), payment_id: payment.id, kind: record.kind, amount: record.amount,
    provider_reference: record.provider_reference ?? null, error_code: record.error_code ?? null, error_message: record.error_message ?? null,
  }));
}

export async function recordTransactionEvents(tx: Tx, payment: TransactionsOf, records: TransactionRecord[]): Promise<void> {
  await recordEvents(tx, records.map((record) => ({
    type: eventTypes[record.kind], resource_type: 'payment', resource_id: payment.id,
    payload: { payment_id: payment.id, order_id: payment.order_id, cart_id: payment.cart_id, provider_id: payment.provider_id, amount: record.amount, currency_code: payment.currency_code, error_code: record.error_code ?? null },
  })));
}

export type { PaymentStatus };
