import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from './config.ts';

test('defaults', () => {
  expect(loadConfig({})).toEqual({
    port: 9000,
    host: '127.0.0.1',
    dataDir: path.resolve('./data'),
    databaseUrl: null,
    databasePoolSize: 10,
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
  });
});

test('values from the environment', () => {
  const config = loadConfig({
    PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/cw', DATABASE_URL: 'postgres://u@db:5432/shop', LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'long enough!', SEED_DEMO: 'false', DATABASE_POOL_SIZE: '25',
  });
  expect(config).toMatchObject({
    port: 8080, host: '0.0.0.0', dataDir: '/var/lib/cw', databaseUrl: 'postgres://u@db:5432/shop', logLevel: 'warn',
    adminEmail: 'a@b.c', adminPassword: 'long enough!', seedDemo: false, databasePoolSize: 25,
  });
});

test.each([
  [{ PORT: 'abc' }, 'PORT must be an integer, got "abc"'],
  [{ PORT: '70000' }, 'PORT is invalid'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL is invalid'],
  [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL is invalid'],
  [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false, got "maybe"'],
  [{ ADMIN_EMAIL: 'a@b.c' }, 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together'],
  [{ ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD is invalid'],
  [{ PAYMENT_CAPTURE: 'sometimes' }, 'PAYMENT_CAPTURE is invalid'],
])('a bad setting stops the start, naming the variable: %o', (env, message) => {
  expect(() => loadConfig(env)).toThrow(message);
});
