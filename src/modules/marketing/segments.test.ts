import { afterAll, beforeAll, expect, test } from 'vitest';
import { placeOrder, signUp, type SignedUp } from '../../../test/helpers/customers.ts';
import { createStockedProduct, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** Segments through the Admin API: rules on groups, total spent, last order and products bought, members exactly. */
let shop: TestShop;
let ann: SignedUp;
let ben: SignedUp;
let cat: SignedUp;
let mug: any;
let vip: any;

beforeAll(async () => {
  shop = await startTestShop();
  const selling = await setUpSelling(shop);
  ({ product: mug } = await createStockedProduct(shop, { usd: 1500, stock: 50, locationId: selling.warehouse.id }));
  const { product: lamp } = await createStockedProduct(shop, { usd: 3000, stock: 50, locationId: selling.warehouse.id });
  [ann, ben, cat] = [await signUp(shop), await signUp(shop), await signUp(shop)];
  // Ann: 2 mugs, 3000 + 500 shipping + 10 % tax = 3850. Ben: 2 lamps, 6000 + 500 + 650 = 7150.
  expect((await placeOrder(shop, { token: ann.token, email: ann.email, variantId: mug.variants[0].id, quantity: 2 })).total).toBe(3850);
  expect((await placeOrder(shop, { token: ben.token, email: ben.email, variantId: lamp.variants[0].id, quantity: 2 })).total).toBe(7150);
  vip = await shop.ok('POST', '/admin/customer-groups', { name: 'VIP' }, 201);
  await shop.ok('POST', `/admin/customers/${cat.id}`, { group_ids: [vip.id] });
});
afterAll(async () => shop?.close());

const members = async (rules: object, name = `s${Math.random()}`) => {
  const segment = await shop.ok('POST', '/admin/segments', { name, rules }, 201);
  return (await shop.ok('GET', `/admin/segments/${segment.id}/customers`)).customer_ids;
};
const sorted = (...who: SignedUp[]) => who.map((w) => w.id).sort();

test('each rule picks exactly its customers; rules combine with and', async () => {
  expect(await members({ min_total_spent: { currency_code: 'USD', amount: 5000 } })).toEqual(sorted(ben));
  expect(await members({ min_total_spent: { currency_code: 'USD', amount: 3850 } })).toEqual(sorted(ann, ben));
  expect(await members({ min_total_spent: { currency_code: 'EUR', amount: 1 } })).toEqual([]);
  expect(await members({ product_ids: [mug.id] })).toEqual(sorted(ann));
  expect(await members({ group_ids: [vip.id] })).toEqual(sorted(cat));
  expect(await members({ ordered_within_days: 30 })).toEqual(sorted(ann, ben));
  expect(await members({})).toEqual(sorted(ann, ben, cat));
  expect(await members({ group_ids: [vip.id], ordered_within_days: 30 })).toEqual([]);
});

test('read, list by name, delete; refusals change nothing', async () => {
  const big = await shop.ok('POST', '/admin/segments', { name: 'Big spenders', rules: { min_total_spent: { currency_code: 'USD', amount: 5000 } } }, 201);
  expect(big).toEqual({ id: expect.stringMatching(/^seg_/), name: 'Big spenders', rules: { min_total_spent: { currency_code: 'USD', amount: 5000 } }, created_at: expect.any(String), updated_at: expect.any(String) });
  expect(await shop.ok('GET', `/admin/segments/${big.id}`)).toEqual(big);
  const before = (await shop.ok('GET', '/admin/segments')).data;
  expect(before[0]).toEqual(big);
  await shop.refused('POST', '/admin/segments', { name: 'Big spenders', rules: {} }, 409, 'segment_name_taken', 'body.name');
  await shop.refused('POST', '/admin/segments', { name: 'X', rules: { ordered_within_days: 0 } }, 400, 'invalid_request', 'body.rules.ordered_within_days');
  await shop.refused('POST', '/admin/segments', { name: 'X', rules: { min_total_spent: { currency_code: 'USD', amount: -1 } } }, 400, 'invalid_request', 'body.rules.min_total_spent.amount');
  await shop.refused('POST', '/admin/segments', { name: 'X', rules: { colour: 'red' } }, 400, 'invalid_request', 'body.rules.colour');
  await shop.refused('POST', '/admin/segments', { name: '', rules: {} }, 400, 'invalid_request', 'body.name');
  expect((await shop.ok('GET', '/admin/segments')).data).toEqual(before);
  expect(await shop.ok('DELETE', `/admin/segments/${big.id}`)).toEqual({ id: big.id, object: 'segment', deleted: true });
  for (const [method, url] of [['GET', `/admin/segments/${big.id}`], ['GET', `/admin/segments/${big.id}/customers`], ['DELETE', `/admin/segments/${big.id}`]] as const) {
    await shop.refused(method, url, undefined, 404, 'segment_not_found');
  }
});
