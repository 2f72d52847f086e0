import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { encrypt, encryptNullable } from '../../crypto/data-encryption.ts';

export interface EmailToSend {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Which template made it (order_confirmation, password_reset…). */
  template: string;
  reference_type?: string;
  reference_id?: string;
}

/**
 * Queues an email in the caller's transaction: it is sent if, and only if, the change that caused it
 * commits. Recipient and bodies are stored encrypted; the subject carries no personal data.
 */
export async function queueEmail(tx: Db, email: EmailToSend): Promise<string> {
  const id = newId('email');
  await tx.insertInto('email_message').values({
    id,
    recipient: encrypt(email.to),
    subject: email.subject,
    text_body: encrypt(email.text),
    html_body: encryptNullable(email.html),
    template: email.template,
    reference_type: email.reference_type ?? null,
    reference_id: email.reference_id ?? null,
    status: 'pending',
    attempts: 0,
  }).execute();
  return id;
}
