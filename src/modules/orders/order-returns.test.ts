import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { createStockedProduct, level, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Returns and exchanges: partial receipts, restock or write-off, the customer's return window, and
 * exchanges whose price difference is settled either way.
 */
let shop: TestShop;
let selling: Selling;
let city: any;
let medium: any;
let large: any;
let small: any;

beforeAll(async () => {
  shop = await startTestShop({ returnWindowDays: 30 });
  selling = await setUpSelling(shop);
  city = await shop.ok('POST', '/admin/inventory/locations', { name: 'City', code: 'city' }, 201);
  medium = (await createStockedProduct(shop, { usd: 2000, stock: 20, locationId: selling.warehouse.id, title: 'Shirt M' })).variant;
  large = (await createStockedProduct(shop, { usd: 2500, stock: 20, locationId: selling.warehouse.id, title: 'Shirt L' })).variant;
  small = (await createStockedProduct(shop, { usd: 1500, stock: 20, locationId: selling.warehouse.id, title: 'Shirt S' })).variant;
});
afterAll(async () => shop?.close());

/** An order of `quantity` medium shirts, captured, shipped and delivered. */
async function deliveredOrder(quantity: number) {
  const order = await placeOrder(shop, [{ variant_id: medium.id, quantity }]);
  const f = await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, {
    location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity }], shipment: { carrier: 'UPS' },
  }, 201);
  await shop.ok('POST', `/admin/orders/${order.id}/fulfillments/${f.id}/mark-delivered`);
  return { order, fulfillment: f, line: order.items[0] };
}

describe('exchanges', () => {
  test('for a dearer shirt: the replacement ships at once, the customer pays the difference', async () => {
    const { order, line } = await deliveredOrder(1);
    expect(order.total).toBe(2750);
    const committedBefore = (await level(shop, large.id, selling.warehouse.id))!.committed;
    const ret = await shop.ok('POST', `/admin/orders/${order.id}/returns`, {
      lines: [{ line_item_id: line.id, quantity: 1, reason: 'too small' }], exchange_lines: [{ variant_id: large.id, quantity: 1 }],
    }, 201);
    expect(ret.exchange_line_ids).toHaveLength(1);
    expect((await level(shop, large.id, selling.warehouse.id))!.committed).toBe(committedBefore + 1);
    let detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    const replacement = detail.items.find((i: any) => i.id === ret.exchange_line_ids[0]);
    expect(replacement).toMatchObject({ variant_id: large.id, quantity: 1, unit_price: 2500, total: 2750, origin: 'exchange', return_id: ret.id });
    expect(detail).toMatchObject({ status: 'open', total: 5500, summary: { balance: 2750 } });

    // The replacement ships before the old shirt is back.
    await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: replacement.id, quantity: 1 }], shipment: { carrier: 'UPS' } }, 201);
    const received = await shop.ok('POST', `/admin/orders/${order.id}/returns/${ret.id}/receive`, {
      location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 1, condition: 'opened' }],
    });
    expect(received).toMatchObject({ status: 'received', credit_amount: 2200 });
    detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail.summary).toMatchObject({ total: 5500, credit_total: 2200, net_total: 3300, paid_total: 2750, balance: 550 });
    await shop.refused('POST', `/admin/orders/${order.id}/returns/${ret.id}/refund`, {}, 409, 'nothing_to_refund');

    // The difference is paid: nothing is owed either way.
    detail = await shop.ok('POST', `/admin/orders/${order.id}/payments`, { amount: 550 }, 201);
    expect(detail.summary).toMatchObject({ paid_total: 3300, balance: 0 });
    expect(detail.fulfillment_status).toBe('partially_returned');
  });

  test('for a cheaper shirt: the shop refunds the difference', async () => {
    const { order, line } = await deliveredOrder(1);
    const ret = await shop.ok('POST', `/admin/orders/${order.id}/returns`, {
      lines: [{ line_item_id: line.id, quantity: 1 }], exchange_lines: [{ variant_id: small.id, quantity: 1 }],
    }, 201);
    await shop.ok('POST', `/admin/orders/${order.id}/returns/${ret.id}/receive`, { location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 1, condition: 'new' }] });
    expect((await shop.ok('GET', `/admin/orders/${order.id}`)).summary).toMatchObject({ total: 4400, credit_total: 2200, balance: -550 });
    const refund = await shop.ok('POST', `/admin/orders/${order.id}/returns/${ret.id}/refund`, {}, 201);
    expect(refund).toMatchObject({ amount: 550, credit_amount: 0, reason: 'return', return_id: ret.id });
    expect((await shop.ok('GET', `/admin/orders/${order.id}`)).summary).toMatchObject({ paid_total: 2200, balance: 0 });
  });

  test('cancelled before anything ships: the replacement goes, its stock is released', async () => {
    const { order, line } = await deliveredOrder(1);
    const before = await level(shop, large.id, selling.warehouse.id);
    const ret = await shop.ok('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: line.id, quantity: 1 }], exchange_lines: [{ variant_id: large.id, quantity: 2 }] }, 201);
    expect((await level(shop, large.id, selling.warehouse.id))!.committed).toBe(before!.committed + 2);
    expect((await shop.ok('POST', `/admin/orders/${order.id}/returns/${ret.id}/cancel`)).status).toBe('canceled');
    expect(await level(shop, large.id, selling.warehouse.id)).toEqual(before);
    const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail).toMatchObject({ total: 2750, status: 'completed', summary: { balance: 0 } });
    expect(detail.items.find((i: any) => i.id === ret.exchange_line_ids[0])).toMatchObject({ quantity: 0, total: 0 });
  });
});

