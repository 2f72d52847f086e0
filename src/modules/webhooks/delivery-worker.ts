import { ALL_TOPICS } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { startWorkLoop, type WorkLog, type WorkLoop } from '../../db/work-loop.ts';
import type { AddressPolicy } from './address-policy.ts';
import { claimDeliveries, recordAttempt, type ClaimedDelivery } from './deliveries.ts';
import { DELIVERIES_TOPIC } from './fan-out.ts';
import { postWebhook } from './sender.ts';
import { signatureHeader } from './signature.ts';

export interface WebhookWorkerOptions {
  db: Db;
  intervalMs: number;
  /** Deliveries this process sends at once. */
  concurrency: number;
  timeoutMs: number;
  retryBaseMs: number;
  policy: AddressPolicy;
  log: WorkLog;
}

/**
 * Sends webhook deliveries from this process: up to `concurrency` at a time, claiming more as slots
 * free up. Wakes when deliveries are created anywhere in the cluster (NOTIFY) or one of its own ends,
 * else every `intervalMs` (retries falling due). A claim's lease outlives the request timeout, so only
 * a process that died (or stalled) loses it.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WorkLoop {
  const leaseMs = options.timeoutMs + 5_000;
  const inFlight = new Set<Promise<void>>();

  const deliver = async (delivery: ClaimedDelivery) => {
    const body = JSON.stringify(delivery.event);
    const result = await postWebhook(delivery.url, body, {
      'cartwright-signature': signatureHeader(delivery.secret, body),
      'cartwright-event-id': delivery.event.id,
      'cartwright-event-type': delivery.event.type,
      'cartwright-delivery-id': delivery.id,
      'cartwright-attempt': String(delivery.attempt),
    }, { timeoutMs: options.timeoutMs, policy: options.policy });
    const { retryInMs } = await recordAttempt(options.db, delivery, result, options.retryBaseMs);
    // A retry due before the next poll is woken for, so short backoffs keep their timing.
    if (retryInMs !== null && retryInMs < options.intervalMs) setTimeout(() => loop.wake(), retryInMs + 5).unref();
  };

  const loop = startWorkLoop({
    name: 'webhook delivery',
    intervalMs: options.intervalMs,
    log: options.log,
    async work() {
      const claimed = await claimDeliveries(options.db, options.concurrency - inFlight.size, leaseMs);
      for (const delivery of claimed) {
        const task: Promise<void> = deliver(delivery)
          .catch((error) => options.log.error({ err: error, delivery_id: delivery.id }, 'webhook delivery could not be recorded; it is retried when its lease runs out'))
          .finally(() => {
            inFlight.delete(task);
            loop.wake();
          });
        inFlight.add(task);
      }
      return false;
    },
    // Deliveries are announced across processes (NOTIFY): a lost notification may have been one.
    wakeOn: { db: options.db, topics: [DELIVERIES_TOPIC, ALL_TOPICS] },
  });
  return {
    wake: loop.wake,
    async stop() {
      await loop.stop();
      await Promise.all([...inFlight]);
    },
  };
}
