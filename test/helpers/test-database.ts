import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import type { WatchdogLimits } from '../../src/db/database-thread.ts';

export const onServer = Boolean(process.env.TEST_DATABASE_URL);

/** The URL of a database called `name` on the test server. */
export function serverDatabaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Server only: the URL of this file's own database, for extra processes that share it. */
  url: string | null;
  /** Opens another handle (another "process") on the same server database. */
  openAnother(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

/**
 * A migrated, empty database of this test file's own: a copy of the run's template, on PGlite in memory
 * or, with TEST_DATABASE_URL, as a new database on the server (dropped afterwards).
 */
export async function createTestDatabase(options: { watchdog?: WatchdogLimits } = {}): Promise<TestDatabase> {
  if (!onServer) {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const handle = await openDatabase({ kind: 'embedded', memory: true, loadDataDir: blob, watchdog: options.watchdog });
    return {
      handle,
      url: null,
      openAnother: () => Promise.reject(new Error('the embedded database has one process')),
      close: () => handle.close(),
    };
  }
  const name = `cw_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('pgTemplateDatabase')}`);
  } finally {
    await admin.end();
  }
  const url = serverDatabaseUrl(name);
  const others: DatabaseHandle[] = [];
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  return {
    handle,
    url,
    async openAnother() {
      const other = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all([handle, ...others].map((h) => h.close()));
      const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
