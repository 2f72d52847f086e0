import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { onChange } from '../src/db/changes.ts';
import { startShop, type RunningShop } from '../src/main.ts';
import { createPgCluster, createPgReplica, pauseReplay, queryCluster, resumeReplay, waitForReplay, type PgCluster } from './helpers/pg-cluster.ts';
import { onServer } from './helpers/test-database.ts';
import { ADMIN, requester, TEST_DATA_KEY } from './helpers/test-shop.ts';

/**
 * DATABASE_READ_URL against a real streaming replica: a primary and a replica of this file's own
 * (pg_basebackup), migrated and set up by the shop itself. Replay is paused to make the replica lag
 * for exactly as long as a test needs. Runs in the PostgreSQL pass only: it needs PostgreSQL's tools,
 * and nothing of the embedded database is involved.
 */
const METRICS_TOKEN = 'replica-metrics-token-0123456789';

interface Shop {
  running: RunningShop;
  request: ReturnType<typeof requester>;
  metric(name: string): Promise<number | undefined>;
}

/** Files a shop keeps beside its database (the ledger's signing key), out of the working tree. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-read-replica-'));

async function openShop(primary: PgCluster, replica: PgCluster, env: Record<string, string>): Promise<Shop> {
  const config = {
    ...loadConfig({ DATABASE_URL: primary.url(), DATABASE_READ_URL: replica.url(), DATA_DIR: dataDir, SEED_DEMO: 'false', ...env }),
    port: 0, logLevel: 'silent' as const, dataKey: TEST_DATA_KEY, secureCookies: false, metricsToken: METRICS_TOKEN,
    adminEmail: ADMIN.email, adminPassword: ADMIN.password,
  };
  const running = await startShop(config, { background: false });
  let token = '';
  const request = requester(running.app, () => token);
  const login = await request<{ token: string }>('POST', '/admin/auth/login', { body: ADMIN, token: null });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  token = login.body.token;
  return {
    running,
    request,
    async metric(name) {
      const res = await request('GET', '/metrics', { token: METRICS_TOKEN });
      const line = res.text.split('\n').find((l) => l.startsWith(`${name} `));
      return line === undefined ? undefined : Number(line.slice(name.length + 1));
    },
  };
}

describe.runIf(onServer)('read replica (DATABASE_READ_URL)', () => {
  let primary: PgCluster;
  let replica: PgCluster;
  /** Waits at most 100 ms for the replica, then reads the primary. */
  let shop: Shop;
  /** A second process on the same servers that waits up to a minute for the replica: it hears changes through NOTIFY. */
  let patient: Shop;
  let locationId: string;

  beforeAll(async () => {
    primary = await createPgCluster('read-primary');
    replica = await createPgReplica(primary, 'read-replica');
    shop = await openShop(primary, replica, { DATABASE_READ_WAIT_MS: '100' });
    const region = await shop.request('POST', '/admin/regions', { body: { name: 'United States', currency_code: 'USD', tax_inclusive: false, default_tax_rate: 10, countries: ['US'] } });
    expect(region.status, region.text).toBe(201);
    const warehouse = await shop.request<any>('POST', '/admin/inventory/locations', { body: { name: 'Main Warehouse', code: 'main' } });
    expect(warehouse.status, warehouse.text).toBe(201);
    locationId = warehouse.body.id;
    patient = await openShop(primary, replica, { DATABASE_READ_WAIT_MS: '60000' });
  }, 60_000);

  afterAll(async () => {
    await patient?.running.stop();
    await shop?.running.stop();
    replica?.destroy();
    primary?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function createProduct(handle: string, title: string, amount: number) {
    const res = await shop.request<any>('POST', '/admin/products', {
      body: { title, handle, status: 'published', variants: [{ sku: handle.toUpperCase(), prices: [{ currency_code: 'USD', amount }] }] },
    });
    expect(res.status, res.text).toBe(201);
    const stock = await shop.request('POST', '/admin/inventory/adjustments', { body: { variant_id: res.body.variants[0].id, location_id: locationId, delta: 10, reason: 'received' } });
    expect(stock.status, stock.text).toBe(201);
    await waitForReplay(primary, replica);
    return res.body as { id: string; variants: { id: string }[] };
  }

  const titleOn = async (cluster: PgCluster, id: string) =>
    (await queryCluster<{ title: string }>(cluster, 'select title from product where id = $1', [id]))[0]?.title;
  const priceOf = (product: any) => product.variants[0].prices[0].amount;

  test('catalog reads come from the replica; carts, customers and staff read their own writes from the primary', async () => {
    const product = await createProduct('mug', 'Mug', 1200);
    expect((await shop.request<any>('GET', '/store/products/mug')).body.title).toBe('Mug');

    await pauseReplay(replica);
    try {
      // A write no change signal covers (straight into the primary, no NOTIFY): the replica does not
      // have it, and a catalog read not seen before shows what the replica has.
      await queryCluster(primary, `update product set title = 'Mug (primary only)' where id = $1`, [product.id]);
      expect(await titleOn(replica, product.id)).toBe('Mug');
      const read = await shop.request<any>('GET', `/store/products/${product.id}`);
      expect(read.status, read.text).toBe(200);
      expect(read.body.title).toBe('Mug');

      // What the replica has not replayed is found all the same where a caller reads its own writes.
      const cart = await shop.request<any>('POST', '/store/carts', { body: { currency_code: 'USD' } });
      expect(cart.status, cart.text).toBe(201);
      const line = await shop.request<any>('POST', `/store/carts/${cart.body.id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 2 } });
      expect(line.status, line.text).toBe(200);
      const again = await shop.request<any>('GET', `/store/carts/${cart.body.id}`);
      expect(again.status, again.text).toBe(200);
      expect(again.body.items.map((i: any) => [i.title, i.quantity, i.unit_price])).toEqual([['Mug (primary only)', 2, 1200]]);

      const signUp = await shop.request<any>('POST', '/store/customers', {
        body: { email: 'ada@replica.test', password: 'plum orchard 42', first_name: 'Ada', last_name: 'Lovelace' },
      });
      expect(signUp.status, signUp.text).toBe(201);
      const me = await shop.request<any>('GET', '/store/customers/me', { headers: { authorization: `Bearer ${signUp.body.token}` } });
      expect(me.status, me.text).toBe(200);
      expect(me.body.email).toBe('ada@replica.test');

      const made = await shop.request<any>('POST', '/admin/products', { body: { title: 'Teapot', handle: 'teapot', variants: [{ prices: [] }] } });
      expect(made.status, made.text).toBe(201);
      const fetched = await shop.request<any>('GET', `/admin/products/${made.body.id}`);
      expect(fetched.status, fetched.text).toBe(200);
      expect(fetched.body.title).toBe('Teapot');
      expect(await queryCluster(replica, 'select 1 from product where id = $1', [made.body.id])).toEqual([]);
    } finally {
      await resumeReplay(replica);
    }
  });

  test('a change heard while the replica lags is read from the primary, never cached stale', async () => {
    const product = await createProduct('kettle', 'Kettle', 3000);
    expect((await shop.request<any>('GET', '/store/products/kettle')).body).toMatchObject({ title: 'Kettle', variants: [{ prices: [{ amount: 3000 }] }] });

    await pauseReplay(replica);
    try {
      const lagging = await shop.metric('cartwright_db_replica_reads_total{route="primary_lagging"}') ?? 0;
      const renamed = await shop.request<any>('POST', `/admin/products/${product.id}`, { body: { title: 'Kettle, steel' } });
      expect(renamed.status, renamed.text).toBe(200);
      const repriced = await shop.request<any>('POST', `/admin/products/${product.id}/variants/${product.variants[0].id}/prices`, { body: { prices: [{ currency_code: 'USD', amount: 3500 }] } });
      expect(repriced.status, repriced.text).toBe(200);
      // The replica still has the old product: a plain read there would be stale.
      expect(await titleOn(replica, product.id)).toBe('Kettle');
      expect(await titleOn(primary, product.id)).toBe('Kettle, steel');

      for (const url of ['/store/products/kettle', `/store/products/${product.id}`, '/store/products/kettle']) {
        const read = await shop.request<any>('GET', url);
        expect(read.status, read.text).toBe(200);
        expect([read.body.title, priceOf(read.body)]).toEqual(['Kettle, steel', 3500]);
      }
      const list = await shop.request<any>('GET', '/store/products?q=kettle');
      expect(list.body.data.map((p: any) => [p.title, priceOf(p)])).toEqual([['Kettle, steel', 3500]]);
      // Two reads missed the cache (the third was a hit), plus the list; each went to the primary.
      expect(await shop.metric('cartwright_db_replica_reads_total{route="primary_lagging"}')).toBeGreaterThan(lagging);
      expect(await shop.metric('cartwright_db_replica_lag_bytes')).toBeGreaterThan(0);
      expect(await shop.metric('cartwright_db_replica_up')).toBe(1);
      const served = (await shop.request('GET', '/metrics', { token: METRICS_TOKEN })).text;
      const charted = fs.readFileSync(new URL('../docs/grafana-dashboard.json', import.meta.url), 'utf8').match(/cartwright_db_replica_[a-z_]+/g)!;
      expect(charted.length).toBe(2);
      for (const name of charted) expect(served, name).toMatch(new RegExp(`^${name}[{ ]`, 'm'));
    } finally {
      await resumeReplay(replica);
    }
    await waitForReplay(primary, replica);
    const replicaReads = await shop.metric('cartwright_db_replica_reads_total{route="replica_caught_up"}') ?? 0;
    const later = await shop.request<any>('GET', '/store/products?q=steel');
    expect(later.body.data.map((p: any) => [p.title, priceOf(p)])).toEqual([['Kettle, steel', 3500]]);
    // Caught up: the replica serves again (after one look at how far it got).
    expect(await shop.metric('cartwright_db_replica_reads_total{route="replica_caught_up"}')).toBe(replicaReads + 1);
  });

  test('a process that hears of a change from another waits for the replica to replay it', async () => {
    const product = await createProduct('teacup', 'Teacup', 800);
    expect((await patient.request<any>('GET', '/store/products/teacup')).body.title).toBe('Teacup');

    await pauseReplay(replica);
    let resumed = false;
    try {
      const heard = new Promise<void>((resolve) => {
        const off = onChange(patient.running.database.db, (topic) => topic === 'catalog' && (off(), resolve()));
      });
      const renamed = await shop.request<any>('POST', `/admin/products/${product.id}`, { body: { title: 'Teacup, bone china' } });
      expect(renamed.status, renamed.text).toBe(200);
      await heard;
      const reading = patient.request<any>('GET', '/store/products/teacup');
      const caughtUp = await patient.metric('cartwright_db_replica_reads_total{route="replica_caught_up"}');
      await expect.poll(() => patient.metric('cartwright_db_replica_waiting_reads'), { timeout: 10_000, interval: 50 }).toBe(1);
      expect(await titleOn(replica, product.id)).toBe('Teacup');
      await resumeReplay(replica);
      resumed = true;
      const read = await reading;
      expect(read.status, read.text).toBe(200);
      expect(read.body.title).toBe('Teacup, bone china');
      expect(await patient.metric('cartwright_db_replica_reads_total{route="replica_caught_up"}')).toBe(caughtUp! + 1);
      expect(await patient.metric('cartwright_db_replica_reads_total{route="primary_lagging"}')).toBeUndefined();
    } finally {
      if (!resumed) await resumeReplay(replica);
    }
  });

  test('with the replica down, reads go to the primary; they come back to it once it answers', async () => {
    const product = await createProduct('saucer', 'Saucer', 500);
    replica.stop('fast');
    try {
      const renamed = await shop.request<any>('POST', `/admin/products/${product.id}`, { body: { title: 'Saucer, blue' } });
      expect(renamed.status, renamed.text).toBe(200);
      for (const url of ['/store/products/saucer', '/store/products?q=saucer', '/store/regions']) {
        const read = await shop.request<any>('GET', url);
        expect(read.status, `${url}: ${read.text}`).toBe(200);
      }
      expect((await shop.request<any>('GET', '/store/products/saucer')).body.title).toBe('Saucer, blue');
      expect((await shop.request('GET', '/ready')).status).toBe(200);
      expect(await shop.metric('cartwright_db_replica_up')).toBe(0);
      expect(await shop.metric('cartwright_db_replica_reads_total{route="primary_replica_down"}')).toBeGreaterThanOrEqual(2);
    } finally {
      replica.start();
    }
    await waitForReplay(primary, replica);
    const served = async () => {
      // A URL of its own each time, so the store cache never answers it.
      const read = await shop.request<any>('GET', `/store/products?q=saucer&limit=${Math.floor(Math.random() * 99) + 1}`);
      expect(read.body.data.map((p: any) => p.title)).toEqual(['Saucer, blue']);
      return (await shop.metric('cartwright_db_replica_reads_total{route="replica"}') ?? 0)
        + (await shop.metric('cartwright_db_replica_reads_total{route="replica_caught_up"}') ?? 0);
    };
    const before = await served();
    await expect.poll(served, { timeout: 15_000, interval: 250 }).toBeGreaterThan(before);
  });
});
