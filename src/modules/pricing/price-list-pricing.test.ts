import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Price lists as buyers meet them, through the HTTP API: the Store API's product prices for a guest
 * and for signed-in customers, the store cache per price context, and the cart and order charging the
 * same price. US region: 10 % tax on top, shipping 500. Variant V costs 2000 USD; the lists give it
 * 1200 (VIP group only) and 1300 from 5 units (everybody); the sale window is tried on a product of
 * its own.
 */
let shop: TestShop;
let variantId: string;
let productId: string;
let vipGroupId: string;
let vipId: string;
let bulkId: string;
const tokens: Record<'vip' | 'plain', string> = { vip: '', plain: '' };
const customerIds: Record<'vip' | 'plain', string> = { vip: '', plain: '' };
const PAST = '2020-01-01T00:00:00.000Z';
const FUTURE = '2999-01-01T00:00:00.000Z';

const createList = (body: object) => shop.ok('POST', '/admin/price-lists', { status: 'active', ...body }, 201);
const usdPrice = async (token?: string) => {
  const res = await shop.get(`/store/products/${productId}`, token ? { token } : {});
  expect(res.status, res.text).toBe(200);
  return res.body.variants[0].prices.find((p: any) => p.currency_code === 'USD');
};

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  const { product, variant } = await createStockedProduct(shop, { usd: 2000, eur: 1190, title: 'Priced lamp' });
  productId = product.id;
  variantId = variant.id;
  await shop.ok('POST', `/admin/inventory/items/${variantId}`, { manage_inventory: false });
  vipGroupId = (await shop.ok('POST', '/admin/customer-groups', { name: 'VIP' }, 201)).id;
  for (const who of ['vip', 'plain'] as const) {
    const res = await shop.post('/store/customers', { email: `${who}@pricing.test`, password: 'correct horse battery staple', first_name: who, last_name: 'Buyer' });
    expect(res.status, res.text).toBe(201);
    tokens[who] = res.body.token;
    customerIds[who] = res.body.customer.id;
  }
  await shop.ok('POST', `/admin/customers/${customerIds.vip}`, { group_ids: [vipGroupId] });
  vipId = (await createList({ name: 'VIP', type: 'sale', customer_group_ids: [vipGroupId], prices: [{ variant_id: variantId, currency_code: 'USD', amount: 1200 }] })).id;
  bulkId = (await createList({ name: 'Bulk', type: 'sale', prices: [{ variant_id: variantId, currency_code: 'USD', amount: 1300, min_quantity: 5 }] })).id;
  // Never applying: a draft, and a sale that ended.
  await shop.ok('POST', '/admin/price-lists', { name: 'Draft', type: 'sale', prices: [{ variant_id: variantId, currency_code: 'USD', amount: 100 }] }, 201);
  await createList({ name: 'Old sale', type: 'sale', starts_at: '2019-01-01T00:00:00Z', ends_at: PAST, prices: [{ variant_id: variantId, currency_code: 'USD', amount: 200 }] });
});
afterAll(async () => shop?.close());
afterEach(() => vi.useRealTimers());

