import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { migrations } from '../src/db/migrations/index.ts';
import { runCli, startServerProcess } from './helpers/processes.ts';
import { createTestDatabase, onServer, serverDatabaseUrl, type TestDatabase } from './helpers/test-database.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-backup-'));
  dirs.push(dir);
  return dir;
};
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.close()));
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

const OWNER = { ADMIN_EMAIL: 'backup@example.com', ADMIN_PASSWORD: 'backup password 1', SEED_DEMO: 'false' };

async function createProduct(url: string, token: string, sku: string) {
  const res = await fetch(`${url}/admin/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: sku, status: 'published', variants: [{ sku, prices: [{ currency_code: 'USD', amount: 1234 }] }] }),
  });
  expect(res.status).toBe(201);
}

async function skus(url: string): Promise<string[]> {
  const body = await (await fetch(`${url}/store/products?limit=100`)).json() as { data: { variants: { sku: string }[] }[] };
  return body.data.flatMap((p) => p.variants.map((v) => v.sku)).sort();
}

describe.skipIf(onServer)('backup and restore of the embedded database', () => {
  test('a backup taken while the shop runs, restored after more changes, brings back exactly what it held', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}.tar.gz`);
    dirs.push(file);
    const shop = await startServerProcess({ DATA_DIR: dataDir, ...OWNER });
    try {
      const { token } = await (await fetch(`${shop.url}/admin/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: OWNER.ADMIN_EMAIL, password: OWNER.ADMIN_PASSWORD }),
      })).json() as { token: string };
      await createProduct(shop.url, token, 'KEPT-1');
      const backup = await runCli(['backup', file], { DATA_DIR: dataDir });
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(/^backup written to .+\.tar\.gz \(\d+ KB\)\n$/);
      await createProduct(shop.url, token, 'AFTER-BACKUP');
      expect(await skus(shop.url)).toEqual(['AFTER-BACKUP', 'KEPT-1']);
      // A restore needs the shop stopped.
      const refused = await runCli(['restore', file], { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by process/);
    } finally {
      expect(await shop.stop()).toBe(0);
    }

    const restored = await runCli(['restore', file], { DATA_DIR: dataDir });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^restored .+; the database it replaced is in .+pglite\.before-restore-/);
    const again = await startServerProcess({ DATA_DIR: dataDir, ...OWNER });
    try {
      expect(await skus(again.url)).toEqual(['KEPT-1']);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });

  test('a new data directory starts migrated (from the build\'s template): migrate --dry-run has nothing to run', async () => {
    const dry = await runCli(['migrate', '--dry-run'], { DATA_DIR: tempDir() });
    expect(dry.stderr).toBe('');
    expect(dry.stdout.trim()).toBe('the database is up to date: nothing would run');
  });
});

describe.skipIf(!onServer)('backup and restore of a PostgreSQL database', () => {
  test('pg_dump of one database, restored into another, holds the same products', { timeout: 120_000 }, async () => {
    const source = await createTestDatabase();
    const target = await createTestDatabase();
    databases.push(source, target);
    const file = path.join(tempDir(), 'shop.dump');
    expect((await runCli(['seed', '--products', '4'], { DATABASE_URL: source.url! })).code).toBe(0);
    const backup = await runCli(['backup', file], { DATABASE_URL: source.url! });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^backup written to .+shop\.dump/);

    const restored = await runCli(['restore', file], { DATABASE_URL: target.url! });
    expect(restored.stderr).toBe('');
    const exported = (url: string) => runCli(['export-products'], { DATABASE_URL: url }).then((r) => r.stdout);
    const restoredCsv = await exported(target.url!);
    expect(new Set(restoredCsv.trim().split('\n').slice(1).map((line) => line.split(',')[0])).size).toBe(4);
    expect(restoredCsv).toBe(await exported(source.url!));
  });

  test('migrate --dry-run lists what would run on a new database and runs nothing', async () => {
    const name = `cw_t_dry_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const env = { DATABASE_URL: serverDatabaseUrl(name) };
      const dry = await runCli(['migrate', '--dry-run'], env);
      expect(dry.stderr).toBe('');
      expect(dry.stdout).toMatch(/^-- 0001-foundation\n/);
      // every migration, in order, the newest last
      expect(dry.stdout.match(/^-- (\S+)$/gm)).toEqual(Object.keys(migrations).map((name) => `-- ${name}`));
      expect((await runCli(['migrate', '--dry-run'], env)).stdout).toBe(dry.stdout);
      expect((await runCli(['migrate'], env)).code).toBe(0);
      expect((await runCli(['migrate', '--dry-run'], env)).stdout.trim()).toBe('the database is up to date: nothing would run');
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000); // four CLI runs, each a process start (through tsx when the bundle is older than the sources)
});
