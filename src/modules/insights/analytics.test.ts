import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { ADDRESS_DE, createStockedProduct, pay, complete, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Analytics through the Admin API on a handful of orders placed through the Store API: two
 * currencies, a discount, tax, shipping, a refund, a return, a canceled order, an abandoned cart.
 * Every figure is asserted exactly, by hand where it is simple and by recomputing it from the
 * orders as GET /admin/orders returns them.
 */
let shop: TestShop;
let selling: Selling;
let a: any;
let b: any;
const orders: Record<string, any> = {};
let refund: any;
const today = new Date().toISOString().slice(0, 10);
const FROM = '2026-02-01';

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  a = await createStockedProduct(shop, { usd: 1000, eur: 900, stock: 100, locationId: selling.warehouse.id, title: 'Alpha' });
  b = await createStockedProduct(shop, { usd: 2500, eur: 2300, stock: 100, locationId: selling.warehouse.id, title: 'Bravo' });
  await shop.ok('POST', '/admin/promotions', { code: 'SAVE10', type: 'percentage', value: 10 }, 201);

  orders.one = await placeOrder(shop, [{ variant_id: a.variant.id, quantity: 2 }], { email: 'ann@example.com' });
  const cart = await readyCart(shop, { lines: [{ variant_id: b.variant.id, quantity: 1 }], email: 'bob@example.com' });
  await shop.ok('POST', `/store/carts/${cart.id}/promotions`, { code: 'save10' });
  expect((await pay(shop, cart.id)).status).toBe(200);
  orders.two = (await complete(shop, cart.id)).body;
  orders.euro = await placeOrder(shop, [{ variant_id: a.variant.id, quantity: 1 }, { variant_id: b.variant.id, quantity: 1 }], { email: 'ann@example.com', currency: 'EUR', address: ADDRESS_DE });
  orders.refunded = await placeOrder(shop, [{ variant_id: a.variant.id, quantity: 1 }], { email: 'ann@example.com' });
  orders.canceled = await placeOrder(shop, [{ variant_id: a.variant.id, quantity: 1 }], { email: 'cid@example.com' });
  await shop.ok('POST', `/admin/orders/${orders.canceled.id}/cancel`, {});

  await shop.ok('POST', `/admin/orders/${orders.refunded.id}/fulfillments`, {
    location_id: selling.warehouse.id, lines: [{ line_item_id: orders.refunded.items[0].id, quantity: 1 }], shipment: { carrier: 'UPS' },
  }, 201);
  refund = await shop.ok('POST', `/admin/orders/${orders.refunded.id}/refunds`, { lines: [{ line_item_id: orders.refunded.items[0].id, quantity: 1 }], reason: 'damaged' }, 201);
  const shipped = await shop.ok('POST', `/admin/orders/${orders.two.id}/fulfillments`, {
    location_id: selling.warehouse.id, lines: [{ line_item_id: orders.two.items[0].id, quantity: 1 }], shipment: { carrier: 'UPS' },
  }, 201);
  await shop.ok('POST', `/admin/orders/${orders.two.id}/fulfillments/${shipped.id}/mark-delivered`);
  await shop.ok('POST', `/admin/orders/${orders.two.id}/returns`, { lines: [{ line_item_id: orders.two.items[0].id, quantity: 1, reason: 'too small' }] }, 201);

  // A cart left with an item two days ago, and one just started: one abandoned, one not yet.
  const left = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await shop.ok('POST', `/store/carts/${left.id}/line-items`, { variant_id: a.variant.id, quantity: 1 });
  await sql`update cart set updated_at = now() - interval '2 days' where id = ${left.id}`.execute(shop.db);
  const fresh = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await shop.ok('POST', `/store/carts/${fresh.id}/line-items`, { variant_id: b.variant.id, quantity: 1 });
  // The euro order was placed on 1 March at 23:30 UTC: already 2 March in Tokyo.
  await sql`update orders set placed_at = '2026-03-01T23:30:00Z' where id = ${orders.euro.id}`.execute(shop.db);
});

afterAll(async () => {
  await shop.close();
});

