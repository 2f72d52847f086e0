import { afterAll, beforeAll, expect, test } from 'vitest';
import { placeOrder, snapshotOrderTables } from '../../../test/helpers/orders.ts';
import { createStockedProduct, level, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Order edits before fulfillment: quantities up and down, lines removed and added (custom price with a
 * reason), stock following at once, the balance to pay or refund, one version per edit, a dry run.
 */
let shop: TestShop;
let selling: Selling;
let shirt: any;
let mug: any;
let poster: any;

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  shirt = (await createStockedProduct(shop, { usd: 2000, stock: 10, locationId: selling.warehouse.id, title: 'Shirt' })).variant;
  mug = (await createStockedProduct(shop, { usd: 1000, stock: 10, locationId: selling.warehouse.id, title: 'Mug' })).variant;
  poster = (await createStockedProduct(shop, { usd: 500, stock: 1, locationId: selling.warehouse.id, title: 'Poster' })).variant;
});
afterAll(async () => shop?.close());

const committed = async (v: any) => (await level(shop, v.id, selling.warehouse.id))!.committed;

test('edits change stock and totals at once, keep every version, and say what is left to pay or refund', async () => {
  const order = await placeOrder(shop, [{ variant_id: shirt.id, quantity: 2 }, { variant_id: mug.id, quantity: 1 }]);
  expect(order).toMatchObject({ total: 6050, payment_status: 'captured' });
  const [shirtLine, mugLine] = order.items;
  const url = `/admin/orders/${order.id}/edits`;

  // A dry run: the whole computation, nothing written.
  const before = await snapshotOrderTables(shop.db);
  const preview = await shop.ok('POST', url, { items: [{ line_item_id: mugLine.id, quantity: 3 }], dry_run: true });
  expect(preview).toMatchObject({ dry_run: true, version: 2, total_before: 6050, total_after: 8250, balance_after: 2200 });
  expect(await snapshotOrderTables(shop.db)).toEqual(before);

  // Two more mugs: committed at once, 2 × 1000 + 10 % more to pay.
  const up = await shop.ok('POST', url, { items: [{ line_item_id: mugLine.id, quantity: 3 }], note: 'phone call: two more' }, 201);
  expect(up).toMatchObject({
    dry_run: false, version: 2, total_before: 6050, total_after: 8250, balance_after: 2200, note: 'phone call: two more',
    changes: [{ line_item_id: mugLine.id, action: 'updated', quantity_before: 1, quantity_after: 3, unit_price: 1000, total_before: 1100, total_after: 3300 }],
  });
  expect(await committed(mug)).toBe(3);
  let detail = await shop.ok('GET', `/admin/orders/${order.id}`);
  expect(detail).toMatchObject({ version: 2, subtotal: 7000, tax_total: 750, total: 8250, payment_status: 'captured', summary: { balance: 2200, capturable_total: 0 } });

  // The balance is paid by bank transfer, recorded with the manual provider.
  detail = await shop.ok('POST', `/admin/orders/${order.id}/payments`, { amount: 2200, note: 'bank transfer 2024-118' }, 201);
  expect(detail).toMatchObject({ payment_status: 'captured', summary: { authorized_total: 8250, captured_total: 8250, balance: 0 } });
  expect(detail.payments.map((p: any) => [p.provider_id, p.captured_amount])).toEqual([['test_card', 6050], ['manual', 2200]]);

  // The shirts go, a poster comes at a custom price: stock follows, the shop now owes the difference.
  await shop.refused('POST', url, { add: [{ variant_id: poster.id, quantity: 1, unit_price: 300 }] }, 400, 'invalid_request', 'body.add[0].price_reason');
  const down = await shop.ok('POST', url, {
    items: [{ line_item_id: shirtLine.id, quantity: 0 }], add: [{ variant_id: poster.id, quantity: 1, unit_price: 300, price_reason: 'display model' }],
  }, 201);
  // Mugs 3000 + poster 300, tax 330 + 50 on shipping, shipping 500.
  expect(down).toMatchObject({ version: 3, total_before: 8250, total_after: 4180, balance_after: -4070 });
  expect(down.changes).toEqual([
    expect.objectContaining({ line_item_id: shirtLine.id, action: 'removed', quantity_before: 2, quantity_after: 0, total_before: 4400, total_after: 0 }),
    expect.objectContaining({ variant_id: poster.id, action: 'added', quantity_before: 0, quantity_after: 1, unit_price: 300, total_after: 330, price_reason: 'display model' }),
  ]);
  expect([await committed(shirt), await committed(poster)]).toEqual([0, 1]);
  await shop.refused('POST', url, { add: [{ variant_id: poster.id, quantity: 1 }] }, 409, 'insufficient_inventory', 'body.add[0].quantity');

  // Refunding what the shop owes: newest payment first; it settles the balance and gives no credit.
  const refund = await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { amount: 4070, reason: 'order_edit' }, 201);
  expect(refund).toMatchObject({ amount: 4070, credit_amount: 0, status: 'succeeded' });
  detail = await shop.ok('GET', `/admin/orders/${order.id}`);
  expect(detail).toMatchObject({ payment_status: 'partially_refunded', summary: { total: 4180, credit_total: 0, paid_total: 4180, balance: 0 } });
  expect(detail.payments.map((p: any) => [p.provider_id, p.refunded_amount])).toEqual([['test_card', 1870], ['manual', 2200]]);
  expect(detail.items.map((i: any) => [i.title, i.quantity, i.origin, i.total])).toEqual([['Shirt', 0, 'order', 0], ['Mug', 3, 'order', 3300], ['Poster', 1, 'edit', 330]]);

  // Fulfilled units cannot be edited away; the rest can.
  await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: mugLine.id, quantity: 1 }] }, 201);
  await shop.refused('POST', url, { items: [{ line_item_id: mugLine.id, quantity: 0 }] }, 400, 'quantity_below_fulfilled', 'body.items[0].quantity');
  await shop.ok('POST', url, { items: [{ line_item_id: mugLine.id, quantity: 1 }] }, 201);
  expect(await committed(mug)).toBe(0);
  detail = await shop.ok('GET', `/admin/orders/${order.id}`);
  expect(detail).toMatchObject({ version: 4, fulfillment_status: 'partially_fulfilled', total: 1980, summary: { balance: -2200 } });

  // The history: each version with its changes, and the timeline says who did it.
  const history = await shop.ok('GET', url);
  expect(history.data.map((e: any) => [e.version, e.total_before, e.total_after])).toEqual([[2, 6050, 8250], [3, 8250, 4180], [4, 4180, 1980]]);
  const edited = detail.timeline.filter((e: any) => e.type === 'order.edited');
  expect(edited).toHaveLength(3);
  expect(edited[0]).toMatchObject({ actor: { type: 'user' }, data: { version: 2, balance: 2200 } });
  const movements = await shop.ok('GET', `/admin/inventory/movements?variant_id=${mug.id}`);
  expect(movements.data.filter((m: any) => m.field === 'committed').map((m: any) => [m.change, m.reason])).toEqual([[-2, 'order_edited'], [-1, 'order_fulfilled'], [2, 'order_committed'], [1, 'order_committed']]);
});

test('an edit cannot remove every unit: cancel the order instead', async () => {
  const order = await placeOrder(shop, [{ variant_id: mug.id, quantity: 1 }]);
  await shop.refused('POST', `/admin/orders/${order.id}/edits`, { items: [{ line_item_id: order.items[0].id, quantity: 0 }] }, 400, 'invalid_request', 'body.items');
});
