import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { syncEvent, type MarketingSyncDeps, type SyncEvent } from './sync-event.ts';
import { MarketingRefusal } from './provider.ts';

/**
 * Events the marketing tool refused for good (docs/marketing.md#dead-letters). The sync records one
 * and goes on, so one bad contact never holds the others back; staff see why, fix the cause (a
 * malformed phone number, a list id) and resend it, or discard it. A letter holds ids, not personal
 * data: a resend reads the customer, their consent and the order as they are now.
 */
export async function recordDeadLetter(db: Db, providerId: string, event: SyncEvent, refusal: MarketingRefusal): Promise<void> {
  await db.insertInto('marketing_dead_letter').values({
    id: newId('mdl'), provider_id: providerId, event_id: event.id, event_type: event.type, customer_id: event.customer_id,
    refs: JSON.stringify(event.refs), occurred_at: event.occurred_at, status: refusal.status, error: refusal.message.slice(0, 2000),
  }).onConflict((oc) => oc.columns(['provider_id', 'event_id']).doUpdateSet({
    status: refusal.status, error: refusal.message.slice(0, 2000), attempts: sql<number>`marketing_dead_letter.attempts + 1`, updated_at: new Date(),
  })).execute();
}

export async function listDeadLetters(db: Db, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('marketing_dead_letter').selectAll();
  if (page.after) {
    const [createdAt, id] = page.after;
    if (typeof createdAt !== 'string' || typeof id !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::text)`);
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return { data, next: rows.length > page.limit ? [new Date(last.created_at).toISOString(), last.id] : null };
}

async function deadLetterOrThrow(db: Db, id: string) {
  const letter = await db.selectFrom('marketing_dead_letter').selectAll().where('id', '=', id).executeTakeFirst();
  if (!letter) throw new AppError('marketing_dead_letter_not_found', { id });
  return letter;
}

/**
 * Sends the event again through the configured tool, the one that refused it. Sent: the letter goes.
 * Refused again: it stays with the new answer (409 marketing_refused). An outage throws as it is.
 */
export async function resendDeadLetter(deps: Omit<MarketingSyncDeps, 'provider'> & { provider: MarketingSyncDeps['provider'] | null }, id: string): Promise<void> {
  const letter = await deadLetterOrThrow(deps.db, id);
  if (!deps.provider || deps.provider.id !== letter.provider_id) {
    throw new AppError('marketing_not_configured', { provider_id: letter.provider_id, configured: deps.provider?.id ?? null });
  }
  const event: SyncEvent = { id: letter.event_id, type: letter.event_type, customer_id: letter.customer_id, refs: letter.refs, occurred_at: new Date(letter.occurred_at) };
  try {
    await syncEvent({ ...deps, provider: deps.provider }, event);
  } catch (error) {
    if (!(error instanceof MarketingRefusal)) throw error;
    await recordDeadLetter(deps.db, letter.provider_id, event, error);
    throw new AppError('marketing_refused', { id, status: error.status, error: error.message });
  }
  await deps.db.deleteFrom('marketing_dead_letter').where('id', '=', id).execute();
}

export async function discardDeadLetter(db: Db, id: string): Promise<void> {
  const deleted = await db.deleteFrom('marketing_dead_letter').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw new AppError('marketing_dead_letter_not_found', { id });
}
