import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { complete, createStockedProduct, level, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';

/**
 * One order through its whole life over HTTP, every stock and money figure asserted exactly: placed
 * (authorized only), captured in two parts, fulfilled from two locations, shipped, delivered, one unit
 * returned by its buyer and restocked, refunded.
 */
let shop: TestShop;
let selling: Selling;
let store: any;
beforeAll(async () => {
  shop = await startTestShop({ paymentCapture: 'manual', orderNumberPrefix: 'CW-' });
  selling = await setUpSelling(shop);
  store = await shop.ok('POST', '/admin/inventory/locations', { name: 'City Store', code: 'city' }, 201);
});
afterAll(async () => shop?.close());

async function movements(variantId: string) {
  const page = await shop.ok('GET', `/admin/inventory/movements?variant_id=${variantId}&limit=100`);
  return page.data.map((m: any) => [m.location_id === store.id ? 'city' : 'main', m.field, m.change, m.reason]).reverse();
}

test('placed, captured, split over two locations, shipped, delivered, one unit returned, restocked and refunded', async () => {
  const warehouse = selling.warehouse.id;
  const { variant: shirt } = await createStockedProduct(shop, { usd: 2000, stock: 5, locationId: warehouse, title: 'Shirt' });
  await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: shirt.id, location_id: store.id, delta: 5, reason: 'received' }, 201);
  const { variant: mug } = await createStockedProduct(shop, { usd: 1000, stock: 3, locationId: warehouse, title: 'Mug' });

  const cart = await readyCart(shop, { lines: [{ variant_id: shirt.id, quantity: 2 }, { variant_id: mug.id, quantity: 1 }], email: 'ada@example.com' });
  expect((await pay(shop, cart.id)).status).toBe(200);
  const placed = (await complete(shop, cart.id)).body;
  // 2 × 2000 + 1000 = 5000; tax 10 %: 400 + 100 + 50 on shipping; shipping 500.
  expect(placed).toMatchObject({ status: 'open', payment_status: 'authorized', fulfillment_status: 'unfulfilled', subtotal: 5000, tax_total: 550, shipping_total: 500, total: 6050 });
  expect(placed.display_number).toBe(`CW-${placed.number}`);
  const [shirtLine, mugLine] = placed.items;
  expect(await level(shop, shirt.id, warehouse)).toEqual({ on_hand: 5, committed: 2, reserved: 0, available: 3 });
  expect(await level(shop, shirt.id, store.id)).toEqual({ on_hand: 5, committed: 0, reserved: 0, available: 5 });

  // Capture in two parts; never more than authorized.
  await shop.refused('POST', `/admin/orders/${placed.id}/capture`, { amount: 6051 }, 400, 'amount_exceeds_capturable', 'body.amount');
  let order = await shop.ok('POST', `/admin/orders/${placed.id}/capture`, { amount: 3000 });
  expect(order).toMatchObject({ payment_status: 'partially_captured', summary: { authorized_total: 6050, captured_total: 3000, capturable_total: 3050, balance: 3050 } });
  order = await shop.ok('POST', `/admin/orders/${placed.id}/capture`, {});
  expect(order).toMatchObject({ payment_status: 'captured', summary: { captured_total: 6050, capturable_total: 0, paid_total: 6050, balance: 0 } });
  expect(order.payments).toEqual([expect.objectContaining({ status: 'captured', authorized_amount: 6050, captured_amount: 6050, refunded_amount: 0 })]);
  await shop.refused('POST', `/admin/orders/${placed.id}/capture`, {}, 409, 'payment_not_capturable');

  // Two fulfillments from two locations: the second ships a shirt the checkout had committed at the warehouse.
  const first = await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments`, {
    location_id: warehouse, lines: [{ line_item_id: shirtLine.id, quantity: 1 }, { line_item_id: mugLine.id, quantity: 1 }],
  }, 201);
  expect(first).toMatchObject({ status: 'fulfilled', location_id: warehouse });
  expect(await level(shop, shirt.id, warehouse)).toEqual({ on_hand: 4, committed: 1, reserved: 0, available: 3 });
  expect(await level(shop, mug.id, warehouse)).toEqual({ on_hand: 2, committed: 0, reserved: 0, available: 2 });
  expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).fulfillment_status).toBe('partially_fulfilled');

  const second = await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments`, { location_id: store.id, lines: [{ line_item_id: shirtLine.id, quantity: 1 }] }, 201);
  expect(await level(shop, shirt.id, warehouse)).toEqual({ on_hand: 4, committed: 0, reserved: 0, available: 4 });
  expect(await level(shop, shirt.id, store.id)).toEqual({ on_hand: 4, committed: 0, reserved: 0, available: 4 });
  expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).fulfillment_status).toBe('fulfilled');
  await shop.refused('POST', `/admin/orders/${placed.id}/fulfillments`, { location_id: warehouse, lines: [{ line_item_id: shirtLine.id, quantity: 1 }] }, 400, 'quantity_exceeds_fulfillable', 'body.lines[0].quantity');

  // Shipped, then delivered; a cancel is refused from the first fulfillment on.
  const shipped = await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments/${first.id}/shipments`, { carrier: 'UPS', tracking_number: '1Z999', tracking_url: 'https://ups.example/1Z999' });
  expect(shipped).toMatchObject({ status: 'shipped', carrier: 'UPS', tracking_number: '1Z999', tracking_url: 'https://ups.example/1Z999' });
  expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).fulfillment_status).toBe('partially_shipped');
  await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments/${second.id}/shipments`, { carrier: 'DHL', tracking_number: 'JD01' });
  expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).fulfillment_status).toBe('shipped');
  await shop.refused('POST', `/admin/orders/${placed.id}/cancel`, {}, 409, 'order_not_cancelable');
  await shop.refused('POST', `/admin/orders/${placed.id}/fulfillments/${first.id}/shipments`, { carrier: 'UPS' }, 409, 'fulfillment_already_shipped');
  for (const f of [first, second]) await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments/${f.id}/mark-delivered`);
  order = await shop.ok('GET', `/admin/orders/${placed.id}`);
  expect(order).toMatchObject({ status: 'completed', fulfillment_status: 'delivered' });

  // The buyer returns one shirt with the order's token; staff receive it at the city store and restock it.
  const token = { 'x-order-token': placed.access_token };
  const wrong = await shop.request('POST', `/store/orders/${placed.id}/returns`, { body: { lines: [{ line_item_id: shirtLine.id, quantity: 1 }] }, headers: { 'x-order-token': 'nope' } });
  expect(wrong.status).toBe(404);
  const tooMany = await shop.request('POST', `/store/orders/${placed.id}/returns`, { body: { lines: [{ line_item_id: shirtLine.id, quantity: 3 }] }, headers: token });
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.error).toMatchObject({ code: 'quantity_exceeds_returnable', details: { field: 'body.lines[0].quantity', max: 2 } });
  const asked = await shop.request('POST', `/store/orders/${placed.id}/returns`, { body: { lines: [{ line_item_id: shirtLine.id, quantity: 1, reason: 'too small' }] }, headers: token });
  expect(asked.status, asked.text).toBe(201);
  expect(asked.body).toMatchObject({ status: 'requested', items: [{ line_item_id: shirtLine.id, quantity: 1, received_quantity: 0, reason: 'too small' }] });
  expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).status).toBe('open');

  const received = await shop.ok('POST', `/admin/orders/${placed.id}/returns/${asked.body.id}/receive`, {
    location_id: store.id, lines: [{ line_item_id: shirtLine.id, quantity: 1, condition: 'new' }],
  });
  // The shirt line: 2 units for 4400 (with tax): one is worth 2200.
  expect(received).toMatchObject({ status: 'received', credit_amount: 2200, items: [{ received_quantity: 1, condition: 'new', disposition: 'restock', location_id: store.id }] });
  expect(await level(shop, shirt.id, store.id)).toEqual({ on_hand: 5, committed: 0, reserved: 0, available: 5 });
  order = await shop.ok('GET', `/admin/orders/${placed.id}`);
  expect(order).toMatchObject({ status: 'open', fulfillment_status: 'partially_returned', summary: { credit_total: 2200, net_total: 3850, paid_total: 6050, balance: -2200 } });

  const refund = await shop.ok('POST', `/admin/orders/${placed.id}/returns/${asked.body.id}/refund`, {}, 201);
  expect(refund).toMatchObject({ amount: 2200, credit_amount: 0, reason: 'return', status: 'succeeded', return_id: asked.body.id });
  await shop.refused('POST', `/admin/orders/${placed.id}/returns/${asked.body.id}/refund`, {}, 409, 'return_already_refunded');
  order = await shop.ok('GET', `/admin/orders/${placed.id}`);
  expect(order).toMatchObject({
    status: 'completed', payment_status: 'partially_refunded', fulfillment_status: 'partially_returned',
    summary: { total: 6050, credit_total: 2200, net_total: 3850, authorized_total: 6050, captured_total: 6050, refunded_total: 2200, paid_total: 3850, balance: 0 },
  });
  expect(order.payments).toEqual([expect.objectContaining({ status: 'partially_refunded', authorized_amount: 6050, captured_amount: 6050, refunded_amount: 2200 })]);
  expect(order.items.map((i: any) => [i.quantity, i.fulfilled_quantity, i.shipped_quantity, i.delivered_quantity, i.returned_quantity])).toEqual([[2, 2, 2, 2, 1], [1, 1, 1, 1, 0]]);
  expect((await shop.ok('GET', `/admin/orders/${placed.id}/returns`)).data[0]).toMatchObject({ status: 'refunded', refund_id: refund.id });

  // Every movement of the shirt: received at both, committed at checkout, two fulfillments, the return
  // (rows one transaction writes share its time, so they are compared as a set).
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  expect(sorted(await movements(shirt.id))).toEqual(sorted([
    ['main', 'on_hand', 5, 'received'],
    ['city', 'on_hand', 5, 'received'],
    ['main', 'committed', 2, 'order_committed'],
    ['main', 'on_hand', -1, 'order_fulfilled'],
    ['main', 'committed', -1, 'order_fulfilled'],
    ['main', 'committed', -1, 'order_reallocated'],
    ['city', 'on_hand', -1, 'order_fulfilled'],
    ['city', 'on_hand', 1, 'returned_restock'],
  ]));

  // The timeline tells the story with who did what.
  const types = order.timeline.map((e: any) => e.type);
  expect(types).toEqual([
    'payment.authorized', 'order.placed', 'payment.captured', 'order.captured', 'payment.captured', 'order.captured',
    'order.fulfilled', 'order.fulfilled', 'order.shipped', 'order.shipped', 'order.delivered', 'order.delivered',
    'return.requested', 'return.received', 'payment.refunded', 'order.refunded',
  ]);
  const requestedEntry = order.timeline.find((e: any) => e.type === 'return.requested');
  expect(requestedEntry.actor).toEqual({ type: 'customer', id: null });
  expect(order.timeline.find((e: any) => e.type === 'order.shipped').actor).toMatchObject({ type: 'user' });

  // And the outbox has each event, in the same order.
  const events = await shop.db.selectFrom('event_outbox').select('type')
    .where('type', 'in', ['order.captured', 'order.fulfilled', 'order.shipped', 'order.delivered', 'return.requested', 'return.received', 'order.refunded'])
    .orderBy('seq').execute();
  expect(events.map((e) => e.type)).toEqual(types.filter((t: string) => !t.startsWith('payment.') && t !== 'order.placed'));

  // The fulfillments and refunds, listed on their own: what each step answered, as it stands now.
  const shippedAt = { shipped_at: expect.any(String), delivered_at: expect.any(String) };
  expect((await shop.ok('GET', `/admin/orders/${placed.id}/fulfillments`)).data).toEqual([
    { ...first, ...shippedAt, status: 'delivered', carrier: 'UPS', tracking_number: '1Z999', tracking_url: 'https://ups.example/1Z999' },
    { ...second, ...shippedAt, status: 'delivered', carrier: 'DHL', tracking_number: 'JD01' },
  ]);
  expect((await shop.ok('GET', `/admin/orders/${placed.id}/refunds`)).data).toEqual([refund]);

  // Another order's lists hold nothing of this one's; an unknown order is a 404, a malformed id a 400.
  const otherCart = await readyCart(shop, { lines: [{ variant_id: mug.id, quantity: 1 }] });
  expect((await pay(shop, otherCart.id)).status).toBe(200);
  const other = (await complete(shop, otherCart.id)).body;
  for (const list of ['fulfillments', 'refunds']) {
    expect(await shop.ok('GET', `/admin/orders/${other.id}/${list}`)).toEqual({ data: [] });
    await shop.refused('GET', `/admin/orders/ord_0NOTHERE/${list}`, undefined, 404, 'order_not_found');
    await shop.refused('GET', `/admin/orders/nope/${list}`, undefined, 400, 'invalid_request', 'params.id');
  }
});
