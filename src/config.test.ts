import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from './config.ts';

test('defaults', () => {
  expect(loadConfig({})).toEqual({
    port: 9000,
    workers: null,
    host: '127.0.0.1',
    dataDir: path.resolve('./data'),
    databaseUrl: null,
    databasePoolSize: 10,
    databaseReadUrl: null,
    databaseReadWaitMs: 200,
    databaseStallTimeoutMs: 30000,
    databaseWedgedExitMs: 60000,
    logLevel: 'info',
    publicUrl: null,
    adminEmail: null,
    adminPassword: null,
    adminSessionHours: 24,
    seedDemo: true,
    bodyLimitBytes: 1048576,
    importLimitBytes: 52428800,
    catalogCacheEntries: 5000,
    paymentTimeoutMs: 10000,
    paymentCapture: 'automatic',
    checkoutHoldMinutes: 15,
    sweepIntervalMs: 30000,
    orderNumberPrefix: '#',
    returnWindowDays: 30,
    production: false,
    dispatchIntervalMs: 500,
    webhookAllowPrivate: false,
    webhookMaxAgeHours: 24,
    webhookRetryBaseMs: 30000,
    webhookTimeoutMs: 10000,
    webhookConcurrency: 8,
    jobIntervals: {},
    cartExpiryDays: 30,
    abandonedCartEmailHours: 0,
    cartAbandonedHours: 4,
    idempotencyKeyHours: 24,
    reorderLeadTimeDays: 7,
    reorderReviewDays: 7,
    reorderServiceLevel: 0.95,
    assistantLlmUrl: null,
    assistantLlmApiKey: null,
    assistantLlmModel: 'gpt-4o-mini',
    assistantLlmTimeoutMs: 15_000,
    assistantConversationHours: 24,
    testCardWebhookSecret: null,
    stripeSecretKey: null,
    stripeWebhookSecret: null,
    stripeApiBase: null,
    carrierTimeoutMs: 5000,
    testCarrierWebhookSecret: null,
    easypostApiKey: null,
    easypostWebhookSecret: null,
    easypostApiBase: null,
    marketingWebhookUrl: null,
    marketingWebhookSecret: null,
    klaviyoApiKey: null,
    klaviyoListId: null,
    klaviyoApiBase: null,
    smtpUrl: null,
    emailFrom: 'Cartwright Shop <shop@localhost>',
    emailTemplatesDir: null,
    dataKey: null,
    corsOrigins: [],
    customerSessionDays: 30,
    secureCookies: true,
    rateLimitPerMinute: 10,
    apiKeyRateLimitPerMinute: 600,
    trustProxy: false,
    metricsToken: null,
    metricsPort: null,
    metricsHost: '127.0.0.1',
    storeStockDisplay: 'exact',
    storeStockCap: 10,
    storefrontUrl: null,
    storefrontResetPasswordPath: '/account/reset-password',
    storefrontVerifyEmailPath: '/account/verify',
    storefrontCheckoutPath: '/checkout',
    ledger: true,
    ledgerSigningKey: null,
    ledgerKeyId: null,
    ledgerBlockSize: 1000,
    ledgerBlockSeconds: 60,
    ledgerAnchorFile: null,
    ledgerAnchorUrl: null,
  });
});

test('metrics: a token of 16 characters or more, or a port of their own', () => {
  expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-token', METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }))
    .toMatchObject({ metricsToken: 'a-long-enough-token', metricsPort: 9464, metricsHost: '0.0.0.0' });
  expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN is invalid');
  expect(() => loadConfig({ METRICS_PORT: 'x' })).toThrow('METRICS_PORT must be an integer, got "x"');
});

test('STORE_STOCK_DISPLAY: exact, capped (at STORE_STOCK_CAP) or in_stock', () => {
  expect(loadConfig({ STORE_STOCK_DISPLAY: 'capped', STORE_STOCK_CAP: '25' })).toMatchObject({ storeStockDisplay: 'capped', storeStockCap: 25 });
  expect(loadConfig({ STORE_STOCK_DISPLAY: 'in_stock' }).storeStockDisplay).toBe('in_stock');
});

