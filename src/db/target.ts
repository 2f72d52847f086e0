import path from 'node:path';
import type { Config } from '../config.ts';
import type { DatabaseTarget } from './connection.ts';

/**
 * DATABASE_URL selects a PostgreSQL server (DATABASE_READ_URL a streaming replica of it for the Store
 * API's catalog reads); without it the shop runs on PGlite in DATA_DIR.
 */
export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl
    ? {
      kind: 'postgres',
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      ...(config.databaseReadUrl ? { replica: { url: config.databaseReadUrl, waitMs: config.databaseReadWaitMs } } : {}),
    }
    : {
      kind: 'embedded',
      dataDir: path.resolve(config.dataDir),
      watchdog: { stallMs: config.databaseStallTimeoutMs, wedgedMs: config.databaseWedgedExitMs },
    };
}