describe('returns', () => {
  test('received in part, some units damaged and written off, the rest restocked elsewhere', async () => {
    const { order, line } = await deliveredOrder(3);
    // 3 × 2000 + 600 tax = 6600 for the line; 2200 a unit.
    const ret = await shop.ok('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: line.id, quantity: 3 }] }, 201);
    const warehouseBefore = await level(shop, medium.id, selling.warehouse.id);
    const received = await shop.ok('POST', `/admin/orders/${order.id}/returns/${ret.id}/receive`, {
      location_id: city.id, lines: [{ line_item_id: line.id, quantity: 2, condition: 'damaged' }],
    });
    expect(received).toMatchObject({ credit_amount: 4400, items: [{ quantity: 3, received_quantity: 2, condition: 'damaged', disposition: 'write_off', location_id: city.id }] });
    // Written off: recorded arriving at the city store and leaving it; on hand unchanged everywhere.
    expect(await level(shop, medium.id, city.id)).toEqual({ on_hand: 0, committed: 0, reserved: 0, available: 0 });
    expect(await level(shop, medium.id, selling.warehouse.id)).toEqual(warehouseBefore);
    const moves = await shop.ok('GET', `/admin/inventory/movements?variant_id=${medium.id}&location_id=${city.id}`);
    expect(moves.data.map((m: any) => [m.change, m.reason, m.reference_id]).sort()).toEqual([[-2, 'written_off', ret.id], [2, 'returned_damaged', ret.id]]);

    let detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail.items[0]).toMatchObject({ returned_quantity: 2, requested_return_quantity: 0 });
    expect(detail).toMatchObject({ fulfillment_status: 'partially_returned', summary: { credit_total: 4400, balance: -4400 } });
    await shop.ok('POST', `/admin/orders/${order.id}/returns/${ret.id}/refund`, {}, 201);

    // The unit not sent back can still be returned; the last one is worth the rest of the line.
    const again = await shop.ok('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: line.id, quantity: 1 }] }, 201);
    const last = await shop.ok('POST', `/admin/orders/${order.id}/returns/${again.id}/receive`, {
      location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 1, condition: 'new' }],
    });
    expect(last.credit_amount).toBe(2200);
    expect(await level(shop, medium.id, selling.warehouse.id)).toEqual({ ...warehouseBefore, on_hand: warehouseBefore!.on_hand + 1, available: warehouseBefore!.available + 1 });
    await shop.ok('POST', `/admin/orders/${order.id}/returns/${again.id}/refund`, {}, 201);
    detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail).toMatchObject({ fulfillment_status: 'returned', payment_status: 'partially_refunded', summary: { refunded_total: 6600, paid_total: 500 + 50, balance: 0 } });
  });

  test('the customer asks within the window; after it, only staff can take units back', async () => {
    const { order, line, fulfillment } = await deliveredOrder(2);
    const token = { 'x-order-token': order.access_token };
    const ok = await shop.request('POST', `/store/orders/${order.id}/returns`, { body: { lines: [{ line_item_id: line.id, quantity: 1 }] }, headers: token });
    expect(ok.status, ok.text).toBe(201);
    expect((await shop.request('GET', `/store/orders/${order.id}/returns`, { headers: token })).body.data).toHaveLength(1);
    expect((await shop.request('GET', `/store/orders/${order.id}/returns`, {})).status).toBe(404);

    await sql`update order_fulfillment set delivered_at = now() - interval '31 days' where id = ${fulfillment.id}`.execute(shop.db);
    const late = await shop.request('POST', `/store/orders/${order.id}/returns`, { body: { lines: [{ line_item_id: line.id, quantity: 1 }] }, headers: token });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'return_window_closed', details: { field: 'body.lines[0].quantity', window_days: 30 } });
    await shop.ok('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: line.id, quantity: 1 }] }, 201);
  });

  test('refunds by line: units kept by the customer are credited and can no longer be returned', async () => {
    const { order, line } = await deliveredOrder(2);
    const refund = await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: line.id, quantity: 1 }], amount: 100, reason: 'damaged', note: 'scratched, customer keeps it' }, 201);
    expect(refund).toMatchObject({ amount: 2300, credit_amount: 2300, lines: [{ line_item_id: line.id, quantity: 1, amount: 2200 }] });
    const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail.items[0]).toMatchObject({ refunded_quantity: 1 });
    expect(detail.summary).toMatchObject({ total: 4950, credit_total: 2300, net_total: 2650, paid_total: 2650, balance: 0 });
    await shop.refused('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: line.id, quantity: 2 }] }, 400, 'quantity_exceeds_returnable');
  });
});
