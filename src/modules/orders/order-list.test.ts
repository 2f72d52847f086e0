import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { ADDRESS_DE, createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { createAdminUser } from '../users/admin-users.ts';

/** The order list's filters, search and paging; notes and the timeline; who may do what. */
let shop: TestShop;
let selling: Selling;
let orders: any[];

beforeAll(async () => {
  shop = await startTestShop({ orderNumberPrefix: 'WEB-' });
  selling = await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 1000, eur: 900, stock: 50, locationId: selling.warehouse.id });
  orders = [
    await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: 'Ada@Example.com' }),
    await placeOrder(shop, [{ variant_id: variant.id, quantity: 3 }], { email: 'emmy@example.de', currency: 'EUR', address: ADDRESS_DE }),
    await placeOrder(shop, [{ variant_id: variant.id, quantity: 5 }], { email: 'grace@example.com' }),
  ];
  await shop.ok('POST', `/admin/orders/${orders[0].id}/cancel`, {});
  await shop.ok('POST', `/admin/orders/${orders[2].id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: orders[2].items[0].id, quantity: 5 }] }, 201);
});
afterAll(async () => shop?.close());

const ids = async (query: string) => (await shop.ok('GET', `/admin/orders${query}`)).data.map((o: any) => o.id);

describe('the list', () => {
  test('newest first, with what a list row needs', async () => {
    const list = await shop.ok('GET', '/admin/orders');
    expect(list.data.map((o: any) => o.id)).toEqual([orders[2].id, orders[1].id, orders[0].id]);
    expect(list.data[1]).toMatchObject({
      number: orders[1].number, display_number: `WEB-${orders[1].number}`, email: 'emmy@example.de', currency_code: 'EUR', region_id: selling.eu.id,
      item_count: 3, status: 'open', payment_status: 'captured', fulfillment_status: 'unfulfilled', total: orders[1].total,
    });
    expect(list.next_cursor).toBeNull();
  });

  test.each([
    ['status', () => '?status=canceled', () => [orders[0].id]],
    ['several statuses', () => '?status=canceled,completed', () => [orders[0].id]],
    ['several statuses, spaced', () => '?status=canceled,%20completed', () => [orders[0].id]],
    ['payment status', () => '?payment_status=captured', () => [orders[2].id, orders[1].id]],
    ['fulfillment status', () => '?fulfillment_status=fulfilled', () => [orders[2].id]],
    ['region', () => `?region_id=${selling.eu.id}`, () => [orders[1].id]],
    ['email, any case', () => '?email=ada@EXAMPLE.com', () => [orders[0].id]],
    ['total range', () => `?total_min=${orders[1].total}&total_max=${orders[1].total}`, () => [orders[1].id]],
    ['placed after now', () => `?placed_after=${new Date(Date.now() + 60_000).toISOString()}`, () => []],
    ['placed before now', () => `?placed_before=${new Date(Date.now() + 60_000).toISOString()}&status=open`, () => [orders[2].id, orders[1].id]],
    ['search: number', () => `?q=${orders[1].number}`, () => [orders[1].id]],
    ['search: #number', () => `?q=%23${orders[1].number}`, () => [orders[1].id]],
    ['search: prefixed number', () => `?q=web-${orders[2].number}`, () => [orders[2].id]],
    ['search: email', () => '?q=grace@example.com', () => [orders[2].id]],
    ['search: id', () => `?q=${orders[0].id}`, () => [orders[0].id]],
    ['search: nothing like it', () => '?q=zebra', () => []],
  ])('filter: %s', async (_name, query, expected) => {
    expect(await ids(query())).toEqual(expected());
  });

  test.each([
    ['status', 'paid', ['open', 'completed', 'canceled']],
    ['status', 'open,paid', ['open', 'completed', 'canceled']],
    ['payment_status', 'paid', ['not_paid', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'voided']],
    ['fulfillment_status', 'bogus', [
      'unfulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'partially_delivered', 'delivered',
      'partially_returned', 'returned', 'canceled',
    ]],
  ])('an unknown value of %s (%s) is refused, listing the values, like the Store API', async (name, value, allowed) => {
    const error = await shop.refused('GET', `/admin/orders?${name}=${value}`, undefined, 400, 'invalid_request', `querystring.${name}`);
    expect(error.details).toEqual({ field: `querystring.${name}`, rule: 'enum', allowed });
    expect(error.message).toBe(`querystring.${name} must be one of: ${allowed.map((v) => `"${v}"`).join(', ')}, or several of them comma-separated`);
  });

  test('paged with an opaque cursor', async () => {
    const first = await shop.ok('GET', '/admin/orders?limit=2');
    expect(first.data).toHaveLength(2);
    const second = await shop.ok('GET', `/admin/orders?limit=2&cursor=${first.next_cursor}`);
    expect(second).toMatchObject({ data: [{ id: orders[0].id }], next_cursor: null });
    await shop.refused('GET', '/admin/orders?cursor=bm9wZQ', undefined, 400, 'invalid_cursor', 'querystring.cursor');
    await shop.refused('GET', '/admin/orders?limit=500', undefined, 400, 'invalid_request', 'querystring.limit');
    await shop.refused('GET', '/admin/orders?sort=total', undefined, 400, 'invalid_request');
  });
});

test('notes join the timeline with their author', async () => {
  const note = await shop.ok('POST', `/admin/orders/${orders[1].id}/notes`, { text: 'Customer asked for gift wrap.' }, 201);
  expect(note).toMatchObject({ type: 'order.note_added', actor: { type: 'user' }, data: { text: 'Customer asked for gift wrap.' } });
  const timeline = await shop.ok('GET', `/admin/orders/${orders[1].id}/timeline`);
  expect(timeline.data.map((e: any) => e.type)).toEqual(['payment.authorized', 'payment.captured', 'order.placed', 'order.note_added']);
  await shop.refused('POST', `/admin/orders/${orders[1].id}/notes`, { text: '' }, 400, 'invalid_request', 'body.text');
});

test('roles: support reads, fulfillment fulfills but cannot refund or capture', async () => {
  const login = async (role: string) => {
    await createAdminUser(shop.db, { email: `${role}@shop.test`, password: 'role password 123', role });
    return (await shop.post('/admin/auth/login', { email: `${role}@shop.test`, password: 'role password 123' }, { token: null })).body.token;
  };
  const support = await login('support');
  expect((await shop.request('GET', '/admin/orders', { token: support })).status).toBe(200);
  expect((await shop.request('POST', `/admin/orders/${orders[1].id}/notes`, { token: support, body: { text: 'x' } })).status).toBe(403);
  const fulfillment = await login('fulfillment');
  const shipped = await shop.request('POST', `/admin/orders/${orders[1].id}/fulfillments`, {
    token: fulfillment, body: { location_id: selling.warehouse.id, lines: [{ line_item_id: orders[1].items[0].id, quantity: 1 }] },
  });
  expect(shipped.status, shipped.text).toBe(201);
  expect(shipped.body.created_by).toMatch(/^usr_/);
  const refund = await shop.request('POST', `/admin/orders/${orders[1].id}/refunds`, { token: fulfillment, body: { amount: 1, reason: 'goodwill' } });
  expect(refund.status).toBe(403);
  expect(refund.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'orders:refund' } });
});
