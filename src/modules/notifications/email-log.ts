import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { decrypt, decryptNullable } from '../../crypto/data-encryption.ts';
import { AppError } from '../../errors.ts';

const columns = ['id', 'template', 'recipient', 'subject', 'status', 'attempts', 'last_error', 'reference_type', 'reference_id', 'created_at', 'sent_at'] as const;

/** The emails queued and sent, newest first (recipients decrypted for staff). */
export async function listEmails(db: Db, filter: { status?: string; template?: string }, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('email_message').select(columns);
  if (filter.status) query = query.where('status', '=', filter.status as 'pending');
  if (filter.template) query = query.where('template', '=', filter.template);
  if (page.after) {
    if (typeof page.after[0] !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`id < ${page.after[0]}`);
  }
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit).map((row) => ({ ...row, recipient: decrypt(row.recipient) }));
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

export async function getEmailOrThrow(db: Db, id: string) {
  const row = await db.selectFrom('email_message').select([...columns, 'text_body', 'html_body']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('email_not_found', { id });
  return { ...row, recipient: decrypt(row.recipient), text_body: decrypt(row.text_body), html_body: decryptNullable(row.html_body) };
}

/** Forgets emails sent (or given up on) before `olderThan`; pending ones stay whatever their age. */
export async function pruneEmailLog(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('email_message').where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
