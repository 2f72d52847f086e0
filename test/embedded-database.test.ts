import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StuckStatement } from '../src/db/database-thread.ts';
import { freePort, startServerProcess } from './helpers/processes.ts';
import { onServer } from './helpers/test-database.ts';
import { startTestShop, TEST_DATA_KEY, type TestShop } from './helpers/test-shop.ts';

const root = path.resolve(import.meta.dirname, '..');

// The embedded database runs on a thread of its own (docs/configuration.md, "The embedded database"):
// these are its promises to the HTTP side. A PostgreSQL server is another process anyway.
describe.skipIf(onServer)('the embedded database never blocks the HTTP thread', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop({ databaseStallTimeoutMs: 700, databaseWedgedExitMs: 60_000 });
  });
  afterAll(() => shop?.close());

  test('while a long statement runs, timers fire and /health answers before it ends', async () => {
    const order: string[] = [];
    const statement = sql`select pg_sleep(0.5)`.execute(shop.db).then(() => order.push('statement'));
    // On the HTTP thread this timer could not fire until the statement ended.
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('timer');
    const health = await shop.get('/health');
    order.push('health');
    await statement;
    expect(health.status).toBe(200);
    expect(order).toEqual(['timer', 'health', 'statement']);
  });

  test('a statement stuck past the limit: 503 database_unavailable, /ready says so, the log names the statement; then it recovers', async () => {
    const stalled = new Promise<StuckStatement>((resolve) => shop.database.handle.thread!.once('stalled', resolve));
    const stuck = sql`select pg_sleep(2.5)`.execute(shop.db).then(() => 'finished', (error: Error) => error.message);
    const waiting = shop.get('/store/products');
    expect((await stalled).statement).toContain('pg_sleep');
    expect(await stuck).toMatch(/the database is not answering: a statement has run for over/);
    const refused = await waiting;
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ error: { code: 'database_unavailable', message: 'The database is not reachable.', details: {} } });
    expect((await shop.get('/ready')).status).toBe(503);
    expect((await shop.get('/health')).status).toBe(200);
    // When the statement ends at last the database answers again, on a clean connection.
    await new Promise((resolve) => shop.database.handle.thread!.once('recovered', resolve));
    expect((await shop.get('/ready')).body).toEqual({ status: 'ready' });
    expect((await shop.get('/store/products')).status).toBe(200);
  });

  test('a transaction cut off by the watchdog commits nothing, and the next one runs outside it', async () => {
    const stalled = new Promise((resolve) => shop.database.handle.thread!.once('stalled', resolve));
    const cut = shop.db.transaction().execute(async (tx) => {
      await sql`create table watchdog_probe (n int)`.execute(tx);
      await sql`insert into watchdog_probe values (1)`.execute(tx);
      await sql`select pg_sleep(1.5)`.execute(tx);
      await sql`insert into watchdog_probe values (2)`.execute(tx);
    }).then(() => 'committed', () => 'failed');
    await stalled;
    expect(await cut).toBe('failed');
    await new Promise((resolve) => shop.database.handle.thread!.once('recovered', resolve));
    // The one connection would still see the table were the cut transaction open on it (a session sees
    // its own uncommitted work): it was rolled back, and what follows runs outside it.
    const exists = await sql<{ found: boolean }>`select to_regclass('watchdog_probe') is not null as found`.execute(shop.db);
    expect(exists.rows).toEqual([{ found: false }]);
  });
});

describe.skipIf(onServer)('cartwright start with a busy embedded database', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-busy-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  /** Starts the busy-shop fixture and resolves once its statement is running. */
  async function busyShop(env: Record<string, string>) {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/busy-shop.ts'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), CARTWRIGHT_DATA_KEY: TEST_DATA_KEY, SEED_DEMO: 'false', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => output.includes('busy\n') && resolve());
      child.on('exit', () => reject(new Error(`the shop exited:\n${output}`)));
    });
    return { url: `http://127.0.0.1:${port}`, child, exited, output: () => output };
  }

  test('SIGTERM stops the process within 15 s although a statement runs for minutes; the data survives', async () => {
    const dataDir = tempDir();
    const shop = await busyShop({ DATA_DIR: dataDir, BUSY_SECONDS: '600' });
    expect((await fetch(`${shop.url}/health`)).status).toBe(200);
    const signalled = Date.now();
    shop.child.kill('SIGTERM');
    const code = await shop.exited;
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(code).toBe(0);
    // The next start recovers the data directory (the statement's work was never committed).
    const again = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    try {
      expect((await fetch(`${again.url}/ready`)).status).toBe(200);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  }, 90_000);

  test('a database wedged past DATABASE_WEDGED_EXIT_MS makes the process exit non-zero, for its supervisor to restart', async () => {
    const shop = await busyShop({ DATA_DIR: tempDir(), BUSY_SECONDS: '600', DATABASE_STALL_TIMEOUT_MS: '3000', DATABASE_WEDGED_EXIT_MS: '6000' });
    expect(await shop.exited).toBe(70);
    expect(shop.output()).toContain('database stalled');
    expect(shop.output()).toContain('pg_sleep');
    expect(shop.output()).toContain('database wedged past DATABASE_WEDGED_EXIT_MS');
  }, 60_000);
});
