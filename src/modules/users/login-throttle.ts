import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { emailHash } from '../../crypto/data-encryption.ts';
import { AppError } from '../../errors.ts';

/**
 * Repeated failed sign-ins for one email slow down, then lock for a while. Counted by the email's
 * blind index, whether or not an account exists, so the answers tell nothing about which do.
 */
export const LOCK_AFTER = 5;
const LOCK_MINUTES = 15;

export async function assertNotLocked(db: Db, realm: string, email: string): Promise<void> {
  const row = await db.selectFrom('login_attempt').select(['failures', 'locked_until'])
    .where('realm', '=', realm).where('email_hash', '=', emailHash(email)).executeTakeFirst();
  if (row?.locked_until && row.locked_until > new Date()) {
    throw new AppError('too_many_attempts', { retry_after_seconds: Math.ceil((row.locked_until.getTime() - Date.now()) / 1000) });
  }
  // Slow down before the lock: 100 ms more per recent failure.
  if (row?.failures) await new Promise((resolve) => setTimeout(resolve, Math.min(row.failures, LOCK_AFTER) * 100));
}

export async function recordFailedLogin(db: Db, realm: string, email: string): Promise<void> {
  await sql`
    insert into login_attempt (realm, email_hash, failures, updated_at) values (${realm}, ${emailHash(email)}, 1, now())
    on conflict (realm, email_hash) do update set
      failures = case when login_attempt.locked_until is not null and login_attempt.locked_until <= now() then 1 else login_attempt.failures + 1 end,
      locked_until = case when login_attempt.failures + 1 >= ${LOCK_AFTER} and (login_attempt.locked_until is null or login_attempt.locked_until <= now())
        then now() + make_interval(mins => ${LOCK_MINUTES}) else login_attempt.locked_until end,
      updated_at = now()`.execute(db);
}

export async function clearFailedLogins(db: Db, realm: string, email: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('realm', '=', realm).where('email_hash', '=', emailHash(email)).execute();
}

/** Forgets failure counts last touched before `olderThan` whose lock (if any) is over. */
export async function pruneLoginAttempts(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('login_attempt').where('updated_at', '<', olderThan)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date())])).executeTakeFirst();
  return Number(result.numDeletedRows);
}
