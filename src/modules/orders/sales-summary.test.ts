import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { ADDRESS_DE, createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** GET /admin/orders/sales: the dashboard's sales per day and currency, and the orders waiting for staff. */
let shop: TestShop;
let selling: Selling;
let orders: any[];

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 1000, eur: 900, stock: 50, locationId: selling.warehouse.id });
  orders = [
    await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }]),
    await placeOrder(shop, [{ variant_id: variant.id, quantity: 3 }], { currency: 'EUR', address: ADDRESS_DE }),
    await placeOrder(shop, [{ variant_id: variant.id, quantity: 5 }]),
    await placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }]),
  ];
  await shop.ok('POST', `/admin/orders/${orders[3].id}/cancel`, {});
  await shop.ok('POST', `/admin/orders/${orders[2].id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: orders[2].items[0].id, quantity: 5 }] }, 201);
  // The EUR order was placed three days ago, at noon UTC.
  await sql`update orders set placed_at = date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - interval '3 days' + interval '12 hours' where id = ${orders[1].id}`.execute(shop.db);
});
afterAll(async () => shop?.close());

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

test('sales per day and currency, canceled orders left out; counts of orders to capture and to fulfill', async () => {
  expect(await shop.ok('GET', '/admin/orders/sales?days=7')).toEqual({
    time_zone: 'UTC',
    days: [
      { date: day(3), currency_code: 'EUR', orders: 1, total: orders[1].total },
      { date: day(0), currency_code: 'USD', orders: 2, total: orders[0].total + orders[2].total },
    ],
    // The test card captures at checkout, so nothing waits for capture; order 2 is fulfilled, order 3 canceled.
    to_capture: 0,
    to_fulfill: 2,
  });
  expect(orders[0].total).toBe(1650); // 10.00 + 5.00 shipping, 10 % tax on top
  expect((await shop.ok('GET', '/admin/orders/sales?days=1')).days).toEqual([{ date: day(0), currency_code: 'USD', orders: 2, total: orders[0].total + orders[2].total }]);
});

test('days are cut in the time zone asked for', async () => {
  // Noon UTC three days ago is the same calendar day in Tokyo (21:00) and in Los Angeles (04:00 or 05:00).
  for (const timeZone of ['Asia/Tokyo', 'America/Los_Angeles']) {
    const summary = await shop.ok('GET', `/admin/orders/sales?days=7&time_zone=${encodeURIComponent(timeZone)}`);
    expect(summary.time_zone).toBe(timeZone);
    expect(summary.days.find((d: any) => d.currency_code === 'EUR')).toEqual({ date: day(3), currency_code: 'EUR', orders: 1, total: orders[1].total });
  }
});

test('bad input names the field; the route needs orders:read', async () => {
  await shop.refused('GET', '/admin/orders/sales?time_zone=Mars/Olympus', undefined, 400, 'invalid_request', 'querystring.time_zone');
  await shop.refused('GET', '/admin/orders/sales?days=0', undefined, 400, 'invalid_request', 'querystring.days');
  await shop.refused('GET', '/admin/orders/sales?days=367', undefined, 400, 'invalid_request', 'querystring.days');
  await shop.ok('POST', '/admin/roles', { key: 'stock_only', name: 'Stock only', permissions: ['inventory:read'] }, 201);
  await shop.ok('POST', '/admin/users', { email: 'stock@shop.test', name: 'Stock', role: 'stock_only', password: 'a long enough password' }, 201);
  const login = await shop.post('/admin/auth/login', { email: 'stock@shop.test', password: 'a long enough password' }, { token: null });
  const refused = await shop.get('/admin/orders/sales', { token: login.body.token });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toEqual({ code: 'forbidden', message: 'Your role does not allow this.', details: { permission: 'orders:read' } });
});
