import { afterAll, beforeAll, expect, test } from 'vitest';
import { complete, createStockedProduct, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Refunds of discounted lines give back what the customer paid for those units, discount included
 * (docs/promotions.md), never the undiscounted price.
 */
let shop: TestShop;
let selling: Selling;

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

test('a line of 3 at 999 with 1000 off: refunding one unit gives 732, the other two the remaining 1465', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 999, stock: 10, locationId: selling.warehouse.id, title: 'Discounted Vase' });
  await shop.ok('POST', '/admin/promotions', { code: 'TENOFF', type: 'fixed', value: 1000, currency_code: 'USD' }, 201);
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 3 }] });
  await shop.ok('POST', `/store/carts/${cart.id}/promotions`, { code: 'tenoff' });
  expect((await pay(shop, cart.id)).status).toBe(200);
  const placed = await complete(shop, cart.id);
  expect(placed.status, placed.text).toBe(201);
  const order = placed.body;
  const line = order.items[0];
  // 2997 − 1000 = 1997, tax 10 % → 200: the customer paid 2197 for the three.
  expect([line.subtotal, line.discount_total, line.tax_total, line.total]).toEqual([2997, 1000, 200, 2197]);
  expect([order.discount_total, order.total]).toEqual([1000, 2197 + 550]);

  await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, {
    location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 3 }], shipment: { carrier: 'UPS' },
  }, 201);
  const one = await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: line.id, quantity: 1 }], reason: 'damaged' }, 201);
  // 2197 / 3 = 732.33: the first unit's share rounds down, and the rest comes back with the last units.
  expect([one.amount, one.lines]).toEqual([732, [{ line_item_id: line.id, quantity: 1, amount: 732 }]]);
  const rest = await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: line.id, quantity: 2 }], reason: 'damaged' }, 201);
  expect(rest.amount).toBe(1465);
  expect(one.amount + rest.amount).toBe(line.total);
});
