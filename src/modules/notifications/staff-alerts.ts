import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import type { Permission } from '../users/permissions.ts';
import { staffEmailsWith } from '../users/roles.ts';
import { queueEmail } from './email-queue.ts';
import { renderEmail } from './templates.ts';

/** Each alert: its template, the staff told (their role grants the permission), and what the template sees. */
const ALERTS: Record<string, { template: string; permission: Permission; view: (payload: Record<string, unknown>) => object }> = {
  // an endpoint kept failing and was disabled
  'webhook_endpoint.disabled': { template: 'webhook_disabled', permission: 'webhooks:manage', view: (payload) => payload },
  // the live tables disagree with the ledger: whoever may read the audit trail should look
  'ledger.mismatch': { template: 'ledger_mismatch', permission: 'audit:read', view: (payload) => payload },
  // stock fell to its reorder point: whoever may reorder
  'inventory.reorder_suggested': {
    template: 'reorder_suggested',
    permission: 'inventory:write',
    view: (payload) => ({
      ...payload,
      days_of_cover: typeof payload.days_of_cover === 'number' ? payload.days_of_cover.toFixed(1) : 'unknown',
      mean_daily_demand: typeof payload.mean_daily_demand === 'number' ? payload.mean_daily_demand.toFixed(1) : payload.mean_daily_demand,
      service_level_percent: typeof payload.service_level === 'number' ? Math.round(payload.service_level * 1000) / 10 : null,
    }),
  },
};

/**
 * Tells the staff concerned what needs them: a webhook endpoint that kept failing and was disabled
 * (`webhooks:manage`), stock that fell to its reorder point (`inventory:write`), live tables that
 * disagree with the ledger (`audit:read`). Handed each event at
 * least once: an event already emailed is not again.
 */
export function staffAlerts(deps: { db: Db; templatesDir: string | null }): EventSubscriber {
  return {
    name: 'staff-alerts',
    events: Object.keys(ALERTS),
    async handle(events) {
      for (const event of events) {
        const alert = ALERTS[event.type];
        if (!alert) continue;
        await inTransaction(deps.db, async (tx) => {
          const sent = await tx.selectFrom('email_message').select('id').where('template', '=', alert.template).where('reference_id', '=', event.id).executeTakeFirst();
          if (sent) return;
          const email = renderEmail(alert.template, alert.view(event.payload), deps.templatesDir);
          for (const to of await staffEmailsWith(tx, alert.permission)) {
            await queueEmail(tx, { to, template: alert.template, subject: email.subject, text: email.text, html: email.html, reference_type: 'event', reference_id: event.id });
          }
        });
      }
    },
  };
}