test('LEDGER settings: off, key id, block size and seconds, anchors; bad ones name the variable', () => {
  expect(loadConfig({ LEDGER: 'off', LEDGER_KEY_ID: 'shop-2026', LEDGER_BLOCK_SIZE: '50', LEDGER_BLOCK_SECONDS: '5', LEDGER_ANCHOR_URL: 'https://anchor.example/heads' }))
    .toMatchObject({ ledger: false, ledgerKeyId: 'shop-2026', ledgerBlockSize: 50, ledgerBlockSeconds: 5, ledgerAnchorUrl: 'https://anchor.example/heads' });
  expect(() => loadConfig({ LEDGER_BLOCK_SIZE: '0' })).toThrow('LEDGER_BLOCK_SIZE is invalid');
  expect(() => loadConfig({ LEDGER_ANCHOR_URL: 'ftp://x' })).toThrow('LEDGER_ANCHOR_URL is invalid');
  expect(() => loadConfig({ LEDGER_KEY_ID: 'has space' })).toThrow('LEDGER_KEY_ID is invalid');
});

test('TRUST_PROXY: true, a number of hops, or proxy addresses', () => {
  expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  expect(() => loadConfig({ TRUST_PROXY: '0' })).toThrow('TRUST_PROXY is invalid');
});

test('values from the environment', () => {
  const config = loadConfig({
    PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/cw', DATABASE_URL: 'postgres://u@db:5432/shop', LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'long enough!', SEED_DEMO: 'false', DATABASE_POOL_SIZE: '25', WORKERS: '4',
  });
  expect(config).toMatchObject({
    port: 8080, host: '0.0.0.0', dataDir: '/var/lib/cw', databaseUrl: 'postgres://u@db:5432/shop', logLevel: 'warn',
    adminEmail: 'a@b.c', adminPassword: 'long enough!', seedDemo: false, databasePoolSize: 25, workers: 4,
  });
});

test('a read replica beside the PostgreSQL server, never beside the embedded database', () => {
  expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/shop', DATABASE_READ_URL: 'postgresql://u@replica:5432/shop', DATABASE_READ_WAIT_MS: '50' }))
    .toMatchObject({ databaseReadUrl: 'postgresql://u@replica:5432/shop', databaseReadWaitMs: 50 });
  expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u@replica:5432/shop' }))
    .toThrow('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replicas (set DATABASE_URL to the primary, or remove DATABASE_READ_URL)');
});

test('events, webhooks and jobs from the environment', () => {
  expect(loadConfig({
    NODE_ENV: 'production', DISPATCH_INTERVAL_MS: '250', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_MAX_AGE_HOURS: '0.5',
    WEBHOOK_RETRY_BASE_MS: '1000', WEBHOOK_TIMEOUT_MS: '5000', WEBHOOK_CONCURRENCY: '2', JOB_INTERVALS: 'checkout_sweep=5000,retry_webhooks=0',
    CART_EXPIRY_DAYS: '7', ABANDONED_CART_EMAIL_HOURS: '3', IDEMPOTENCY_KEY_HOURS: '48', TEST_CARD_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
  })).toMatchObject({
    production: true, dispatchIntervalMs: 250, webhookAllowPrivate: true, webhookMaxAgeHours: 0.5, webhookRetryBaseMs: 1000,
    webhookTimeoutMs: 5000, webhookConcurrency: 2, jobIntervals: { checkout_sweep: 5000, retry_webhooks: 0 }, cartExpiryDays: 7, abandonedCartEmailHours: 3,
    idempotencyKeyHours: 48, testCardWebhookSecret: 'whsec_0123456789abcdef',
  });
});

test('reorder settings from the environment, refused out of range', () => {
  expect(loadConfig({ REORDER_LEAD_TIME_DAYS: '14', REORDER_REVIEW_DAYS: '30', REORDER_SERVICE_LEVEL: '0.99' }))
    .toMatchObject({ reorderLeadTimeDays: 14, reorderReviewDays: 30, reorderServiceLevel: 0.99 });
  expect(() => loadConfig({ REORDER_SERVICE_LEVEL: '1' })).toThrow(/REORDER_SERVICE_LEVEL is invalid/);
  expect(() => loadConfig({ REORDER_LEAD_TIME_DAYS: '0' })).toThrow(/REORDER_LEAD_TIME_DAYS is invalid/);
});

