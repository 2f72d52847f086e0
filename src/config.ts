import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Every setting Cartwright reads, from the environment only. Validated at boot so a bad value stops
 * `cartwright start` with a message instead of failing on the first request.
 * `docs/configuration.md` documents each one; keep the two in step.
 */
const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  // HTTP processes `cartwright start` runs (null: its default, workers.ts)
  workers: Type.Union([Type.Integer({ minimum: 1, maximum: 256 }), Type.Null()]),
  host: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  databaseUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  databasePoolSize: Type.Integer({ minimum: 1, maximum: 500 }),
  // A streaming replica for read-only Store traffic (docs/operations.md#read-replicas)
  databaseReadUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  databaseReadWaitMs: Type.Integer({ minimum: 0, maximum: 60_000 }),
  databaseStallTimeoutMs: Type.Integer({ minimum: 100, maximum: 3_600_000 }),
  databaseWedgedExitMs: Type.Integer({ minimum: 100, maximum: 3_600_000 }),
  logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  publicUrl: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()]),
  adminEmail: Type.Union([Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' }), Type.Null()]),
  adminPassword: Type.Union([Type.String({ minLength: 10 }), Type.Null()]),
  adminSessionHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
  seedDemo: Type.Boolean(),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  importLimitBytes: Type.Integer({ minimum: 1024 }),
  catalogCacheEntries: Type.Integer({ minimum: 0 }),
  paymentTimeoutMs: Type.Integer({ minimum: 100, maximum: 120_000 }),
  paymentCapture: Type.Union([Type.Literal('automatic'), Type.Literal('manual')]),
  checkoutHoldMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  sweepIntervalMs: Type.Integer({ minimum: 0 }),
  orderNumberPrefix: Type.String({ maxLength: 20, pattern: '^[^\\s]*$' }),
  returnWindowDays: Type.Integer({ minimum: 0, maximum: 3650 }),
  // Events, webhooks and jobs (docs/webhooks.md, docs/jobs.md)
  production: Type.Boolean(),
  dispatchIntervalMs: Type.Integer({ minimum: 0, maximum: 1000 }),
  webhookAllowPrivate: Type.Boolean(),
  webhookMaxAgeHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 30 }),
  webhookRetryBaseMs: Type.Integer({ minimum: 10, maximum: 3_600_000 }),
  webhookTimeoutMs: Type.Integer({ minimum: 100, maximum: 60_000 }),
  webhookConcurrency: Type.Integer({ minimum: 1, maximum: 100 }),
  jobIntervals: Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Type.Integer({ minimum: 0 })),
  cartExpiryDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  abandonedCartEmailHours: Type.Integer({ minimum: 0, maximum: 720 }),
  idempotencyKeyHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
  reorderLeadTimeDays: Type.Integer({ minimum: 1, maximum: 365 }),
  reorderReviewDays: Type.Integer({ minimum: 1, maximum: 365 }),
  reorderServiceLevel: Type.Number({ minimum: 0.5, exclusiveMaximum: 1 }),
  // Shopping assistant (docs/insights.md)
  assistantLlmUrl: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()]),
  assistantLlmApiKey: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  assistantLlmModel: Type.String({ minLength: 1 }),
  assistantLlmTimeoutMs: Type.Integer({ minimum: 100, maximum: 120_000 }),
  assistantConversationHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
  testCardWebhookSecret: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  stripeSecretKey: Type.Union([Type.String({ pattern: '^(sk|rk)_' }), Type.Null()]),
  stripeWebhookSecret: Type.Union([Type.String({ pattern: '^whsec_' }), Type.Null()]),
  stripeApiBase: Type.Union([Type.String({ pattern: '^https?://[^/]+$' }), Type.Null()]),
  // Shipping carriers (docs/shipping.md)
  carrierTimeoutMs: Type.Integer({ minimum: 100, maximum: 60_000 }),
  testCarrierWebhookSecret: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  easypostApiKey: Type.Union([Type.String({ minLength: 8 }), Type.Null()]),
  easypostWebhookSecret: Type.Union([Type.String({ minLength: 8 }), Type.Null()]),
  easypostApiBase: Type.Union([Type.String({ pattern: '^https?://[^/]+$' }), Type.Null()]),
  // Marketing (docs/marketing.md)
  marketingWebhookUrl: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()]),
  marketingWebhookSecret: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  klaviyoApiKey: Type.Union([Type.String({ minLength: 8 }), Type.Null()]),
  klaviyoListId: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  klaviyoApiBase: Type.Union([Type.String({ pattern: '^https?://[^/]+$' }), Type.Null()]),
  cartAbandonedHours: Type.Integer({ minimum: 0, maximum: 720 }),
  smtpUrl: Type.Union([Type.String({ pattern: '^smtps?://' }), Type.Null()]),
  emailFrom: Type.String({ minLength: 3 }),
  emailTemplatesDir: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  dataKey: Type.Union([Type.String({ minLength: 10 }), Type.Null()]),
  corsOrigins: Type.Array(Type.String({ pattern: '^https?://' })),
  customerSessionDays: Type.Integer({ minimum: 1, maximum: 365 }),
  secureCookies: Type.Boolean(),
  rateLimitPerMinute: Type.Integer({ minimum: 1 }),
  apiKeyRateLimitPerMinute: Type.Integer({ minimum: 1 }),
  trustProxy: Type.Union([Type.Boolean(), Type.Integer({ minimum: 1, maximum: 10 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })]),
  metricsToken: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  metricsPort: Type.Union([Type.Integer({ minimum: 1, maximum: 65535 }), Type.Null()]),
  metricsHost: Type.String({ minLength: 1 }),
  // What the Store API reveals of stock (docs/inventory.md)
  storeStockDisplay: Type.Union([Type.Literal('exact'), Type.Literal('capped'), Type.Literal('in_stock')]),
  storeStockCap: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  // The storefront's pages that emails link to (docs/notifications.md)
  storefrontUrl: Type.Union([Type.String({ pattern: '^https?://[^/?#]+(/[^?#]*)?$' }), Type.Null()]),
  storefrontResetPasswordPath: Type.String({ pattern: '^/' }),
  storefrontVerifyEmailPath: Type.String({ pattern: '^/' }),
  storefrontCheckoutPath: Type.String({ pattern: '^/' }),
  // The verifiable ledger (docs/ledger.md)
  ledger: Type.Boolean(),
  ledgerSigningKey: Type.Union([Type.String({ minLength: 40 }), Type.Null()]),
  ledgerKeyId: Type.Union([Type.String({ pattern: '^[\\w.:-]{1,100}$' }), Type.Null()]),
  ledgerBlockSize: Type.Integer({ minimum: 1, maximum: 100_000 }),
  ledgerBlockSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
  ledgerAnchorFile: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  ledgerAnchorUrl: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()]),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
  return Number(raw);
}

