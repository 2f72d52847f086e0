import type { Db } from '../../db/database.ts';
import { startWorkLoop, type WorkLog, type WorkLoop } from '../../db/work-loop.ts';
import { claimInboxEvents, failInboxEvent, INBOX_TOPIC, settleInboxEvent, type InboxEvent, type InboxResult } from './webhook-inbox.ts';

const BATCH = 10;
const LEASE_MS = 5 * 60_000;

/** Processes one round of due inbox events with `handle`; returns true when a full batch was taken. */
export async function processInboxOnce(db: Db, handle: (event: InboxEvent) => Promise<InboxResult>, log: WorkLog): Promise<boolean> {
  const events = await claimInboxEvents(db, BATCH, LEASE_MS);
  for (const event of events) {
    try {
      const result = await handle(event);
      if ('outcome' in result && result.outcome.startsWith('conflict')) {
        log.warn({ payment_webhook_event: event.inbox_id, type: event.type, payment_id: event.payment_reference, outcome: result.outcome }, 'a payment webhook contradicts what checkout recorded; staff should look');
      }
      await settleInboxEvent(db, event, result);
    } catch (error) {
      log.error({ err: error, payment_webhook_event: event.inbox_id }, 'processing a payment webhook failed; it is retried');
      await failInboxEvent(db, event, error);
    }
  }
  return events.length === BATCH;
}

/** Processes the inbox in this process: at once when this process stores an event, else every `intervalMs`. */
export function startPaymentInboxWorker(options: { db: Db; intervalMs: number; handle: (event: InboxEvent) => Promise<InboxResult>; log: WorkLog }): WorkLoop {
  return startWorkLoop({
    name: 'payment webhook inbox', intervalMs: options.intervalMs, log: options.log, work: () => processInboxOnce(options.db, options.handle, options.log),
    wakeOn: { db: options.db, topics: [INBOX_TOPIC] },
  });
}
