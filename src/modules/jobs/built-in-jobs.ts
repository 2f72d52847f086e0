import path from 'node:path';
import type { Config } from '../../config.ts';
import { ConfigError, storefrontPages } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { vacuumChurnedTables } from '../../db/maintenance.ts';
import { pruneConversations } from '../assistant/conversations.ts';
import { pruneCustomerCredentials } from '../customers/expired-credentials.ts';
import { pruneEmailLog } from '../notifications/email-log.ts';
import { pruneProcessedGatewayEvents } from '../payments/webhook-inbox.ts';
import { pruneAdminSessions } from '../users/admin-sessions.ts';
import { pruneLoginAttempts } from '../users/login-throttle.ts';
import { expireAbandonedCarts, markAbandonedCarts } from '../cart/abandoned-carts.ts';
import { sweepCheckout } from '../checkout/recovery.ts';
import { pruneIdempotencyKeys } from '../idempotency/idempotency-keys.ts';
import { pruneDispatchedEvents } from '../events/pruning.ts';
import { emailAbandonedCarts } from '../notifications/abandoned-cart-emails.ts';
import { sendDueEmails } from '../notifications/email-sender.ts';
import { resumePaymentOperations } from '../orders/payment-recovery.ts';
import { recomputeReorderSuggestions } from '../insights/reorder-suggestions.ts';
import { createMailTransport } from '../notifications/transports.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import { closeRetryWindows } from '../webhooks/deliveries.ts';
import { anchorHead, configuredAnchors } from '../ledger/anchors.ts';
import { sealPending } from '../ledger/blocks.ts';
import { ledgerSigner } from '../ledger/ledger-signer.ts';
import { reconcileLedger } from '../ledger/reconciliation.ts';
import type { JobDefinition } from './scheduler.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEBHOOK_LOG_DAYS = 30;
const EMAIL_LOG_DAYS = 90;
const DAY = 24 * HOUR;

/**
 * The recurring work of a shop (docs/jobs.md), each run by one process at a time across the cluster.
 * Periods: the defaults below, SWEEP_INTERVAL_MS for checkout_sweep, and JOB_INTERVALS overriding any
 * (`checkout_sweep=10000,expire_abandoned_carts=0`; 0: never in this process). The one place to add a job.
 */
