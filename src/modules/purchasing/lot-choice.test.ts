import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { eventDefinition } from '../events/catalogue.ts';
import { deliveredPayload } from '../events/outbox.ts';

/**
 * Staff choosing lots (docs/purchasing.md, "Choosing lots"), over HTTP. A fulfillment: the chosen lots
 * give exactly the units named, the rest leave in pick order, and a lot of another variant, at another
 * location, short of units or expired (unless allowed) is refused with its code and field, nothing
 * changed. An adjustment that adds units: into a new lot or an existing one, so lots keep adding up to
 * on_hand with nothing unlotted.
 */
let shop: TestShop;
let selling: Selling;
let oil: any;
let other: any;
let store: any;
const lots: Record<string, string> = {};
let order: any;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);
const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

/** Units of each lot of the variant at a location, by lot number, and the unlotted rest. */
async function composition(variantId: string, locationId: string) {
  const list = await ok('GET', `/admin/lots?variant_id=${variantId}&limit=100`);
  const byNumber: Record<string, number> = {};
  for (const lot of list.data) byNumber[lot.lot_number] = lot.stock.find((s: any) => s.location_id === locationId)?.quantity ?? 0;
  const level = (await ok('GET', `/admin/inventory/items/${variantId}`)).levels.find((l: any) => l.location_id === locationId);
  return { ...byNumber, unlotted: level.on_hand - Object.values(byNumber).reduce((a, b) => a + b, 0) };
}

async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const table of ['lot', 'lot_stock', 'order_line_lot', 'inventory_level', 'inventory_movement', 'order_fulfillment', 'order_line_item']) {
    out[table] = (await sql.raw(`select * from ${table} order by 1, 2`).execute(shop.db)).rows;
  }
  out.events = (await sql<{ n: number }>`select count(*)::int as n from event_outbox`.execute(shop.db)).rows[0].n;
  return out;
}

/** A purchase order for `location`, placed and received as the given lots (number → units, expiry). */
async function receive(variantId: string, locationId: string, received: [string, number, string | null][]) {
  const supplier = await ok('POST', '/admin/suppliers', { name: `Supplier ${received[0][0]}` }, 201);
  const po = await ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: locationId, currency_code: 'USD',
    lines: [{ variant_id: variantId, quantity: received.reduce((n, [, q]) => n + q, 0), unit_cost: 500 }],
  }, 201);
  await ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
  const receipt = await ok('POST', `/admin/purchase-orders/${po.id}/receive`, {
    lines: received.map(([lot_number, quantity, expires_at]) => ({ line_id: po.lines[0].id, quantity, lot_number, expires_at })),
  }, 201);
  received.forEach(([number], i) => { lots[number] = receipt.lot_ids[i]; });
}

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  store = await ok('POST', '/admin/inventory/locations', { name: 'Store', code: 'store-lots' }, 201);
  oil = (await createStockedProduct(shop, { usd: 2000, stock: 2, locationId: selling.warehouse.id, title: 'Olive Oil' })).variant;
  other = (await createStockedProduct(shop, { usd: 900, title: 'Vinegar' })).variant;
  await receive(oil.id, selling.warehouse.id, [['SOON', 4, '2027-03-01T00:00:00Z'], ['LATER', 3, '2027-06-01T00:00:00Z'], ['OLD', 2, '2020-01-01T00:00:00Z']]);
  await receive(oil.id, store.id, [['AT-STORE', 5, null]]);
  await receive(other.id, selling.warehouse.id, [['VINEGAR', 3, null]]);
  order = await placeOrder(shop, [{ variant_id: oil.id, quantity: 8 }], { email: 'ada@example.com' });
});
afterAll(async () => shop?.close());

const fulfill = (lines: unknown, extra: object = {}) => ({ location_id: selling.warehouse.id, lines, ...extra });

