import type { Db } from '../../db/database.ts';

/**
 * Forgets customer sessions and one-time tokens (password reset, email verification) that expired,
 * were revoked or were used before `olderThan`: none can ever be accepted again.
 */
export async function pruneCustomerCredentials(db: Db, olderThan: Date): Promise<{ sessions: number; tokens: number }> {
  const sessions = await db.deleteFrom('customer_session')
    .where((eb) => eb.or([eb('expires_at', '<', olderThan), eb('revoked_at', '<', olderThan)])).executeTakeFirst();
  const tokens = await db.deleteFrom('customer_token')
    .where((eb) => eb.or([eb('expires_at', '<', olderThan), eb('used_at', '<', olderThan)])).executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), tokens: Number(tokens.numDeletedRows) };
}
