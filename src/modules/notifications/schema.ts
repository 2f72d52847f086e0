import type { CreatedAt, NullableTimestamp } from '../../db/column-types.ts';

/** An email to send. Recipient and bodies are encrypted at rest (they carry personal data). */
export interface EmailMessageTable {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  template: string;
  reference_type: string | null;
  reference_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: CreatedAt;
  sent_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface NotificationsTables {
  email_message: EmailMessageTable;
}

declare module '../../db/database.ts' {
  interface Database extends NotificationsTables {}
}