describe('choosing the lots a fulfillment takes', () => {
  test('a lot of another variant, at another location, short of units, expired, or more units than the line: refused, nothing changed', async () => {
    const line = order.items[0].id;
    const before = await snapshot();
    const url = `/admin/orders/${order.id}/fulfillments`;
    await refused('POST', url, fulfill([{ line_item_id: line, quantity: 3, lots: [{ lot_id: lots.VINEGAR, quantity: 1 }] }]), 404, 'lot_not_found', 'body.lines[0].lots[0].lot_id');
    await refused('POST', url, fulfill([{ line_item_id: line, quantity: 3, lots: [{ lot_id: 'lot_01NOPE', quantity: 1 }] }]), 404, 'lot_not_found', 'body.lines[0].lots[0].lot_id');
    const elsewhere = await refused('POST', url, fulfill([{ line_item_id: line, quantity: 3, lots: [{ lot_id: lots.SOON, quantity: 1 }, { lot_id: lots['AT-STORE'], quantity: 2 }] }]),
      409, 'lot_insufficient', 'body.lines[0].lots[1].quantity');
    expect(elsewhere.details).toEqual({ lot_id: lots['AT-STORE'], location_id: selling.warehouse.id, available: 0, requested: 2, field: 'body.lines[0].lots[1].quantity' });
    const short = await refused('POST', url, fulfill([{ line_item_id: line, quantity: 4, lots: [{ lot_id: lots.LATER, quantity: 4 }] }]), 409, 'lot_insufficient', 'body.lines[0].lots[0].quantity');
    expect([short.details.available, short.details.requested]).toEqual([3, 4]);
    const expired = await refused('POST', url, fulfill([{ line_item_id: line, quantity: 1, lots: [{ lot_id: lots.OLD, quantity: 1 }] }]), 409, 'lot_expired', 'body.lines[0].lots[0].lot_id');
    expect(expired.details.expires_at).toBe('2020-01-01T00:00:00.000Z');
    await refused('POST', url, fulfill([{ line_item_id: line, quantity: 2, lots: [{ lot_id: lots.SOON, quantity: 2 }, { lot_id: lots.LATER, quantity: 1 }] }]),
      400, 'lot_quantities_exceed_line', 'body.lines[0].lots');
    await refused('POST', url, fulfill([{ line_item_id: line, quantity: 2, lots: [{ lot_id: lots.SOON, quantity: 0 }] }]), 400, 'invalid_request', 'body.lines[0].lots[0].quantity');
    expect(await snapshot()).toEqual(before);
  });

  test('the chosen lots give exactly the units named, the rest leave in pick order; an expired lot ships when allowed', async () => {
    expect(await composition(oil.id, selling.warehouse.id)).toEqual({ SOON: 4, LATER: 3, OLD: 2, 'AT-STORE': 0, unlotted: 2 });
    const line = order.items[0].id;
    // LATER before SOON, against first-expiry-first-out; the third unit in pick order: OLD expires first.
    await ok('POST', `/admin/orders/${order.id}/fulfillments`, fulfill([{ line_item_id: line, quantity: 3, lots: [{ lot_id: lots.LATER, quantity: 2 }] }]), 201);
    expect(await composition(oil.id, selling.warehouse.id)).toEqual({ SOON: 4, LATER: 1, OLD: 1, 'AT-STORE': 0, unlotted: 2 });
    let taken = await ok('GET', `/admin/orders/${order.id}/lots`);
    expect(taken.lines[0].lots.map((l: any) => [l.lot_number, l.quantity])).toEqual([['LATER', 2], ['OLD', 1]]);

    // All units named, across two lots, one of them expired and allowed.
    await ok('POST', `/admin/orders/${order.id}/fulfillments`, fulfill([{ line_item_id: line, quantity: 3, lots: [{ lot_id: lots.OLD, quantity: 1 }, { lot_id: lots.SOON, quantity: 2 }] }], { allow_expired_lots: true }), 201);
    expect(await composition(oil.id, selling.warehouse.id)).toEqual({ SOON: 2, LATER: 1, OLD: 0, 'AT-STORE': 0, unlotted: 2 });
    taken = await ok('GET', `/admin/orders/${order.id}/lots`);
    expect(taken.lines[0].lots.map((l: any) => [l.lot_number, l.quantity])).toEqual([['LATER', 2], ['OLD', 1], ['OLD', 1], ['SOON', 2]]);
    const level = (await ok('GET', `/admin/inventory/items/${oil.id}`)).levels.find((l: any) => l.location_id === selling.warehouse.id);
    expect([level.on_hand, level.committed]).toEqual([5, 2]);
    const events = (await shop.db.selectFrom('event_outbox').select('payload').where('type', '=', 'lot.fulfilled').orderBy('seq').execute()).map((e) => e.payload as any);
    expect(events.map((e) => [e.lot_number, e.quantity, e.order_line_id])).toEqual([['LATER', 2, line], ['OLD', 1, line], ['OLD', 1, line], ['SOON', 2, line]]);

    // Cancelling the second fulfillment puts its units back into the lots staff chose.
    const second = (await ok('GET', `/admin/orders/${order.id}`)).fulfillments[1];
    await ok('POST', `/admin/orders/${order.id}/fulfillments/${second.id}/cancel`);
    expect(await composition(oil.id, selling.warehouse.id)).toEqual({ SOON: 4, LATER: 1, OLD: 1, 'AT-STORE': 0, unlotted: 2 });
  });
});

