import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { BUILT_IN_ROLES, isPermission, type Permission } from './permissions.ts';

/** The permissions a role grants: a built-in role's from code, a custom role's from the database. */
export async function permissionsOfRole(db: Db, roleKey: string): Promise<string[]> {
  const builtIn = BUILT_IN_ROLES[roleKey];
  if (builtIn) return builtIn.permissions;
  const role = await db.selectFrom('admin_role').select('permissions').where('key', '=', roleKey).executeTakeFirst();
  return role?.permissions ?? [];
}

export interface Role {
  key: string;
  name: string;
  permissions: string[];
  built_in: boolean;
}

export async function listRoles(db: Db): Promise<Role[]> {
  const custom = await db.selectFrom('admin_role').select(['key', 'name', 'permissions']).orderBy('key').execute();
  return [
    ...Object.entries(BUILT_IN_ROLES).map(([key, role]) => ({ key, name: role.name, permissions: [...role.permissions], built_in: true })),
    ...custom.map((role) => ({ ...role, built_in: false })),
  ];
}

/** Whoever gives out access: a staff member or an API key (absent for the CLI, which runs as the operator). */
export interface Granter {
  permissions: ReadonlySet<string>;
}

/**
 * No one hands out more than they hold: each permission given (through a role, or a custom role's
 * list) must be one the granter has. Without this, users:manage alone would be every permission (make
 * yourself an owner); API keys follow the same rule.
 */
export function assertCanGrant(granter: Granter | undefined, permissions: readonly string[], field: (index: number) => string): void {
  if (!granter) return;
  permissions.forEach((permission, i) => {
    if (!granter.permissions.has(permission)) {
      throw new AppError('forbidden', { field: field(i), permission }, `You cannot give a permission you do not have: ${permission}.`);
    }
  });
}

function checkPermissions(permissions: string[]): void {
  permissions.forEach((p, i) => {
    if (!isPermission(p)) throw new AppError('invalid_request', { field: `body.permissions[${i}]` }, `body.permissions[${i}] is not a permission`);
  });
}

export async function createRole(db: Db, input: { key: string; name: string; permissions: string[] }, granter?: Granter): Promise<Role> {
  if (BUILT_IN_ROLES[input.key]) throw new AppError('role_key_taken', { field: 'body.key', key: input.key });
  checkPermissions(input.permissions);
  assertCanGrant(granter, input.permissions, (i) => `body.permissions[${i}]`);
  return inTransaction(db, async (tx) => {
    const role = await tx.insertInto('admin_role').values({ ...input, permissions: [...new Set(input.permissions)] })
      .returning(['key', 'name', 'permissions']).executeTakeFirstOrThrow();
    await recordEvents(tx, [{ type: 'role.created', resource_type: 'role', resource_id: role.key, payload: { key: role.key, permissions: role.permissions } }]);
    return { ...role, built_in: false };
  });
}

export async function updateRole(db: Db, key: string, patch: { name?: string; permissions?: string[] }, granter?: Granter): Promise<Role> {
  if (BUILT_IN_ROLES[key]) throw new AppError('invalid_request', { key }, 'Built-in roles cannot change; create a custom role.');
  if (patch.permissions) checkPermissions(patch.permissions);
  if (patch.permissions) assertCanGrant(granter, patch.permissions, (i) => `body.permissions[${i}]`);
  return inTransaction(db, async (tx) => {
    const role = await tx.updateTable('admin_role')
      .set({ ...patch, ...(patch.permissions ? { permissions: [...new Set(patch.permissions)] } : {}), updated_at: new Date() })
      .where('key', '=', key).returning(['key', 'name', 'permissions']).executeTakeFirst();
    if (!role) throw new AppError('role_not_found', { key });
    await recordEvents(tx, [{ type: 'role.updated', resource_type: 'role', resource_id: key, payload: { key, permissions: role.permissions } }]);
    return { ...role, built_in: false };
  });
}

export async function deleteRole(db: Db, key: string): Promise<void> {
  if (BUILT_IN_ROLES[key]) throw new AppError('invalid_request', { key }, 'Built-in roles cannot be deleted.');
  await inTransaction(db, async (tx) => {
    if (await tx.selectFrom('admin_user').select('id').where('role', '=', key).executeTakeFirst()) throw new AppError('role_in_use', { key });
    const deleted = await tx.deleteFrom('admin_role').where('key', '=', key).executeTakeFirst();
    if (!Number(deleted.numDeletedRows)) throw new AppError('role_not_found', { key });
    await recordEvents(tx, [{ type: 'role.deleted', resource_type: 'role', resource_id: key, payload: { key } }]);
  });
}

/** The email of every staff member whose role grants `permission`: who to tell when something needs them. */
export async function staffEmailsWith(db: Db, permission: Permission): Promise<string[]> {
  const builtIn = Object.entries(BUILT_IN_ROLES).filter(([, role]) => role.permissions.includes(permission)).map(([key]) => key);
  const custom = await db.selectFrom('admin_role').select('key').where(sql<boolean>`${permission} = any(permissions)`).execute();
  const roles = [...builtIn, ...custom.map((r) => r.key)];
  const staff = await db.selectFrom('admin_user').select('email').where('role', 'in', roles).orderBy('created_at').execute();
  return staff.map((s) => s.email);
}
