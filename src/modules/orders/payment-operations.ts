import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { balanceGateway, isBalanceProvider } from '../gift-cards/redemptions.ts';
import { recordFailed, recordSettled, type OrderPayment } from '../payments/payment-amounts.ts';
import { PaymentError } from '../payments/provider.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import type { PaymentOperationKind } from './schema.ts';

/**
 * Money moved at a gateway for an order (captures, refunds, voids), in three steps so that no
 * transaction stays open across a network call and no money moves twice:
 *
 * 1. plan   (in the operation's transaction, under the order lock) write the operation `pending` — a
 *           refund also reserves its amount on the payment — so requests after it see the money as taken;
 * 2. send   (no transaction) call the gateway with the operation's id as its idempotency reference;
 * 3. settle (one transaction) record what the gateway did, or release the reservation it refused.
 *
 * A process that dies between 1 and 3 leaves the operation pending with its amount still held (never
 * spent twice); `resumePaymentOperations` (payment-recovery.ts) sends it again with the same
 * reference — the gateway does it at most once — and settles it.
 */
export interface PaymentDeps {
  db: Db;
  providers: PaymentProviders;
}

export interface PlannedOperation {
  id: string;
  order_id: string;
  kind: PaymentOperationKind;
  amount: number;
  refund_id: string | null;
  /** A refund paid as store credit: the account credited instead of the payment's gateway. */
  store_credit_id: string | null;
  payment: Pick<OrderPayment, 'id' | 'provider_id' | 'provider_reference' | 'data'>;
}

export interface Outcome {
  ok: boolean;
  provider_reference: string | null;
  error_code?: string;
  error_message?: string;
}

export async function planOperation(
  tx: Tx,
  input: { orderId: string; payment: PlannedOperation['payment']; kind: PaymentOperationKind; amount: number; refundId?: string | null; storeCreditId?: string | null; createdBy: string },
): Promise<PlannedOperation> {
  const id = newId('opay');
  await tx.insertInto('order_payment_operation').values({
    id, order_id: input.orderId, payment_id: input.payment.id, kind: input.kind, amount: input.amount,
    refund_id: input.refundId ?? null, status: 'pending', created_by: input.createdBy,
  }).execute();
  return { id, order_id: input.orderId, kind: input.kind, amount: input.amount, refund_id: input.refundId ?? null, store_credit_id: input.storeCreditId ?? null, payment: input.payment };
}

/** Calls the gateways, one operation after another; never throws (a failure is an outcome). */
export async function sendOperations(deps: PaymentDeps, operations: PlannedOperation[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const op of operations) {
    // A gift card's or store credit's "gateway" is its balance in our own database; so is a refund's
    // paid as store credit, whatever the payment it is taken from.
    const toBalance = op.store_credit_id !== null || isBalanceProvider(op.payment.provider_id);
    const provider = toBalance ? balanceGateway(deps.db) : deps.providers.get(op.payment.provider_id);
    const reference = op.store_credit_id ?? op.payment.provider_reference ?? '';
    try {
      if (!provider) throw new PaymentError('provider_error', `payment provider ${op.payment.provider_id} is not configured`);
      if (op.kind === 'capture') {
        const done = await provider.capture({ provider_reference: reference, amount: op.amount, reference: op.id });
        outcomes.push({ ok: true, provider_reference: done.provider_reference });
      } else if (op.kind === 'refund') {
        const done = await provider.refund({ provider_reference: reference, amount: op.amount, reference: op.id });
        outcomes.push({ ok: true, provider_reference: done.provider_reference });
      } else {
        await provider.cancel({ provider_reference: op.payment.provider_reference, reference: op.payment.id, data: op.payment.data });
        outcomes.push({ ok: true, provider_reference: op.payment.provider_reference });
      }
    } catch (error) {
      outcomes.push({
        ok: false, provider_reference: null,
        error_code: error instanceof PaymentError ? error.code : 'provider_error',
        error_message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return outcomes;
}

/**
 * Records the outcomes. An operation already settled (by a concurrent resume) is skipped, so settling
 * twice records once. Returns the operations this call settled, with their outcome.
 */
export async function settleOperations(tx: Tx, operations: PlannedOperation[], outcomes: Outcome[]): Promise<{ op: PlannedOperation; outcome: Outcome }[]> {
  const settled: { op: PlannedOperation; outcome: Outcome }[] = [];
  for (const [i, op] of operations.entries()) {
    const outcome = outcomes[i];
    const claimed = await tx.updateTable('order_payment_operation')
      .set({ status: outcome.ok ? 'succeeded' : 'failed', settled_at: new Date(), provider_reference: outcome.provider_reference, error_code: outcome.error_code ?? null })
      .where('id', '=', op.id).where('status', '=', 'pending')
      .returning('id').executeTakeFirst();
    if (!claimed) continue;
    if (outcome.ok) await recordSettled(tx, op.payment.id, { kind: op.kind, amount: op.amount, provider_reference: outcome.provider_reference });
    else await recordFailed(tx, op.payment.id, { kind: op.kind, amount: op.amount, error_code: outcome.error_code!, error_message: outcome.error_message! });
    settled.push({ op, outcome });
  }
  return settled;
}

/** The error a request answers with when a gateway refused its money operation. */
export function gatewayFailure(outcomes: Outcome[], details: Record<string, unknown>): AppError | null {
  const failed = outcomes.find((o) => !o.ok);
  if (!failed) return null;
  const code = failed.error_code === 'timeout' ? 'payment_timeout' : failed.error_code === 'card_declined' || failed.error_code === 'insufficient_funds' ? 'payment_declined' : 'payment_provider_error';
  return new AppError(code, { ...details, decline_code: failed.error_code }, failed.error_message);
}
