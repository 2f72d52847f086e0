import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { decrypt, decryptNullable } from '../../crypto/data-encryption.ts';
import type { MailTransport } from './transports.ts';

/** After the 8th failure (about a day of retries) an email is given up as failed. */
export const MAX_ATTEMPTS = 8;

/** 1 min, 4 min, 16 min… capped at 6 h: a mail server that is down gets time to come back. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** (attempts - 1), 6 * 3_600_000);
}

/**
 * Sends the queued emails that are due, a batch at a time. Rows are claimed with SKIP LOCKED, so
 * several processes never send one twice at once; a failed send is retried later, never dropped
 * silently. (A crash after the server accepted a message and before it is marked sent sends it again:
 * at least once, like every delivery here.)
 */
export async function sendDueEmails(db: Db, transport: MailTransport, from: string, batch = 20): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  const due = await inTransaction(db, async (tx) => {
    const rows = await sql<{ id: string; recipient: string; subject: string; text_body: string; html_body: string | null; attempts: number }>`
      select id, recipient, subject, text_body, html_body, attempts from email_message
      where status = 'pending' and next_attempt_at <= now()
      order by next_attempt_at limit ${batch} for update skip locked`.execute(tx);
    // Claimed: push them out of reach of other senders while this one works on them.
    if (rows.rows.length) {
      await tx.updateTable('email_message').set({ next_attempt_at: new Date(Date.now() + 10 * 60_000) })
        .where('id', 'in', rows.rows.map((r) => r.id)).execute();
    }
    return rows.rows;
  });
  for (const email of due) {
    try {
      await transport.send({ id: email.id, from, to: decrypt(email.recipient), subject: email.subject, text: decrypt(email.text_body), html: decryptNullable(email.html_body) });
      await db.updateTable('email_message').set({ status: 'sent', sent_at: new Date(), attempts: email.attempts + 1, last_error: null }).where('id', '=', email.id).execute();
      result.sent++;
    } catch (error) {
      const attempts = email.attempts + 1;
      await db.updateTable('email_message').set({
        attempts,
        last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        ...(attempts >= MAX_ATTEMPTS ? { status: 'failed' as const } : { next_attempt_at: new Date(Date.now() + retryDelayMs(attempts)) }),
      }).where('id', '=', email.id).execute();
      result.failed++;
    }
  }
  return result;
}
