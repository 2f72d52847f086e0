import type { CreatedAt, Json, ReadOnly } from '../../db/column-types.ts';

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
}

export interface EventsTables {
  event_outbox: EventOutboxTable;
}
