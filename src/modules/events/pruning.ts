import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const PRUNE_BATCH = 5000;

/**
 * Forgets outbox events created before `olderThan` that every subscriber has handled and no webhook
 * delivery still refers to (the retry_webhooks job forgets finished deliveries after as long), a batch
 * at a time. The newest sequenced event always stays: the sequencer numbers the next ones after it.
 * A subscriber registered later starts at the oldest event kept. Returns how many were forgotten.
 */
export async function pruneDispatchedEvents(db: Db, olderThan: Date): Promise<number> {
  let pruned = 0;
  for (;;) {
    const result = await sql`
      delete from event_outbox where seq in (
        select e.seq from event_outbox e
        where e.dispatch_seq is not null and e.created_at < ${olderThan}
          and e.dispatch_seq <= (select coalesce(min(s.position), 0) from event_subscription s)
          and e.dispatch_seq < (select max(l.dispatch_seq) from event_outbox l)
          and not exists (select 1 from webhook_delivery d where d.event_seq = e.seq)
        order by e.seq limit ${PRUNE_BATCH}
      )`.execute(db);
    const count = Number(result.numAffectedRows ?? 0);
    pruned += count;
    if (count < PRUNE_BATCH) return pruned;
  }
}
