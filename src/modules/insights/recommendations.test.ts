import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackgroundWork } from '../jobs/background-work.ts';
import { NO_JOBS, startTestBackground } from '../../../test/helpers/background.ts';
import { signUp, type SignedUp } from '../../../test/helpers/customers.ts';
import { ADDRESS_US, CARDS, createStockedProduct, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { countStatements } from '../../../test/helpers/statements.ts';
import { requester, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { onServer } from '../../../test/helpers/test-database.ts';
import { relayChanges } from '../../db/changes.ts';
import { buildApp } from '../../http/app.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import type { DispatchedEvent } from '../events/dispatched-event.ts';
import { countOrdersIntoScores, recommendationScores } from './recommendation-scores.ts';

/**
 * Recommendations through the Store API, from orders placed through it and counted by the real
 * subscriber from the outbox: co-purchases first, popularity after, never the unpublished, the sold
 * out, nor (for a customer) what they already bought unless it is consumable. A product's
 * recommendations come from the store cache, and change as soon as what they were chosen from does.
 */
let shop: TestShop;
let selling: Selling;
let background: BackgroundWork;
let ann: SignedUp;
let bob: SignedUp;
const p: Record<string, { product: any; variant: any }> = {};
let placed = 0;

/** Buys one of each product in one order, as the customer whose token is given (or a guest). */
async function buy(token: string | null, names: string[]) {
  const step = async (method: string, url: string, body?: unknown, status = 200) => {
    const res = await shop.request(method, url, { token, body });
    expect(res.status, `${method} ${url}: ${res.text}`).toBe(status);
    return res.body;
  };
  const cart = await step('POST', '/store/carts', { currency_code: 'USD' }, 201);
  for (const name of names) await step('POST', `/store/carts/${cart.id}/line-items`, { variant_id: p[name].variant.id, quantity: 1 });
  await step('POST', `/store/carts/${cart.id}`, { email: 'buyer@example.com', shipping_address: ADDRESS_US });
  const options = await step('GET', `/store/carts/${cart.id}/shipping-options`);
  await step('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
  await step('POST', `/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
  placed++;
  return step('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
}

async function counted(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from recommendation_order`.execute(shop.db)).rows[0].n;
}

async function allCounted(): Promise<void> {
  await waitFor(async () => (await counted()) === placed, 30_000, 'the subscriber to count every order');
}

const ids = (body: any) => body.data.map((product: any) => product.id);

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  for (const name of ['tent', 'pegs', 'mallet', 'lamp', 'stove', 'gas', 'map']) {
    p[name] = await createStockedProduct(shop, { usd: 1000, stock: 50, locationId: selling.warehouse.id, title: name });
  }
  await shop.ok('POST', `/admin/products/${p.gas.product.id}`, { tags: ['consumable'] });
  // Tents go with pegs (three times) and a mallet (once); lamps sell most, alone.
  for (let i = 0; i < 3; i++) await buy(null, ['tent', 'pegs']);
  await buy(null, ['tent', 'mallet']);
  for (let i = 0; i < 6; i++) await buy(null, ['lamp']);
  await buy(null, ['stove', 'gas']);
  ann = await signUp(shop);
  bob = await signUp(shop);
  await buy(ann.token, ['tent', 'gas']);
  background = await startTestBackground(shop, { ...NO_JOBS, dispatchIntervalMs: 50 });
  await allCounted();
});

afterAll(async () => {
  await background?.stop();
  await shop.close();
});

describe('frequently bought together', () => {
  test('co-purchases by how often, then the most popular; never the product itself', async () => {
    const res = await shop.get(`/store/products/${p.tent.product.id}/recommendations`);
    expect(res.status, res.text).toBe(200);
    // pegs 3, mallet 1, gas 1 (ann's order, later than the mallet's: more weight); then lamp, stove by popularity.
    expect(ids(res.body)).toEqual([p.pegs.product.id, p.gas.product.id, p.mallet.product.id, p.lamp.product.id, p.stove.product.id]);
    expect(res.body.next_cursor).toBeNull();
    // The store's product shape, variants and prices included.
    expect(res.body.data[0]).toMatchObject({ id: p.pegs.product.id, title: 'pegs', status: 'published', variants: [{ id: p.pegs.variant.id, in_stock: true, prices: [{ currency_code: 'USD', amount: 1000 }] }] });
    const byHandle = await shop.get(`/store/products/${p.tent.product.handle}/recommendations?limit=2`);
    expect(ids(byHandle.body)).toEqual([p.pegs.product.id, p.gas.product.id]);
  });

  test('never unpublished or sold out; an unpublished or unknown product is a 404', async () => {
    await shop.ok('POST', `/admin/products/${p.pegs.product.id}`, { status: 'draft' });
    // 50 received, 1 sold: the last 49 damaged.
    await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: p.mallet.variant.id, location_id: selling.warehouse.id, delta: -49, reason: 'damaged' }, 201);
    const res = await shop.get(`/store/products/${p.tent.product.id}/recommendations`);
    expect(ids(res.body)).toEqual([p.gas.product.id, p.lamp.product.id, p.stove.product.id]);
    expect((await shop.get(`/store/products/${p.pegs.product.id}/recommendations`)).status).toBe(404);
    expect((await shop.get('/store/products/prod_nothing/recommendations')).body.error.code).toBe('product_not_found');
    expect((await shop.get(`/store/products/${p.tent.product.id}/recommendations?limit=0`)).status).toBe(400);
    await shop.ok('POST', `/admin/products/${p.pegs.product.id}`, { status: 'published' });
    await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: p.mallet.variant.id, location_id: selling.warehouse.id, delta: 49, reason: 'received' }, 201);
  });

  test('each order counts once, however often the subscriber is handed it', async () => {
    const before = (await sql`select * from recommendation_pair order by 1, 2`.execute(shop.db)).rows;
    const { rows: events } = await sql<DispatchedEvent>`select seq, seq as position, id, type, resource_type, resource_id, payload, created_at from event_outbox where type = 'order.placed'`.execute(shop.db);
    expect(events).toHaveLength(placed);
    await recommendationScores(shop.db).handle(events);
    expect((await sql`select * from recommendation_pair order by 1, 2`.execute(shop.db)).rows).toEqual(before);
    const tentPegs = await shop.db.selectFrom('recommendation_pair').select('orders').where('product_id', '=', p.tent.product.id).where('other_product_id', '=', p.pegs.product.id).executeTakeFirst();
    expect(tentPegs?.orders).toBe(3);
  });
});

