import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { millis } from '../../db/intervals.ts';
import { inTransaction } from '../../db/transaction.ts';
import { startWorkLoop, type WorkLog, type WorkLoop } from '../../db/work-loop.ts';
import { eventMatches } from './catalogue.ts';
import type { DispatchedEvent } from './dispatched-event.ts';
import { EVENTS_TOPIC } from './outbox.ts';
import type { EventSubscriber } from './event-subscriber.ts';

/**
 * The dispatcher drains the outbox in two steps, on every process:
 *
 * 1. sequence: committed events get their `dispatch_seq`, in the order they are first seen committed.
 *    One process at a time does it (a transaction-scoped advisory lock, tried, never waited for), so
 *    positions are gap-free: whoever has read position n has seen every event below it. Outbox `seq`
 *    cannot serve: it is taken at insert, and a transaction may commit seq 11 before seq 10.
 * 2. hand to subscribers: each subscriber has a progress row (its last position). A process takes the
 *    row's lease with a conditional UPDATE (only when events are waiting, so an idle shop writes
 *    nothing), hands the next batch to the handler, then saves the new position. A crash before the
 *    save hands the batch again after the lease runs out: at least once, in order.
 *
 * Webhook endpoints are served by one subscriber (webhooks/fan-out.ts) that turns events into
 * delivery rows, which every process then sends (webhooks/delivery-worker.ts).
 */
const SEQUENCER_LOCK = 0x63770001; // pg advisory lock key: "cw" 0001
const SEQUENCE_BATCH = 1000;
const HANDLE_BATCH = 200;
const LEASE_MS = 15_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface DispatcherOptions {
  db: Db;
  subscribers: readonly EventSubscriber[];
  processId: string;
  /** How often an idle dispatcher looks for events committed by other processes. */
  intervalMs: number;
  log: WorkLog;
}

