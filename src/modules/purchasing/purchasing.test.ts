import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { ADDRESS_DE, createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { eventDefinition } from '../events/catalogue.ts';
import { deliveredPayload } from '../events/outbox.ts';

/**
 * Purchasing through the Admin API: suppliers, a purchase order's lifecycle (incoming while ordered,
 * lots when received), lots taken first-expiry-first-out by a fulfillment, returns back into their lot,
 * the recall trace, the lots and margin behind an order, the public provenance — exact quantities and
 * amounts, and bad input that changes nothing.
 */
let shop: TestShop;
let selling: Selling;
let product: any;
let variant: any;
let supplier: any;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);
const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

async function levelOf(variantId: string, locationId: string) {
  const item = await ok('GET', `/admin/inventory/items/${variantId}`);
  const l = item.levels.find((x: any) => x.location_id === locationId);
  return { on_hand: l.on_hand, committed: l.committed, incoming: l.incoming, available: l.available };
}

/** The units of each lot at a location, by lot number, and the unlotted rest. */
async function composition(variantId: string, locationId: string) {
  const lots = await ok('GET', `/admin/lots?variant_id=${variantId}&limit=100`);
  const byNumber: Record<string, number> = {};
  for (const lot of lots.data) byNumber[lot.lot_number] = lot.stock.find((s: any) => s.location_id === locationId)?.quantity ?? 0;
  const { on_hand } = await levelOf(variantId, locationId);
  return { ...byNumber, unlotted: on_hand - Object.values(byNumber).reduce((a, b) => a + b, 0) };
}

async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const table of ['purchase_order', 'purchase_order_line', 'lot', 'lot_stock', 'order_line_lot', 'inventory_level', 'inventory_movement', 'supplier']) {
    out[table] = (await sql.raw(`select * from ${table} order by 1, 2`).execute(shop.db)).rows;
  }
  out.events = (await sql<{ n: number }>`select count(*)::int as n from event_outbox`.execute(shop.db)).rows[0].n;
  return out;
}

async function events(type: string) {
  return (await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('type', '=', type).orderBy('seq').execute()).map((e) => e.payload as any);
}

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  // 3 units from before lots: the unlotted remainder.
  ({ product, variant } = await createStockedProduct(shop, { usd: 2000, stock: 3, locationId: selling.warehouse.id, title: 'Olive Oil' }));
});
afterAll(async () => shop?.close());

describe('suppliers', () => {
  test('create, find, update; codes unique in any case; bad input names the field', async () => {
    supplier = await ok('POST', '/admin/suppliers', { name: 'Frantoio Rossi', code: 'ROSSI', email: 'orders@rossi.example' }, 201);
    expect(supplier).toMatchObject({ name: 'Frantoio Rossi', code: 'ROSSI', email: 'orders@rossi.example', phone: null });
    expect(supplier.id).toMatch(/^sup_/);
    await refused('POST', '/admin/suppliers', { name: 'Other', code: 'rossi' }, 409, 'supplier_code_taken', 'body.code');
    await refused('POST', '/admin/suppliers', { name: '' }, 400, 'invalid_request', 'body.name');
    expect((await ok('POST', `/admin/suppliers/${supplier.id}`, { phone: '+39 055 123' })).phone).toBe('+39 055 123');
    expect((await ok('GET', '/admin/suppliers?q=ross')).data.map((s: any) => s.id)).toEqual([supplier.id]);
    const spare = await ok('POST', '/admin/suppliers', { name: 'Spare' }, 201);
    await ok('DELETE', `/admin/suppliers/${spare.id}`);
    await refused('GET', `/admin/suppliers/${spare.id}`, undefined, 404, 'supplier_not_found');
  });
});