describe('for the signed-in customer', () => {
  test('from their purchases, without what they have (a consumable comes back), filled by popularity', async () => {
    const res = await shop.request('GET', '/store/customers/me/recommendations', { token: ann.token });
    expect(res.status, res.text).toBe(200);
    // From the tent: pegs (3/5 of tent orders), mallet; from the gas (bought again: consumable): stove.
    // Then the lamp by popularity. Never the tent she has.
    const got = ids(res.body);
    expect(got).not.toContain(p.tent.product.id);
    expect(got).toContain(p.gas.product.id);
    expect(got.slice(0, 2)).toEqual([p.pegs.product.id, p.stove.product.id]);
    expect(new Set(got)).toEqual(new Set([p.pegs.product.id, p.stove.product.id, p.mallet.product.id, p.gas.product.id, p.lamp.product.id]));
  });

  test('another customer sees none of it: with no history of his own, what sells most, the tent included', async () => {
    const res = await shop.request('GET', '/store/customers/me/recommendations?limit=3', { token: bob.token });
    expect(ids(res.body)).toEqual([p.lamp.product.id, p.tent.product.id, p.pegs.product.id]);
    await buy(bob.token, ['map']);
    await allCounted();
    expect(ids((await shop.request('GET', '/store/customers/me/recommendations?limit=10', { token: bob.token })).body)).not.toContain(p.map.product.id);
  });

  test('signed out: 401', async () => {
    const res = await shop.request('GET', '/store/customers/me/recommendations', { token: null });
    expect([res.status, res.body.error.code]).toEqual([401, 'customer_unauthorized']);
  });
});

