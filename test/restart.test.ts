import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { onServer } from './helpers/test-database.ts';
import { startServerProcess } from './helpers/processes.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-restart-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function json(url: string, init?: RequestInit & { token?: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init?.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers });
  return { status: res.status, body: await res.json() as any };
}

// The embedded database's own promise: data in DATA_DIR survives a restart. (The server run of the suite
// covers PostgreSQL elsewhere; this test starts real processes on PGlite either way, so it runs once.)
describe.skipIf(onServer)('npm start on the embedded database', () => {
  test('first start sets up and prints the owner password; a restart keeps every change and does not seed again', async () => {
    const dataDir = tempDir();
    // No CARTWRIGHT_DATA_KEY: the embedded default generates its key file, readable by its owner only.
    const first = await startServerProcess({ DATA_DIR: dataDir, CARTWRIGHT_DATA_KEY: '' });
    expect(fs.statSync(path.join(dataDir, 'data.key')).mode & 0o777).toBe(0o600);
    const banner = first.output();
    expect(banner).toContain(`${first.url}/store/products`);
    expect(banner).toContain(`${first.url}/admin`);
    expect(banner).toContain(`${first.url}/docs`);
    expect(banner).toContain('Owner       admin@cartwright.local');
    expect(banner).toContain('Demo data   60 products loaded');
    const password = /Password {4}(\S+)/.exec(banner)![1];
    expect(password).toHaveLength(20);

    const login = await json(`${first.url}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@cartwright.local', password }) });
    expect(login.status).toBe(200);
    const token = login.body.token;
    const created = await json(`${first.url}/admin/products`, {
      method: 'POST', token, body: JSON.stringify({ title: 'Survivor', status: 'published', variants: [{ sku: 'SURV-1', prices: [{ currency_code: 'USD', amount: 777 }] }] }),
    });
    expect(created.status).toBe(201);
    const all = await json(`${first.url}/admin/products?limit=100`, { token });
    expect(all.body.data).toHaveLength(61);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'cartwright.lock'))).toBe(false);

    const second = await startServerProcess({ DATA_DIR: dataDir, CARTWRIGHT_DATA_KEY: '' });
    try {
      expect(second.output()).not.toContain('Password');
      expect(second.output()).not.toContain('Demo data');
      // Same owner password, same session store, same products: nothing re-seeded, nothing lost.
      const again = await json(`${second.url}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@cartwright.local', password }) });
      expect(again.status).toBe(200);
      expect((await json(`${second.url}/admin/products?limit=100`, { token })).body.data).toHaveLength(61);
      const survivor = await json(`${second.url}/store/products/survivor`);
      expect(survivor.body.variants[0]).toMatchObject({ sku: 'SURV-1', prices: [{ currency_code: 'USD', amount: 777 }] });
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  }, 90_000); // two real starts, slow on a busy two-core machine

  test('ADMIN_EMAIL and ADMIN_PASSWORD set the owner on the first start; SEED_DEMO=false starts empty', async () => {
    const server = await startServerProcess({ DATA_DIR: tempDir(), ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'from-the-environment', SEED_DEMO: 'false' });
    try {
      expect(server.output()).toContain('Owner       ops@example.com');
      expect(server.output()).not.toContain('Password');
      const login = await json(`${server.url}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'ops@example.com', password: 'from-the-environment' }) });
      expect(login.status).toBe(200);
      expect((await json(`${server.url}/store/products`)).body).toEqual({ data: [], next_cursor: null });
    } finally {
      await server.stop();
    }
  });

  test('a second process on the same data directory is refused, and a bad setting stops the start', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    try {
      await expect(startServerProcess({ DATA_DIR: dataDir })).rejects.toThrow(/in use by process/);
      await expect(startServerProcess({ DATA_DIR: tempDir(), PORT: 'ninety' })).rejects.toThrow(/PORT must be an integer/);
    } finally {
      await server.stop();
    }
  });
});
