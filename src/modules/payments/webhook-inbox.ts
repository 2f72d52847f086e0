import { decrypt, encrypt } from '../../crypto/data-encryption.ts';
import { signalLocalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { claimDueRows, failAttempt, type Inbox } from '../../db/inbox.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { GatewayEvent } from './provider.ts';

/**
 * The payment-webhook inbox. A gateway's webhook is stored the moment it is verified — once per gateway
 * event id, so the gateway's retries and replays add nothing — and answered 200; processing happens
 * from here (every process claims rows with SKIP LOCKED and a lease), so a crash between receiving and
 * processing loses nothing: the row is still pending, or its lease runs out and it is processed again.
 */
export const INBOX_TOPIC = 'payment_inbox';

export async function storeGatewayEvent(db: Db, providerId: string, event: GatewayEvent, rawBody: Buffer): Promise<{ id: string; duplicate: boolean }> {
  return inTransaction(db, async (tx) => {
    const inserted = await tx.insertInto('payment_webhook_event').values({
      id: newId('pwe'), provider_id: providerId, provider_event_id: event.id, type: event.type,
      payment_reference: event.payment_reference, provider_reference: event.provider_reference, amount: event.amount,
      raw_body: encrypt(rawBody.toString('utf8')), status: 'pending',
    }).onConflict((oc) => oc.columns(['provider_id', 'provider_event_id']).doNothing()).returning('id').executeTakeFirst();
    if (inserted) {
      signalLocalChange(tx, INBOX_TOPIC);
      return { id: inserted.id, duplicate: false };
    }
    const existing = await tx.selectFrom('payment_webhook_event').select('id')
      .where('provider_id', '=', providerId).where('provider_event_id', '=', event.id).executeTakeFirstOrThrow();
    return { id: existing.id, duplicate: true };
  });
}

export interface InboxEvent extends GatewayEvent {
  /** The inbox row (pwe_…); `id` is the gateway's event id. */
  inbox_id: string;
  provider_id: string;
  attempt: number;
}

const INBOX: Inbox = { table: 'payment_webhook_event', stateColumn: 'status', order: ['next_attempt_at', 'received_at'] };

/** Claims up to `limit` due events for `leaseMs`, oldest first. */
export async function claimInboxEvents(db: Db, limit: number, leaseMs: number): Promise<InboxEvent[]> {
  const claimed = await claimDueRows<{ provider_id: string; provider_event_id: string; type: string; payment_reference: string | null; provider_reference: string | null; amount: number | null }>(
    db, INBOX, ['provider_id', 'provider_event_id', 'type', 'payment_reference', 'provider_reference', 'amount'], limit, leaseMs);
  return claimed.map((r) => ({
    inbox_id: r.id, provider_id: r.provider_id, id: r.provider_event_id, type: r.type, payment_reference: r.payment_reference,
    provider_reference: r.provider_reference, amount: r.amount === null ? null : Number(r.amount), attempt: r.attempts,
  }));
}

export type InboxResult = { outcome: string } | { deferUntil: Date; reason: string };

/** Records what processing did: processed with its outcome, or pending again until `deferUntil`. */
export async function settleInboxEvent(db: Db, event: InboxEvent, result: InboxResult): Promise<void> {
  if ('outcome' in result) {
    await db.updateTable('payment_webhook_event')
      .set({ status: 'processed', outcome: result.outcome, processed_at: new Date(), locked_until: null, last_error: null })
      .where('id', '=', event.inbox_id).where('attempts', '=', event.attempt).execute();
    return;
  }
  await db.updateTable('payment_webhook_event')
    .set({ outcome: 'deferred', last_error: result.reason, next_attempt_at: result.deferUntil, locked_until: null })
    .where('id', '=', event.inbox_id).where('attempts', '=', event.attempt).execute();
}

/** A failed attempt: tried again with backoff, given up after 20 (status failed, kept for staff); src/db/inbox.ts. */
export async function failInboxEvent(db: Db, event: InboxEvent, error: unknown): Promise<void> {
  await failAttempt(db, INBOX, { id: event.inbox_id, attempt: event.attempt }, error);
}

/** The body as the gateway sent it. */
export async function rawBodyOf(db: Db, inboxId: string): Promise<string> {
  const row = await db.selectFrom('payment_webhook_event').select('raw_body').where('id', '=', inboxId).executeTakeFirstOrThrow();
  return decrypt(row.raw_body);
}

/**
 * Forgets gateway events processed before `olderThan`. They are kept that long to recognise a
 * gateway's late redelivery of an event already handled (gateways retry for days, not weeks).
 */
export async function pruneProcessedGatewayEvents(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('payment_webhook_event').where('status', '=', 'processed')
    .where('received_at', '<', olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
