import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { onServer } from '../../../test/helpers/test-database.ts';
import { requester, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { errorCodesVaryByRun } from '../../../test/helpers/error-record.ts';

// Races: which refusals a run meets differs from run to run.
errorCodesVaryByRun();

/**
 * Receipts and fulfillments racing: the database decides, so simultaneous receipts of one purchase
 * order line never receive more than was ordered, and simultaneous fulfillments never take more from a
 * lot than it holds. On PostgreSQL the requests run at once on two apps with pools of their own; on the
 * embedded database they queue, and the same assertions hold.
 */
let shop: TestShop;
let selling: Selling;
let supplier: any;
let other: Awaited<ReturnType<typeof buildApp>> | null = null;
let second: ReturnType<typeof requester>;

function statuses(responses: { status: number }[]) {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  supplier = await shop.ok('POST', '/admin/suppliers', { name: 'Racing Supplies' }, 201);
  other = onServer ? await buildApp({ db: (await shop.database.openAnother()).db, config: shop.config }) : null;
  second = other ? requester(other, () => shop.adminToken) : shop.request;
});
afterAll(async () => {
  await other?.close();
  await shop?.close();
});

/** Sends half the requests through the second app. */
const either = (i: number, url: string, body: unknown) => (i % 2 ? shop.post(url, body) : second('POST', url, { body }));

test('12 receipts of 2 units on a line of 15 at once: exactly 7 succeed, 14 received, one lot each', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 900 });
  const po = await shop.ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: variant.id, quantity: 15, unit_cost: 300 }],
  }, 201);
  await shop.ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
  const responses = await Promise.all(Array.from({ length: 12 }, (_, i) =>
    either(i, `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 2, lot_number: `R${i}` }] })));
  expect(statuses(responses)).toEqual({ 201: 7, 409: 5 });
  for (const r of responses.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('quantity_exceeds_outstanding');

  const after = await shop.ok('GET', `/admin/purchase-orders/${po.id}`);
  expect(after).toMatchObject({ status: 'partially_received', lines: [{ quantity_received: 14, quantity_outstanding: 1 }] });
  const item = await shop.ok('GET', `/admin/inventory/items/${variant.id}`);
  expect(item.levels[0]).toMatchObject({ on_hand: 14, incoming: 1 });
  const lots = (await shop.ok('GET', `/admin/lots?purchase_order_id=${po.id}&limit=100`)).data;
  expect(lots.map((l: any) => l.quantity_on_hand)).toEqual([2, 2, 2, 2, 2, 2, 2]);
});

test('fulfillments of 8 orders at once from lots of 3 and 5: each lot gives exactly what it held, one unit to each order', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 900 });
  const po = await shop.ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: variant.id, quantity: 8, unit_cost: 300 }],
  }, 201);
  await shop.ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
  const receipt = await shop.ok('POST', `/admin/purchase-orders/${po.id}/receive`, {
    lines: [
      { line_id: po.lines[0].id, quantity: 5, lot_number: 'LATE', expires_at: '2027-09-01T00:00:00Z' },
      { line_id: po.lines[0].id, quantity: 3, lot_number: 'SOON', expires_at: '2027-01-01T00:00:00Z' },
    ],
  }, 201);
  const [late, soon] = receipt.lot_ids;
  const orders = [];
  for (let i = 0; i < 8; i++) orders.push(await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }]));
  // Each order's fulfillment is sent twice at once: one of the two gets the line's unit, the other is refused.
  const responses = await Promise.all(orders.flatMap((order, i) => [0, 1].map((j) =>
    either(i + j, `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }))));
  expect(statuses(responses)).toEqual({ 201: 8, 400: 8 });
  for (const r of responses.filter((x) => x.status === 400)) expect(r.body.error.code).toBe('quantity_exceeds_fulfillable');

  expect(await shop.ok('GET', `/admin/lots/${soon}`)).toMatchObject({ quantity_on_hand: 0, quantity_fulfilled: 3 });
  expect(await shop.ok('GET', `/admin/lots/${late}`)).toMatchObject({ quantity_on_hand: 0, quantity_fulfilled: 5 });
  const pieces = await sql<{ order_id: string; n: number }>`
    select order_id, sum(quantity)::int as n from order_line_lot where lot_id in (${soon}, ${late}) group by order_id order by order_id`.execute(shop.db);
  expect(pieces.rows.map((r) => r.n)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  const item = await shop.ok('GET', `/admin/inventory/items/${variant.id}`);
  expect(item.levels[0]).toMatchObject({ on_hand: 0, committed: 0 });
});