describe('a purchase order from draft to received, its lots shipped, returned and traced', () => {
  let po: any;
  let order: any;

  test('bad drafts are refused and change nothing', async () => {
    const before = await snapshot();
    const base = { supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'usd', lines: [{ variant_id: variant.id, quantity: 10, unit_cost: 800 }] };
    await refused('POST', '/admin/purchase-orders', { ...base, lines: [{ variant_id: variant.id, quantity: 10, unit_cost: -1 }] }, 400, 'invalid_request', 'body.lines[0].unit_cost');
    await refused('POST', '/admin/purchase-orders', { ...base, lines: [{ variant_id: variant.id, quantity: 0, unit_cost: 1 }] }, 400, 'invalid_request', 'body.lines[0].quantity');
    await refused('POST', '/admin/purchase-orders', { ...base, lines: [] }, 400, 'invalid_request', 'body.lines');
    await refused('POST', '/admin/purchase-orders', { ...base, supplier_id: 'sup_01NOPE' }, 404, 'supplier_not_found', 'body.supplier_id');
    await refused('POST', '/admin/purchase-orders', { ...base, location_id: 'sloc_01NOPE' }, 404, 'location_not_found', 'body.location_id');
    await refused('POST', '/admin/purchase-orders', { ...base, lines: [{ variant_id: 'var_01NOPE', quantity: 1, unit_cost: 1 }] }, 404, 'variant_not_found', 'body.lines[0].variant_id');
    await refused('POST', '/admin/purchase-orders', { ...base, currency_code: 'XYZ' }, 400, 'invalid_currency', 'body.currency_code');
    expect(await snapshot()).toEqual(before);
  });

  test('draft → ordered raises incoming by the lines’ units', async () => {
    po = await ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'usd', reference: 'R-1001', expected_at: '2026-12-20T00:00:00.000Z',
      lines: [{ variant_id: variant.id, quantity: 10, unit_cost: 800 }],
    }, 201);
    expect(po).toMatchObject({ status: 'draft', currency_code: 'USD', supplier_name: 'Frantoio Rossi', total_cost: 8000, expected_at: '2026-12-20T00:00:00.000Z' });
    expect(po.lines).toMatchObject([{ variant_id: variant.id, sku: variant.sku, quantity: 10, quantity_received: 0, quantity_outstanding: 0, unit_cost: 800, total_cost: 8000 }]);
    await refused('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 1, lot_number: 'X' }] }, 409, 'purchase_order_status_invalid');
    expect(await levelOf(variant.id, selling.warehouse.id)).toEqual({ on_hand: 3, committed: 0, incoming: 0, available: 3 });

    po = await ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
    expect(po).toMatchObject({ status: 'ordered' });
    expect(po.lines[0].quantity_outstanding).toBe(10);
    expect(await levelOf(variant.id, selling.warehouse.id)).toEqual({ on_hand: 3, committed: 0, incoming: 10, available: 3 });
    await refused('POST', `/admin/purchase-orders/${po.id}/order`, {}, 409, 'purchase_order_status_invalid');
    await refused('POST', `/admin/purchase-orders/${po.id}`, { lines: [{ variant_id: variant.id, quantity: 1, unit_cost: 1 }] }, 409, 'purchase_order_status_invalid');
    const movement = (await ok('GET', `/admin/inventory/movements?variant_id=${variant.id}`)).data[0];
    expect(movement).toMatchObject({ field: 'incoming', before: 0, after: 10, reason: 'purchase_ordered', reference_type: 'purchase_order', reference_id: po.id });
    expect((await events('purchase_order.ordered')).at(-1)).toMatchObject({ id: po.id, status: 'ordered', lines: [{ line_id: po.lines[0].id, quantity: 10 }] });
  });

  test('a partial receipt in two lots: on hand up, incoming down, lots with their cost and expiry', async () => {
    const line = po.lines[0].id;
    const receipt = await ok('POST', `/admin/purchase-orders/${po.id}/receive`, {
      lines: [
        { line_id: line, quantity: 4, lot_number: 'L-JUNE', expires_at: '2027-06-01T00:00:00.000Z' },
        { line_id: line, quantity: 3, lot_number: 'L-MARCH', expires_at: '2027-03-01T00:00:00.000Z', unit_cost: 750 },
      ],
    }, 201);
    expect(receipt.id).toMatch(/^porc_/);
    expect(receipt.purchase_order).toMatchObject({ status: 'partially_received' });
    expect(receipt.purchase_order.lines[0]).toMatchObject({ quantity_received: 7, quantity_outstanding: 3 });
    expect(receipt.lot_ids).toHaveLength(2);
    expect(await levelOf(variant.id, selling.warehouse.id)).toEqual({ on_hand: 10, committed: 0, incoming: 3, available: 10 });
    const june = await ok('GET', `/admin/lots/${receipt.lot_ids[0]}`);
    expect(june).toMatchObject({
      lot_number: 'L-JUNE', variant_id: variant.id, product_id: product.id, supplier_id: supplier.id, supplier_name: 'Frantoio Rossi', purchase_order_id: po.id,
      location_id: selling.warehouse.id, quantity_received: 4, quantity_on_hand: 4, quantity_fulfilled: 0, unit_cost: 800, currency_code: 'USD',
      expires_at: '2027-06-01T00:00:00.000Z', stock: [{ location_id: selling.warehouse.id, quantity: 4 }],
    });
    expect((await ok('GET', `/admin/lots/${receipt.lot_ids[1]}`)).unit_cost).toBe(750);
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 4, 'L-MARCH': 3, unlotted: 3 });
    expect((await ok('GET', `/admin/lots?variant_id=${variant.id}&expires_before=2027-04-01T00:00:00Z`)).data.map((l: any) => l.lot_number)).toEqual(['L-MARCH']);
    expect((await events('lot.received')).map((e) => [e.lot_number, e.quantity, e.unit_cost, e.currency_code, e.location_id, e.purchase_order_id]))
      .toEqual([['L-JUNE', 4, 800, 'USD', selling.warehouse.id, po.id], ['L-MARCH', 3, 750, 'USD', selling.warehouse.id, po.id]]);
    const received = (await events('purchase_order.received')).at(-1);
    expect(received).toMatchObject({ id: po.id, status: 'partially_received', receipt_id: receipt.id });
  });

  test('receiving more than outstanding, an unknown line or a bad cost is refused and changes nothing', async () => {
    const before = await snapshot();
    const line = po.lines[0].id;
    await refused('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: line, quantity: 4, lot_number: 'L-X' }] }, 409, 'quantity_exceeds_outstanding', 'body.lines[0].quantity');
    // Two lines of one receipt count together: 2 + 2 > 3.
    await refused('POST', `/admin/purchase-orders/${po.id}/receive`, {
      lines: [{ line_id: line, quantity: 2, lot_number: 'L-X' }, { line_id: line, quantity: 2, lot_number: 'L-Y' }],
    }, 409, 'quantity_exceeds_outstanding', 'body.lines[1].quantity');
    await refused('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: 'pol_01NOPE', quantity: 1, lot_number: 'L-X' }] }, 404, 'purchase_order_line_not_found', 'body.lines[0].line_id');
    await refused('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: line, quantity: 1, lot_number: 'L-X', unit_cost: -5 }] }, 400, 'invalid_request', 'body.lines[0].unit_cost');
    await refused('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: line, quantity: 1, lot_number: '' }] }, 400, 'invalid_request', 'body.lines[0].lot_number');
    expect(await snapshot()).toEqual(before);
  });

  test('a fulfillment takes the soonest-expiring lot first and records what each line took', async () => {
    order = await placeOrder(shop, [{ variant_id: variant.id, quantity: 5 }], { email: 'ada@example.com' });
    const shipped = await ok('POST', `/admin/orders/${order.id}/fulfillments`, {
      location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 5 }], shipment: { carrier: 'UPS' },
    }, 201);
    await ok('POST', `/admin/orders/${order.id}/fulfillments/${shipped.id}/mark-delivered`);
    // FEFO: March (3), then June (2); the unlotted units (expiry unknown) wait behind lots that expire.
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 2, 'L-MARCH': 0, unlotted: 3 });
    expect(await levelOf(variant.id, selling.warehouse.id)).toEqual({ on_hand: 5, committed: 0, incoming: 3, available: 5 });
    const lots = await ok('GET', `/admin/orders/${order.id}/lots`);
    expect(lots.lines[0].lots.map((l: any) => [l.lot_number, l.quantity, l.unit_cost, l.supplier_name])).toEqual([['L-MARCH', 3, 750, 'Frantoio Rossi'], ['L-JUNE', 2, 800, 'Frantoio Rossi']]);
    // Revenue 5 × 2000 (US tax on top is not revenue); cost 3 × 750 + 2 × 800.
    expect(lots.margin).toEqual({ revenue: 10000, cost_of_goods: 3850, margin: 6150, units: 5, costed_units: 5, uncosted_units: 0, costed_revenue: 10000 });
    expect((await events('lot.fulfilled')).map((e) => [e.lot_number, e.quantity, e.order_id, e.order_line_id, e.unit_cost]))
      .toEqual([['L-MARCH', 3, order.id, order.items[0].id, 750], ['L-JUNE', 2, order.id, order.items[0].id, 800]]);
  });

  test('a restocked return goes back into the lot taken last; the margin counts only units kept', async () => {
    const line = order.items[0];
    const ret = await ok('POST', `/admin/orders/${order.id}/returns`, { lines: [{ line_item_id: line.id, quantity: 1, reason: 'changed mind' }] }, 201);
    await ok('POST', `/admin/orders/${order.id}/returns/${ret.id}/receive`, { location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 1, condition: 'new' }] });
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 3, 'L-MARCH': 0, unlotted: 3 });
    const lots = await ok('GET', `/admin/orders/${order.id}/lots`);
    expect(lots.lines[0].lots.map((l: any) => [l.lot_number, l.quantity, l.returned_quantity])).toEqual([['L-MARCH', 3, 0], ['L-JUNE', 2, 1]]);
    expect(lots.margin).toEqual({ revenue: 8000, cost_of_goods: 3050, margin: 4950, units: 4, costed_units: 4, uncosted_units: 0, costed_revenue: 8000 });
    expect((await events('lot.returned')).at(-1)).toMatchObject({ lot_number: 'L-JUNE', quantity: 1, reason: 'returned_restock', order_id: order.id });
    const report = await ok('GET', `/admin/reports/margins?group_by=product&currency_code=usd`);
    expect(report.data).toEqual([{ key: product.id, title: 'Olive Oil', revenue: 8000, cost_of_goods: 3050, margin: 4950, units: 4, costed_units: 4, uncosted_units: 0, costed_revenue: 8000 }]);
    const byOrder = await ok('GET', `/admin/reports/margins?group_by=order&currency_code=USD`);
    expect(byOrder.data.map((r: any) => [r.key, r.margin])).toEqual([[order.id, 4950]]);
    expect((await ok('GET', `/admin/reports/margins?group_by=order&currency_code=EUR`)).data).toEqual([]);
  });

  test('the recall report names every order and customer that received the lot, as JSON and CSV', async () => {
    const march = (await ok('GET', `/admin/lots?variant_id=${variant.id}`)).data.find((l: any) => l.lot_number === 'L-MARCH');
    const trace = await ok('GET', `/admin/lots/${march.id}/trace`);
    expect(trace.supplier).toMatchObject({ id: supplier.id, name: 'Frantoio Rossi' });
    expect(trace.orders).toMatchObject([{ order_id: order.id, email: 'ada@example.com', name: 'Ada Lovelace', country_code: 'US', quantity: 3, returned_quantity: 0, order_line_id: order.items[0].id }]);
    expect(trace.totals).toEqual({ fulfilled: 3, returned: 0, with_customers: 3, customers: 1 });
    const csv = await shop.get(`/admin/lots/${march.id}/trace?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const rows = csv.text.trim().split('\n');
    expect(rows[0]).toBe('lot_id,lot_number,sku,order_id,order_number,placed_at,customer_id,email,name,country_code,order_line_id,fulfillment_id,location_id,quantity,returned_quantity,fulfilled_at');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`${march.id},L-MARCH,${variant.sku},${order.id},`);
    expect(rows[1]).toContain(',ada@example.com,Ada Lovelace,US,');
    await refused('GET', '/admin/lots/lot_01NOPE/trace', undefined, 404, 'lot_not_found');
  });

  test('the rest received closes the order; a received or canceled order cannot change', async () => {
    const done = await ok('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 3, lot_number: 'L-LATE' }] }, 201);
    expect(done.purchase_order).toMatchObject({ status: 'received' });
    expect(done.purchase_order.received_at).not.toBeNull();
    expect(await levelOf(variant.id, selling.warehouse.id)).toEqual({ on_hand: 9, committed: 0, incoming: 0, available: 9 });
    await refused('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 1, lot_number: 'L-X' }] }, 409, 'purchase_order_status_invalid');
    await refused('POST', `/admin/purchase-orders/${po.id}/cancel`, undefined, 409, 'purchase_order_status_invalid');

    const second = await ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: variant.id, quantity: 6, unit_cost: 820 }],
    }, 201);
    await ok('POST', `/admin/purchase-orders/${second.id}/order`, {});
    await ok('POST', `/admin/purchase-orders/${second.id}/receive`, { lines: [{ line_id: second.lines[0].id, quantity: 2, lot_number: 'L-P' }] }, 201);
    expect((await levelOf(variant.id, selling.warehouse.id)).incoming).toBe(4);
    const canceled = await ok('POST', `/admin/purchase-orders/${second.id}/cancel`);
    expect(canceled).toMatchObject({ status: 'canceled', lines: [{ quantity_received: 2, quantity_outstanding: 0 }] });
    expect(await levelOf(variant.id, selling.warehouse.id)).toEqual({ on_hand: 11, committed: 0, incoming: 0, available: 11 });
    await refused('POST', `/admin/purchase-orders/${second.id}/receive`, { lines: [{ line_id: second.lines[0].id, quantity: 1, lot_number: 'L-X' }] }, 409, 'purchase_order_status_invalid');
    expect((await events('purchase_order.canceled')).at(-1)).toMatchObject({ id: second.id, previous_status: 'partially_received' });
    await refused('DELETE', `/admin/suppliers/${supplier.id}`, undefined, 409, 'supplier_in_use');
  });

  test('first-in-first-out per product ships the unlotted (oldest) stock first, then lots by receipt', async () => {
    expect(await ok('POST', `/admin/products/${product.id}/lot-settings`, { pick_order: 'fifo' })).toEqual({ product_id: product.id, pick_order: 'fifo', public_provenance: false });
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 3, 'L-MARCH': 0, 'L-LATE': 3, 'L-P': 2, unlotted: 3 });
    const next = await placeOrder(shop, [{ variant_id: variant.id, quantity: 5 }]);
    await ok('POST', `/admin/orders/${next.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: next.items[0].id, quantity: 5 }] }, 201);
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 1, 'L-MARCH': 0, 'L-LATE': 3, 'L-P': 2, unlotted: 0 });
    const lots = await ok('GET', `/admin/orders/${next.id}/lots`);
    expect(lots.lines[0].lots.map((l: any) => [l.lot_number, l.quantity])).toEqual([[null, 3], ['L-JUNE', 2]]);
    expect(lots.margin).toEqual({ revenue: 10000, cost_of_goods: 1600, margin: 2400, units: 5, costed_units: 2, uncosted_units: 3, costed_revenue: 4000 });
    // Cancelling the (unshipped) fulfillment puts the units back where they came from.
    const fulfillment = (await ok('GET', `/admin/orders/${next.id}`)).fulfillments[0];
    await ok('POST', `/admin/orders/${next.id}/fulfillments/${fulfillment.id}/cancel`);
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 3, 'L-MARCH': 0, 'L-LATE': 3, 'L-P': 2, unlotted: 3 });
    expect((await ok('GET', `/admin/orders/${next.id}/lots`)).lines[0].lots).toEqual([]);
    await ok('POST', `/admin/orders/${next.id}/cancel`, {});
  });

  test('adjustments and transfers take units out of lots in pick order; transfers keep the lot', async () => {
    const city = await ok('POST', '/admin/inventory/locations', { name: 'City', code: 'city-lots' }, 201);
    await ok('POST', '/admin/inventory/adjustments', { variant_id: variant.id, location_id: selling.warehouse.id, delta: -4, reason: 'damaged' }, 201);
    // FIFO: unlotted 3, then the oldest lot (June) 1.
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 2, 'L-MARCH': 0, 'L-LATE': 3, 'L-P': 2, unlotted: 0 });
    await ok('POST', '/admin/inventory/transfers', { variant_id: variant.id, from_location_id: selling.warehouse.id, to_location_id: city.id, quantity: 3 }, 201);
    expect(await composition(variant.id, selling.warehouse.id)).toEqual({ 'L-JUNE': 0, 'L-MARCH': 0, 'L-LATE': 2, 'L-P': 2, unlotted: 0 });
    expect(await composition(variant.id, city.id)).toEqual({ 'L-JUNE': 2, 'L-MARCH': 0, 'L-LATE': 1, 'L-P': 0, unlotted: 0 });
    expect((await events('lot.transferred')).map((e) => [e.lot_number, e.quantity, e.location_id, e.to_location_id]))
      .toEqual([['L-JUNE', 2, selling.warehouse.id, city.id], ['L-LATE', 1, selling.warehouse.id, city.id]]);
  });

  test('provenance is public only for products that opt in, and tells no customer or cost', async () => {
    const march = (await ok('GET', `/admin/lots?variant_id=${variant.id}`)).data.find((l: any) => l.lot_number === 'L-MARCH');
    expect((await shop.get(`/store/provenance/${march.id}`)).body.error.code).toBe('lot_not_found');
    await ok('POST', `/admin/products/${product.id}/lot-settings`, { public_provenance: true });
    const journey = await shop.get(`/store/provenance/${march.id}`);
    expect(journey.status).toBe(200);
    expect(journey.body).toEqual({
      lot_id: march.id, lot_number: 'L-MARCH', product_id: product.id, product_title: 'Olive Oil', variant_title: variant.title,
      supplier: { name: 'Frantoio Rossi' }, received_at: march.received_at, expires_at: '2027-03-01T00:00:00.000Z',
      quantity_received: 3, quantity_shipped: 3, quantity_on_hand: 0, proof: null,
    });
    expect((await shop.get('/store/provenance/lot_01NOPE')).status).toBe(404);
  });
});

