import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { relayChanges, signalChange } from '../../db/changes.ts';
import { inTransaction } from '../../db/transaction.ts';
import { buildApp } from '../../http/app.ts';
import { requester, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { onServer } from '../../../test/helpers/test-database.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import { StoreResponseCache } from './store-cache.ts';

let shop: TestShop;
let productId: string;
beforeAll(async () => {
  shop = await startTestShop();
  const created = await shop.post('/admin/products', {
    title: 'Cache Mug', handle: 'cache-mug', status: 'published',
    variants: [{ sku: 'CM-1', prices: [{ currency_code: 'USD', amount: 1200 }] }],
  });
  productId = created.body.id;
});
afterAll(async () => shop?.close());

describe('the store cache never serves a stale catalog', () => {
  test('a repeated read is served from the cache, byte for byte', async () => {
    const first = await shop.get('/store/products?limit=5');
    expect(first.body.data.map((p: any) => p.title)).toEqual(['Cache Mug']);
    // A marker: the title changed behind the application's back (no change signal), so only a read
    // that ran its query can see it.
    await shop.db.updateTable('product').set({ title: 'Changed Behind The Cache' }).where('id', '=', productId).execute();
    try {
      const second = await shop.get('/store/products?limit=5');
      expect(second.text).toBe(first.text);
      expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
      // Another URL is not cached yet: it reads the database, which did change.
      expect((await shop.get('/store/products?limit=6')).body.data.map((p: any) => p.title)).toEqual(['Changed Behind The Cache']);
    } finally {
      await shop.db.updateTable('product').set({ title: 'Cache Mug' }).where('id', '=', productId).execute();
    }
  });

  test('an admin change is visible to the very next read (list and detail)', async () => {
    expect((await shop.get('/store/products/cache-mug')).body.title).toBe('Cache Mug');
    expect((await shop.get('/store/products?limit=5')).body.data[0].title).toBe('Cache Mug');
    await shop.post(`/admin/products/${productId}`, { title: 'Cache Mug Deluxe' });
    expect((await shop.get('/store/products/cache-mug')).body.title).toBe('Cache Mug Deluxe');
    expect((await shop.get('/store/products?limit=5')).body.data[0].title).toBe('Cache Mug Deluxe');
  });

  test('a price change and an unpublish are visible at once', async () => {
    const variantId = (await shop.get('/store/products/cache-mug')).body.variants[0].id;
    await shop.post(`/admin/products/${productId}/variants/${variantId}/prices`, { prices: [{ currency_code: 'USD', amount: 1500 }] });
    expect((await shop.get('/store/products/cache-mug')).body.variants[0].prices).toEqual([{ currency_code: 'USD', amount: 1500 }]);
    await shop.post(`/admin/products/${productId}/unpublish`);
    expect((await shop.get('/store/products/cache-mug')).status).toBe(404);
    expect((await shop.get('/store/products?limit=5')).body.data).toEqual([]);
    await shop.post(`/admin/products/${productId}/publish`);
    expect((await shop.get('/store/products/cache-mug')).status).toBe(200);
  });

  test('a change rolled back leaves the cache as it was and still exact', async () => {
    const before = await shop.get('/store/products/cache-mug');
    const refused = await shop.post('/admin/products', { title: 'Dup', handle: 'cache-mug' });
    expect(refused.status).toBe(409);
    expect((await shop.get('/store/products/cache-mug')).text).toBe(before.text);
  });
});

describe('StoreResponseCache', () => {
  test('a read that began before a change does not store its result', async () => {
    const cache = new StoreResponseCache(shop.db, 10);
    let finish!: (value: string) => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (finish = resolve)).then((body) => ({ body, ids: [] })));
    cache.clear(); // the catalog changed while the slow read was running
    finish('stale');
    expect((await slow).body).toBe('stale');
    expect((await cache.get('k', async () => ({ body: 'fresh', ids: [] }))).body).toBe('fresh');
    cache.close();
  });

  test('a stock change drops only the responses showing that variant, and stops a read in flight storing', async () => {
    const cache = new StoreResponseCache(shop.db, 10);
    await cache.get('a', async () => ({ body: 'A', ids: ['prod_1', 'var_1'] }));
    await cache.get('b', async () => ({ body: 'B', ids: ['prod_2', 'var_2'] }));
    cache.invalidate(['var_1']);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('b')?.body).toBe('B');
    let finish!: () => void;
    const inFlight = cache.get('c', () => new Promise<void>((r) => (finish = r)).then(() => ({ body: 'C', ids: ['var_2'] })));
    cache.invalidate(['var_2']);
    finish();
    await inFlight;
    expect(cache.peek('c')).toBeUndefined();
    expect(cache.peek('b')).toBeUndefined();
    cache.close();
  });

  test('any other change topic drops only the responses that named it, and stops a read in flight naming it storing', async () => {
    const cache = new StoreResponseCache(shop.db, 10);
    await cache.get('a', async () => ({ body: 'A', ids: ['prod_1', 'scores'] }));
    await cache.get('b', async () => ({ body: 'B', ids: ['prod_1'] }));
    let finish!: () => void;
    const inFlight = cache.get('c', () => new Promise<void>((r) => (finish = r)).then(() => ({ body: 'C', ids: ['scores'] })));
    await inTransaction(shop.db, (tx) => signalChange(tx, 'scores'));
    finish();
    await inFlight;
    expect([cache.peek('a'), cache.peek('b')?.body, cache.peek('c')]).toEqual([undefined, 'B', undefined]);
    cache.close();
  });

  test('concurrent misses for one key share one load, and the oldest entry leaves first', async () => {
    const cache = new StoreResponseCache(shop.db, 2);
    let loads = 0;
    const load = async () => ({ body: `v${++loads}`, ids: [] });
    const bodies = async (...reads: Promise<{ body: string }>[]) => (await Promise.all(reads)).map((r) => r.body);
    expect(await bodies(cache.get('a', load), cache.get('a', load), cache.get('a', load))).toEqual(['v1', 'v1', 'v1']);
    await cache.get('b', load);
    await cache.get('c', load); // evicts a
    expect(await bodies(cache.get('b', load))).toEqual(['v2']);
    expect(await bodies(cache.get('a', load))).toEqual(['v4']);
    cache.close();
  });
});

