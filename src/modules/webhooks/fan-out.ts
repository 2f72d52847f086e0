import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { millis } from '../../db/intervals.ts';
import { inTransaction } from '../../db/transaction.ts';
import { eventMatches } from '../events/catalogue.ts';
import type { DispatchedEvent } from '../events/dispatched-event.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';

/** Heard by every process (NOTIFY) when deliveries are created: their delivery workers wake. */
export const DELIVERIES_TOPIC = 'webhook_deliveries';

/**
 * The subscriber that serves webhook endpoints: each event becomes one delivery per enabled endpoint
 * whose filter takes it (events from before an endpoint existed, its own creation included, are not sent to it). The rows carry
 * the event's dispatch position, which orders the deliveries of one resource. Running twice over the
 * same events creates nothing twice (unique per endpoint and event).
 */
export function webhookFanOut(deps: { db: Db; webhookMaxAgeHours: number }): EventSubscriber {
  return {
    name: 'webhooks',
    events: ['*'],
    async handle(events: DispatchedEvent[]) {
      const endpoints = await deps.db.selectFrom('webhook_endpoint').select(['id', 'events', 'created_at']).where('enabled', '=', true).execute();
      if (endpoints.length === 0) return;
      const expiresAt = sql<Date>`now() + ${millis(deps.webhookMaxAgeHours * 3_600_000)}`;
      const rows = events.flatMap((event) => endpoints
        .filter((endpoint) => event.created_at > endpoint.created_at && eventMatches(endpoint.events, event.type))
        .map((endpoint) => ({
          id: newId('whd'), endpoint_id: endpoint.id, event_seq: event.seq, event_id: event.id, event_type: event.type,
          resource_type: event.resource_type, resource_id: event.resource_id, position: event.position,
          status: 'pending' as const, expires_at: expiresAt,
        })));
      if (rows.length === 0) return;
      await inTransaction(deps.db, async (tx) => {
        for (let i = 0; i < rows.length; i += 500) {
          await tx.insertInto('webhook_delivery').values(rows.slice(i, i + 500))
            .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).where('redelivery_of', 'is', null).doNothing())
            .execute();
        }
        await signalChange(tx, DELIVERIES_TOPIC);
      });
    },
  };
}