test('every event these flows recorded matches its catalogue entry', async () => {
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));
  const recorded = await shop.db.selectFrom('event_outbox').select(['type', 'resource_type', 'payload', 'sealed', 'version']).orderBy('seq').execute();
  const types = new Set(recorded.map((e) => e.type));
  for (const expected of ['supplier.created', 'supplier.updated', 'supplier.deleted', 'purchase_order.created', 'purchase_order.ordered', 'purchase_order.received',
    'purchase_order.canceled', 'lot.received', 'lot.fulfilled', 'lot.unfulfilled', 'lot.returned', 'lot.adjusted', 'lot.transferred']) {
    expect(types, expected).toContain(expected);
  }
  for (const event of recorded) {
    const definition = eventDefinition(event.type);
    expect(definition, `${event.type} is catalogued`).toBeDefined();
    expect(event.resource_type, event.type).toBe(definition!.resource_type);
    const errors = [...Value.Errors(definition!.payload, deliveredPayload(event))].map((e) => `${e.path} ${e.message}`);
    expect(errors, `${event.type} ${JSON.stringify(event.payload)}`).toEqual([]);
  }
});

test('ordering more than a level can count as incoming is refused and changes nothing', async () => {
  const other = (await createStockedProduct(shop, { usd: 100 })).variant;
  const draft = () => ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: other.id, quantity: 600_000_000, unit_cost: 1 }],
  }, 201);
  const first = await draft();
  const second = await draft();
  await ok('POST', `/admin/purchase-orders/${first.id}/order`, {});
  const before = await snapshot();
  await refused('POST', `/admin/purchase-orders/${second.id}/order`, {}, 409, 'inventory_quantity_too_large');
  expect(await snapshot()).toEqual(before);
  expect((await ok('GET', `/admin/purchase-orders/${second.id}`)).status).toBe('draft');
});

