import { afterAll, beforeAll, expect, test } from 'vitest';
import { callJson, serveShop } from './helpers/processes.ts';
import { ADDRESS_US, CARDS, createStockedProduct, setUpSelling } from './helpers/selling.ts';
import { startTestShop, type TestShop } from './helpers/test-shop.ts';

/**
 * The promotion race: every buyer has the code on a paid cart when the race starts (each cart read
 * saw uses left), then all complete at once over real HTTP. Only the database's conditional update
 * can hold the limit: exactly the limit's worth of discounted orders; everyone else gets 409
 * promotion_exhausted naming the promotion, is charged nothing, and completes without the code. On
 * PostgreSQL three `cartwright start` processes share the work; on the embedded database one does.
 * The same holds for a promotion's budget and for a campaign's budget shared by two codes.
 */
let shop: TestShop;
let served: Awaited<ReturnType<typeof serveShop>> | undefined;
let urls: string[] = [];
let variantId: string;

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 2000, title: 'Popular Mug' });
  variantId = variant.id;
  await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
  served = await serveShop(shop);
  urls = served.urls;
}, 180_000);
afterAll(async () => {
  await served?.stop();
  await shop?.close();
});


async function ok(url: string, method: string, path: string, body?: unknown) {
  const res = await callJson(url, method, path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A cart with one mug, the code entered and payment started: ready to complete. */
async function paidCartWithCode(url: string, n: number, code: string, email = `racer${n}-${code}@example.com`): Promise<string> {
  const cart = await callJson(url, 'POST', '/store/carts', { currency_code: 'USD' });
  const id = cart.body.id;
  await ok(url, 'POST', `/store/carts/${id}/line-items`, { variant_id: variantId, quantity: 1 });
  await ok(url, 'POST', `/store/carts/${id}`, { email, shipping_address: ADDRESS_US });
  const options = await ok(url, 'GET', `/store/carts/${id}/shipping-options`);
  await ok(url, 'POST', `/store/carts/${id}/shipping-method`, { option_id: options.data[0].id });
  await ok(url, 'POST', `/store/carts/${id}/promotions`, { code: code.toLowerCase() });
  await ok(url, 'POST', `/store/carts/${id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
  return id;
}

/** Races `buyers` checkouts of carts holding one of `codes` (buyer n the n-th, round the list); returns the outcomes and the carts. */
async function race(codes: string[], buyers: number) {
  const url = (n: number) => urls[n % urls.length];
  const carts: string[] = [];
  // Set up in batches: the race is the completes, not the set-up.
  for (let start = 0; start < buyers; start += 25) {
    carts.push(...await Promise.all(Array.from({ length: Math.min(25, buyers - start) }, (_, k) => paidCartWithCode(url(start + k), start + k, codes[(start + k) % codes.length]))));
  }
  const outcomes = await Promise.all(carts.map((cart, n) => callJson(url(n + 1), 'POST', `/store/carts/${cart}/complete`)));
  return { carts, outcomes, url };
}

async function paymentsByStatus() {
  const rows = await shop.db.selectFrom('payment').select(['status']).execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

test('200 buyers race a 50-use code: exactly 50 discounted orders, 150 refused naming it, charged nothing, then served without it', async () => {
  const promo = await shop.ok('POST', '/admin/promotions', { code: 'RACE50', type: 'percentage', value: 10, usage_limit: 50 }, 201);
  const { carts, outcomes, url } = await race(['RACE50'], 200);

  const placed = outcomes.filter((o) => o.status === 201);
  const refused = outcomes.map((o, n) => ({ o, n })).filter(({ o }) => o.status !== 201);
  expect(placed).toHaveLength(50);
  for (const { o } of refused) expect([o.status, o.body.error.code, o.body.error.details.promotion_id, o.body.error.details.code]).toEqual([409, 'promotion_exhausted', promo.id, 'RACE50']);
  // 10 % of 2000 on each of the 50: 200 off, tax 180, shipping 500 + 50.
  expect(placed.map((o) => [o.body.discount_total, o.body.total])).toEqual(Array(50).fill([200, 2530]));
  // Nothing was charged for the refused: their payments are still sessions, the gateway never asked.
  expect(await paymentsByStatus()).toEqual({ captured: 50, pending: 150 });
  expect(await shop.ok('GET', `/admin/promotions/${promo.id}`)).toMatchObject({ usage_count: 50, discount_given: [{ currency_code: 'USD', amount: 10_000 }] });

  // Each refused buyer's cart now shows the code removed as exhausted; taking it off and paying again completes at full price.
  const again = await Promise.all(refused.map(async ({ n }) => {
    const cart = (await callJson(url(n), 'GET', `/store/carts/${carts[n]}`)).body;
    expect([cart.discount_total, cart.removed_promotions.map((r: any) => [r.code, r.reason])]).toEqual([0, [['RACE50', 'exhausted']]]);
    await ok(url(n), 'DELETE', `/store/carts/${carts[n]}/promotions/RACE50`);
    await ok(url(n), 'POST', `/store/carts/${carts[n]}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
    return callJson(url(n), 'POST', `/store/carts/${carts[n]}/complete`);
  }));
  expect(again.map((o) => [o.status, o.body.discount_total, o.body.total])).toEqual(Array(150).fill([201, 0, 2750]));
  const orders = await shop.db.selectFrom('orders').select(['discount_total']).execute();
  expect(orders.filter((o) => o.discount_total > 0)).toHaveLength(50);
  expect(orders).toHaveLength(200);
  expect(await shop.db.selectFrom('promotion_usage').select('order_id').where('promotion_id', '=', promo.id).execute()).toHaveLength(50);
}, 300_000);

