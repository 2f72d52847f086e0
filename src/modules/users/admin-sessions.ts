import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import type { AdminActor } from './admin-actor.ts';
import { adminUserColumns, type AdminUser } from './admin-users.ts';
import { burnVerification, verifyPassword } from './passwords.ts';
import { assertNotLocked, clearFailedLogins, recordFailedLogin } from './login-throttle.ts';
import { permissionsOfRole } from './roles.ts';
import { hashToken, newToken } from './tokens.ts';

/** Admin sign-in failures are counted apart from customers'. */
const REALM = 'admin';

export interface AdminSession {
  token: string;
  expires_at: Date;
  user: AdminUser;
}

/**
 * Checks an email and password and opens a session. A wrong password and an unknown email get the same
 * error after the same amount of work, so the answer does not tell which accounts exist.
 */
export async function loginAdmin(db: Db, input: { email: string; password: string }, ttlHours: number): Promise<AdminSession> {
  await assertNotLocked(db, REALM, input.email);
  const row = await db.selectFrom('admin_user').select([...adminUserColumns, 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();
  const ok = row ? await verifyPassword(row.password_hash, input.password) : (await burnVerification(input.password), false);
  if (!row || !ok) {
    await recordFailedLogin(db, REALM, input.email);
    throw new AppError('invalid_credentials');
  }
  await clearFailedLogins(db, REALM, input.email);
  const { password_hash: _hash, ...user } = row;
  const token = newToken('cwa');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insertInto('admin_session').values({ id: newId('ases'), user_id: user.id, token_hash: hashToken(token), expires_at: expiresAt }).execute();
  const loggedIn = new Date();
  await db.updateTable('admin_user').set({ last_login_at: loggedIn }).where('id', '=', user.id).execute();
  return { token, expires_at: expiresAt, user: { ...user, last_login_at: loggedIn } };
}

/** The staff member a session token belongs to, with their role's permissions; null when unknown, expired or revoked. */
export async function authenticateAdmin(db: Db, token: string): Promise<AdminActor | null> {
  if (!token.startsWith('cwa_')) return null;
  const row = await db.selectFrom('admin_session as s')
    .innerJoin('admin_user as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 'u.id', 'u.email', 'u.name', 'u.role', 'u.created_at', 'u.last_login_at'])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) return null;
  const { session_id: sessionId, ...user } = row;
  return { kind: 'user', id: user.id, user, sessionId, permissions: new Set(await permissionsOfRole(db, user.role)) };
}

export async function revokeAdminSession(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('admin_session').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Forgets sessions that expired or were revoked before `olderThan`: they can never sign anyone in again. */
export async function pruneAdminSessions(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('admin_session')
    .where((eb) => eb.or([eb('expires_at', '<', olderThan), eb('revoked_at', '<', olderThan)])).executeTakeFirst();
  return Number(result.numDeletedRows);
}