test('a location whose lots left it can be deleted; one with purchase orders cannot', async () => {
  const spare = await ok('POST', '/admin/inventory/locations', { name: 'Pop-up', code: 'popup-lots' }, 201);
  const other = (await createStockedProduct(shop, { usd: 100 })).variant;
  const po = await ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: other.id, quantity: 2, unit_cost: 10 }],
  }, 201);
  await ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
  const [lotId] = (await ok('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 2, lot_number: 'MOVE' }] }, 201)).lot_ids;
  await ok('POST', '/admin/inventory/transfers', { variant_id: other.id, from_location_id: selling.warehouse.id, to_location_id: spare.id, quantity: 2 }, 201);
  await ok('POST', '/admin/inventory/transfers', { variant_id: other.id, from_location_id: spare.id, to_location_id: selling.warehouse.id, quantity: 2 }, 201);
  await ok('DELETE', `/admin/inventory/locations/${spare.id}`);
  expect((await ok('GET', `/admin/lots/${lotId}`)).stock).toEqual([{ location_id: selling.warehouse.id, quantity: 2 }]);
  const poLocation = await ok('POST', '/admin/inventory/locations', { name: 'Dock', code: 'dock-lots' }, 201);
  await ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: poLocation.id, currency_code: 'USD', lines: [{ variant_id: other.id, quantity: 1, unit_cost: 10 }],
  }, 201);
  await refused('DELETE', `/admin/inventory/locations/${poLocation.id}`, undefined, 409, 'location_in_use');
});

