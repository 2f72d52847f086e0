import { encrypt } from '../../crypto/data-encryption.ts';
import { signalLocalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { claimDueRows, failAttempt, type Inbox } from '../../db/inbox.ts';
import { inTransaction } from '../../db/transaction.ts';
import { startWorkLoop, type WorkLog, type WorkLoop } from '../../db/work-loop.ts';
import type { TrackingEvent, TrackingStatus } from '../shipping/carrier.ts';

/**
 * The carriers' tracking-webhook inbox, run like the payment-webhook inbox (payments/webhook-inbox.ts):
 * an event is stored the moment it is verified, once per carrier event id (so the carrier's retries
 * and replays add nothing), and answered 200; every process claims due rows with SKIP LOCKED and a
 * lease, so a crash between receiving and applying loses nothing.
 */
export const TRACKING_INBOX_TOPIC = 'carrier_inbox';
const BATCH = 10;
const LEASE_MS = 5 * 60_000;

export async function storeTrackingEvent(db: Db, carrierId: string, event: TrackingEvent, rawBody: Buffer): Promise<{ id: string; duplicate: boolean }> {
  return inTransaction(db, async (tx) => {
    const inserted = await tx.insertInto('carrier_webhook_event').values({
      id: newId('cwe'), carrier_id: carrierId, provider_event_id: event.id, tracking_number: event.tracking_number, status: event.status,
      occurred_at: event.occurred_at, description: event.description, raw_body: encrypt(rawBody.toString('utf8')),
    }).onConflict((oc) => oc.columns(['carrier_id', 'provider_event_id']).doNothing()).returning('id').executeTakeFirst();
    if (inserted) {
      signalLocalChange(tx, TRACKING_INBOX_TOPIC);
      return { id: inserted.id, duplicate: false };
    }
    const existing = await tx.selectFrom('carrier_webhook_event').select('id')
      .where('carrier_id', '=', carrierId).where('provider_event_id', '=', event.id).executeTakeFirstOrThrow();
    return { id: existing.id, duplicate: true };
  });
}

export interface InboxTrackingEvent extends TrackingEvent {
  /** The inbox row (cwe_…); `id` is the carrier's event id. */
  inbox_id: string;
  carrier_id: string;
  attempt: number;
}

const INBOX: Inbox = { table: 'carrier_webhook_event', stateColumn: 'state', order: ['occurred_at', 'received_at'] };

async function claimTrackingEvents(db: Db): Promise<InboxTrackingEvent[]> {
  const claimed = await claimDueRows<{ carrier_id: string; provider_event_id: string; tracking_number: string; status: TrackingStatus; occurred_at: Date; description: string | null }>(
    db, INBOX, ['carrier_id', 'provider_event_id', 'tracking_number', 'status', 'occurred_at', 'description'], BATCH, LEASE_MS);
  return claimed.map((r) => ({
    inbox_id: r.id, carrier_id: r.carrier_id, id: r.provider_event_id, tracking_number: r.tracking_number, status: r.status,
    occurred_at: new Date(r.occurred_at), description: r.description, attempt: r.attempts,
  }));
}

/**
 * Applies one round of due events, oldest scan first, with `apply` (which records its effect and
 * the event's outcome in one transaction, tracking-events.ts); a failure is retried with backoff and
 * given up after 20 attempts (state failed, kept for staff): src/db/inbox.ts.
 * Returns true when a full batch was taken.
 */
export async function processTrackingInboxOnce(db: Db, apply: (event: InboxTrackingEvent) => Promise<void>, log: WorkLog): Promise<boolean> {
  const events = await claimTrackingEvents(db);
  for (const event of events) {
    try {
      await apply(event);
    } catch (error) {
      log.error({ err: error, carrier_webhook_event: event.inbox_id }, 'applying a carrier tracking event failed; it is retried');
      await failAttempt(db, INBOX, { id: event.inbox_id, attempt: event.attempt }, error);
    }
  }
  return events.length === BATCH;
}

/** Marks the event processed with its outcome, in the caller's transaction (with the effect it had). */
export async function settleTrackingEvent(db: Db, event: InboxTrackingEvent, outcome: string): Promise<boolean> {
  const settled = await db.updateTable('carrier_webhook_event')
    .set({ state: 'processed', outcome, processed_at: new Date(), locked_until: null, last_error: null })
    .where('id', '=', event.inbox_id).where('state', '=', 'pending').where('attempts', '=', event.attempt).returning('id').executeTakeFirst();
  return settled !== undefined;
}

export function startTrackingInboxWorker(options: { db: Db; intervalMs: number; apply: (event: InboxTrackingEvent) => Promise<void>; log: WorkLog }): WorkLoop {
  return startWorkLoop({
    name: 'carrier tracking inbox', intervalMs: options.intervalMs, log: options.log,
    work: () => processTrackingInboxOnce(options.db, options.apply, options.log),
    wakeOn: { db: options.db, topics: [TRACKING_INBOX_TOPIC] },
  });
}