/** The orders as the Admin API lists them, with their refunds: what the reports must add up to. */
async function ordersFromTheApi() {
  const listed: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await shop.ok('GET', `/admin/orders?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    listed.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  const detailed = [];
  for (const o of listed) {
    const refunds = (await shop.ok('GET', `/admin/orders/${o.id}/refunds`)).data;
    detailed.push({ ...(await shop.ok('GET', `/admin/orders/${o.id}`)), refunds });
  }
  return detailed;
}

describe('sales', () => {
  test('per day and currency: exact figures that reconcile with the orders', async () => {
    const report = await shop.ok('GET', `/admin/analytics/sales?from=${FROM}&to=${today}&granularity=day`);
    expect(report).toMatchObject({ from: FROM, to: today, time_zone: 'UTC', granularity: 'day' });
    expect(refund.amount).toBe(1100);
    const usd = report.data.find((d: any) => d.currency_code === 'USD');
    const eur = report.data.find((d: any) => d.currency_code === 'EUR');
    expect(report.data).toHaveLength(2);
    // Ann's two orders and Bob's; Cid's canceled one is not a sale.
    const usdOrders = [orders.one, orders.two, orders.refunded];
    expect(usd).toEqual({
      period: today, currency_code: 'USD', orders: 3,
      gross_sales: 2000 + 2500 + 1000, discounts: 250, refunds: 1100, net_sales: 5500 - 250 - 1100,
      shipping: 3 * 500, tax: usdOrders.reduce((n, o) => n + o.tax_total, 0),
      total_sales: usdOrders.reduce((n, o) => n + o.total, 0) - 1100,
      average_order_value: Math.round(usdOrders.reduce((n, o) => n + o.total, 0) / 3),
    });
    expect(usd.tax).toBe(200 + 225 + 100 + 3 * 50);
    expect(eur).toEqual({
      period: '2026-03-01', currency_code: 'EUR', orders: 1, gross_sales: 3200, discounts: 0, refunds: 0, net_sales: 3200,
      shipping: 490, tax: orders.euro.tax_total, total_sales: orders.euro.total, average_order_value: orders.euro.total,
    });

    // Recomputed from the orders the API lists: every figure, per currency, over the whole period.
    const all = await ordersFromTheApi();
    for (const code of ['EUR', 'USD']) {
      const sold = all.filter((o) => o.currency_code === code && o.status !== 'canceled');
      const refunded = sold.flatMap((o) => o.refunds).filter((r: any) => r.status === 'succeeded').reduce((n: number, r: any) => n + r.amount, 0);
      const sum = (key: string) => sold.reduce((n, o) => n + o[key], 0);
      const buckets = report.data.filter((d: any) => d.currency_code === code);
      const reported = (key: string) => buckets.reduce((n: number, d: any) => n + d[key], 0);
      expect(['orders', 'gross_sales', 'discounts', 'refunds', 'net_sales', 'shipping', 'tax', 'total_sales'].map(reported)).toEqual([
        sold.length, sum('subtotal'), sum('discount_total'), refunded, sum('subtotal') - sum('discount_total') - refunded,
        sum('shipping_total'), sum('tax_total'), sum('total') - refunded,
      ]);
    }
  });

  test('days are cut in the time zone asked, else the shop\'s; months and one currency', async () => {
    const tokyo = await shop.ok('GET', '/admin/analytics/sales?from=2026-03-01&to=2026-03-02&time_zone=Asia/Tokyo');
    expect(tokyo.data.map((d: any) => [d.period, d.currency_code, d.orders])).toEqual([['2026-03-02', 'EUR', 1]]);
    expect((await shop.ok('PATCH', '/admin/shop', { time_zone: 'Asia/Tokyo' })).time_zone).toBe('Asia/Tokyo');
    const shopDefault = await shop.ok('GET', '/admin/analytics/sales?from=2026-03-01&to=2026-03-02');
    expect([shopDefault.time_zone, shopDefault.data[0].period]).toEqual(['Asia/Tokyo', '2026-03-02']);
    await shop.ok('PATCH', '/admin/shop', { time_zone: 'UTC' });
    const monthly = await shop.ok('GET', `/admin/analytics/sales?from=${FROM}&to=${today}&granularity=month&currency_code=eur`);
    expect(monthly.data.map((d: any) => [d.period, d.currency_code, d.gross_sales])).toEqual([['2026-03-01', 'EUR', 3200]]);
  });

  test('bad input: a 400 naming the field and what is allowed, and the shop unchanged', async () => {
    const granularity = await shop.refused('GET', '/admin/analytics/sales?granularity=hour', undefined, 400, 'invalid_request');
    expect(granularity.message).toMatch(/day.*week.*month/);
    await shop.refused('GET', '/admin/analytics/sales?from=2026-13-01', undefined, 400, 'invalid_request', 'querystring.from');
    await shop.refused('GET', '/admin/analytics/sales?from=2026-03-02&to=2026-03-01', undefined, 400, 'invalid_request', 'querystring.from');
    await shop.refused('GET', '/admin/analytics/sales?from=2020-01-01&to=2026-03-01', undefined, 400, 'invalid_request', 'querystring.from');
    await shop.refused('GET', '/admin/analytics/sales?time_zone=Mars/Olympus', undefined, 400, 'invalid_request', 'querystring.time_zone');
    await shop.refused('GET', '/admin/analytics/sales?currency_code=dollars', undefined, 400, 'invalid_request');
    await shop.refused('PATCH', '/admin/shop', { time_zone: 'Nowhere/City' }, 400, 'invalid_request', 'body.time_zone');
    expect((await shop.ok('GET', '/admin/shop')).time_zone).toBe('UTC');
  });
});

test('units and revenue per product, variant and collection, best sellers first', async () => {
  const products = await shop.ok('GET', `/admin/analytics/products?from=${FROM}&to=${today}&currency_code=USD`);
  expect(products.data).toEqual([
    { id: a.product.id, title: 'Alpha', sku: null, currency_code: 'USD', orders: 2, units: 3, gross_sales: 3000, discounts: 0, net_sales: 3000, returned_units: 1 },
    { id: b.product.id, title: 'Bravo', sku: null, currency_code: 'USD', orders: 1, units: 1, gross_sales: 2500, discounts: 250, net_sales: 2250, returned_units: 0 },
  ]);
  const variants = await shop.ok('GET', `/admin/analytics/products?from=${FROM}&to=${today}&group_by=variant`);
  expect(variants.data.map((d: any) => [d.id, d.sku, d.currency_code, d.units])).toEqual([
    [a.variant.id, a.variant.sku, 'USD', 3], [b.variant.id, b.variant.sku, 'EUR', 1], [b.variant.id, b.variant.sku, 'USD', 1], [a.variant.id, a.variant.sku, 'EUR', 1],
  ]);
  expect(variants.data.map((d: any) => d.net_sales)).toEqual([3000, 2300, 2250, 900]);
  const collections = await shop.ok('GET', `/admin/analytics/products?from=${FROM}&to=${today}&group_by=collection&currency_code=USD`);
  expect(collections.data).toEqual([{ id: null, title: null, sku: null, currency_code: 'USD', orders: 3, units: 4, gross_sales: 5500, discounts: 250, net_sales: 5250, returned_units: 1 }]);
});

test('cart conversion and abandoned carts', async () => {
  const report = await shop.ok('GET', `/admin/analytics/carts?from=${today}&to=${today}`);
  // Five carts became orders (the canceled one was placed too); one left two days ago, one just started.
  expect(report.data).toEqual([{ period: today, carts: 7, carts_with_items: 7, ordered: 5, abandoned: 1, conversion_rate: 5 / 7 }]);
});

test('new and returning buyers, repeat rate, monthly cohorts', async () => {
  const report = await shop.ok('GET', `/admin/analytics/customers?from=${FROM}&to=${today}`);
  // Ann first bought on 1 March (the euro order), so today she returns; Bob is new; Cid's order was canceled.
  expect(report.data).toEqual([
    { period: '2026-03-01', customers: 1, new_customers: 1, returning_customers: 0, orders_new: 1, orders_returning: 0 },
    { period: today, customers: 2, new_customers: 1, returning_customers: 1, orders_new: 1, orders_returning: 2 },
  ]);
  expect([report.customers, report.repeat_customers, report.repeat_purchase_rate]).toEqual([2, 1, 0.5]);
  const monthsSinceMarch = (Number(today.slice(0, 4)) - 2026) * 12 + Number(today.slice(5, 7)) - 3;
  expect(report.cohorts).toEqual([
    { cohort: '2026-03', customers: 1, active: [{ month: 0, customers: 1 }, { month: monthsSinceMarch, customers: 1 }] },
    { cohort: today.slice(0, 7), customers: 1, active: [{ month: 0, customers: 1 }] },
  ]);
});

test('refunds by reason and currency; returns by reason', async () => {
  const report = await shop.ok('GET', `/admin/analytics/refunds?from=${FROM}&to=${today}`);
  // Canceling Cid's captured order refunded it whole: it shows here, though it is no sale (nor refund) in the sales report.
  expect(report.refunds).toEqual([
    { reason: 'order_canceled', currency_code: 'USD', refunds: 1, amount: orders.canceled.total },
    { reason: 'damaged', currency_code: 'USD', refunds: 1, amount: 1100 },
  ]);
  expect(orders.canceled.total).toBe(1650);
  expect(report.returns).toEqual([{ reason: 'too small', returns: 1, units: 1, received_units: 0 }]);
  expect((await shop.ok('GET', `/admin/analytics/refunds?from=${FROM}&to=${today}&currency_code=EUR`)).refunds).toEqual([]);
});
