import { sql } from 'kysely';
import { signalChange, signalLocalChange } from '../../db/changes.ts';
import { decrypt } from '../../crypto/data-encryption.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { millis } from '../../db/intervals.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { deliveredPayload } from '../events/outbox.ts';
import { disableFailingEndpoint } from './endpoints.ts';
import { DELIVERIES_TOPIC } from './fan-out.ts';
import { retryDelayMs } from './retry-schedule.ts';
import type { WebhookDeliveryStatus } from './schema.ts';

/**
 * The delivery queue. Every process claims due deliveries (FOR UPDATE SKIP LOCKED, then a lease in
 * `locked_until`), sends them outside any transaction, and records the attempt. Ordering: an ordered
 * delivery is not claimed while an earlier one (lower position) for the same endpoint and resource is
 * still pending — in flight, waiting for its retry, or not yet claimed — so a receiver sees one
 * resource's events in order. A delivery given up (dead-lettered) no longer holds the next ones back.
 * Delivery is at least once: a process that dies mid-attempt leaves its lease to run out, and the
 * delivery is sent again.
 */

export interface EventEnvelope {
  id: string;
  object: 'event';
  type: string;
  created_at: string;
  resource_type: string;
  resource_id: string;
  /** The version of `data`'s shape for this type (the event catalogue's, when the event was recorded). */
  version: number;
  data: Record<string, unknown>;
}

export interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  position: number;
  ordered: boolean;
  url: string;
  secret: string;
  /** This attempt's number (1 for the first). */
  attempt: number;
  created_at: Date;
  event: EventEnvelope;
}

interface ClaimRow {
  id: string;
  endpoint_id: string;
  position: number;
  ordered: boolean;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
  event_id: string;
  event_type: string;
  event_created_at: Date;
  resource_type: string;
  resource_id: string;
  payload: Record<string, unknown>;
  sealed: string | null;
  version: number;
}

/** The body of a delivery: the same bytes for every attempt of one event (only the signature's timestamp changes). */
export function envelopeOf(event: {
  id: string; type: string; created_at: Date; resource_type: string; resource_id: string; version: number;
  payload: Record<string, unknown>; sealed: string | null;
}): EventEnvelope {
  return {
    id: event.id, object: 'event', type: event.type, created_at: new Date(event.created_at).toISOString(),
    resource_type: event.resource_type, resource_id: event.resource_id, version: event.version, data: deliveredPayload(event),
  };
}

/** Claims up to `limit` due deliveries of enabled endpoints for `leaseMs`, in order per resource. */
export async function claimDeliveries(db: Db, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const result = await sql<ClaimRow>`
    with due as (
      select d.id from webhook_delivery d
      join webhook_endpoint w on w.id = d.endpoint_id
      where d.status = 'pending' and d.next_attempt_at <= now() and w.enabled
        and (d.locked_until is null or d.locked_until < now())
        and (not d.ordered or not exists (
          select 1 from webhook_delivery p
          where p.endpoint_id = d.endpoint_id and p.resource_type = d.resource_type and p.resource_id = d.resource_id
            and p.status = 'pending' and p.ordered and p.position < d.position))
      order by d.next_attempt_at, d.position
      limit ${limit}
      for update of d skip locked
    )
    update webhook_delivery d
    set locked_until = now() + ${millis(leaseMs)}, attempts = d.attempts + 1, updated_at = now()
    from due, webhook_endpoint w, event_outbox e
    where d.id = due.id and w.id = d.endpoint_id and e.seq = d.event_seq
    returning d.id, d.endpoint_id, d.position, d.ordered, d.attempts, d.created_at, w.url, w.secret, e.id as event_id, e.type as event_type,
      e.created_at as event_created_at, e.resource_type, e.resource_id, e.payload, e.sealed, e.version`.execute(db);
  return result.rows.map((row) => ({
    id: row.id, endpoint_id: row.endpoint_id, position: Number(row.position), ordered: row.ordered, url: row.url, secret: decrypt(row.secret), attempt: row.attempts, created_at: row.created_at,
    event: envelopeOf({
      id: row.event_id, type: row.event_type, created_at: row.event_created_at, resource_type: row.resource_type, resource_id: row.resource_id,
      version: row.version, payload: row.payload, sealed: row.sealed,
    }),
  }));
}

export interface AttemptResult {
  ok: boolean;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response_snippet: string | null;
}