describe('the sale window', () => {
  test('before, during and after: the Store API and the cart price with the sale only inside its window', async () => {
    const { product, variant } = await createStockedProduct(shop, { usd: 2000, eur: 1190, title: 'Sale lamp' });
    await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
    const sale = await createList({ name: 'Summer sale', type: 'sale', starts_at: FUTURE, prices: [{ variant_id: variant.id, currency_code: 'USD', amount: 1500 }] });
    const prices = async () => (await shop.ok('GET', `/store/products/${product.id}`)).variants[0].prices;
    const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    const unitPrice = async () => (await shop.ok('GET', `/store/carts/${cart.id}`)).items[0].unit_price;

    // Before: starts_at is in the future. A currency no list prices is left as it was.
    expect(await prices()).toEqual([{ currency_code: 'EUR', amount: 1190 }, { currency_code: 'USD', amount: 2000 }]);
    expect(await unitPrice()).toBe(2000);

    // During: started in the past, ends in the future. The original price is shown beside the sale's.
    await shop.ok('POST', `/admin/price-lists/${sale.id}`, { starts_at: PAST, ends_at: FUTURE });
    expect(await prices()).toEqual([{ currency_code: 'EUR', amount: 1190 }, { currency_code: 'USD', amount: 1500, original_amount: 2000, price_list_id: sale.id }]);
    expect(await unitPrice()).toBe(1500);

    // After: ended in the past.
    await shop.ok('POST', `/admin/price-lists/${sale.id}`, { starts_at: '2019-06-01T00:00:00Z', ends_at: PAST });
    expect(await prices()).toEqual([{ currency_code: 'EUR', amount: 1190 }, { currency_code: 'USD', amount: 2000 }]);
    expect(await unitPrice()).toBe(2000);
  });

  test('a cached page is dropped when a sale starts, without any write: the cache answers until then', async () => {
    const { product, variant } = await createStockedProduct(shop, { usd: 2000, title: 'Flash lamp' });
    const startsAt = new Date(Date.now() + 3_600_000);
    const flash = await createList({ name: 'Flash sale', type: 'sale', starts_at: startsAt.toISOString(), prices: [{ variant_id: variant.id, currency_code: 'USD', amount: 1000 }] });
    const price = async () => (await shop.ok('GET', `/store/products/${product.id}`)).variants[0].prices[0];
    expect(await price()).toEqual({ currency_code: 'USD', amount: 2000 });
    // Behind the cache's back (no change signal): the cached page still answers.
    await shop.db.updateTable('product_variant_price').set({ amount: 2100 }).where('variant_id', '=', variant.id).execute();
    expect(await price()).toEqual({ currency_code: 'USD', amount: 2000 });
    vi.useFakeTimers({ toFake: ['Date'], now: startsAt.getTime() + 1000 });
    expect(await price()).toEqual({ currency_code: 'USD', amount: 1000, original_amount: 2100, price_list_id: flash.id });
  });
});

describe('customer-group prices', () => {
  test('a VIP customer sees and pays the group price; a guest and a customer outside the group do not', async () => {
    expect(await usdPrice(tokens.vip)).toEqual({ currency_code: 'USD', amount: 1200, original_amount: 2000, price_list_id: vipId });
    expect(await usdPrice(tokens.plain)).toEqual({ currency_code: 'USD', amount: 2000, tiers: [{ min_quantity: 5, amount: 1300, price_list_id: bulkId }] });
    expect(await usdPrice()).toEqual({ currency_code: 'USD', amount: 2000, tiers: [{ min_quantity: 5, amount: 1300, price_list_id: bulkId }] });

    const vipCart = await shop.request('POST', '/store/carts', { token: tokens.vip, body: { currency_code: 'USD' } });
    const line = await shop.request('POST', `/store/carts/${vipCart.body.id}/line-items`, { token: tokens.vip, body: { variant_id: variantId, quantity: 2 } });
    expect(line.status, line.text).toBe(200);
    expect(line.body.items.map((i: any) => [i.unit_price, i.subtotal])).toEqual([[1200, 2400]]);
    const guestCart = await readyCart(shop, { lines: [{ variant_id: variantId, quantity: 2 }] });
    expect(guestCart.items.map((i: any) => [i.unit_price, i.subtotal])).toEqual([[2000, 4000]]);

    // Staff take the customer out of the group: their cart prices without it on its next read.
    await shop.ok('POST', `/admin/customers/${customerIds.vip}`, { group_ids: [] });
    const after = await shop.request('GET', `/store/carts/${vipCart.body.id}`, { token: tokens.vip });
    expect(after.body.items.map((i: any) => [i.unit_price, i.subtotal])).toEqual([[2000, 4000]]);
    expect((await usdPrice(tokens.vip)).amount).toBe(2000);
    await shop.ok('POST', `/admin/customers/${customerIds.vip}`, { group_ids: [vipGroupId] });
    expect((await usdPrice(tokens.vip)).amount).toBe(1200);
  });

  test('the store cache is per price context: a customer outside every priced group shares the guests\' page', async () => {
    await shop.ok('POST', `/admin/price-lists/${vipId}`, { name: 'VIP prices' }); // empties the cache
    expect((await usdPrice()).amount).toBe(2000);
    await shop.db.updateTable('product_variant_price').set({ amount: 2200 }).where('variant_id', '=', variantId).where('currency_code', '=', 'USD').execute();
    // The guests' cached page answers the plain customer too; the VIP context was not cached yet.
    expect((await usdPrice(tokens.plain)).amount).toBe(2000);
    expect(await usdPrice(tokens.vip)).toEqual({ currency_code: 'USD', amount: 1200, original_amount: 2200, price_list_id: vipId });
    await shop.db.updateTable('product_variant_price').set({ amount: 2000 }).where('variant_id', '=', variantId).where('currency_code', '=', 'USD').execute();
    await shop.ok('POST', `/admin/price-lists/${vipId}`, { name: 'VIP' });
    expect((await usdPrice()).amount).toBe(2000);
  });

  test('an override list replaces the price, higher or lower, and shows no original price', async () => {
    const { product, variant } = await createStockedProduct(shop, { usd: 3000, title: 'Overridden lamp' });
    const list = await createList({ name: 'Repriced', type: 'override', prices: [{ variant_id: variant.id, currency_code: 'USD', amount: 3300 }] });
    expect((await shop.ok('GET', `/store/products/${product.id}`)).variants[0].prices).toEqual([{ currency_code: 'USD', amount: 3300, price_list_id: list.id }]);
    await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
    const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    expect(cart.items[0].unit_price).toBe(3300);
  });
});

