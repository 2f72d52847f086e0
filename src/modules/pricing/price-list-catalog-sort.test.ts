import { afterAll, beforeAll, expect, test } from 'vitest';
import { signUp } from '../../../test/helpers/customers.ts';
import { createStockedProduct, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * The Store API's price filters and sorts use the price the buyer sees (docs/price-lists.md): the
 * lists applying to their price context, each product's "from" price when buying one. Three lamps
 * priced 1000 (A), 2000 (B) and 3000 (C) USD; a sale for everybody takes C to 500; an override for the
 * VIP group puts A at 2500; a tier from 5 units puts B at 100 (not a price for one unit, so ignored).
 */
let shop: TestShop;
let vipToken: string;
const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  const variants: Record<string, string> = {};
  for (const [name, usd] of [['A', 1000], ['B', 2000], ['C', 3000]] as const) {
    const { product, variant } = await createStockedProduct(shop, { usd, title: `Lamp ${name}` });
    await shop.ok('POST', `/admin/products/${product.id}`, { tags: ['sorted-lamp'] });
    ids[name] = product.id;
    variants[name] = variant.id;
  }
  const group = await shop.ok('POST', '/admin/customer-groups', { name: 'VIP' }, 201);
  const vip = await signUp(shop);
  vipToken = vip.token;
  await shop.ok('POST', `/admin/customers/${vip.id}`, { group_ids: [group.id] });
  await shop.ok('POST', '/admin/price-lists', { name: 'Sale', type: 'sale', status: 'active', prices: [{ variant_id: variants.C, currency_code: 'USD', amount: 500 }] }, 201);
  await shop.ok('POST', '/admin/price-lists', { name: 'VIP', type: 'override', status: 'active', customer_group_ids: [group.id], prices: [{ variant_id: variants.A, currency_code: 'USD', amount: 2500 }] }, 201);
  await shop.ok('POST', '/admin/price-lists', { name: 'Bulk', type: 'sale', status: 'active', prices: [{ variant_id: variants.B, currency_code: 'USD', amount: 100, min_quantity: 5 }] }, 201);
});
afterAll(async () => shop?.close());

const names = (body: any) => body.data.map((p: any) => Object.entries(ids).find(([, id]) => id === p.id)![0]);
const list = async (query: string, token?: string) => {
  const res = await shop.get(`/store/products?tag=sorted-lamp&currency_code=USD&${query}`, token ? { token } : {});
  expect(res.status, res.text).toBe(200);
  return res.body;
};

test('a guest: sorted and filtered by the sale price, not the base price; a tier price for 5 units does not count', async () => {
  expect(names(await list('sort=price'))).toEqual(['C', 'A', 'B']);
  expect(names(await list('sort=-price'))).toEqual(['B', 'A', 'C']);
  expect(names(await list('price_max=1000'))).toEqual(['C', 'A']);
  expect(names(await list('price_min=1500'))).toEqual(['B']);
  const cheapest = (await list('sort=price&limit=1')).data[0];
  expect(cheapest.variants[0].prices).toEqual([{ currency_code: 'USD', amount: 500, original_amount: 3000, price_list_id: expect.any(String) }]);
});

test('a VIP customer: the override counts too, and the pages follow it across cursors', async () => {
  expect(names(await list('sort=price', vipToken))).toEqual(['C', 'B', 'A']);
  expect(names(await list('price_max=2000', vipToken))).toEqual(['C', 'B']);
  const first = await list('sort=-price&limit=2', vipToken);
  expect(names(first)).toEqual(['A', 'B']);
  const second = await list(`sort=-price&limit=2&cursor=${first.next_cursor}`, vipToken);
  expect([names(second), second.next_cursor]).toEqual([['C'], null]);
  // The same URL for a guest right after: the cache keeps one answer per price context.
  expect(names(await list('sort=-price&limit=2'))).toEqual(['B', 'A']);
});

test('staff\'s product list sorts by the base prices', async () => {
  const res = await shop.ok('GET', '/admin/products?tag=sorted-lamp&currency_code=USD&sort=price');
  expect(names(res)).toEqual(['A', 'B', 'C']);
});