/**
 * Logs the attempt and moves the delivery on: delivered; or pending until its next retry; or, when the
 * next retry would fall after its window closes, failed (dead-lettered) — and then the endpoint is
 * disabled if nothing reached it since this delivery was created. A process whose lease was taken
 * over (it stalled past it) only logs its attempt. Returns the delivery's status (null: another process
 * had taken it over) and, when it is to be retried, in how many milliseconds.
 */
export async function recordAttempt(db: Db, delivery: ClaimedDelivery, result: AttemptResult, retryBaseMs: number): Promise<{ status: WebhookDeliveryStatus | null; retryInMs: number | null }> {
  return inTransaction(db, async (tx) => {
    await tx.insertInto('webhook_attempt').values({
      id: newId('wha'), delivery_id: delivery.id, attempt: delivery.attempt, status_code: result.status_code,
      duration_ms: Math.round(result.duration_ms), error: result.error, response_snippet: result.response_snippet,
    }).execute();
    const error = result.ok ? null : (result.error ?? `HTTP ${result.status_code}`);
    if (result.ok) {
      const done = await tx.updateTable('webhook_delivery')
        .set({ status: 'delivered', delivered_at: new Date(), locked_until: null, last_status_code: result.status_code, last_error: null, updated_at: new Date() })
        .where('id', '=', delivery.id).where('attempts', '=', delivery.attempt).where('status', '=', 'pending')
        .executeTakeFirst();
      await tx.updateTable('webhook_endpoint').set({ last_success_at: new Date() }).where('id', '=', delivery.endpoint_id).execute();
      if (Number(done.numUpdatedRows)) signalLocalChange(tx, DELIVERIES_TOPIC); // the resource's next delivery may go now
      return { status: Number(done.numUpdatedRows) ? 'delivered' : null, retryInMs: null };
    }
    const delay = retryDelayMs(delivery.attempt, retryBaseMs);
    const moved = await sql<{ status: WebhookDeliveryStatus }>`
      update webhook_delivery
      set status = case when now() + ${millis(delay)} > expires_at then 'failed' else 'pending' end,
        next_attempt_at = now() + ${millis(delay)}, locked_until = null,
        last_status_code = ${result.status_code}, last_error = ${error}, updated_at = now()
      where id = ${delivery.id} and attempts = ${delivery.attempt} and status = 'pending'
      returning status`.execute(tx);
    await tx.updateTable('webhook_endpoint').set({ last_failure_at: new Date() }).where('id', '=', delivery.endpoint_id).execute();
    const status = moved.rows[0]?.status ?? null;
    if (status === 'pending' && delivery.ordered) {
      // The deliveries queued behind it cannot go before it: keep them out of the due set until its retry.
      await sql`
        update webhook_delivery set next_attempt_at = greatest(next_attempt_at, now() + ${millis(delay)})
        where endpoint_id = ${delivery.endpoint_id} and resource_type = ${delivery.event.resource_type} and resource_id = ${delivery.event.resource_id}
          and status = 'pending' and ordered and position > ${delivery.position}`.execute(tx);
    }
    if (status === 'failed') {
      await disableFailingEndpoint(tx, delivery.endpoint_id, { id: delivery.id, created_at: delivery.created_at, last_error: error });
      signalLocalChange(tx, DELIVERIES_TOPIC);
    }
    return { status, retryInMs: status === 'pending' ? delay : null };
  });
}

const deliveryColumns = [
  'id', 'endpoint_id', 'event_id', 'event_type', 'resource_type', 'resource_id', 'status', 'attempts', 'next_attempt_at',
  'last_status_code', 'last_error', 'delivered_at', 'expires_at', 'redelivery_of', 'created_at',
] as const;

function toDelivery<T extends { status: WebhookDeliveryStatus; next_attempt_at: Date }>(row: T) {
  return { ...row, object: 'webhook_delivery' as const, next_attempt_at: row.status === 'pending' ? row.next_attempt_at : null };
}

async function assertEndpoint(db: Db, endpointId: string): Promise<void> {
  const endpoint = await db.selectFrom('webhook_endpoint').select('id').where('id', '=', endpointId).executeTakeFirst();
  if (!endpoint) throw new AppError('webhook_endpoint_not_found', { id: endpointId });
}