describe('quantity tiers', () => {
  test('a line switches to the tier price when its quantity reaches min_quantity, and back below it', async () => {
    const cart = await readyCart(shop, { lines: [{ variant_id: variantId, quantity: 4 }] });
    expect(cart.items.map((i: any) => [i.quantity, i.unit_price, i.subtotal])).toEqual([[4, 2000, 8000]]);
    const lineId = cart.items[0].id;
    const five = await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${lineId}`, { body: { quantity: 5 } });
    expect(five.status, five.text).toBe(200);
    expect(five.body.items.map((i: any) => [i.quantity, i.unit_price, i.subtotal])).toEqual([[5, 1300, 6500]]);
    const four = await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${lineId}`, { body: { quantity: 4 } });
    expect(four.body.items.map((i: any) => [i.quantity, i.unit_price, i.subtotal])).toEqual([[4, 2000, 8000]]);
  });

  test('the order charges the tier price, with a promotion taken off it', async () => {
    await shop.ok('POST', '/admin/promotions', { code: 'TENOFF', type: 'percentage', value: 10 }, 201);
    const cart = await readyCart(shop, { lines: [{ variant_id: variantId, quantity: 5 }] });
    const applied = await shop.post(`/store/carts/${cart.id}/promotions`, { code: 'tenoff' });
    expect(applied.status, applied.text).toBe(200);
    // 5 × 1300 = 6500, 10 % off = 650, tax 10 % of 5850 = 585, shipping 500 + 50 tax.
    expect([applied.body.subtotal, applied.body.discount_total, applied.body.tax_total, applied.body.shipping_total, applied.body.total]).toEqual([6500, 650, 635, 500, 6985]);
    expect((await pay(shop, cart.id)).status).toBe(200);
    const order = await complete(shop, cart.id, 'price-list-order');
    expect(order.status, order.text).toBe(201);
    expect(order.body.items.map((i: any) => [i.quantity, i.unit_price, i.subtotal, i.discount_total, i.tax_total, i.total])).toEqual([[5, 1300, 6500, 650, 585, 6435]]);
    expect([order.body.subtotal, order.body.discount_total, order.body.tax_total, order.body.shipping_total, order.body.total]).toEqual([6500, 650, 635, 500, 6985]);
    const payment = await shop.ok('GET', `/admin/orders/${order.body.id}`);
    expect(payment.total).toBe(6985);
  });
});
