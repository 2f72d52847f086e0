import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp, ReadOnly } from '../../db/column-types.ts';

/**
 * The transactional outbox: every state change appends its event here in the same transaction, so an
 * event exists if and only if its change committed. Delivery (subscribers, webhooks) reads from here.
 */
export interface EventOutboxTable {
  seq: ReadOnly<number>;
  id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  /**
   * The event's place in dispatch order, given by the dispatcher once the event is committed (null
   * until then). Unlike `seq`, which is taken when the row is inserted, it follows commit order, so a
   * reader that has seen position n has seen every position below it.
   */
  dispatch_seq: ColumnType<number | null, never, number | null>;
  /** The payload's version in the event catalogue when the event was recorded. */
  version: Generated<number>;
  /**
   * Payload fields holding personal data, as encrypted JSON (`enc:…`): merged into the payload when
   * the event is delivered, so the outbox holds none in clear. Null when there are none.
   */
  sealed: string | null;
}

/** An in-process subscriber's progress through the outbox (src/modules/events/dispatcher.ts). */
export interface EventSubscriptionTable {
  name: string;
  /** The last dispatch_seq it has handled. */
  position: Generated<number>;
  locked_until: NullableTimestamp;
  locked_by: string | null;
  /** Failed attempts at the events after `position` (0 when the last one succeeded). */
  attempts: Generated<number>;
  next_attempt_at: CreatedAt;
  last_error: string | null;
  updated_at: CreatedAt;
}

export interface EventsTables {
  event_outbox: EventOutboxTable;
  event_subscription: EventSubscriptionTable;
}

declare module '../../db/database.ts' {
  interface Database extends EventsTables {}
}
