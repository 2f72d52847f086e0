import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder, snapshotOrderTables } from '../../../test/helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Bad input to the order operations: quantities above what is fulfillable, returnable or refundable,
 * refunds above what was captured, unknown lines, orders, fulfillments and returns, malformed bodies,
 * illegal transitions. Each is refused with its status, code and field, and changes nothing at all.
 */
let shop: TestShop;
let selling: Selling;
let city: any;
let order: any;
let other: any;
let shirt: any;
let mug: any;
let delivered: any;

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  city = await shop.ok('POST', '/admin/inventory/locations', { name: 'City', code: 'city' }, 201);
  shirt = (await createStockedProduct(shop, { usd: 2000, stock: 3, locationId: selling.warehouse.id })).variant;
  mug = (await createStockedProduct(shop, { usd: 1000, stock: 5, locationId: selling.warehouse.id })).variant;
  order = await placeOrder(shop, [{ variant_id: shirt.id, quantity: 2 }, { variant_id: mug.id, quantity: 1 }]);
  other = await placeOrder(shop, [{ variant_id: mug.id, quantity: 1 }]);
  // One shirt delivered; the order was captured at checkout (6050).
  delivered = await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, {
    location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }], shipment: { carrier: 'UPS' },
  }, 201);
  await shop.ok('POST', `/admin/orders/${order.id}/fulfillments/${delivered.id}/mark-delivered`);
});
afterAll(async () => shop?.close());

/** Sends the request, expects the refusal, and checks that nothing changed anywhere. */
async function refusedAndUnchanged(method: string, url: string, body: unknown, status: number, code: string, field?: string) {
  const before = await snapshotOrderTables(shop.db);
  const error = await shop.refused(method, url, body, status, code, field);
  expect(await snapshotOrderTables(shop.db)).toEqual(before);
  return error;
}

describe('fulfillments', () => {
  test('more than is left to fulfill', async () => {
    const error = await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments`,
      { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 2 }] }, 400, 'quantity_exceeds_fulfillable', 'body.lines[0].quantity');
    expect(error.details).toMatchObject({ requested: 2, max: 1 });
  });

  test('a second line over, after a first one that fits', async () => {
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments`, {
      location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }, { line_item_id: order.items[1].id, quantity: 2 }],
    }, 400, 'quantity_exceeds_fulfillable', 'body.lines[1].quantity');
  });

  test.each([
    ['an unknown line', () => 'ordli_01NOPE'],
    ['a line of another order', () => other.items[0].id],
  ])('%s', async (_name, lineId) => {
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments`,
      { location_id: selling.warehouse.id, lines: [{ line_item_id: lineId(), quantity: 1 }] }, 400, 'order_line_not_found', 'body.lines[0].line_item_id');
  });

  test('the same line twice', async () => {
    const line = order.items[1].id;
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments`,
      { location_id: selling.warehouse.id, lines: [{ line_item_id: line, quantity: 1 }, { line_item_id: line, quantity: 1 }] }, 400, 'invalid_request', 'body.lines[1].line_item_id');
  });

  test('an unknown location', async () => {
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments`,
      { location_id: 'sloc_01NOPE', lines: [{ line_item_id: order.items[1].id, quantity: 1 }] }, 404, 'location_not_found', 'body.location_id');
  });

  test('a location without the stock', async () => {
    const error = await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments`,
      { location_id: city.id, lines: [{ line_item_id: order.items[1].id, quantity: 1 }] }, 409, 'insufficient_inventory', 'body.lines[0].quantity');
    expect(error.details).toMatchObject({ location_id: city.id, available: 0 });
  });

  test.each([
    ['no lines', { lines: [] }],
    ['quantity 0', { lines: [{ quantity: 0 }] }],
    ['an unknown field', { colour: 'red' }],
  ] as [string, any][])('malformed: %s', async (_name, patch) => {
    const body = { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[1].id, quantity: 1 }], ...patch };
    if (patch.lines?.[0]) body.lines = [{ line_item_id: order.items[1].id, ...patch.lines[0] }];
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments`, body, 400, 'invalid_request');
  });

  test('illegal transitions: ship twice, deliver twice, cancel a shipped fulfillment, unknown fulfillment', async () => {
    const base = `/admin/orders/${order.id}/fulfillments/${delivered.id}`;
    await refusedAndUnchanged('POST', `${base}/shipments`, { carrier: 'UPS' }, 409, 'fulfillment_already_shipped');
    await refusedAndUnchanged('POST', `${base}/mark-delivered`, undefined, 409, 'fulfillment_already_delivered');
    await refusedAndUnchanged('POST', `${base}/mark-delivered`, { delivered_at: new Date(Date.now() + 86_400_000).toISOString() }, 400, 'invalid_request', 'body.delivered_at');
    await refusedAndUnchanged('POST', `${base}/cancel`, undefined, 409, 'fulfillment_already_shipped');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/fulfillments/ful_01NOPE/shipments`, { carrier: 'UPS' }, 404, 'fulfillment_not_found');
    await refusedAndUnchanged('POST', `/admin/orders/${other.id}/fulfillments/${delivered.id}/mark-delivered`, undefined, 404, 'fulfillment_not_found');
  });
});

