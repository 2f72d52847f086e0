import type { Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../db/column-types.ts';

export type LabelStatus = 'purchasing' | 'purchased' | 'failed' | 'canceled';

/**
 * Labels bought from carriers for fulfillments. `purchasing` is written before the carrier is asked
 * (the row's id is the carrier's idempotency key), so a retry or a crash asks again with the same key
 * and never buys a second label; one live (purchasing or purchased) label per fulfillment.
 */
export interface ShippingLabelTable {
  id: string;
  order_id: string;
  fulfillment_id: string;
  carrier_id: string;
  service: string | null;
  status: LabelStatus;
  tracking_number: string | null;
  tracking_url: string | null;
  label_url: string | null;
  provider_reference: string | null;
  amount: number | null;
  currency_code: string | null;
  error_message: string | null;
  /** While a request is asking the carrier: no other asks at the same time (one call in flight per label). */
  locked_until: NullableTimestamp;
  created_by: string;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/**
 * The inbox of carriers' tracking webhooks: each carrier event stored once (carrier + its event id) the
 * moment it is verified, then applied from here, so a crash never loses one and a replay changes nothing.
 */
export interface CarrierWebhookEventTable {
  id: string;
  carrier_id: string;
  provider_event_id: string;
  tracking_number: string | null;
  status: string;
  occurred_at: Timestamp;
  description: string | null;
  /** The body exactly as received, encrypted at rest (it carries the recipient's address). */
  raw_body: string;
  state: Generated<'pending' | 'processed' | 'failed'>;
  outcome: string | null;
  attempts: Generated<number>;
  next_attempt_at: CreatedAt;
  locked_until: NullableTimestamp;
  last_error: string | null;
  received_at: CreatedAt;
  processed_at: NullableTimestamp;
}

export interface ShipmentsTables {
  shipping_label: ShippingLabelTable;
  carrier_webhook_event: CarrierWebhookEventTable;
}

declare module '../../db/database.ts' {
  interface Database extends ShipmentsTables {}
}