/** How many SQL statements the database ran while `run` ran (nothing else runs: the background is stopped). */
async function statementsDuring(run: () => Promise<unknown>): Promise<number> {
  return (await countStatements(shop, run)).statements;
}

const tentRecommendations = (limit: number) => shop.get(`/store/products/${p.tent.product.id}/recommendations?limit=${limit}`);

/** Reads the tent's recommendations twice: the second is answered from the cache, byte for byte. */
async function cachedTentRecommendations(limit: number): Promise<string[]> {
  const first = await tentRecommendations(limit);
  expect(first.status, first.text).toBe(200);
  let second: Awaited<ReturnType<typeof tentRecommendations>> | undefined;
  expect(await statementsDuring(async () => { second = await tentRecommendations(limit); })).toBe(0);
  expect(second!.text).toBe(first.text);
  return ids(first.body);
}

describe('served from the store cache, dropped when the answer may change', () => {
  beforeAll(async () => {
    // Orders placed from here on are counted only when a test says so.
    await background.stop();
  });

  test('a second identical read runs no statement; another limit is another answer, read in two', async () => {
    const first = await tentRecommendations(10);
    // Pegs, gas, mallet bought with the tent; then by popularity the lamp, the map (bought last), the stove.
    expect(ids(first.body)).toEqual([p.pegs.product.id, p.gas.product.id, p.mallet.product.id, p.lamp.product.id, p.map.product.id, p.stove.product.id]);
    expect(await statementsDuring(() => tentRecommendations(10))).toBe(0);
    // Another limit is another answer; a miss is two statements (the scores with each candidate's
    // sellability, then the products).
    let two: Awaited<ReturnType<typeof tentRecommendations>> | undefined;
    expect(await statementsDuring(async () => { two = await tentRecommendations(2); })).toBe(2);
    expect(ids(two!.body)).toEqual([p.pegs.product.id, p.gas.product.id]);
    // The signed-in customer's are never cached: they follow her own orders at once.
    expect(await statementsDuring(() => shop.request('GET', '/store/customers/me/recommendations', { token: ann.token }))).toBeGreaterThan(0);
  });

  let pegsCart: string;
  test('a recommended product sold out (held by a cart paying for the last 47) drops out at once', async () => {
    expect(await cachedTentRecommendations(2)).toEqual([p.pegs.product.id, p.gas.product.id]);
    // 50 received, 3 sold: a cart at payment holds the 47 left.
    const cart = await readyCart(shop, { lines: [{ variant_id: p.pegs.variant.id, quantity: 47 }] });
    await pay(shop, cart.id);
    pegsCart = cart.id;
    expect(await cachedTentRecommendations(2)).toEqual([p.gas.product.id, p.mallet.product.id]);
  });

  test('a candidate coming back in stock enters the cached answer: a co-purchase (cart let go) and a fallback (stock received)', async () => {
    // The cart takes one peg fewer: its hold is let go, the pegs sell again.
    const cart = await shop.get(`/store/carts/${pegsCart}`);
    expect((await shop.request('PATCH', `/store/carts/${pegsCart}/line-items/${cart.body.items[0].id}`, { body: { quantity: 46 } })).status).toBe(200);
    expect(await cachedTentRecommendations(2)).toEqual([p.pegs.product.id, p.gas.product.id]);
    // The lamp (50 received, 6 sold) sells out: the map fills in after the co-purchases.
    await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: p.lamp.variant.id, location_id: selling.warehouse.id, delta: -44, reason: 'damaged' }, 201);
    expect(await cachedTentRecommendations(4)).toEqual([p.pegs.product.id, p.gas.product.id, p.mallet.product.id, p.map.product.id]);
    // Shown nowhere in that answer, the lamp comes back in stock: the answer changes.
    await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: p.lamp.variant.id, location_id: selling.warehouse.id, delta: 44, reason: 'received' }, 201);
    expect(await cachedTentRecommendations(4)).toEqual([p.pegs.product.id, p.gas.product.id, p.mallet.product.id, p.lamp.product.id]);
  });

  test('the sales of a candidate ranked after a full list leave it cached', async () => {
    expect(await cachedTentRecommendations(2)).toEqual([p.pegs.product.id, p.gas.product.id]);
    // The stove comes after the pegs and the gas: selling out could not change this answer.
    await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: p.stove.variant.id, location_id: selling.warehouse.id, delta: -49, reason: 'damaged' }, 201);
    expect(await statementsDuring(async () => {
      expect(ids((await tentRecommendations(2)).body)).toEqual([p.pegs.product.id, p.gas.product.id]);
    })).toBe(0);
    await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: p.stove.variant.id, location_id: selling.warehouse.id, delta: 49, reason: 'received' }, 201);
  });

  test('new scores from the recommender drop it; the orders alone, of products it never weighed, do not', async () => {
    p.stakes = await createStockedProduct(shop, { usd: 500, stock: 50, locationId: selling.warehouse.id, title: 'stakes' });
    expect(await cachedTentRecommendations(3)).toEqual([p.pegs.product.id, p.gas.product.id, p.mallet.product.id]);
    // Tents with stakes, four times: stakes become the tent's first co-purchase (4 orders to the pegs' 3).
    for (let i = 0; i < 4; i++) await buy(null, ['tent', 'stakes']);
    // Not yet counted: the tent's stock moved, but the tent is not among its own candidates, nor are stakes.
    expect(await statementsDuring(async () => {
      expect(ids((await tentRecommendations(3)).body)).toEqual([p.pegs.product.id, p.gas.product.id, p.mallet.product.id]);
    })).toBe(0);
    background = await startTestBackground(shop, { ...NO_JOBS, dispatchIntervalMs: 50 });
    await allCounted();
    await background.stop();
    expect(await cachedTentRecommendations(3)).toEqual([p.stakes.product.id, p.pegs.product.id, p.gas.product.id]);
  });

  test('a recommended product unpublished drops out, and comes back when published', async () => {
    expect(await cachedTentRecommendations(3)).toEqual([p.stakes.product.id, p.pegs.product.id, p.gas.product.id]);
    await shop.ok('POST', `/admin/products/${p.stakes.product.id}/unpublish`);
    expect(await cachedTentRecommendations(3)).toEqual([p.pegs.product.id, p.gas.product.id, p.mallet.product.id]);
    await shop.ok('POST', `/admin/products/${p.stakes.product.id}/publish`);
    expect(await cachedTentRecommendations(3)).toEqual([p.stakes.product.id, p.pegs.product.id, p.gas.product.id]);
  });
});

