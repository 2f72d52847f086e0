import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import type { Permission } from '../users/permissions.ts';
import { staffEmailsWith } from '../users/roles.ts';
import { queueEmail } from './email-queue.ts';
import { renderEmail } from './templates.ts';

/** Each alert: its email template and the permission of the staff who get it. */
const ALERTS: Record<string, { template: string; permission: Permission }> = {
  // an endpoint kept failing and was disabled
  'webhook_endpoint.disabled': { template: 'webhook_disabled', permission: 'webhooks:manage' },
  // the live tables disagree with the ledger: whoever may read the audit trail should look
  'ledger.mismatch': { template: 'ledger_mismatch', permission: 'audit:read' },
};

/**
 * Emails the staff concerned when something needs a person. Handed each event at least once: an event
 * already emailed is not again.
 */
export function staffAlerts(deps: { db: Db; templatesDir: string | null }): EventSubscriber {
  return {
    name: 'staff-alerts',
    events: Object.keys(ALERTS),
    async handle(events) {
      for (const event of events) {
        const { template, permission } = ALERTS[event.type];
        await inTransaction(deps.db, async (tx) => {
          const sent = await tx.selectFrom('email_message').select('id').where('template', '=', template).where('reference_id', '=', event.id).executeTakeFirst();
          if (sent) return;
          const email = renderEmail(template, event.payload, deps.templatesDir);
          for (const to of await staffEmailsWith(tx, permission)) {
            await queueEmail(tx, { to, template, subject: email.subject, text: email.text, html: email.html, reference_type: 'event', reference_id: event.id });
          }
        });
      }
    },
  };
}
