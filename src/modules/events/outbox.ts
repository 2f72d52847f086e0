import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';

export interface NewEvent {
  type: string;
  resource_type: string;
  resource_id: string;
  payload: Record<string, unknown>;
}

/**
 * Appends events to the outbox. Call it with the transaction that makes the change, so the events
 * commit or vanish together with it.
 */
export async function recordEvents(tx: Db, events: NewEvent[]): Promise<void> {
  if (!tx.isTransaction) throw new Error('events must be recorded inside the transaction that makes the change');
  for (let i = 0; i < events.length; i += 1000) {
    await tx
      .insertInto('event_outbox')
      .values(events.slice(i, i + 1000).map((e) => ({ id: newId('evt'), ...e, payload: JSON.stringify(e.payload) })))
      .execute();
  }
}

export async function recordEvent(tx: Db, event: NewEvent): Promise<void> {
  await recordEvents(tx, [event]);
}
