import { decrypt, encrypt } from '../../crypto/data-encryption.ts';
import type { Db, Tx } from '../../db/database.ts';
import { insertCarryingNotifications, signalLocalChange } from '../../db/changes.ts';
import { newId } from '../../db/ids.ts';
import { batchUntilCommit } from '../../db/transaction.ts';
import { eventDefinition } from './catalogue.ts';

export interface NewEvent {
  type: string;
  resource_type: string;
  resource_id: string;
  payload: Record<string, unknown>;
  /**
   * Payload fields that hold personal data (an order's email and addresses): stored encrypted, merged
   * into the payload when the event is delivered (`deliveredPayload`).
   */
  sealed?: Record<string, unknown>;
}

/** The payload a receiver gets: the stored payload with its sealed fields decrypted back in. */
export function deliveredPayload(event: { payload: Record<string, unknown>; sealed: string | null }): Record<string, unknown> {
  return event.sealed ? { ...event.payload, ...(JSON.parse(decrypt(event.sealed)) as Record<string, unknown>) } : event.payload;
}

/** The change topic heard in this process when a transaction that recorded events commits. */
export const EVENTS_TOPIC = 'events';

async function insertEvents(tx: Tx, events: NewEvent[]): Promise<void> {
  // Wakes this process's dispatcher at commit; other processes find the events by polling.
  signalLocalChange(tx, EVENTS_TOPIC);
  for (let i = 0; i < events.length; i += 1000) {
    const insert = tx
      .insertInto('event_outbox')
      .values(events.slice(i, i + 1000).map(({ sealed, ...e }) => ({
        id: newId('evt'), ...e, payload: JSON.stringify(e.payload),
        version: eventDefinition(e.type)?.version ?? 1, sealed: sealed ? encrypt(JSON.stringify(sealed)) : null,
      })));
    // The last statement of the transaction's events carries its NOTIFYs (flushed after them).
    if (i + 1000 >= events.length) await insertCarryingNotifications(tx, insert);
    else await insert.execute();
  }
}

/**
 * Appends events to the outbox. Call it with the transaction that makes the change, so the events
 * commit or vanish together with it; they are written in one statement, in order, as it commits.
 */
export async function recordEvents(tx: Db, events: NewEvent[]): Promise<void> {
  for (const event of events) batchUntilCommit(tx, 'event_outbox', event, insertEvents);
}

export async function recordEvent(tx: Db, event: NewEvent): Promise<void> {
  await recordEvents(tx, [event]);
}