test.each([
  [{ PORT: 'abc' }, 'PORT must be an integer, got "abc"'],
  [{ PORT: '70000' }, 'PORT is invalid'],
  [{ WORKERS: '0' }, 'WORKERS is invalid'],
  [{ WORKERS: 'all' }, 'WORKERS must be an integer, got "all"'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL is invalid'],
  [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL is invalid'],
  [{ DATABASE_URL: 'postgres://db/shop', DATABASE_READ_URL: 'replica:5432' }, 'DATABASE_READ_URL is invalid'],
  [{ DATABASE_URL: 'postgres://db/shop', DATABASE_READ_WAIT_MS: '-1' }, 'DATABASE_READ_WAIT_MS is invalid'],
  [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false, got "maybe"'],
  [{ ADMIN_EMAIL: 'a@b.c' }, 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together'],
  [{ MARKETING_WEBHOOK_URL: 'https://hooks.example.com/m' }, 'MARKETING_WEBHOOK_URL and MARKETING_WEBHOOK_SECRET must be set together'],
  [{ MARKETING_WEBHOOK_URL: 'https://hooks.example.com/m', MARKETING_WEBHOOK_SECRET: 'whsec_0123456789abcdef', KLAVIYO_API_KEY: 'pk_0123456789' }, 'set one marketing tool: MARKETING_WEBHOOK_URL or KLAVIYO_API_KEY, not both'],
  [{ CART_ABANDONED_HOURS: '-1' }, 'CART_ABANDONED_HOURS is invalid'],
  [{ CARRIER_TIMEOUT_MS: '50' }, 'CARRIER_TIMEOUT_MS is invalid'],
  [{ ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD is invalid'],
  [{ PAYMENT_CAPTURE: 'sometimes' }, 'PAYMENT_CAPTURE is invalid'],
  [{ STORE_STOCK_DISPLAY: 'vague' }, 'STORE_STOCK_DISPLAY is invalid'],
  [{ STOREFRONT_URL: 'shop.example' }, 'STOREFRONT_URL is invalid'],
  [{ STOREFRONT_CHECKOUT_PATH: 'checkout' }, 'STOREFRONT_CHECKOUT_PATH is invalid'],
  [{ STORE_STOCK_CAP: '0' }, 'STORE_STOCK_CAP is invalid'],
  [{ STORE_STOCK_CAP: 'ten' }, 'STORE_STOCK_CAP must be an integer, got "ten"'],
  [{ STRIPE_SECRET_KEY: 'pk_live_123' }, 'STRIPE_SECRET_KEY is invalid'],
  [{ SMTP_URL: 'http://mail' }, 'SMTP_URL is invalid'],
  [{ CARTWRIGHT_DATA_KEY: 'short' }, 'CARTWRIGHT_DATA_KEY is invalid'],
  [{ DISPATCH_INTERVAL_MS: '5000' }, 'DISPATCH_INTERVAL_MS is invalid'],
  [{ WEBHOOK_MAX_AGE_HOURS: 'a day' }, 'WEBHOOK_MAX_AGE_HOURS must be a number, got "a day"'],
  [{ WEBHOOK_MAX_AGE_HOURS: '0' }, 'WEBHOOK_MAX_AGE_HOURS is invalid'],
  [{ WEBHOOK_ALLOW_PRIVATE: 'sure' }, 'WEBHOOK_ALLOW_PRIVATE must be true or false, got "sure"'],
  [{ JOB_INTERVALS: 'checkout_sweep' }, 'JOB_INTERVALS must be a list of job=milliseconds, got "checkout_sweep"'],
  [{ TEST_CARD_WEBHOOK_SECRET: 'short' }, 'TEST_CARD_WEBHOOK_SECRET is invalid'],
  [{ DATABASE_STALL_TIMEOUT_MS: '10' }, 'DATABASE_STALL_TIMEOUT_MS is invalid'],
  [{ DATABASE_STALL_TIMEOUT_MS: '5000', DATABASE_WEDGED_EXIT_MS: '5000' }, 'DATABASE_WEDGED_EXIT_MS must be longer than DATABASE_STALL_TIMEOUT_MS'],
])('a bad setting stops the start, naming the variable: %o', (env, message) => {
  expect(() => loadConfig(env)).toThrow(message);
});

test('order settings from the environment', () => {
  expect(loadConfig({ ORDER_NUMBER_PREFIX: 'WEB-', RETURN_WINDOW_DAYS: '14' })).toMatchObject({ orderNumberPrefix: 'WEB-', returnWindowDays: 14 });
  expect(loadConfig({ ORDER_NUMBER_PREFIX: '' }).orderNumberPrefix).toBe('');
  expect(() => loadConfig({ ORDER_NUMBER_PREFIX: 'A B' })).toThrow('ORDER_NUMBER_PREFIX is invalid');
  expect(() => loadConfig({ RETURN_WINDOW_DAYS: '-1' })).toThrow('RETURN_WINDOW_DAYS is invalid');
});