describe('returns', () => {
  test('more than was delivered, and units never delivered', async () => {
    const error = await refusedAndUnchanged('POST', `/admin/orders/${order.id}/returns`,
      { lines: [{ line_item_id: order.items[0].id, quantity: 2 }] }, 400, 'quantity_exceeds_returnable', 'body.lines[0].quantity');
    expect(error.details).toMatchObject({ requested: 2, max: 1 });
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/returns`,
      { lines: [{ line_item_id: order.items[1].id, quantity: 1 }] }, 400, 'quantity_exceeds_returnable', 'body.lines[0].quantity');
  });

  test('an unknown line, and by the buyer', async () => {
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: 'ordli_01NOPE', quantity: 1 }] }, 400, 'order_line_not_found', 'body.lines[0].line_item_id');
    const before = await snapshotOrderTables(shop.db);
    const res = await shop.request('POST', `/store/orders/${order.id}/returns`, {
      body: { lines: [{ line_item_id: order.items[0].id, quantity: 5 }] }, headers: { 'x-order-token': order.access_token },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('quantity_exceeds_returnable');
    expect(await snapshotOrderTables(shop.db)).toEqual(before);
  });

  test('receiving more than was asked back, or a line not in the return; refunding before receiving', async () => {
    const ret = await shop.ok('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }, 201);
    const base = `/admin/orders/${order.id}/returns/${ret.id}`;
    await refusedAndUnchanged('POST', `${base}/receive`, { location_id: city.id, lines: [{ line_item_id: order.items[0].id, quantity: 2, condition: 'new' }] }, 400, 'quantity_exceeds_returnable', 'body.lines[0].quantity');
    await refusedAndUnchanged('POST', `${base}/receive`, { location_id: city.id, lines: [{ line_item_id: order.items[1].id, quantity: 1, condition: 'new' }] }, 400, 'order_line_not_found', 'body.lines[0].line_item_id');
    await refusedAndUnchanged('POST', `${base}/receive`, { location_id: 'sloc_01NOPE', lines: [] }, 404, 'location_not_found', 'body.location_id');
    await refusedAndUnchanged('POST', `${base}/refund`, {}, 409, 'return_not_received');
    // The unit asked back cannot be asked back again, nor refunded by line meanwhile.
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }, 400, 'quantity_exceeds_returnable');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: order.items[0].id, quantity: 1 }], reason: 'damaged' }, 400, 'quantity_exceeds_refundable');
    await shop.ok('POST', `${base}/cancel`);
    await refusedAndUnchanged('POST', `${base}/cancel`, undefined, 409, 'return_canceled');
    await refusedAndUnchanged('POST', `${base}/receive`, { location_id: city.id, lines: [] }, 409, 'return_canceled');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/returns/ret_01NOPE/receive`, { location_id: city.id, lines: [] }, 404, 'return_not_found');
  });
});

