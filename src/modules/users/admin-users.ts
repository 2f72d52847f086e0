import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { hashPassword } from './passwords.ts';
import { BUILT_IN_ROLES } from './permissions.ts';
import { assertCanGrant, permissionsOfRole, type Granter } from './roles.ts';
import type { AdminUserTable } from './schema.ts';

export const adminUserColumns = ['id', 'email', 'name', 'role', 'created_at', 'last_login_at'] as const;

/** A staff member as services pass them around: every column but the password hash. */
export type AdminUser = Pick<Selectable<AdminUserTable>, (typeof adminUserColumns)[number]>;

/** A password for a generated account: 20 characters from a 64-symbol alphabet (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

export async function createAdminUser(
  db: Db,
  input: { email: string; password: string; name?: string | null; role?: string },
  granter?: Granter,
): Promise<AdminUser> {
  if (input.password.length < 10) throw new AppError('weak_password', { field: 'body.password' }, 'body.password must have at least 10 characters');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    await assertRoleExists(tx, input.role ?? 'owner');
    assertCanGrant(granter, await permissionsOfRole(tx, input.role ?? 'owner'), () => 'body.role');
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

export async function listAdminUsers(db: Db): Promise<AdminUser[]> {
  return db.selectFrom('admin_user').select(adminUserColumns).orderBy('created_at').execute();
}

/** A granter may manage only staff whose role gives nothing the granter lacks (no demoting the owner). */
async function assertCanManage(tx: Db, granter: Granter | undefined, id: string): Promise<void> {
  if (!granter) return;
  const target = await tx.selectFrom('admin_user').select('role').where('id', '=', id).executeTakeFirst();
  if (target) assertCanGrant(granter, await permissionsOfRole(tx, target.role), () => 'params.id');
}

/** Changes a staff member's name or role; their open sessions take the new role at once. */
export async function updateAdminUser(db: Db, id: string, patch: { name?: string | null; role?: string }, granter?: Granter): Promise<AdminUser> {
  return inTransaction(db, async (tx) => {
    if (patch.role) await assertRoleExists(tx, patch.role);
    await assertCanManage(tx, granter, id);
    if (patch.role) assertCanGrant(granter, await permissionsOfRole(tx, patch.role), () => 'body.role');
    const user = await tx.updateTable('admin_user').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returning(adminUserColumns).executeTakeFirst();
    if (!user) throw new AppError('user_not_found', { id });
    await recordEvents(tx, [{ type: 'admin_user.updated', resource_type: 'admin_user', resource_id: id, payload: { id, changed: Object.keys(patch) } }]);
    return user;
  });
}

/** Removes a staff member (their sessions end with them); the last owner cannot go. */
export async function deleteAdminUser(db: Db, id: string, granter?: Granter): Promise<void> {
  await inTransaction(db, async (tx) => {
    await assertCanManage(tx, granter, id);
    const user = await tx.selectFrom('admin_user').select('role').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!user) throw new AppError('user_not_found', { id });
    if (user.role === 'owner') {
      const owners = await tx.selectFrom('admin_user').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'owner').executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) throw new AppError('invalid_request', { id }, 'The shop needs at least one owner.');
    }
    await tx.deleteFrom('admin_user').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'admin_user.deleted', resource_type: 'admin_user', resource_id: id, payload: { id } }]);
  });
}

export async function assertRoleExists(db: Db, role: string): Promise<void> {
  if (BUILT_IN_ROLES[role]) return;
  if (!(await db.selectFrom('admin_role').select('key').where('key', '=', role).executeTakeFirst())) {
    throw new AppError('role_not_found', { field: 'body.role', role });
  }
}