/** An endpoint's deliveries, newest first, optionally of one status; paged by [created_at, id]. */
export async function listDeliveries(db: Db, endpointId: string, page: { after?: unknown[]; limit: number; status?: WebhookDeliveryStatus; event_type?: string }) {
  await assertEndpoint(db, endpointId);
  let query = db.selectFrom('webhook_delivery').select(deliveryColumns).where('endpoint_id', '=', endpointId);
  if (page.status) query = query.where('status', '=', page.status);
  if (page.event_type) query = query.where('event_type', '=', page.event_type);
  if (page.after) {
    const [at, id] = page.after;
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`(created_at, id) < (${new Date(at)}, ${id})`);
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit).map(toDelivery);
  const last = data[data.length - 1];
  return { data, next: rows.length > page.limit ? [new Date(last.created_at).toISOString(), last.id] : null };
}

/** One delivery with the event it carries and the log of its attempts. */
export async function getDeliveryOrThrow(db: Db, endpointId: string, deliveryId: string) {
  const row = await db.selectFrom('webhook_delivery as d')
    .innerJoin('event_outbox as e', 'e.seq', 'd.event_seq')
    .select(deliveryColumns.map((c) => `d.${c}` as const))
    .select(['e.type', 'e.created_at as event_created_at', 'e.payload', 'e.sealed', 'e.version'])
    .where('d.id', '=', deliveryId).where('d.endpoint_id', '=', endpointId)
    .executeTakeFirst();
  if (!row) throw new AppError('webhook_delivery_not_found', { id: deliveryId });
  const log = await db.selectFrom('webhook_attempt')
    .select(['attempt', 'status_code', 'duration_ms', 'error', 'response_snippet', 'created_at'])
    .where('delivery_id', '=', deliveryId).orderBy('attempt').orderBy('created_at').execute();
  const { type, event_created_at, payload, sealed, version, ...delivery } = row;
  return {
    ...toDelivery(delivery),
    event: envelopeOf({ id: row.event_id, type, created_at: event_created_at, resource_type: row.resource_type, resource_id: row.resource_id, version, payload, sealed }),
    log,
  };
}

/**
 * Sends a delivery's event again, as a new delivery (the original keeps its history): out of order
 * (it waits for nothing and holds nothing back), with a fresh retry window.
 */
export async function redeliver(db: Db, endpointId: string, deliveryId: string, maxAgeHours: number) {
  const id = newId('whd');
  await inTransaction(db, async (tx) => {
    const inserted = await sql`
      insert into webhook_delivery (id, endpoint_id, event_seq, event_id, event_type, resource_type, resource_id, position, ordered, redelivery_of, status, expires_at)
      select ${id}, endpoint_id, event_seq, event_id, event_type, resource_type, resource_id, position, false, id, 'pending', now() + ${millis(maxAgeHours * 3_600_000)}
      from webhook_delivery where id = ${deliveryId} and endpoint_id = ${endpointId}`.execute(tx);
    if (!Number(inserted.numAffectedRows)) throw new AppError('webhook_delivery_not_found', { id: deliveryId });
    await signalChange(tx, DELIVERIES_TOPIC);
  });
  const created = await db.selectFrom('webhook_delivery').select(deliveryColumns).where('id', '=', id).executeTakeFirstOrThrow();
  return toDelivery(created);
}

/**
 * The retry queue's upkeep (the retry_webhooks job): dead-letters pending deliveries whose window has
 * closed without a final attempt (their endpoint was disabled, or no process ran for a day), and
 * forgets attempt logs and finished deliveries older than `keepDays`.
 */
export async function closeRetryWindows(db: Db, keepDays: number): Promise<{ dead_lettered: number; deliveries_pruned: number }> {
  const dead = await sql`
    update webhook_delivery set status = 'failed', last_error = coalesce(last_error, 'retry window closed before delivery'), updated_at = now()
    where status = 'pending' and expires_at < now() and (locked_until is null or locked_until < now())`.execute(db);
  const pruned = await sql`
    delete from webhook_delivery where status <> 'pending' and created_at < now() - ${millis(keepDays * 86_400_000)}`.execute(db);
  return { dead_lettered: Number(dead.numAffectedRows ?? 0), deliveries_pruned: Number(pruned.numAffectedRows ?? 0) };
}

/** Deliveries waiting to be sent (or retried) and those given up on (dead-lettered), across every endpoint. */
export async function deliveryBacklog(db: Db): Promise<Record<'pending' | 'failed', number>> {
  const rows = await db.selectFrom('webhook_delivery').select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('status', 'in', ['pending', 'failed']).groupBy('status').execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0);
  return { pending: count('pending'), failed: count('failed') };
}
