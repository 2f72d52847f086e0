import { sql } from 'kysely';
import type { Db } from './database.ts';
import { millis } from './intervals.ts';

/**
 * The claim-and-retry half of a durable inbox (payment webhooks, carrier tracking): rows stored the
 * moment they arrive are claimed by any process with SKIP LOCKED and a lease, so a crash between
 * receiving and applying loses nothing (the lease runs out and another process takes the row), and a
 * failed attempt is tried again with backoff until it is given up for staff to see.
 */
export interface Inbox {
  table: string;
  /** The column holding pending / processed / failed. */
  stateColumn: 'status' | 'state';
  /** Which due rows go first. */
  order: readonly string[];
}

const MAX_ATTEMPTS = 20;

/** Claims up to `limit` due rows for `leaseMs` (counting the attempt) and returns `columns` of each, with `id` and `attempts`. */
export async function claimDueRows<Row>(db: Db, inbox: Inbox, columns: readonly string[], limit: number, leaseMs: number): Promise<Array<Row & { id: string; attempts: number }>> {
  const table = sql.table(inbox.table);
  const claimed = await sql<Row & { id: string; attempts: number }>`
    with due as (
      select id from ${table}
      where ${sql.ref(inbox.stateColumn)} = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
      order by ${sql.join(inbox.order.map((c) => sql.ref(c)))} limit ${limit}
      for update skip locked
    )
    update ${table} as e set locked_until = now() + ${millis(leaseMs)}, attempts = e.attempts + 1
    from due where e.id = due.id
    returning e.id, e.attempts, ${sql.join(columns.map((c) => sql.ref(`e.${c}`)))}`.execute(db);
  return claimed.rows;
}

/**
 * A failed attempt: pending again after a backoff (5 s doubling to an hour, with jitter), or failed
 * after 20 attempts, kept with its last error. Only if the row is still at this attempt (a row whose
 * lease ran out and was claimed again belongs to the newer attempt).
 */
export async function failAttempt(db: Db, inbox: Inbox, row: { id: string; attempt: number }, error: unknown): Promise<void> {
  const message = String(error instanceof Error ? error.message : error).slice(0, 2000);
  const delay = Math.min(5000 * 2 ** (row.attempt - 1), 3_600_000) * (0.5 + Math.random() / 2);
  await sql`
    update ${sql.table(inbox.table)}
    set ${sql.ref(inbox.stateColumn)} = ${row.attempt >= MAX_ATTEMPTS ? 'failed' : 'pending'}, last_error = ${message},
      next_attempt_at = now() + ${millis(delay)}, locked_until = null
    where id = ${row.id} and attempts = ${row.attempt}`.execute(db);
}
