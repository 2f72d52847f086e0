import type { Config } from '../../src/config.ts';
import { startBackgroundWork, type BackgroundWork } from '../../src/modules/jobs/background-work.ts';
import type { WorkLog } from '../../src/db/work-loop.ts';
import { builtInPaymentProviders, type PaymentProviders } from '../../src/modules/payments/providers.ts';
import type { TestShop } from './test-shop.ts';

/** Settings for a shop whose webhooks go to a receiver on loopback and retry within milliseconds. */
export const FAST_WEBHOOKS: Partial<Config> = {
  webhookAllowPrivate: true,
  webhookRetryBaseMs: 50,
  webhookTimeoutMs: 2000,
  dispatchIntervalMs: 100,
};

/** No scheduled job runs (tests that want one set its period). */
export const NO_JOBS: Partial<Config> = {
  sweepIntervalMs: 0,
  jobIntervals: { forecast_demand: 0, expire_abandoned_carts: 0, mark_abandoned_carts: 0, email_abandoned_carts: 0, retry_webhooks: 0, prune_idempotency_keys: 0, prune_events: 0, resume_payment_operations: 0, send_emails: 0, prune_expired: 0, maintain_database: 0, seal_ledger: 0, reconcile_ledger: 0 },
};

export const testLog: WorkLog = {
  error: (details, message) => console.error(message, details),
  warn: (details, message) => console.warn(message, details),
};

/** Starts what `cartwright start` runs beside the HTTP server (dispatcher, webhook sender, inbox, jobs) on the test shop's database. */
export async function startTestBackground(shop: TestShop, overrides: Partial<Config> = {}, providers: PaymentProviders = builtInPaymentProviders({ testCardWebhookSecret: shop.config.testCardWebhookSecret })): Promise<BackgroundWork> {
  return startBackgroundWork({ db: shop.db, config: { ...shop.config, ...overrides }, providers, log: testLog });
}