describe('adjustments that add units name their lot', () => {
  let jam: any;
  let supplierId: string;
  const adjust = (body: object) => ({ variant_id: jam.id, location_id: selling.warehouse.id, reason: 'received', ...body });
  const lotEvents = async (type: string) => (await shop.db.selectFrom('event_outbox').select('payload').where('type', '=', type).orderBy('seq').execute())
    .map((e) => e.payload as any).filter((e) => e.variant_id === jam.id).map((e) => [e.lot_number, e.quantity, e.location_id, e.reason, e.reference_type]);

  beforeAll(async () => {
    jam = (await createStockedProduct(shop, { usd: 700, title: 'Jam' })).variant;
    supplierId = (await ok('POST', '/admin/suppliers', { name: 'Orchard' }, 201)).id;
  });

  test('a new lot (number, expiry, cost, supplier), then more units into it: lots sum to on_hand, nothing unlotted', async () => {
    const first = await ok('POST', '/admin/inventory/adjustments', adjust({
      delta: 5, lot: { lot_number: 'J-1', expires_at: '2027-09-01T00:00:00Z', unit_cost: 300, currency_code: 'usd', supplier_id: supplierId },
    }), 201);
    expect([first.change, first.level.on_hand]).toEqual([5, 5]);
    const [lot] = (await ok('GET', `/admin/lots?variant_id=${jam.id}`)).data;
    expect(lot).toMatchObject({
      lot_number: 'J-1', quantity_received: 5, quantity_on_hand: 5, unit_cost: 300, currency_code: 'USD', supplier_id: supplierId, supplier_name: 'Orchard',
      purchase_order_id: null, location_id: selling.warehouse.id, expires_at: '2027-09-01T00:00:00.000Z', stock: [{ location_id: selling.warehouse.id, quantity: 5 }],
    });
    await ok('POST', '/admin/inventory/adjustments', adjust({ delta: 2, reason: 'count_correction', lot: { lot_id: lot.id } }), 201);
    // A count above the books, into the same lot: its stock rises, what it was received as does not.
    await ok('POST', '/admin/inventory/adjustments', adjust({ set: 9, reason: 'count_correction', lot: { lot_id: lot.id } }), 201);
    expect(await composition(jam.id, selling.warehouse.id)).toEqual({ 'J-1': 9, unlotted: 0 });
    expect((await ok('GET', `/admin/lots/${lot.id}`)).quantity_received).toBe(5);
    await ok('POST', '/admin/inventory/adjustments', adjust({ delta: -4, reason: 'damaged' }), 201);
    expect(await composition(jam.id, selling.warehouse.id)).toEqual({ 'J-1': 5, unlotted: 0 });
    expect(await lotEvents('lot.received')).toEqual([['J-1', 5, selling.warehouse.id, 'received', 'adjustment']]);
    expect(await lotEvents('lot.added')).toEqual([['J-1', 2, selling.warehouse.id, 'count_correction', 'adjustment'], ['J-1', 2, selling.warehouse.id, 'count_correction', 'adjustment']]);
    expect(await lotEvents('lot.adjusted')).toEqual([['J-1', 4, selling.warehouse.id, 'damaged', 'adjustment']]);
  });

  test('a lot that is not this variant\'s, half a lot, a cost without its currency, an unknown supplier, or a lot for units removed: refused, nothing changed', async () => {
    const [lot] = (await ok('GET', `/admin/lots?variant_id=${jam.id}`)).data;
    const before = await snapshot();
    const url = '/admin/inventory/adjustments';
    await refused('POST', url, adjust({ delta: 1, lot: { lot_id: lots.VINEGAR } }), 404, 'lot_not_found', 'body.lot.lot_id');
    await refused('POST', url, adjust({ delta: 1, lot: { lot_id: lot.id, lot_number: 'J-2' } }), 400, 'invalid_request', 'body.lot.lot_id');
    await refused('POST', url, adjust({ delta: 1, lot: {} }), 400, 'invalid_request', 'body.lot.lot_id');
    await refused('POST', url, adjust({ delta: 1, lot: { lot_id: lot.id, unit_cost: 5, currency_code: 'USD' } }), 400, 'invalid_request', 'body.lot.unit_cost');
    await refused('POST', url, adjust({ delta: 1, lot: { lot_number: 'J-2', unit_cost: 5 } }), 400, 'invalid_request', 'body.lot.currency_code');
    await refused('POST', url, adjust({ delta: 1, lot: { lot_number: 'J-2', unit_cost: 5, currency_code: 'XYZ' } }), 400, 'invalid_currency', 'body.lot.currency_code');
    await refused('POST', url, adjust({ delta: 1, lot: { lot_number: 'J-2', supplier_id: 'sup_01NOPE' } }), 404, 'supplier_not_found', 'body.lot.supplier_id');
    await refused('POST', url, adjust({ delta: 1, lot: { lot_number: ' J-2' } }), 400, 'invalid_request', 'body.lot.lot_number');
    await refused('POST', url, adjust({ delta: -1, reason: 'damaged', lot: { lot_id: lot.id } }), 400, 'invalid_request', 'body.lot');
    await refused('POST', url, adjust({ set: 5, reason: 'count_correction', lot: { lot_id: lot.id } }), 400, 'invalid_request', 'body.lot');
    expect(await snapshot()).toEqual(before);
    expect((await ok('GET', `/admin/lots?variant_id=${jam.id}`)).data.map((l: any) => l.lot_number)).toEqual(['J-1']);
  });
});

test('the lot events these flows recorded match their catalogue entries', async () => {
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));
  const recorded = await shop.db.selectFrom('event_outbox').select(['type', 'resource_type', 'payload', 'sealed', 'version']).where('type', 'like', 'lot.%').orderBy('seq').execute();
  expect([...new Set(recorded.map((e) => e.type))].sort()).toEqual(['lot.added', 'lot.adjusted', 'lot.fulfilled', 'lot.received', 'lot.unfulfilled']);
  for (const event of recorded) {
    const definition = eventDefinition(event.type)!;
    expect(event.resource_type, event.type).toBe('lot');
    const errors = [...Value.Errors(definition.payload, deliveredPayload(event))].map((e) => `${e.path} ${e.message}`);
    expect(errors, `${event.type} ${JSON.stringify(event.payload)}`).toEqual([]);
  }
});
