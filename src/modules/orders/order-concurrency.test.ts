import { afterAll, beforeAll, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { createStockedProduct, level, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { errorCodesVaryByRun } from '../../../test/helpers/error-record.ts';

// Races: which refusals a run meets differs from run to run.
errorCodesVaryByRun();

/**
 * Operations on one order racing each other: the order lock and the conditional updates let exactly
 * as many through as the money and the units allow, whatever the interleaving (on PostgreSQL, truly
 * concurrent connections).
 */
let shop: TestShop;
let selling: Selling;
let city: any;
let variant: any;

beforeAll(async () => {
  shop = await startTestShop({ paymentCapture: 'manual' });
  selling = await setUpSelling(shop);
  city = await shop.ok('POST', '/admin/inventory/locations', { name: 'City', code: 'city' }, 201);
  variant = (await createStockedProduct(shop, { usd: 1000, stock: 50, locationId: selling.warehouse.id })).variant;
  await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: variant.id, location_id: city.id, delta: 50, reason: 'received' }, 201);
});
afterAll(async () => shop?.close());

const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort();

test('six captures of 1000 against 2750 authorized: two go through', async () => {
  const order = await placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }]);
  const responses = await Promise.all(Array.from({ length: 6 }, () => shop.post(`/admin/orders/${order.id}/capture`, { amount: 1000 })));
  expect(statuses(responses)).toEqual([200, 200, 400, 400, 400, 400]);
  expect((await shop.ok('GET', `/admin/orders/${order.id}`)).summary).toMatchObject({ captured_total: 2000, capturable_total: 750 });
});

test('six refunds of 1000 against 2750 captured: two go through', async () => {
  const order = await placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }]);
  await shop.ok('POST', `/admin/orders/${order.id}/capture`, {});
  const responses = await Promise.all(Array.from({ length: 6 }, () => shop.post(`/admin/orders/${order.id}/refunds`, { amount: 1000, reason: 'goodwill' })));
  expect(statuses(responses)).toEqual([201, 201, 400, 400, 400, 400]);
  const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
  expect(detail.summary).toMatchObject({ refunded_total: 2000, paid_total: 750 });
  expect(detail.payments[0]).toMatchObject({ captured_amount: 2750, refunded_amount: 2000 });
});

test('the last units fulfilled from two locations at once: one fulfillment, stock taken once', async () => {
  const order = await placeOrder(shop, [{ variant_id: variant.id, quantity: 3 }]);
  const before = { main: await level(shop, variant.id, selling.warehouse.id), city: await level(shop, variant.id, city.id) };
  const responses = await Promise.all([selling.warehouse.id, city.id, selling.warehouse.id, city.id].map((location) =>
    shop.post(`/admin/orders/${order.id}/fulfillments`, { location_id: location, lines: [{ line_item_id: order.items[0].id, quantity: 3 }] })));
  expect(statuses(responses)).toEqual([201, 400, 400, 400]);
  const won = responses.find((r) => r.status === 201)!.body;
  const after = { main: await level(shop, variant.id, selling.warehouse.id), city: await level(shop, variant.id, city.id) };
  // The order's 3 units left committed at the warehouse (where checkout put them) and on hand where they shipped from.
  expect(after.main!.committed).toBe(before.main!.committed - 3);
  expect(after.main!.on_hand + after.city!.on_hand).toBe(before.main!.on_hand + before.city!.on_hand - 3);
  expect(won.location_id === city.id ? after.city!.on_hand : after.main!.on_hand).toBe((won.location_id === city.id ? before.city! : before.main!).on_hand - 3);
});

test('cancel racing a fulfillment: exactly one wins, and stock agrees with the winner', async () => {
  const totals = async () => {
    const [a, b] = [await level(shop, variant.id, selling.warehouse.id), await level(shop, variant.id, city.id)];
    return { on_hand: a!.on_hand + b!.on_hand, committed: a!.committed + b!.committed };
  };
  for (let i = 0; i < 4; i++) {
    const order = await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }]);
    const before = await totals();
    const [cancel, fulfill] = await Promise.all([
      shop.post(`/admin/orders/${order.id}/cancel`, {}),
      shop.post(`/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }),
    ]);
    expect([cancel.status, fulfill.status].sort()).toEqual(cancel.status === 200 ? [200, 409] : [201, 409]);
    // Either way the unit leaves committed; it leaves on hand only if it shipped.
    if (cancel.status === 200) {
      expect(fulfill.body.error.code).toBe('order_canceled');
      expect(await totals()).toEqual({ on_hand: before.on_hand, committed: before.committed - 1 });
    } else {
      expect(cancel.body.error.code).toBe('order_not_cancelable');
      expect(await totals()).toEqual({ on_hand: before.on_hand - 1, committed: before.committed - 1 });
    }
  }
});
