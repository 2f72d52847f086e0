import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { AdminActor } from './admin-actor.ts';
import { isPermission } from './permissions.ts';
import { permissionsOfRole } from './roles.ts';
import type { ApiKeyTable } from './schema.ts';
import { hashToken, newToken } from './tokens.ts';

const columns = ['id', 'name', 'last4', 'permissions', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** A key as the Admin API shows it: every column but the token's hash. */
export type ApiKey = Pick<Selectable<ApiKeyTable>, (typeof columns)[number]>;

/**
 * Creates a key for an integration with some of its creator's permissions (never more). The token is
 * returned this once; only its hash is kept.
 */
export async function createApiKey(db: Db, creator: AdminActor, input: { name: string; permissions: string[] }): Promise<ApiKey & { token: string }> {
  if (creator.kind !== 'user') throw new AppError('forbidden', { reason: 'API keys are created by staff, not by other keys' });
  for (const [i, permission] of input.permissions.entries()) {
    if (!isPermission(permission)) throw new AppError('invalid_request', { field: `body.permissions[${i}]` }, `body.permissions[${i}] is not a permission`);
    if (!creator.permissions.has(permission)) throw new AppError('forbidden', { field: `body.permissions[${i}]`, permission }, `You cannot give a permission you do not have: ${permission}.`);
  }
  const token = newToken('ck');
  return inTransaction(db, async (tx) => {
    const key = await tx.insertInto('api_key').values({
      id: newId('key'), name: input.name, token_hash: hashToken(token), last4: token.slice(-4),
      permissions: [...new Set(input.permissions)], created_by: creator.id,
    }).returning(columns).executeTakeFirstOrThrow();
    await recordEvents(tx, [{ type: 'api_key.created', resource_type: 'api_key', resource_id: key.id, payload: { id: key.id, permissions: key.permissions } }]);
    return { ...key, token };
  });
}

export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  return db.selectFrom('api_key').select(columns).orderBy('created_at', 'desc').execute();
}

export async function revokeApiKey(db: Db, id: string): Promise<ApiKey> {
  return inTransaction(db, async (tx) => {
    const key = await tx.updateTable('api_key').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null)
      .returning(columns).executeTakeFirst()
      ?? await tx.selectFrom('api_key').select(columns).where('id', '=', id).executeTakeFirst();
    if (!key) throw new AppError('api_key_not_found', { id });
    await recordEvents(tx, [{ type: 'api_key.revoked', resource_type: 'api_key', resource_id: id, payload: { id } }]);
    return key;
  });
}

/**
 * The actor an API key token stands for, or null when unknown or revoked. Its permissions are the key's
 * as far as its creator still has them: a creator whose role shrank takes their keys down with them.
 * Records the key's last use.
 */
export async function authenticateApiKey(db: Db, token: string): Promise<AdminActor | null> {
  const key = await db.updateTable('api_key').set({ last_used_at: new Date() })
    .where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null)
    .returning(['id', 'permissions', 'created_by']).executeTakeFirst();
  if (!key) return null;
  const creator = await db.selectFrom('admin_user').select('role').where('id', '=', key.created_by).executeTakeFirst();
  if (!creator) return null;
  const allowed = new Set(await permissionsOfRole(db, creator.role));
  return { kind: 'api_key', id: key.id, user: null, sessionId: null, permissions: new Set(key.permissions.filter((p) => allowed.has(p))) };
}
