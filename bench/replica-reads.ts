import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { startShop } from '../src/main.ts';
import { createPgCluster, createPgReplica } from '../test/helpers/pg-cluster.ts';
import { ADMIN, requester, TEST_DATA_KEY } from '../test/helpers/test-shop.ts';
import { report } from './harness.ts';

/**
 * `npx tsx bench/replica-reads.ts`: what a Store read right after an admin change costs with a read
 * replica (it waits for the replica to replay the change) and without, on a primary and a streaming
 * replica of its own (pg_basebackup), so it is not part of `npm run bench`. Two shops on the same
 * primary, one with DATABASE_READ_URL, take turns: BENCH_READS (default 200) rounds of "rename the
 * product, read it through the Store API" each, twice; every read must show the new title. Prints
 * the median and p95 of the reads, and where the replica shop's read connections went.
 */
const reads = Number(process.env.BENCH_READS ?? 200);
const primary = await createPgCluster('bench-primary');
const replica = await createPgReplica(primary, 'bench-replica');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-bench-replica-'));
try {
  const open = async (env: Record<string, string>) => {
    const config = { ...loadConfig({ DATABASE_URL: primary.url(), DATA_DIR: dataDir, SEED_DEMO: 'false', ...env }), port: 0, logLevel: 'silent' as const, dataKey: TEST_DATA_KEY, adminEmail: ADMIN.email, adminPassword: ADMIN.password };
    const running = await startShop(config, { background: false });
    let token = '';
    const request = requester(running.app, () => token);
    token = (await request<{ token: string }>('POST', '/admin/auth/login', { body: ADMIN, token: null })).body.token;
    return { running, request };
  };
  const plain = await open({});
  const replicated = await open({ DATABASE_READ_URL: replica.url() });
  const routes: Record<string, number> = {};
  replicated.running.database.replica!.onRoute((route) => (routes[route] = (routes[route] ?? 0) + 1));
  const product = (await plain.request<{ id: string }>('POST', '/admin/products', { body: { title: 'Measured', handle: 'measured', status: 'published', variants: [{ prices: [] }] } })).body;
  for (const round of [1, 2]) {
    for (const [setup, shop] of [['primary_only', plain], ['with_replica', replicated]] as const) {
      const times: number[] = [];
      for (let i = 0; i < reads; i++) {
        const title = `Measured ${setup} ${round}.${i}`;
        await shop.request('POST', `/admin/products/${product.id}`, { body: { title } });
        const started = performance.now();
        const read = await shop.request<{ title: string }>('GET', '/store/products/measured');
        times.push(performance.now() - started);
        if (read.body.title !== title) throw new Error(`stale read: ${read.body.title}, expected ${title}`);
      }
      times.sort((a, b) => a - b);
      const ms = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 100) / 100;
      report({ bench: 'replica_reads', case: setup, round, reads_after_change: reads, median_ms: ms(0.5), p95_ms: ms(0.95) });
    }
  }
  report({ bench: 'replica_reads', case: 'routes', ...routes });
  await replicated.running.stop();
  await plain.running.stop();
} finally {
  replica.destroy();
  primary.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
