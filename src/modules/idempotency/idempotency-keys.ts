import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

/**
 * Idempotency keys, Stripe's model: the first request with a key runs; its response is stored; retries
 * with the same key get that response again and do nothing. The same key with a different request is
 * refused (400), and while the first is still running a retry is told so (409). A key whose request died
 * with its process (locked for longer than `staleAfterMs`) may be taken over.
 */
export interface KeyRef {
  scope: string;
  key: string;
}

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: string; contentType: string | null };

export async function claimIdempotencyKey(db: Db, ref: KeyRef & { requestHash: string }, staleAfterMs = 60_000): Promise<Claim> {
  const inserted = await db.insertInto('idempotency_key')
    .values({ scope: ref.scope, key: ref.key, request_hash: ref.requestHash, state: 'in_progress' })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'new' };
  const row = await db.selectFrom('idempotency_key').selectAll().where('scope', '=', ref.scope).where('key', '=', ref.key).executeTakeFirst();
  if (!row) return claimIdempotencyKey(db, ref, staleAfterMs); // released between our insert and select
  if (row.request_hash !== ref.requestHash) throw new AppError('idempotency_key_mismatch', { idempotency_key: ref.key });
  if (row.state === 'done') return { kind: 'replay', status: row.response_status!, body: row.response_body ?? '', contentType: row.response_content_type };
  const takenOver = await db.updateTable('idempotency_key').set({ locked_at: new Date() })
    .where('scope', '=', ref.scope).where('key', '=', ref.key).where('state', '=', 'in_progress')
    .where('locked_at', '<', new Date(Date.now() - staleAfterMs))
    .executeTakeFirst();
  if (Number(takenOver.numUpdatedRows) === 1) return { kind: 'new' };
  throw new AppError('idempotency_key_in_use', { idempotency_key: ref.key });
}

export async function storeIdempotentResponse(db: Db, ref: KeyRef, response: { status: number; body: string; contentType: string | null }): Promise<void> {
  await db.updateTable('idempotency_key')
    .set({ state: 'done', response_status: response.status, response_body: response.body, response_content_type: response.contentType })
    .where('scope', '=', ref.scope).where('key', '=', ref.key).execute();
}

/** Forgets a key whose request failed on our side (5xx), so a retry runs again. */
export async function releaseIdempotencyKey(db: Db, ref: KeyRef): Promise<void> {
  await db.deleteFrom('idempotency_key').where('scope', '=', ref.scope).where('key', '=', ref.key).where('state', '=', 'in_progress').execute();
}

/** Deletes keys older than `before`; returns how many. */
export async function pruneIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const result = await sql`delete from idempotency_key where created_at < ${before}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
