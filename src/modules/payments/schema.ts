import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableTimestamp } from '../../db/column-types.ts';

/**
 * pending: session created, nothing authorized · authorizing: the gateway was asked, answer not yet
 * recorded · authorized · captured / partially_captured · failed · canceled (voided or abandoned) ·
 * partially_refunded / refunded.
 */
export type PaymentStatus =
  | 'pending' | 'authorizing' | 'authorized' | 'partially_captured' | 'captured'
  | 'partially_refunded' | 'refunded' | 'failed' | 'canceled';

export interface PaymentTable {
  id: string;
  cart_id: string | null;
  order_id: string | null;
  provider_id: string;
  status: PaymentStatus;
  amount: number;
  currency_code: string;
  authorized_amount: Generated<number>;
  captured_amount: Generated<number>;
  refunded_amount: Generated<number>;
  provider_reference: string | null;
  /** What the provider needs to act later (a card's outcome token, brand, last4): never a card number. */
  data: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type PaymentTransactionKind = 'authorization' | 'capture' | 'refund' | 'void' | 'failure';

export interface PaymentTransactionTable {
  id: string;
  payment_id: string;
  kind: PaymentTransactionKind;
  amount: number;
  provider_reference: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: CreatedAt;
}

/**
 * The inbox of gateway webhooks: each gateway event stored once (provider + its event id) the moment it
 * arrives, then processed from here, so a crash never loses one and a replay changes nothing.
 */
export interface PaymentWebhookEventTable {
  id: string;
  provider_id: string;
  provider_event_id: string;
  type: string;
  /** Our payment id, as the gateway echoes it back. */
  payment_reference: string | null;
  provider_reference: string | null;
  amount: number | null;
  /** The body exactly as received, encrypted at rest (a gateway event may carry billing details). */
  raw_body: string;
  status: 'pending' | 'processed' | 'failed';
  /** What processing did (order_confirmed, payment_voided, already_settled…). */
  outcome: string | null;
  attempts: Generated<number>;
  next_attempt_at: CreatedAt;
  locked_until: NullableTimestamp;
  last_error: string | null;
  received_at: CreatedAt;
  processed_at: NullableTimestamp;
}

export interface PaymentsTables {
  payment: PaymentTable;
  payment_transaction: PaymentTransactionTable;
  payment_webhook_event: PaymentWebhookEventTable;
}

declare module '../../db/database.ts' {
  interface Database extends PaymentsTables {}
}
