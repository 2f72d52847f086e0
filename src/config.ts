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
  host: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  databaseUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  databasePoolSize: Type.Integer({ minimum: 1, maximum: 500 }),
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

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function str(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : raw;
}

/** Reads and validates the configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const config: Config = {
    port: int(env, 'PORT', 9000),
    host: str(env, 'HOST') ?? '127.0.0.1',
    dataDir: path.resolve(str(env, 'DATA_DIR') ?? './data'),
    databaseUrl: str(env, 'DATABASE_URL'),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10),
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
  };
  const names: Record<string, string> = {
    port: 'PORT', host: 'HOST', dataDir: 'DATA_DIR', databaseUrl: 'DATABASE_URL',
    databasePoolSize: 'DATABASE_POOL_SIZE', logLevel: 'LOG_LEVEL', publicUrl: 'PUBLIC_URL',
    adminEmail: 'ADMIN_EMAIL', adminPassword: 'ADMIN_PASSWORD', adminSessionHours: 'ADMIN_SESSION_HOURS',
    seedDemo: 'SEED_DEMO', bodyLimitBytes: 'BODY_LIMIT_BYTES', importLimitBytes: 'IMPORT_LIMIT_BYTES',
    catalogCacheEntries: 'CATALOG_CACHE_ENTRIES', paymentTimeoutMs: 'PAYMENT_TIMEOUT_MS', paymentCapture: 'PAYMENT_CAPTURE',
    checkoutHoldMinutes: 'CHECKOUT_HOLD_MINUTES', sweepIntervalMs: 'SWEEP_INTERVAL_MS',
  };
  const first = Value.Errors(ConfigSchema, config).First();
  if (first) {
    const key = first.path.split('/')[1] ?? '';
    throw new ConfigError(`${names[key] ?? key} is invalid: ${first.message}`);
  }
  if ((config.adminEmail === null) !== (config.adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return config;
}