function num(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new ConfigError(`${name} must be a number, got "${raw}"`);
  return Number(raw);
}

/** `name=ms,name=ms` (JOB_INTERVALS): per-job periods overriding the defaults (docs/jobs.md). */
function intervals(env: Env, name: string): Record<string, number> {
  const raw = str(env, name);
  if (raw === null) return {};
  const entries = raw.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const match = /^([a-z_]+)=(\d+)$/.exec(part);
    if (!match) throw new ConfigError(`${name} must be a list of job=milliseconds, got "${part}"`);
    return [match[1], Number(match[2])] as const;
  });
  return Object.fromEntries(entries);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/**
 * TRUST_PROXY: who may say, in X-Forwarded-For, which client a request came from (for rate limits and
 * logs): `true` (anyone: only behind a proxy that overwrites the header), a number of proxy hops, or
 * a comma-separated list of proxy addresses or CIDR ranges. Unset: nobody, the socket's address counts.
 */
function trustProxy(env: Env): boolean | number | string[] {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(',').map((part) => part.trim()).filter(Boolean);
}

function str(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : raw;
}

/** The shop's address in links it sends out (emails): PUBLIC_URL, else where this process listens. */
export function shopUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}

/**
 * The storefront pages emails link to: STOREFRONT_URL (else the shop's own address) and the path of
 * each page, which gets its token or cart id as a query parameter (docs/notifications.md).
 */