/** Step 1: gives committed, unsequenced events their positions; returns how many (0 if another process holds the sequencer). */
export async function sequenceEvents(db: Db, limit = SEQUENCE_BATCH): Promise<number> {
  const waiting = await sql`select 1 from event_outbox where dispatch_seq is null limit 1`.execute(db);
  if (waiting.rows.length === 0) return 0;
  return inTransaction(db, async (tx) => {
    const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as locked`.execute(tx);
    if (!lock.rows[0].locked) return 0;
    const result = await sql`
      with next as (
        select seq, row_number() over (order by seq) as n
        from event_outbox where dispatch_seq is null order by seq limit ${limit}
      ), base as (select coalesce(max(dispatch_seq), 0) as last from event_outbox)
      update event_outbox e set dispatch_seq = base.last + next.n
      from next, base where e.seq = next.seq`.execute(tx);
    return Number(result.numAffectedRows ?? 0);
  });
}

/** Creates the progress rows of subscribers that have none (a new subscriber starts at the beginning). */
export async function registerSubscribers(db: Db, subscribers: readonly EventSubscriber[]): Promise<void> {
  if (subscribers.length === 0) return;
  await db.insertInto('event_subscription').values(subscribers.map((s) => ({ name: s.name })))
    .onConflict((oc) => oc.column('name').doNothing()).execute();
}

type EventRow = Omit<DispatchedEvent, 'position'> & { dispatch_seq: number };

const toDispatched = ({ dispatch_seq, ...row }: EventRow): DispatchedEvent => ({ ...row, position: dispatch_seq });

/**
 * A subscription (`s`) is due, no process holds its lease, and events wait past its position (an
 * existence test: pruning leaves gaps, pruning.ts). What a claim requires, and what an idle round asks.
 */
const readyToClaim = sql`s.next_attempt_at <= now() and (s.locked_until is null or s.locked_until < now())
  and exists (select 1 from event_outbox e where e.dispatch_seq > s.position)`;

/**
 * Step 2 for one subscriber: takes its lease if events are waiting for it, hands them over, saves its
 * position. Returns true when a full batch was handled (more may be waiting).
 */
export async function runSubscriber(db: Db, subscriber: EventSubscriber, processId: string, batchSize = HANDLE_BATCH): Promise<boolean> {
  const claimed = await sql<{ position: number; attempts: number }>`
    update event_subscription s
    set locked_until = now() + ${millis(LEASE_MS)}, locked_by = ${processId}, updated_at = now()
    where s.name = ${subscriber.name} and ${readyToClaim}
    returning s.position, s.attempts`.execute(db);
  const lease = claimed.rows[0];
  if (!lease) return false;

  const rows = await sql<EventRow>`
    select seq, dispatch_seq, id, type, resource_type, resource_id, payload, created_at from event_outbox
    where dispatch_seq > ${lease.position} order by dispatch_seq limit ${batchSize}`.execute(db);
  const events = rows.rows.map(toDispatched);

  // The lease is renewed while the handler works, so only a dead process loses it (within 15 s).
  const renew = setInterval(() => {
    db.updateTable('event_subscription').set({ locked_until: sql<Date>`now() + ${millis(LEASE_MS)}` })
      .where('name', '=', subscriber.name).where('locked_by', '=', processId).execute().catch(() => {});
  }, LEASE_MS / 3);
  renew.unref();
  try {
    return await handOver(db, subscriber, processId, lease, events, batchSize);
  } finally {
    clearInterval(renew);
  }
}

async function handOver(db: Db, subscriber: EventSubscriber, processId: string, lease: { attempts: number }, events: DispatchedEvent[], batchSize: number): Promise<boolean> {
  const wanted = events.filter((e) => eventMatches(subscriber.events, e.type));
  const last = events[events.length - 1].position;
  // After a failure, one event at a time: the events before the bad one still get through.
  if (lease.attempts === 0) {
    try {
      if (wanted.length) await subscriber.handle(wanted);
      await saveProgress(db, subscriber.name, processId, last);
      return events.length === batchSize;
    } catch {
      // handled one by one below, which records the failure against the event that causes it
    }
  }
  for (const event of wanted) {
    try {
      await subscriber.handle([event]);
    } catch (error) {
      await saveFailure(db, subscriber.name, processId, event.position - 1, lease.attempts + 1, error);
      return false;
    }
    await saveProgress(db, subscriber.name, processId, event.position, { release: false });
  }
  await saveProgress(db, subscriber.name, processId, last);
  return events.length === batchSize;
}

/** Saves the position and (unless told otherwise) gives the lease back; a process that lost its lease saves nothing. */
async function saveProgress(db: Db, name: string, processId: string, position: number, options = { release: true }): Promise<void> {
  await db.updateTable('event_subscription')
    .set({
      position, attempts: 0, last_error: null, next_attempt_at: new Date(0), updated_at: new Date(),
      ...(options.release ? { locked_until: null, locked_by: null } : {}),
    })
    .where('name', '=', name).where('locked_by', '=', processId).execute();
}

async function saveFailure(db: Db, name: string, processId: string, position: number, attempts: number, error: unknown): Promise<void> {
  const backoff = Math.min(1000 * 2 ** (attempts - 1), MAX_BACKOFF_MS) * (0.5 + Math.random() / 2);
  await db.updateTable('event_subscription')
    .set({
      position, attempts, last_error: String(error instanceof Error ? error.stack ?? error.message : error).slice(0, 2000),
      next_attempt_at: sql<Date>`now() + ${millis(backoff)}`,
      locked_until: null, locked_by: null, updated_at: new Date(),
    })
    .where('name', '=', name).where('locked_by', '=', processId).execute();
}

/**
 * The subscribers whose lease is free and for whom events wait, in one statement: an idle round asks
 * once for all of them, not once each (a shop with a dozen subscribers polled a dozen times a second).
 */
async function subscribersWithWork(db: Db, subscribers: readonly EventSubscriber[]): Promise<EventSubscriber[]> {
  const { rows } = await sql<{ name: string }>`
    select s.name from event_subscription s
    where s.name = any(${subscribers.map((s) => s.name)}::text[]) and ${readyToClaim}`.execute(db);
  const ready = new Set(rows.map((row) => row.name));
  return subscribers.filter((s) => ready.has(s.name));
}

/**
 * One round: sequence, then every subscriber with work (each claims its own lease, which may still be
 * taken first by another process). When the round sequenced events, every subscriber has some, so the
 * question is skipped. True when more is waiting.
 */
export async function dispatchOnce(options: Pick<DispatcherOptions, 'db' | 'subscribers' | 'processId'>): Promise<boolean> {
  const sequenced = await sequenceEvents(options.db);
  let more = sequenced === SEQUENCE_BATCH;
  const candidates = sequenced > 0 || options.subscribers.length < 2 ? options.subscribers : await subscribersWithWork(options.db, options.subscribers);
  for (const subscriber of candidates) {
    if (await runSubscriber(options.db, subscriber, options.processId)) more = true;
  }
  return more;
}

/** Runs the dispatcher in this process: woken when this process commits events, else every `intervalMs`. */
export async function startDispatcher(options: DispatcherOptions): Promise<WorkLoop> {
  await registerSubscribers(options.db, options.subscribers);
  return startWorkLoop({
    name: 'event dispatcher', intervalMs: options.intervalMs, work: () => dispatchOnce(options), log: options.log,
    wakeOn: { db: options.db, topics: [EVENTS_TOPIC] },
  });
}
