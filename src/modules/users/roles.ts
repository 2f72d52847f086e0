import type { Db } from '../../db/database.ts';
import { BUILT_IN_ROLES } from './permissions.ts';

/** The permissions a role grants: a built-in role's from code, a custom role's from the database. */
export async function permissionsOfRole(db: Db, roleKey: string): Promise<string[]> {
  const builtIn = BUILT_IN_ROLES[roleKey];
  if (builtIn) return builtIn.permissions;
  const role = await db.selectFrom('admin_role').select('permissions').where('key', '=', roleKey).executeTakeFirst();
  return role?.permissions ?? [];
}