// Two apps in this Node process, each on its own pool and listening connection: the path a second
// process takes when the recommender runs in another one.
describe.skipIf(!onServer)('two apps on their own connections to one PostgreSQL', () => {
  test('new scores written through one drop the other\'s cached recommendations through NOTIFY', async () => {
    const order = await buy(null, ['tent', 'mallet']);
    const other = await shop.database.openAnother();
    const stopRelays = [await relayChanges(shop.database.handle), await relayChanges(other)];
    const otherApp = await buildApp({ db: other.db, config: shop.config });
    const otherRequest = requester(otherApp, () => null);
    try {
      const read = async () => ids((await otherRequest<any>('GET', `/store/products/${p.tent.product.id}/recommendations?limit=3`)).body);
      expect(await read()).toEqual([p.stakes.product.id, p.pegs.product.id, p.gas.product.id]);
      // Counted here: the mallet's second order with a tent puts it before the gas.
      expect(await countOrdersIntoScores(shop.db, [order.id])).toBe(1);
      const expected = [p.stakes.product.id, p.pegs.product.id, p.mallet.product.id];
      await waitFor(async () => JSON.stringify(await read()) === JSON.stringify(expected), 10_000, 'the other app to drop its cached recommendations');
    } finally {
      await otherApp.close();
      for (const stop of stopRelays) await stop();
    }
  });
});
