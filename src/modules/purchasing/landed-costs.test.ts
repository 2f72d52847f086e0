import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { allocateLandedCost } from './landed-costs.ts';

/**
 * Landed costs (docs/purchasing.md): a receipt's freight and duty spread over its lots by value or by
 * units, largest remainder in whole minor units, and counted in the cost of goods of what the lots sold.
 * Over HTTP with exact amounts; bad input changes nothing.
 */
let shop: TestShop;
let selling: Selling;
let variants: any[];
let supplier: any;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

async function orderedPo() {
  const po = await ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD',
    lines: [{ variant_id: variants[0].id, quantity: 3, unit_cost: 1000 }, { variant_id: variants[1].id, quantity: 7, unit_cost: 100 }, { variant_id: variants[2].id, quantity: 1, unit_cost: 0 }],
  }, 201);
  await ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
  return po;
}

const receiveAll = (po: any, extra: object) => ({
  lines: po.lines.map((l: any, i: number) => ({ line_id: l.id, quantity: l.quantity, lot_number: `${po.id.slice(-4)}-${i}` })), ...extra,
});

async function landedOf(lotIds: string[]) {
  return Promise.all(lotIds.map(async (id) => (await ok('GET', `/admin/lots/${id}`)).landed_cost));
}

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  variants = [];
  for (const title of ['Oil', 'Salt', 'Sample']) variants.push((await createStockedProduct(shop, { usd: 2000, title })).variant);
  supplier = await ok('POST', '/admin/suppliers', { name: 'Shipper' }, 201);
});
afterAll(async () => shop?.close());

describe('landed costs', () => {
  test('the largest remainder method: shares add up to the total, the left-over minor units to the largest remainders', () => {
    expect(allocateLandedCost(1001, [3000, 700, 0])).toEqual([812, 189, 0]);
    expect(allocateLandedCost(1000, [3, 7, 1])).toEqual([273, 636, 91]);
    expect(allocateLandedCost(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateLandedCost(5, [0, 0])).toEqual([0, 0]);
    expect(allocateLandedCost(9_007_199_254_740_991, [9_007_199_254_740_991, 1])).toEqual([9_007_199_254_740_990, 1]);
  });

  test('by value: freight and duty spread over a receipt\'s lots by units × cost, into the margin of what they sold', async () => {
    const po = await orderedPo();
    const receipt = await ok('POST', `/admin/purchase-orders/${po.id}/receive`, receiveAll(po, {
      landed_costs: [{ description: 'freight', amount: 1000 }, { description: 'duty', amount: 1 }],
    }), 201);
    // Values 3000, 700, 0 of 3700: 811.6…, 189.3…, 0 → the one minor unit left goes to the first (remainder 2300 of 3700).
    expect(await landedOf(receipt.lot_ids)).toEqual([812, 189, 0]);
    const events = (await shop.db.selectFrom('event_outbox').select('payload').where('type', '=', 'lot.received').orderBy('seq').execute()).map((e) => e.payload as any);
    // Lots are received in the lock order of their inventory items, not in line order: compare by lot.
    const byLot = (rows: unknown[][]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byLot(events.map((e) => [e.lot_id, e.unit_cost, e.landed_cost])))
      .toEqual(byLot([[receipt.lot_ids[0], 1000, 812], [receipt.lot_ids[1], 100, 189], [receipt.lot_ids[2], 0, 0]]));

    const order = await placeOrder(shop, [{ variant_id: variants[0].id, quantity: 2 }]);
    await ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 2 }] }, 201);
    // 2 × $10.00 + ⌊812 × 2 / 3⌋ = 2000 + 541.
    expect((await ok('GET', `/admin/orders/${order.id}/lots`)).margin).toEqual({
      revenue: 4000, cost_of_goods: 2541, margin: 1459, units: 2, costed_units: 2, uncosted_units: 0, costed_revenue: 4000,
    });
  });

  test('by quantity, and bad landed costs refused with nothing changed', async () => {
    const po = await orderedPo();
    const snapshot = async () => ({
      lots: (await sql`select * from lot order by id`.execute(shop.db)).rows,
      lines: (await sql`select * from purchase_order_line order by id`.execute(shop.db)).rows,
      levels: (await sql`select * from inventory_level order by item_id, location_id`.execute(shop.db)).rows,
    });
    const before = await snapshot();
    await shop.refused('POST', `/admin/purchase-orders/${po.id}/receive`, receiveAll(po, { landed_costs: [{ description: 'freight', amount: -1 }] }), 400, 'invalid_request', 'body.landed_costs[0].amount');
    await shop.refused('POST', `/admin/purchase-orders/${po.id}/receive`, receiveAll(po, { landed_costs: [{ description: '', amount: 5 }] }), 400, 'invalid_request', 'body.landed_costs[0].description');
    await shop.refused('POST', `/admin/purchase-orders/${po.id}/receive`, receiveAll(po, { landed_costs: [{ description: 'freight', amount: 5 }], allocate_landed_costs_by: 'weight' }),
      400, 'invalid_request', 'body.allocate_landed_costs_by');
    await shop.refused('POST', `/admin/purchase-orders/${po.id}/receive`, receiveAll(po, {
      landed_costs: [{ description: 'a', amount: 9_007_199_254_740_991 }, { description: 'b', amount: 1 }],
    }), 400, 'invalid_request', 'body.landed_costs');
    expect(await snapshot()).toEqual(before);

    const receipt = await ok('POST', `/admin/purchase-orders/${po.id}/receive`, receiveAll(po, {
      landed_costs: [{ description: 'freight', amount: 1000 }], allocate_landed_costs_by: 'quantity',
    }), 201);
    // Units 3, 7, 1 of 11: 272.7…, 636.3…, 90.9… → the two minor units left go to the third and the first.
    expect(await landedOf(receipt.lot_ids)).toEqual([273, 636, 91]);

    // By value, but every lot free: shared by units instead, so nothing is lost.
    const free = await ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD',
      lines: [{ variant_id: variants[1].id, quantity: 1, unit_cost: 0 }, { variant_id: variants[2].id, quantity: 3, unit_cost: 0 }],
    }, 201);
    await ok('POST', `/admin/purchase-orders/${free.id}/order`, {});
    const samples = await ok('POST', `/admin/purchase-orders/${free.id}/receive`, receiveAll(free, { landed_costs: [{ description: 'courier', amount: 10 }] }), 201);
    expect(await landedOf(samples.lot_ids)).toEqual([3, 7]);
  });
});
