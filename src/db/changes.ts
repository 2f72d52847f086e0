import { EventEmitter } from 'node:events';
import { sql, type InsertQueryBuilder, type OperationNodeSource } from 'kysely';
import type { Database, Db, Tx } from './database.ts';
import { LAST_BEFORE_COMMIT } from './transaction-control.ts';
import { afterCommit, batchUntilCommit, isLastStatement, rootOf, takeBatch } from './transaction.ts';

/**
 * Change signals keep read caches exact. A write calls `signalChange(tx, topic)` inside its transaction:
 * this process hears it the moment the transaction commits, and other processes on the same PostgreSQL
 * hear it through NOTIFY, which PostgreSQL delivers only on commit. The NOTIFYs ride on the
 * transaction's last statement, with the writes queued for it (writeAtCommit).
 */
export const CHANGE_CHANNEL = 'cartwright_changes';

/** Emitted instead of a topic when notifications may have been missed: drop everything cached. */
export const ALL_TOPICS = '*';

const buses = new WeakMap<Db, EventEmitter>();

function busOf(db: Db): EventEmitter {
  let bus = buses.get(db);
  if (!bus) {
    bus = new EventEmitter();
    bus.setMaxListeners(0);
    buses.set(db, bus);
  }
  return bus;
}

export async function signalChange(tx: Db, topic: string): Promise<void> {
  batchUntilCommit(tx, NOTIFY_BATCH, topic, (last, topics) => runCarried(last, takeBatch(last, AT_COMMIT), topics), { last: true });
  const root = rootOf(tx);
  afterCommit(tx, () => busOf(root).emit('change', topic));
}

/**
 * Like signalChange, but heard only in this process (no NOTIFY): for work queues whose other processes
 * poll anyway, where a NOTIFY on every commit would cost the hot path (PostgreSQL serializes the
 * commits of notifying transactions).
 */
export function signalLocalChange(tx: Db, topic: string): void {
  const root = rootOf(tx);
  afterCommit(tx, () => busOf(root).emit('change', topic));
}

const NOTIFY_BATCH = 'notify';
const AT_COMMIT = 'at_commit';

/**
 * Queues a write whose outcome nothing reads (a row appended, a status set) for the transaction's last
 * statement, which carries it as a CTE: a round trip less per write. The transaction's later
 * statements do not see it, so queue only what nothing after it in the transaction reads; and no
 * statement that has a WITH writing rows itself (PostgreSQL allows those only at the top level).
 */
export function writeAtCommit(tx: Db, write: OperationNodeSource): void {
  batchUntilCommit(tx, AT_COMMIT, write, (last, writes) => runCarried(last, writes, takeBatch(last, NOTIFY_BATCH)), { last: true });
}

/**
 * Runs `insert`, made just before commit, carrying the transaction's queued writes (writeAtCommit) and
 * its NOTIFYs in the same statement.
 */
export async function insertCarryingNotifications(tx: Tx, insert: InsertQueryBuilder<Database, any, any>): Promise<void> {
  await runCarried(tx, [insert, ...takeBatch<OperationNodeSource>(tx, AT_COMMIT)], takeBatch<string>(tx, NOTIFY_BATCH));
}

/**
 * The writes as CTEs of one statement that sends the NOTIFYs (PostgreSQL drops duplicates within a
 * transaction). As the transaction's last statement it carries the COMMIT (transaction-control.ts).
 */
async function runCarried(tx: Db, writes: OperationNodeSource[], topics: string[]): Promise<void> {
  const commit = sql.raw(isLastStatement(tx) ? LAST_BEFORE_COMMIT : '');
  if (topics.length === 0 && writes.length === 1) {
    await sql`${writes[0]}${commit}`.execute(tx);
    return;
  }
  const ctes = writes.length ? sql`with ${sql.join(writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`))} ` : sql``;
  await sql`${ctes}select pg_notify(${CHANGE_CHANNEL}, t) from unnest(${[...new Set(topics)]}::text[]) as t${commit}`.execute(tx);
}

/** Calls `listener` with each topic changed (or ALL_TOPICS); returns the unsubscribe function. */
export function onChange(db: Db, listener: (topic: string) => void): () => void {
  const bus = busOf(db);
  bus.on('change', listener);
  return () => bus.off('change', listener);
}

/** What relaying needs of a DatabaseHandle (connection.ts, which imports this file to follow the changes). */
interface Listening {
  db: Db;
  listen?(channel: string, onMessage: (payload: string | null) => void): Promise<() => Promise<void>>;
}

/** Relays other processes' change notifications to this process's listeners (the embedded database has no other processes). */
export async function relayChanges(handle: Listening): Promise<() => Promise<void>> {
  if (!handle.listen) return async () => {};
  return handle.listen(CHANGE_CHANNEL, (topic) => busOf(handle.db).emit('change', topic ?? ALL_TOPICS));
}
