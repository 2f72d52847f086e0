import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * How far each subscriber has got through the outbox: its position, how many sequenced events wait for
 * it and since when, its failures and who holds its lease. A subscriber stuck on a failing event shows
 * `attempts` > 0 with `last_error`; one that is merely slow shows `behind` growing.
 */
export async function subscriptionProgress(db: Db) {
  const { rows } = await sql<{
    name: string; position: number; behind: number; oldest_waiting_at: Date | null; attempts: number; last_error: string | null;
    next_attempt_at: Date; locked_by: string | null; locked_until: Date | null; updated_at: Date;
  }>`
    select s.name, s.position, w.behind, w.oldest_waiting_at, s.attempts, s.last_error, s.next_attempt_at, s.locked_by, s.locked_until, s.updated_at
    from event_subscription s
    cross join lateral (
      select count(*)::int as behind, min(e.created_at) as oldest_waiting_at from event_outbox e where e.dispatch_seq > s.position
    ) w
    order by s.name`.execute(db);
  const unsequenced = await sql<{ count: number }>`select count(*)::int as count from event_outbox where dispatch_seq is null`.execute(db);
  return { data: rows.map((r) => ({ ...r, position: Number(r.position) })), unsequenced: unsequenced.rows[0].count };
}