export interface StorefrontPages {
  url: string;
  resetPasswordPath: string;
  verifyEmailPath: string;
  checkoutPath: string;
}

export function storefrontPages(config: Pick<Config, 'publicUrl' | 'host' | 'port' | 'storefrontUrl' | 'storefrontResetPasswordPath' | 'storefrontVerifyEmailPath' | 'storefrontCheckoutPath'>): StorefrontPages {
  return {
    url: config.storefrontUrl ?? shopUrl(config),
    resetPasswordPath: config.storefrontResetPasswordPath,
    verifyEmailPath: config.storefrontVerifyEmailPath,
    checkoutPath: config.storefrontCheckoutPath,
  };
}

/**
 * A storefront page with its parameter: `https://shop.example/account/reset-password?token=pwr_…`. The
 * page's path is joined to the storefront URL's own path (a storefront under `/shop` keeps it) and
 * may carry query parameters of its own.
 */
export function storefrontLink(pages: StorefrontPages, page: 'resetPasswordPath' | 'verifyEmailPath' | 'checkoutPath', params: Record<string, string>): string {
  const base = new URL(pages.url);
  const url = new URL(`${base.pathname.replace(/\/$/, '')}${pages[page]}`, base.origin);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Where a buyer picks up a cart (a draft order's payment link, an abandoned-cart reminder): the storefront's checkout page. */
export function cartLink(pages: StorefrontPages, cartId: string): string {
  return storefrontLink(pages, 'checkoutPath', { cart_id: cartId });
}

/** Reads and validates the configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const config: Config = {
    port: int(env, 'PORT', 9000),
    workers: str(env, 'WORKERS') === null ? null : int(env, 'WORKERS', 1),
    host: str(env, 'HOST') ?? '127.0.0.1',
    dataDir: path.resolve(str(env, 'DATA_DIR') ?? './data'),
    databaseUrl: str(env, 'DATABASE_URL'),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10),
    databaseReadUrl: str(env, 'DATABASE_READ_URL'),
    databaseReadWaitMs: int(env, 'DATABASE_READ_WAIT_MS', 200),
    databaseStallTimeoutMs: int(env, 'DATABASE_STALL_TIMEOUT_MS', 30_000),
    databaseWedgedExitMs: int(env, 'DATABASE_WEDGED_EXIT_MS', 60_000),
    logLevel: (str(env, 'LOG_LEVEL') ?? 'info') as Config['logLevel'],
    publicUrl: str(env, 'PUBLIC_URL'),
    adminEmail: str(env, 'ADMIN_EMAIL'),
    adminPassword: str(env, 'ADMIN_PASSWORD'),
    adminSessionHours: int(env, 'ADMIN_SESSION_HOURS', 24),
    seedDemo: bool(env, 'SEED_DEMO', true),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    importLimitBytes: int(env, 'IMPORT_LIMIT_BYTES', 50 * 1024 * 1024),
    catalogCacheEntries: int(env, 'CATALOG_CACHE_ENTRIES', 5000),
    paymentTimeoutMs: int(env, 'PAYMENT_TIMEOUT_MS', 10_000),
    paymentCapture: (str(env, 'PAYMENT_CAPTURE') ?? 'automatic') as Config['paymentCapture'],
    checkoutHoldMinutes: int(env, 'CHECKOUT_HOLD_MINUTES', 15),
    sweepIntervalMs: int(env, 'SWEEP_INTERVAL_MS', 30_000),
    orderNumberPrefix: env.ORDER_NUMBER_PREFIX ?? '#',
    returnWindowDays: int(env, 'RETURN_WINDOW_DAYS', 30),
    production: env.NODE_ENV === 'production',
    dispatchIntervalMs: int(env, 'DISPATCH_INTERVAL_MS', 500),
    webhookAllowPrivate: bool(env, 'WEBHOOK_ALLOW_PRIVATE', false),
    webhookMaxAgeHours: num(env, 'WEBHOOK_MAX_AGE_HOURS', 24),
    webhookRetryBaseMs: int(env, 'WEBHOOK_RETRY_BASE_MS', 30_000),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
    webhookConcurrency: int(env, 'WEBHOOK_CONCURRENCY', 8),
    jobIntervals: intervals(env, 'JOB_INTERVALS'),
    cartExpiryDays: int(env, 'CART_EXPIRY_DAYS', 30),
    abandonedCartEmailHours: int(env, 'ABANDONED_CART_EMAIL_HOURS', 0),
    idempotencyKeyHours: int(env, 'IDEMPOTENCY_KEY_HOURS', 24),
    reorderLeadTimeDays: int(env, 'REORDER_LEAD_TIME_DAYS', 7),
    reorderReviewDays: int(env, 'REORDER_REVIEW_DAYS', 7),
    reorderServiceLevel: num(env, 'REORDER_SERVICE_LEVEL', 0.95),
    assistantLlmUrl: str(env, 'ASSISTANT_LLM_URL'),
    assistantLlmApiKey: str(env, 'ASSISTANT_LLM_API_KEY'),
    assistantLlmModel: str(env, 'ASSISTANT_LLM_MODEL') ?? 'gpt-4o-mini',
    assistantLlmTimeoutMs: int(env, 'ASSISTANT_LLM_TIMEOUT_MS', 15_000),
    assistantConversationHours: int(env, 'ASSISTANT_CONVERSATION_HOURS', 24),
    testCardWebhookSecret: str(env, 'TEST_CARD_WEBHOOK_SECRET'),
    stripeSecretKey: str(env, 'STRIPE_SECRET_KEY'),
    stripeWebhookSecret: str(env, 'STRIPE_WEBHOOK_SECRET'),
    stripeApiBase: str(env, 'STRIPE_API_BASE'),
    carrierTimeoutMs: int(env, 'CARRIER_TIMEOUT_MS', 5000),
    testCarrierWebhookSecret: str(env, 'TEST_CARRIER_WEBHOOK_SECRET'),
    easypostApiKey: str(env, 'EASYPOST_API_KEY'),
    easypostWebhookSecret: str(env, 'EASYPOST_WEBHOOK_SECRET'),
    easypostApiBase: str(env, 'EASYPOST_API_BASE'),
    marketingWebhookUrl: str(env, 'MARKETING_WEBHOOK_URL'),
    marketingWebhookSecret: str(env, 'MARKETING_WEBHOOK_SECRET'),
    klaviyoApiKey: str(env, 'KLAVIYO_API_KEY'),
    klaviyoListId: str(env, 'KLAVIYO_LIST_ID'),
    klaviyoApiBase: str(env, 'KLAVIYO_API_BASE'),
    cartAbandonedHours: int(env, 'CART_ABANDONED_HOURS', 4),
    smtpUrl: str(env, 'SMTP_URL'),
    emailFrom: str(env, 'EMAIL_FROM') ?? 'Cartwright Shop <shop@localhost>',
    emailTemplatesDir: str(env, 'EMAIL_TEMPLATES_DIR'),
    dataKey: str(env, 'CARTWRIGHT_DATA_KEY'),
    corsOrigins: (str(env, 'CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    customerSessionDays: int(env, 'CUSTOMER_SESSION_DAYS', 30),
    secureCookies: bool(env, 'SECURE_COOKIES', true),
    rateLimitPerMinute: int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 10),
    apiKeyRateLimitPerMinute: int(env, 'API_KEY_RATE_LIMIT_PER_MINUTE', 600),
    trustProxy: trustProxy(env),
    metricsToken: str(env, 'METRICS_TOKEN'),
    metricsPort: str(env, 'METRICS_PORT') === null ? null : int(env, 'METRICS_PORT', 0),
    metricsHost: str(env, 'METRICS_HOST') ?? '127.0.0.1',
    storeStockDisplay: (str(env, 'STORE_STOCK_DISPLAY') ?? 'exact') as Config['storeStockDisplay'],
    storeStockCap: int(env, 'STORE_STOCK_CAP', 10),
    storefrontUrl: str(env, 'STOREFRONT_URL'),
    storefrontResetPasswordPath: str(env, 'STOREFRONT_RESET_PASSWORD_PATH') ?? '/account/reset-password',
    storefrontVerifyEmailPath: str(env, 'STOREFRONT_VERIFY_EMAIL_PATH') ?? '/account/verify',
    storefrontCheckoutPath: str(env, 'STOREFRONT_CHECKOUT_PATH') ?? '/checkout',
    ledger: bool(env, 'LEDGER', true),
    ledgerSigningKey: str(env, 'LEDGER_SIGNING_KEY'),
    ledgerKeyId: str(env, 'LEDGER_KEY_ID'),
    ledgerBlockSize: int(env, 'LEDGER_BLOCK_SIZE', 1000),
    ledgerBlockSeconds: int(env, 'LEDGER_BLOCK_SECONDS', 60),
    ledgerAnchorFile: str(env, 'LEDGER_ANCHOR_FILE'),
    ledgerAnchorUrl: str(env, 'LEDGER_ANCHOR_URL'),
  };
  const names: Record<string, string> = {
    port: 'PORT', workers: 'WORKERS', host: 'HOST', dataDir: 'DATA_DIR', databaseUrl: 'DATABASE_URL',
    databasePoolSize: 'DATABASE_POOL_SIZE', databaseReadUrl: 'DATABASE_READ_URL', databaseReadWaitMs: 'DATABASE_READ_WAIT_MS',
    databaseStallTimeoutMs: 'DATABASE_STALL_TIMEOUT_MS', databaseWedgedExitMs: 'DATABASE_WEDGED_EXIT_MS', logLevel: 'LOG_LEVEL', publicUrl: 'PUBLIC_URL',
    adminEmail: 'ADMIN_EMAIL', adminPassword: 'ADMIN_PASSWORD', adminSessionHours: 'ADMIN_SESSION_HOURS',
    seedDemo: 'SEED_DEMO', bodyLimitBytes: 'BODY_LIMIT_BYTES', importLimitBytes: 'IMPORT_LIMIT_BYTES',
    catalogCacheEntries: 'CATALOG_CACHE_ENTRIES', paymentTimeoutMs: 'PAYMENT_TIMEOUT_MS', paymentCapture: 'PAYMENT_CAPTURE',
    checkoutHoldMinutes: 'CHECKOUT_HOLD_MINUTES', sweepIntervalMs: 'SWEEP_INTERVAL_MS',
    orderNumberPrefix: 'ORDER_NUMBER_PREFIX', returnWindowDays: 'RETURN_WINDOW_DAYS',
    dispatchIntervalMs: 'DISPATCH_INTERVAL_MS', webhookAllowPrivate: 'WEBHOOK_ALLOW_PRIVATE', webhookMaxAgeHours: 'WEBHOOK_MAX_AGE_HOURS',
    webhookRetryBaseMs: 'WEBHOOK_RETRY_BASE_MS', webhookTimeoutMs: 'WEBHOOK_TIMEOUT_MS', webhookConcurrency: 'WEBHOOK_CONCURRENCY',
    jobIntervals: 'JOB_INTERVALS', cartExpiryDays: 'CART_EXPIRY_DAYS', abandonedCartEmailHours: 'ABANDONED_CART_EMAIL_HOURS', idempotencyKeyHours: 'IDEMPOTENCY_KEY_HOURS',
    reorderLeadTimeDays: 'REORDER_LEAD_TIME_DAYS', reorderReviewDays: 'REORDER_REVIEW_DAYS', reorderServiceLevel: 'REORDER_SERVICE_LEVEL',
    assistantLlmUrl: 'ASSISTANT_LLM_URL', assistantLlmApiKey: 'ASSISTANT_LLM_API_KEY', assistantLlmModel: 'ASSISTANT_LLM_MODEL',
    assistantLlmTimeoutMs: 'ASSISTANT_LLM_TIMEOUT_MS', assistantConversationHours: 'ASSISTANT_CONVERSATION_HOURS',
    testCardWebhookSecret: 'TEST_CARD_WEBHOOK_SECRET',
    stripeSecretKey: 'STRIPE_SECRET_KEY', stripeWebhookSecret: 'STRIPE_WEBHOOK_SECRET', stripeApiBase: 'STRIPE_API_BASE',
    carrierTimeoutMs: 'CARRIER_TIMEOUT_MS', testCarrierWebhookSecret: 'TEST_CARRIER_WEBHOOK_SECRET',
    easypostApiKey: 'EASYPOST_API_KEY', easypostWebhookSecret: 'EASYPOST_WEBHOOK_SECRET', easypostApiBase: 'EASYPOST_API_BASE',
    marketingWebhookUrl: 'MARKETING_WEBHOOK_URL', marketingWebhookSecret: 'MARKETING_WEBHOOK_SECRET',
    klaviyoApiKey: 'KLAVIYO_API_KEY', klaviyoListId: 'KLAVIYO_LIST_ID', klaviyoApiBase: 'KLAVIYO_API_BASE', cartAbandonedHours: 'CART_ABANDONED_HOURS',
    smtpUrl: 'SMTP_URL', emailFrom: 'EMAIL_FROM', emailTemplatesDir: 'EMAIL_TEMPLATES_DIR',
    dataKey: 'CARTWRIGHT_DATA_KEY', corsOrigins: 'CORS_ORIGINS', customerSessionDays: 'CUSTOMER_SESSION_DAYS',
    secureCookies: 'SECURE_COOKIES', rateLimitPerMinute: 'AUTH_RATE_LIMIT_PER_MINUTE', apiKeyRateLimitPerMinute: 'API_KEY_RATE_LIMIT_PER_MINUTE',
    trustProxy: 'TRUST_PROXY', metricsToken: 'METRICS_TOKEN', metricsPort: 'METRICS_PORT', metricsHost: 'METRICS_HOST',
    storeStockDisplay: 'STORE_STOCK_DISPLAY', storeStockCap: 'STORE_STOCK_CAP',
    storefrontUrl: 'STOREFRONT_URL', storefrontResetPasswordPath: 'STOREFRONT_RESET_PASSWORD_PATH',
    storefrontVerifyEmailPath: 'STOREFRONT_VERIFY_EMAIL_PATH', storefrontCheckoutPath: 'STOREFRONT_CHECKOUT_PATH',
    ledger: 'LEDGER', ledgerSigningKey: 'LEDGER_SIGNING_KEY', ledgerKeyId: 'LEDGER_KEY_ID', ledgerBlockSize: 'LEDGER_BLOCK_SIZE',
    ledgerBlockSeconds: 'LEDGER_BLOCK_SECONDS', ledgerAnchorFile: 'LEDGER_ANCHOR_FILE', ledgerAnchorUrl: 'LEDGER_ANCHOR_URL',
  };
  const first = Value.Errors(ConfigSchema, config).First();
  if (first) {
    const key = first.path.split('/')[1] ?? '';
    throw new ConfigError(`${names[key] ?? key} is invalid: ${first.message}`);
  }
  // The embedded database is one process's files: nothing can replicate it. A replica setting left
  // there by mistake must not pass for read scaling that is not happening.
  if (config.databaseReadUrl !== null && config.databaseUrl === null) {
    throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replicas (set DATABASE_URL to the primary, or remove DATABASE_READ_URL)');
  }
  if (config.databaseWedgedExitMs <= config.databaseStallTimeoutMs) {
    throw new ConfigError('DATABASE_WEDGED_EXIT_MS must be longer than DATABASE_STALL_TIMEOUT_MS');
  }
  if ((config.adminEmail === null) !== (config.adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if ((config.marketingWebhookUrl === null) !== (config.marketingWebhookSecret === null)) {
    throw new ConfigError('MARKETING_WEBHOOK_URL and MARKETING_WEBHOOK_SECRET must be set together');
  }
  if (config.marketingWebhookUrl !== null && config.klaviyoApiKey !== null) {
    throw new ConfigError('set one marketing tool: MARKETING_WEBHOOK_URL or KLAVIYO_API_KEY, not both');
  }
  return config;
}
