import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

/**
 * Where emails go: an SMTP server (SMTP_URL, through nodemailer), or, with none configured, a folder
 * of .eml files (DATA_DIR/outbox) a developer can open; both are listed at /admin/notifications.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'folder';
  send(message: { from: string; to: string; subject: string; text: string; html: string | null; id: string }): Promise<void>;
  close(): void;
}

export function createMailTransport(options: { smtpUrl: string | null; outboxDir: string }): MailTransport {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send(message) {
        await transport.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined, messageId: `<${message.id}@cartwright>` });
      },
      close: () => transport.close(),
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'folder',
    async send(message) {
      const info = await stream.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined, messageId: `<${message.id}@cartwright>` });
      fs.mkdirSync(options.outboxDir, { recursive: true });
      fs.writeFileSync(path.join(options.outboxDir, `${message.id}.eml`), info.message as Buffer);
    },
    close: () => stream.close(),
  };
}