describe('refunds and captures', () => {
  test('more than was captured', async () => {
    const error = await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { amount: 6051, reason: 'goodwill' }, 400, 'refund_exceeds_captured', 'body.amount');
    expect(error.details).toMatchObject({ requested: 6051, max: 6050 });
  });

  test('units above what shipped, an unknown line, nothing at all, an unknown reason', async () => {
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: order.items[0].id, quantity: 2 }], reason: 'damaged' }, 400, 'quantity_exceeds_refundable', 'body.lines[0].quantity');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: order.items[1].id, quantity: 1 }], reason: 'damaged' }, 400, 'quantity_exceeds_refundable', 'body.lines[0].quantity');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: 'ordli_01NOPE', quantity: 1 }], reason: 'damaged' }, 400, 'order_line_not_found', 'body.lines[0].line_item_id');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { reason: 'goodwill' }, 400, 'invalid_request', 'body.amount');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { amount: 100, reason: 'because' }, 400, 'invalid_request');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/refunds`, { amount: -5, reason: 'goodwill' }, 400, 'invalid_request');
  });

  test('capturing a captured order, or more than authorized', async () => {
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/capture`, {}, 409, 'payment_not_capturable');
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/capture`, { amount: 1 }, 409, 'payment_not_capturable');
  });

  test('a refund replayed with its Idempotency-Key happens once', async () => {
    const send = (body: object) => shop.request('POST', `/admin/orders/${other.id}/refunds`, { body, headers: { 'idempotency-key': 'refund-once' } });
    const first = await send({ amount: 100, reason: 'goodwill' });
    expect(first.status, first.text).toBe(201);
    const again = await send({ amount: 100, reason: 'goodwill' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await send({ amount: 200, reason: 'goodwill' })).body.error.code).toBe('idempotency_key_mismatch');
    const detail = await shop.ok('GET', `/admin/orders/${other.id}`);
    expect(detail.refunds).toHaveLength(1);
    expect(detail.summary).toMatchObject({ refunded_total: 100, credit_total: 100, balance: 0 });
  });
});

describe('cancel and edits', () => {
  test('cancel an order with fulfilled units', async () => {
    await refusedAndUnchanged('POST', `/admin/orders/${order.id}/cancel`, {}, 409, 'order_not_cancelable');
  });

  test('edits below what is fulfilled, without a reason for a custom price, of unknown things, changing nothing, beyond the stock', async () => {
    const url = `/admin/orders/${order.id}/edits`;
    const error = await refusedAndUnchanged('POST', url, { items: [{ line_item_id: order.items[0].id, quantity: 0 }] }, 400, 'quantity_below_fulfilled', 'body.items[0].quantity');
    expect(error.details).toMatchObject({ min: 1 });
    await refusedAndUnchanged('POST', url, { add: [{ variant_id: mug.id, quantity: 1, unit_price: 1 }] }, 400, 'invalid_request', 'body.add[0].price_reason');
    await refusedAndUnchanged('POST', url, { add: [{ variant_id: 'var_01NOPE', quantity: 1 }] }, 404, 'variant_not_found', 'body.add[0].variant_id');
    await refusedAndUnchanged('POST', url, { items: [{ line_item_id: 'ordli_01NOPE', quantity: 1 }] }, 400, 'order_line_not_found', 'body.items[0].line_item_id');
    await refusedAndUnchanged('POST', url, { items: [{ line_item_id: order.items[0].id, quantity: 2 }] }, 400, 'invalid_request', 'body.items');
    // 3 shirts were stocked and 2 sold: 1 is left, so 2 more are too many.
    await refusedAndUnchanged('POST', url, { items: [{ line_item_id: order.items[0].id, quantity: 4 }] }, 409, 'insufficient_inventory', 'body.items[0].quantity');
  });

  test('unknown orders: 404 everywhere', async () => {
    for (const [method, suffix, body] of [
      ['GET', '', undefined], ['POST', '/capture', {}], ['POST', '/cancel', {}], ['POST', '/refunds', { amount: 1, reason: 'goodwill' }],
      ['POST', '/fulfillments', { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }],
      ['POST', '/returns', { lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }], ['POST', '/edits', { items: [] }], ['POST', '/notes', { text: 'hi' }],
    ] as const) {
      await refusedAndUnchanged(method, `/admin/orders/ord_01NOPE${suffix}`, body, 404, 'order_not_found');
    }
    await refusedAndUnchanged('POST', '/admin/orders/not-an-id/capture', {}, 400, 'invalid_request', 'params.id');
  });
});
