import { storefrontPages, type Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { newProcessId, type WorkLog } from '../../db/work-loop.ts';
import { reconcileGatewayEvent } from '../checkout/gateway-events.ts';
import { startDispatcher } from '../events/dispatcher.ts';
import { ledgerSigner } from '../ledger/ledger-signer.ts';
import { configuredMarketingProvider } from '../marketing/providers.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import { startPaymentInboxWorker } from '../payments/webhook-inbox-worker.ts';
import { applyTrackingEvent } from '../shipments/tracking-events.ts';
import { startTrackingInboxWorker } from '../shipments/tracking-inbox.ts';
import { startWebhookWorker } from '../webhooks/delivery-worker.ts';
import { builtInJobs } from './built-in-jobs.ts';
import { builtInSubscribers } from './built-in-subscribers.ts';
import { startScheduler } from './scheduler.ts';

export interface BackgroundWork {
  processId: string;
  /** Stops claiming new work, lets what is in flight finish (a webhook request, a job run), then resolves. */
  stop(): Promise<void>;
}

/**
 * Everything a server process does besides answering requests, each part sharing the work with the
 * other processes on the same database: the event dispatcher, webhook delivery, the payment-webhook
 * and carrier-tracking inboxes, and the scheduled jobs. DISPATCH_INTERVAL_MS=0 leaves the first three out of this process.
 */
export async function startBackgroundWork(deps: { db: Db; config: Config; providers: PaymentProviders; log: WorkLog }): Promise<BackgroundWork> {
  const { db, config, providers, log } = deps;
  const processId = newProcessId();
  const stops: (() => Promise<void>)[] = [];
  // Read (or generate) the ledger's key now, so a bad key stops the start and a new one is announced.
  const signer = config.ledger
    ? ledgerSigner(config, (file) => log.warn({ file }, 'generated the ledger signing key: back it up, or set LEDGER_SIGNING_KEY (docs/ledger.md)'))
    : null;
  if (config.dispatchIntervalMs > 0) {
    const dispatcher = await startDispatcher({
      db, processId, intervalMs: config.dispatchIntervalMs, log,
      subscribers: builtInSubscribers({
        db, webhookMaxAgeHours: config.webhookMaxAgeHours, emailTemplatesDir: config.emailTemplatesDir,
        storefront: storefrontPages(config), orderNumberPrefix: config.orderNumberPrefix,
        ledger: signer ? { signer: () => signer, blockSize: config.ledgerBlockSize } : null,
        marketing: configuredMarketingProvider(config),
      }),
    });
    const webhooks = startWebhookWorker({
      db, intervalMs: config.dispatchIntervalMs, concurrency: config.webhookConcurrency, timeoutMs: config.webhookTimeoutMs,
      retryBaseMs: config.webhookRetryBaseMs, policy: { allowPrivate: config.webhookAllowPrivate, httpsOnly: config.production }, log,
    });
    const inbox = startPaymentInboxWorker({
      db, intervalMs: config.dispatchIntervalMs, log,
      handle: (event) => reconcileGatewayEvent({ db, providers, paymentTimeoutMs: config.paymentTimeoutMs, orderNumberPrefix: config.orderNumberPrefix }, event),
    });
    const tracking = startTrackingInboxWorker({ db, intervalMs: config.dispatchIntervalMs, log, apply: (event) => applyTrackingEvent(db, event) });
    stops.push(dispatcher.stop, webhooks.stop, inbox.stop, tracking.stop);
  }
  const scheduler = await startScheduler({ db, processId, log, jobs: builtInJobs({ db, providers, config }) });
  stops.push(scheduler.stop);
  return {
    processId,
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
