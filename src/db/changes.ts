import { EventEmitter } from 'node:events';
import { sql, type InsertQueryBuilder } from 'kysely';
import type { Database, Db, Tx } from './database.ts';
import { afterCommit, batchUntilCommit, rootOf, takeBatch } from './transaction.ts';

/**
 * Change signals keep read caches exact. A write calls `signalChange(tx, topic)` inside its transaction:
 * this process hears it the moment the transaction commits, and other processes on the same PostgreSQL
 * hear it through NOTIFY, which PostgreSQL delivers only on commit.
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
  batchUntilCommit(tx, NOTIFY_BATCH, topic, notify, { last: true });
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

/** One statement for all of a transaction's topics (PostgreSQL drops duplicates within a transaction). */
async function notify(tx: Db, topics: string[]): Promise<void> {
  await sql`select pg_notify(${CHANGE_CHANNEL}, t) from unnest(${[...new Set(topics)]}::text[]) as t`.execute(tx);
}

/**
 * Runs `insert`, made just before commit, carrying the transaction's NOTIFYs in the same statement
 * (a round trip less per notifying commit): the insert becomes a CTE of the notifying SELECT.
 */
export async function insertCarryingNotifications(tx: Tx, insert: InsertQueryBuilder<Database, any, any>): Promise<void> {
  const topics = takeBatch<string>(tx, NOTIFY_BATCH);
  if (topics.length === 0) {
    await insert.execute();
    return;
  }
  await tx.with('inserted', () => insert)
    .selectFrom(sql<{ t: string }>`unnest(${[...new Set(topics)]}::text[])`.as('t'))
    .select(sql<boolean>`pg_notify(${CHANGE_CHANNEL}, t)`.as('notified'))
    .execute();
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