test('deleting a product keeps its lots and purchase order lines as history', async () => {
  const { product: gone, variant: goneVariant } = await createStockedProduct(shop, { usd: 100 });
  const po = await ok('POST', '/admin/purchase-orders', {
    supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: goneVariant.id, quantity: 3, unit_cost: 10 }],
  }, 201);
  await ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
  const [lotId] = (await ok('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 2, lot_number: 'GONE' }] }, 201)).lot_ids;
  await ok('DELETE', `/admin/products/${gone.id}`);
  expect(await ok('GET', `/admin/lots/${lotId}`)).toMatchObject({ lot_number: 'GONE', variant_id: goneVariant.id, product_id: null, quantity_received: 2, quantity_on_hand: 0, stock: [] });
  expect((await ok('GET', `/admin/purchase-orders/${po.id}`)).lines).toMatchObject([{ variant_id: null, sku: goneVariant.sku, quantity_received: 2 }]);
  await refused('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 1, lot_number: 'X' }] }, 404, 'variant_not_found', 'body.lines[0].line_id');
  expect((await ok('POST', `/admin/purchase-orders/${po.id}/cancel`)).status).toBe('canceled');
});

test('purchase orders list newest first, by status and supplier, a page at a time', async () => {
  const all = await ok('GET', '/admin/purchase-orders?limit=100');
  expect(all.data.length).toBeGreaterThanOrEqual(4);
  expect(all.data.map((p: any) => p.id)).toEqual([...all.data.map((p: any) => p.id)].sort().reverse());
  const canceled = await ok('GET', '/admin/purchase-orders?status=canceled&limit=100');
  expect(canceled.data.length).toBeGreaterThan(0);
  expect(canceled.data.every((p: any) => p.status === 'canceled' && p.lines.every((l: any) => l.quantity_outstanding === 0))).toBe(true);
  const first = await ok('GET', '/admin/purchase-orders?limit=2');
  const second = await ok('GET', `/admin/purchase-orders?limit=2&cursor=${first.next_cursor}`);
  expect([...first.data, ...second.data].map((p: any) => p.id)).toEqual(all.data.slice(0, 4).map((p: any) => p.id));
  expect(second.data[0].lines[0]).toMatchObject(all.data[2].lines[0]);
  expect((await ok('GET', `/admin/purchase-orders?supplier_id=${supplier.id}&limit=100`)).data).toHaveLength(all.data.length);
  await refused('GET', '/admin/purchase-orders?status=lost', undefined, 400, 'invalid_request', 'querystring.status');
});

test('margins in a tax-inclusive currency count revenue without VAT; a lot in another currency is uncosted', async () => {
  const { product: wine, variant: bottle } = await createStockedProduct(shop, { eur: 1190, title: 'Wine' });
  const buy = async (currency: string, unitCost: number, lot: string) => {
    const po = await ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: currency, lines: [{ variant_id: bottle.id, quantity: 2, unit_cost: unitCost }],
    }, 201);
    await ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
    await ok('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 2, lot_number: lot }] }, 201);
  };
  await buy('EUR', 400, 'W-EUR');
  await buy('USD', 450, 'W-USD');
  await ok('POST', `/admin/products/${wine.id}/lot-settings`, { pick_order: 'fifo' });
  const order = await placeOrder(shop, [{ variant_id: bottle.id, quantity: 3 }], { currency: 'EUR', address: ADDRESS_DE });
  await ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 3 }] }, 201);
  // 3 × 1190 with 19 % German VAT included: 3570 − 570 VAT = 3000 revenue; 2 units from the EUR lot at 400, 1 from the USD lot.
  expect(order.items[0]).toMatchObject({ total: 3570, tax_total: 570 });
  const lots = await ok('GET', `/admin/orders/${order.id}/lots`);
  expect(lots.lines[0].lots.map((l: any) => [l.lot_number, l.quantity, l.currency_code])).toEqual([['W-EUR', 2, 'EUR'], ['W-USD', 1, 'USD']]);
  expect(lots.margin).toEqual({ revenue: 3000, cost_of_goods: 800, margin: 1200, units: 3, costed_units: 2, uncosted_units: 1, costed_revenue: 2000 });
  const report = await ok('GET', '/admin/reports/margins?group_by=product&currency_code=EUR');
  expect(report.data).toEqual([{ key: wine.id, title: 'Wine', ...lots.margin }]);
});