// Two apps in this Node process, each on its own pool and listening connection: the NOTIFY path a
// second process takes (test/flash-sale.test.ts checks it with real `cartwright start` processes).
describe.skipIf(!onServer)('two apps on their own connections to one PostgreSQL', () => {
  test('a change made through one app empties the other app\'s cache through NOTIFY', async () => {
    const other = await shop.database.openAnother();
    const stopRelays = [await relayChanges(shop.database.handle), await relayChanges(other)];
    const otherApp = await buildApp({ db: other.db, config: shop.config });
    const otherRequest = requester(otherApp, () => null);
    try {
      const read = () => otherRequest<any>('GET', '/store/products/cache-mug');
      expect((await read()).body.title).toBe('Cache Mug Deluxe'); // now cached in the other process
      await shop.post(`/admin/products/${productId}`, { title: 'Cache Mug Across Processes' });
      // The notification arrives asynchronously: wait for it, not for a clock.
      await waitFor(async () => (await read()).body.title === 'Cache Mug Across Processes', 10_000, 'the other app to see the change');
    } finally {
      await otherApp.close();
      for (const stop of stopRelays) await stop();
    }
  });
});

describe('compression', () => {
  test('a client that accepts gzip gets the same JSON compressed', async () => {
    for (let i = 0; i < 12; i++) {
      await shop.post('/admin/products', { title: `Gzip Filler ${i}`, status: 'published', description: 'padding '.repeat(20) });
    }
    const plain = await shop.get('/store/products?limit=20');
    const zipped = await shop.app.inject({ method: 'GET', url: '/store/products?limit=20', headers: { 'accept-encoding': 'br, gzip;q=0.8' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.text);
    expect(zipped.rawPayload.length).toBeLessThan(plain.text.length / 4);
    const refused = await shop.app.inject({ method: 'GET', url: '/store/products?limit=20', headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.text);
  });
});
