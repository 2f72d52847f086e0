import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';

export interface AuditEntry {
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  status: number;
  request_id: string;
}

/** Appends to the audit log (the table refuses updates and deletes: a trigger raises). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({ id: newId('aud'), ...entry, changes: JSON.stringify(entry.changes) }).execute();
}

export interface AuditFilter {
  actor_id?: string;
  resource_type?: string;
  resource_id?: string;
  action?: string;
  since?: string;
  until?: string;
}

/** Newest first, paged by sequence number. */
export async function listAudit(db: Db, filter: AuditFilter, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('audit_log')
    .select(['seq', 'id', 'actor_type', 'actor_id', 'action', 'resource_type', 'resource_id', 'changes', 'status', 'request_id', 'created_at']);
  if (filter.actor_id) query = query.where('actor_id', '=', filter.actor_id);
  if (filter.resource_type) query = query.where('resource_type', '=', filter.resource_type);
  if (filter.resource_id) query = query.where('resource_id', '=', filter.resource_id);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.since) query = query.where('created_at', '>=', new Date(filter.since));
  if (filter.until) query = query.where('created_at', '<', new Date(filter.until));
  if (page.after) {
    if (typeof page.after[0] !== 'number') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`seq < ${page.after[0]}`);
  }
  const rows = await query.orderBy('seq', 'desc').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  return { data: data.map(({ seq: _seq, ...entry }) => entry), next: rows.length > page.limit ? [data[data.length - 1].seq] : null };
}
