import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { hashPassword } from './passwords.ts';

export interface AdminUser {
  id: string;
  email: string;
  name: string | null;
  role: string;
  created_at: Date;
  last_login_at: Date | null;
}

export const adminUserColumns = ['id', 'email', 'name', 'role', 'created_at', 'last_login_at'] as const;

/** A password for a generated account: 20 characters from a 64-symbol alphabet (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

export async function createAdminUser(
  db: Db,
  input: { email: string; password: string; name?: string | null; role?: string },
): Promise<AdminUser> {
  if (input.password.length < 10) throw new AppError('invalid_request', { field: 'password' }, 'password must have at least 10 characters');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const taken = await tx.selectFrom('admin_user').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase())).executeTakeFirst();
    if (taken) throw new AppError('admin_email_taken', { email: input.email });
    const id = newId('usr');
    const user = await tx.insertInto('admin_user')
      .values({ id, email: input.email, name: input.name ?? null, password_hash: passwordHash, role: input.role ?? 'owner' })
      .returning(adminUserColumns)
      .executeTakeFirstOrThrow();
    await recordEvents(tx, [{ type: 'admin_user.created', resource_type: 'admin_user', resource_id: id, payload: { id, role: user.role } }]);
    return user;
  });
}

export async function getAdminUserOrThrow(db: Db, id: string): Promise<AdminUser> {
  const user = await db.selectFrom('admin_user').select(adminUserColumns).where('id', '=', id).executeTakeFirst();
  if (!user) throw new AppError('unauthorized');
  return user;
}
