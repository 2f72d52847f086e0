import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { ADDRESS_US, CARDS, createStockedProduct, level, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';

/**
 * Cart changes at once on one cart (a buyer's tabs, a double click): each is written only if the cart
 * is as it read it, else again under the lock (carts.ts), so none is lost and none counted twice.
 */
let shop: TestShop;
let selling: Selling;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

test('twelve adds of one variant and four of others at once: every unit and every line kept', async () => {
  const shirt = await createStockedProduct(shop, { usd: 1000, stock: 100, locationId: selling.warehouse.id });
  const others = await Promise.all([1, 2, 3, 4].map(() => createStockedProduct(shop, { usd: 500, stock: 100, locationId: selling.warehouse.id })));
  const cart = (await shop.post('/store/carts', { currency_code: 'USD' })).body;
  const lines = `/store/carts/${cart.id}/line-items`;
  const answers = await Promise.all([
    ...Array.from({ length: 12 }, () => shop.post(lines, { variant_id: shirt.variant.id, quantity: 1 })),
    ...others.map((o) => shop.post(lines, { variant_id: o.variant.id, quantity: 2 })),
    shop.post(`/store/carts/${cart.id}`, { email: 'tabs@example.com', shipping_address: ADDRESS_US }),
  ]);
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  const after = (await shop.get(`/store/carts/${cart.id}`)).body;
  const quantities = Object.fromEntries(after.items.map((i: any) => [i.variant_id, i.quantity]));
  expect(quantities).toEqual({ [shirt.variant.id]: 12, ...Object.fromEntries(others.map((o) => [o.variant.id, 2])) });
  expect([after.email, after.shipping_address.city, after.subtotal]).toEqual(['tabs@example.com', ADDRESS_US.city, 12 * 1000 + 4 * 2 * 500]);
});

test('changes racing start payment: the payment holds what the cart had, or the change voids it; no hold is left behind', async () => {
  const shirt = await createStockedProduct(shop, { usd: 1000, stock: 50, locationId: selling.warehouse.id });
  const cart = (await shop.post('/store/carts', { currency_code: 'USD' })).body;
  const lines = `/store/carts/${cart.id}/line-items`;
  await shop.post(lines, { variant_id: shirt.variant.id, quantity: 1 });
  await shop.post(`/store/carts/${cart.id}`, { email: 'race@example.com', shipping_address: ADDRESS_US });
  const options = (await shop.get(`/store/carts/${cart.id}/shipping-options`)).body;
  await shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
  const answers = await Promise.all([
    shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } }),
    ...Array.from({ length: 4 }, () => shop.post(lines, { variant_id: shirt.variant.id, quantity: 1 })),
  ]);
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
  const after = (await shop.get(`/store/carts/${cart.id}`)).body;
  expect(after.items.map((i: any) => i.quantity)).toEqual([5]);
  // Held stock is exactly the cart's quantity while its session is open, and nothing otherwise.
  const reserved = (await level(shop, shirt.variant.id, selling.warehouse.id))?.reserved;
  expect(after.payment_session ? [reserved, after.payment_session.amount] : [reserved, after.holds_expire_at]).toEqual(after.payment_session ? [5, after.total] : [0, null]);
});
