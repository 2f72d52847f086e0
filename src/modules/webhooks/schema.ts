import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableTimestamp, Timestamp } from '../../db/column-types.ts';

/** A URL that receives the events it subscribes to, signed with its secret. */
export interface WebhookEndpointTable {
  id: string;
  url: string;
  description: string | null;
  /** Event types (`order.placed`), resource wildcards (`order.*`) or `*`. */
  events: string[];
  /** The signing secret, encrypted at rest with the data key. */
  secret: string;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  disabled_at: NullableTimestamp;
  last_success_at: NullableTimestamp;
  last_failure_at: NullableTimestamp;
  metadata: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one endpoint, until it is delivered or given up (`failed`: the dead letter).
 * `ordered` deliveries of one resource go out one at a time, in `position` order; a staff redelivery
 * is unordered.
 */
export interface WebhookDeliveryTable {
  id: string;
  endpoint_id: string;
  event_seq: number;
  event_id: string;
  event_type: string;
  resource_type: string;
  resource_id: string;
  position: number;
  ordered: Generated<boolean>;
  redelivery_of: string | null;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: CreatedAt;
  locked_until: NullableTimestamp;
  expires_at: Timestamp;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** The log of every attempt: what the endpoint answered, and how fast. */
export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  attempt: number;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response_snippet: string | null;
  created_at: CreatedAt;
}

export interface WebhooksTables {
  webhook_endpoint: WebhookEndpointTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
}

declare module '../../db/database.ts' {
  interface Database extends WebhooksTables {}
}