export function builtInJobs(deps: { db: Db; providers: PaymentProviders; config: Config }): JobDefinition[] {
  const { db, providers, config } = deps;
  const mailTransport = createMailTransport({ smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox') });
  const jobs: JobDefinition[] = [
    {
      name: 'checkout_sweep',
      description: 'Releases expired checkout holds and settles checkouts interrupted between their steps (the gateway says: confirm or undo).',
      intervalMs: config.sweepIntervalMs,
      run: () => sweepCheckout({ db, providers, paymentTimeoutMs: config.paymentTimeoutMs, orderNumberPrefix: config.orderNumberPrefix }),
    },
    {
      name: 'expire_abandoned_carts',
      description: `Deletes carts untouched for CART_EXPIRY_DAYS (${config.cartExpiryDays}) that hold no stock and are not being checked out.`,
      intervalMs: HOUR,
      run: async () => ({ carts_expired: await expireAbandonedCarts(db, new Date(Date.now() - config.cartExpiryDays * DAY)) }),
    },
    {
      name: 'mark_abandoned_carts',
      description: config.cartAbandonedHours
        ? `Records cart.abandoned for each cart left with items ${config.cartAbandonedHours} h ago (CART_ABANDONED_HOURS), once per idle stretch, for webhooks and the marketing tool.`
        : 'Off: CART_ABANDONED_HOURS is 0, so no cart.abandoned events are recorded.',
      intervalMs: 15 * MINUTE,
      run: async () => ({ carts_abandoned: await markAbandonedCarts(db, config.cartAbandonedHours) }),
    },
    {
      name: 'email_abandoned_carts',
      description: config.abandonedCartEmailHours
        ? `Emails each buyer who left a cart with items ${config.abandonedCartEmailHours} h ago (once per cart; not for carts idle a week longer).`
        : 'Off: set ABANDONED_CART_EMAIL_HOURS to remind buyers of the carts they left.',
      intervalMs: 15 * MINUTE,
      run: async () => ({
        emails_queued: await emailAbandonedCarts({
          db, idleHours: config.abandonedCartEmailHours, templatesDir: config.emailTemplatesDir, storefront: storefrontPages(config),
        }),
      }),
    },
    {
      name: 'retry_webhooks',
      description: 'Keeps the webhook retry queue: dead-letters deliveries whose retry window closed unsent, forgets finished deliveries after '
        + `${WEBHOOK_LOG_DAYS} days. Retries themselves are sent by every process as they fall due.`,
      intervalMs: MINUTE,
      run: () => closeRetryWindows(db, WEBHOOK_LOG_DAYS),
    },
    {
      name: 'resume_payment_operations',
      description: 'Re-sends order captures, refunds and voids a crash left unanswered (same reference, so the gateway does each once) and records the outcome.',
      intervalMs: MINUTE,
      run: async () => ({ settled: await resumePaymentOperations({ db, providers }, { olderThan: new Date(Date.now() - config.paymentTimeoutMs - MINUTE) }) }),
    },
    {
      name: 'send_emails',
      description: 'Sends the queued emails that are due (SMTP_URL, or .eml files in DATA_DIR/outbox), retrying failures with backoff.',
      intervalMs: 5_000,
      run: () => sendDueEmails(db, mailTransport, config.emailFrom),
    },
    {
      name: 'prune_idempotency_keys',
      description: `Forgets Idempotency-Keys older than IDEMPOTENCY_KEY_HOURS (${config.idempotencyKeyHours}).`,
      intervalMs: HOUR,
      run: async () => ({ keys_pruned: await pruneIdempotencyKeys(db, new Date(Date.now() - config.idempotencyKeyHours * HOUR)) }),
    },
    {
      name: 'prune_events',
      description: `Forgets outbox events older than ${WEBHOOK_LOG_DAYS} days that every subscriber has handled and no webhook delivery still needs.`,
      intervalMs: HOUR,
      run: async () => ({ events_pruned: await pruneDispatchedEvents(db, new Date(Date.now() - WEBHOOK_LOG_DAYS * DAY)) }),
    },
    {
      name: 'prune_expired',
      description: 'Forgets what can never be used again: staff and customer sessions and one-time tokens expired, revoked or used over a day ago, '
        + `failed sign-in counts idle for a day, gateway webhook events processed over ${WEBHOOK_LOG_DAYS} days ago, emails sent over ${EMAIL_LOG_DAYS} days ago, `
        + `assistant conversations idle for ASSISTANT_CONVERSATION_HOURS (${config.assistantConversationHours}).`,
      intervalMs: HOUR,
      run: async () => {
        const dayAgo = new Date(Date.now() - DAY);
        const customers = await pruneCustomerCredentials(db, dayAgo);
        return {
          admin_sessions: await pruneAdminSessions(db, dayAgo),
          customer_sessions: customers.sessions,
          customer_tokens: customers.tokens,
          login_attempts: await pruneLoginAttempts(db, dayAgo),
          gateway_events: await pruneProcessedGatewayEvents(db, new Date(Date.now() - WEBHOOK_LOG_DAYS * DAY)),
          emails: await pruneEmailLog(db, new Date(Date.now() - EMAIL_LOG_DAYS * DAY)),
          assistant_conversations: await pruneConversations(db, new Date(Date.now() - config.assistantConversationHours * HOUR)),
        };
      },
    },
    {
      name: 'forecast_demand',
      description: `Forecasts each stocked variant's daily demand per location and stores reorder suggestions (lead time ${config.reorderLeadTimeDays} days, `
        + `service level ${config.reorderServiceLevel}); writes inventory.reorder_suggested, and emails staff, for each that fell to its reorder point.`,
      intervalMs: DAY,
      run: () => recomputeReorderSuggestions(db, {
        leadTimeDays: config.reorderLeadTimeDays, reviewDays: config.reorderReviewDays, serviceLevel: config.reorderServiceLevel,
      }),
    },
    {
      name: 'maintain_database',
      description: 'Where no autovacuum runs (the embedded database): vacuums and analyzes the tables whose rows changed enough since the last time, as autovacuum would.',
      intervalMs: MINUTE,
      run: () => vacuumChurnedTables(db),
    },
    {
      name: 'seal_ledger',
      description: config.ledger
        ? `Closes the ledger's open block (entries not yet in a block of LEDGER_BLOCK_SIZE, ${config.ledgerBlockSize}), signs it, and publishes the signed head to the anchors (LEDGER_ANCHOR_FILE, LEDGER_ANCHOR_URL).`
        : 'Off: the ledger is off (LEDGER=off).',
      intervalMs: config.ledger ? config.ledgerBlockSeconds * 1000 : 0,
      run: async () => ({
        blocks_sealed: await sealPending(db, ledgerSigner(config), config.ledgerBlockSize),
        anchors_published: await anchorHead(db, configuredAnchors(config)),
      }),
    },
    {
      name: 'reconcile_ledger',
      description: config.ledger
        ? 'Checks the live order totals, payment amounts and stock levels against the ledger; raises ledger.mismatch (and emails staff with audit:read) once per difference.'
        : 'Off: the ledger is off (LEDGER=off).',
      intervalMs: config.ledger ? HOUR : 0,
      run: () => reconcileLedger(db),
    },
  ];
  const names = new Set(jobs.map((j) => j.name));
  const unknown = Object.keys(config.jobIntervals).filter((name) => !names.has(name));
  if (unknown.length) throw new ConfigError(`JOB_INTERVALS names no job called ${unknown.join(', ')} (jobs: ${[...names].join(', ')})`);
  return jobs.map((job) => ({ ...job, intervalMs: config.jobIntervals[job.name] ?? job.intervalMs }));
}

/** Descriptions by job name, for GET /admin/jobs. */
export function jobDescriptions(jobs: readonly JobDefinition[]): ReadonlyMap<string, string> {
  return new Map(jobs.map((j) => [j.name, j.description]));
}