test('100 buyers race a budget of 20 discounts: exactly 20 discounted orders, the budget spent to the cent', async () => {
  const promo = await shop.ok('POST', '/admin/promotions', { code: 'BUDGET', type: 'fixed', value: 500, currency_code: 'USD', budget: { currency_code: 'USD', amount: 10_000 } }, 201);
  const before = await shop.db.selectFrom('orders').select('id').execute();
  const { outcomes } = await race(['BUDGET'], 100);

  const placed = outcomes.filter((o) => o.status === 201);
  expect(placed.map((o) => o.body.discount_total)).toEqual(Array(20).fill(500));
  for (const o of outcomes.filter((o) => o.status !== 201)) expect([o.status, o.body.error.code, o.body.error.details.promotion_id]).toEqual([409, 'promotion_exhausted', promo.id]);
  expect(await shop.ok('GET', `/admin/promotions/${promo.id}`)).toMatchObject({
    usage_count: 20, budget: { currency_code: 'USD', amount: 10_000, used: 10_000 }, discount_given: [{ currency_code: 'USD', amount: 10_000 }],
  });
  expect(await shop.db.selectFrom('orders').select('id').execute()).toHaveLength(before.length + 20);
}, 300_000);

test('100 buyers race two codes sharing a campaign budget of 20 discounts: exactly 20 discounted orders, the campaign budget spent to the cent', async () => {
  const campaign = await shop.ok('POST', '/admin/campaigns', { name: 'Race campaign', budgets: [{ currency_code: 'USD', amount: 10_000 }] }, 201);
  const codes = ['CAMP-A', 'CAMP-B'];
  const promos = await Promise.all(codes.map((code) => shop.ok('POST', '/admin/promotions', { code, type: 'fixed', value: 500, currency_code: 'USD', campaign_id: campaign.id }, 201)));
  const before = await shop.db.selectFrom('orders').select('id').execute();
  const { outcomes } = await race(codes, 100);

  const placed = outcomes.filter((o) => o.status === 201);
  expect(placed.map((o) => o.body.discount_total)).toEqual(Array(20).fill(500));
  const ids = promos.map((p) => p.id);
  for (const o of outcomes.filter((o) => o.status !== 201)) {
    expect([o.status, o.body.error.code, ids.includes(o.body.error.details.promotion_id)]).toEqual([409, 'promotion_exhausted', true]);
  }
  expect(await shop.ok('GET', `/admin/campaigns/${campaign.id}`)).toMatchObject({
    budgets: [{ currency_code: 'USD', amount: 10_000, used: 10_000 }], usage_count: 20, order_count: 20, discount_given: [{ currency_code: 'USD', amount: 10_000 }],
  });
  const uses = await Promise.all(ids.map(async (id) => (await shop.ok('GET', `/admin/promotions/${id}`)).usage_count));
  expect(uses[0] + uses[1]).toBe(20);
  expect(await shop.db.selectFrom('orders').select('id').execute()).toHaveLength(before.length + 20);
}, 300_000);

test('one guest races a first-order code from 10 carts at once: exactly one discounted order', async () => {
  const promo = await shop.ok('POST', '/admin/promotions', { code: 'FIRSTRACE', type: 'fixed', value: 500, currency_code: 'USD', first_order_only: true }, 201);
  const url = (n: number) => urls[n % urls.length];
  const carts = await Promise.all(Array.from({ length: 10 }, (_, n) => paidCartWithCode(url(n), n, 'FIRSTRACE', 'first.racer@example.com')));
  const outcomes = await Promise.all(carts.map((cart, n) => callJson(url(n + 1), 'POST', `/store/carts/${cart}/complete`)));
  expect(outcomes.filter((o) => o.status === 201).map((o) => o.body.discount_total)).toEqual([500]);
  // Refused by the per-buyer counter (scope customer) or, once the first order is placed, by the cart read (first_order).
  for (const o of outcomes.filter((o) => o.status !== 201)) {
    expect([o.status, o.body.error.details.promotion_id, ['promotion_exhausted', 'promotion_not_applicable'].includes(o.body.error.code)]).toEqual([409, promo.id, true]);
  }
  expect(await shop.ok('GET', `/admin/promotions/${promo.id}`)).toMatchObject({ usage_count: 1, discount_given: [{ currency_code: 'USD', amount: 500 }] });
}, 300_000);
