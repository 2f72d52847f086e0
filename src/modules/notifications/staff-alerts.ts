import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { staffEmailsWith } from '../users/roles.ts';
import { queueEmail } from './email-queue.ts';
import { renderEmail } from './templates.ts';

const TEMPLATE = 'webhook_disabled';

/**
 * Tells the staff who manage webhooks (their role grants `webhooks:manage`) that an endpoint kept
 * failing and was disabled. Handed each event at least once: an event already emailed is not again.
 */
export function staffAlerts(deps: { db: Db; templatesDir: string | null }): EventSubscriber {
  return {
    name: 'staff-alerts',
    events: ['webhook_endpoint.disabled'],
    async handle(events) {
      for (const event of events) {
        await inTransaction(deps.db, async (tx) => {
          const sent = await tx.selectFrom('email_message').select('id').where('template', '=', TEMPLATE).where('reference_id', '=', event.id).executeTakeFirst();
          if (sent) return;
          const email = renderEmail(TEMPLATE, event.payload, deps.templatesDir);
          for (const to of await staffEmailsWith(tx, 'webhooks:manage')) {
            await queueEmail(tx, { to, template: TEMPLATE, subject: email.subject, text: email.text, html: email.html, reference_type: 'event', reference_id: event.id });
          }
        });
      }
    },
  };
}
