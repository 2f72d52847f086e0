import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Transfers between locations, safety stock, incoming, and the levels list through the Admin API:
 * exact quantities and movements, the guard at the source, refusals that change nothing.
 */

let shop: TestShop;
let actor: string;
let productId: string;
let variant: string;
let second: string;
let main: any;
let store: any;
let depot: any;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

async function snapshot() {
  return {
    items: await shop.db.selectFrom('inventory_item').selectAll().orderBy('id').execute(),
    levels: await shop.db.selectFrom('inventory_level').selectAll().orderBy('item_id').orderBy('location_id').execute(),
    movements: await shop.db.selectFrom('inventory_movement').selectAll().orderBy('id').execute(),
    events: await shop.db.selectFrom('event_outbox').select(['id', 'type']).orderBy('seq').execute(),
  };
}

const quantities = (level: any) => [level.on_hand, level.committed, level.reserved, level.safety_stock, level.incoming, level.available];

beforeAll(async () => {
  shop = await startTestShop();
  actor = (await ok('GET', '/admin/auth/session')).user.id;
  const product = await ok('POST', '/admin/products', {
    title: 'Canvas Tote', options: [{ title: 'Size', values: ['S', 'L'] }],
    variants: [{ sku: 'TOTE-S', options: { Size: 'S' } }, { sku: 'TOTE-L', options: { Size: 'L' } }],
  }, 201);
  productId = product.id;
  [variant, second] = product.variants.map((v: any) => v.id);
  main = await ok('POST', '/admin/inventory/locations', { name: 'Main', code: 'MAIN' }, 201);
  store = await ok('POST', '/admin/inventory/locations', { name: 'Store', code: 'STORE', priority: 2 }, 201);
  depot = await ok('POST', '/admin/inventory/locations', { name: 'Depot', code: 'DEPOT', priority: 1 }, 201);
  await ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: 10, reason: 'received' }, 201);
});
afterAll(async () => shop?.close());

describe('transfers', () => {
  test('move exactly the quantity, make the destination level, write two movements and one event', async () => {
    const transfer = await ok('POST', '/admin/inventory/transfers', {
      variant_id: variant, from_location_id: main.id, to_location_id: store.id, quantity: 4, note: 'restock the shop',
    }, 201);
    expect(transfer.id).toMatch(/^itrf_/);
    expect(transfer.quantity).toBe(4);
    expect(transfer.note).toBe('restock the shop');
    expect([transfer.from.location_id, ...quantities(transfer.from)]).toEqual([main.id, 6, 0, 0, 0, 0, 6]);
    expect([transfer.to.location_id, ...quantities(transfer.to)]).toEqual([store.id, 4, 0, 0, 0, 0, 4]);
    expect(transfer.movements.map((m: any) => [m.location_id, m.field, m.before, m.after, m.change, m.reason, m.actor, m.reference_type, m.reference_id, m.note]))
      .toEqual([
        [main.id, 'on_hand', 10, 6, -4, 'transfer', actor, 'transfer', transfer.id, 'restock the shop'],
        [store.id, 'on_hand', 0, 4, 4, 'transfer', actor, 'transfer', transfer.id, 'restock the shop'],
      ]);
    const item = await ok('GET', `/admin/inventory/items/${variant}`);
    const event = await shop.db.selectFrom('event_outbox').select(['resource_id', 'payload']).where('type', '=', 'inventory.transferred').executeTakeFirstOrThrow();
    expect(event).toEqual({
      resource_id: item.id,
      payload: {
        item_id: item.id, variant_id: variant, product_id: productId, sku: 'TOTE-S',
        transfer_id: transfer.id, from_location_id: main.id, to_location_id: store.id, quantity: 4,
        changes: [
          { location_id: main.id, field: 'on_hand', before: 10, after: 6, change: -4 },
          { location_id: store.id, field: 'on_hand', before: 0, after: 4, change: 4 },
        ],
        reason: 'transfer', actor, reference_type: 'transfer', reference_id: transfer.id, note: 'restock the shop',
      },
    });
    expect(item.totals.on_hand).toBe(10);
    // Back again, into an existing level.
    const back = await ok('POST', '/admin/inventory/transfers', { variant_id: variant, from_location_id: store.id, to_location_id: main.id, quantity: 1 }, 201);
    expect([quantities(back.from), quantities(back.to)]).toEqual([[3, 0, 0, 0, 0, 3], [7, 0, 0, 0, 0, 7]]);
    expect(back.note).toBeNull();
  });

  test('only stock free to sell leaves the source: 409 insufficient_inventory, nothing moved', async () => {
    const item = await ok('GET', `/admin/inventory/items/${variant}`);
    await shop.db.updateTable('inventory_level').set({ committed: 2, reserved: 1 }).where('item_id', '=', item.id).where('location_id', '=', main.id).execute();
    const before = await snapshot();
    const error = await refused('POST', '/admin/inventory/transfers', { variant_id: variant, from_location_id: main.id, to_location_id: depot.id, quantity: 5 },
      409, 'insufficient_inventory', 'body.quantity');
    expect(error.details).toEqual({
      field: 'body.quantity', location_id: main.id, on_hand: 7, committed: 2, reserved: 1, safety_stock: 0, incoming: 0, available: 4, requested: 5,
    });
    // From a location with no level at all: refused, no level made anywhere.
    await refused('POST', '/admin/inventory/transfers', { variant_id: second, from_location_id: depot.id, to_location_id: main.id, quantity: 1 }, 409, 'insufficient_inventory');
    expect(await snapshot()).toEqual(before);

    const all = await ok('POST', '/admin/inventory/transfers', { variant_id: variant, from_location_id: main.id, to_location_id: depot.id, quantity: 4 }, 201);
    expect(quantities(all.from)).toEqual([3, 2, 1, 0, 0, 0]);
    expect(quantities(all.to)).toEqual([4, 0, 0, 0, 0, 4]);
    await refused('POST', '/admin/inventory/transfers', { variant_id: variant, from_location_id: main.id, to_location_id: depot.id, quantity: 1 }, 409, 'insufficient_inventory');
  });

  test('the destination stays at or under 1,000,000,000', async () => {
    await ok('POST', '/admin/inventory/adjustments', { variant_id: second, location_id: store.id, set: 1_000_000_000, reason: 'count_correction' }, 201);
    await ok('POST', '/admin/inventory/adjustments', { variant_id: second, location_id: main.id, delta: 1, reason: 'received' }, 201);
    const before = await snapshot();
    await refused('POST', '/admin/inventory/transfers', { variant_id: second, from_location_id: main.id, to_location_id: store.id, quantity: 1 },
      409, 'inventory_quantity_too_large', 'body.quantity');
    expect(await snapshot()).toEqual(before);
  });

  test('bad input: 400 naming the field, 404 for unknown ids, nothing written', async () => {
    const base = { variant_id: variant, from_location_id: depot.id, to_location_id: store.id, quantity: 1 };
    const before = await snapshot();
    const cases: [unknown, number, string, string][] = [
      [{ ...base, quantity: 0 }, 400, 'invalid_request', 'body.quantity'],
      [{ ...base, quantity: -3 }, 400, 'invalid_request', 'body.quantity'],
      [{ ...base, quantity: 2.5 }, 400, 'invalid_request', 'body.quantity'],
      [{ ...base, quantity: '1' }, 400, 'invalid_request', 'body.quantity'],
      [{ ...base, quantity: undefined }, 400, 'invalid_request', 'body.quantity'],
      [{ ...base, to_location_id: depot.id }, 400, 'invalid_request', 'body.to_location_id'],
      [{ ...base, reason: 'transfer' }, 400, 'invalid_request', 'body.reason'],
      [{ ...base, variant_id: 'var_00000000000000000000000000' }, 404, 'variant_not_found', 'body.variant_id'],
      [{ ...base, from_location_id: 'sloc_00000000000000000000000000' }, 404, 'location_not_found', 'body.from_location_id'],
      [{ ...base, to_location_id: 'sloc_00000000000000000000000000' }, 404, 'location_not_found', 'body.to_location_id'],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await shop.post('/admin/inventory/transfers', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.code, JSON.stringify(body)).toBe(code);
      expect(response.body.error.details.field, JSON.stringify(body)).toBe(field);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('safety stock', () => {
  test('reduces available; raising it cannot take available below zero; lowering always works', async () => {
    // Depot: on hand 4, nothing promised.
    const level = await ok('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: depot.id, safety_stock: 3, note: 'display units' });
    expect([level.location_id, ...quantities(level)]).toEqual([depot.id, 4, 0, 0, 3, 0, 1]);
    const movement = (await ok('GET', `/admin/inventory/movements?location_id=${depot.id}&field=safety_stock`)).data;
    expect(movement.map((m: any) => [m.before, m.after, m.reason, m.actor, m.note])).toEqual([[0, 3, 'safety_stock', actor, 'display units']]);

    // It binds adjustments and transfers like a promise does.
    await refused('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: depot.id, delta: -2, reason: 'damaged' }, 409, 'inventory_would_go_negative');
    await refused('POST', '/admin/inventory/transfers', { variant_id: variant, from_location_id: depot.id, to_location_id: store.id, quantity: 2 }, 409, 'insufficient_inventory');

    const before = await snapshot();
    const error = await refused('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: depot.id, safety_stock: 5 },
      409, 'inventory_would_go_negative', 'body.safety_stock');
    expect(error.details).toEqual({
      field: 'body.safety_stock', location_id: depot.id, on_hand: 4, committed: 0, reserved: 0, safety_stock: 3, incoming: 0, available: 1,
      requested: 5, max_safety_stock: 4,
    });
    expect(await snapshot()).toEqual(before);

    expect(quantities(await ok('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: depot.id, safety_stock: 4 }))).toEqual([4, 0, 0, 4, 0, 0]);
    expect(quantities(await ok('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: depot.id, safety_stock: 1 }))).toEqual([4, 0, 0, 1, 0, 3]);
    // Main has available 0 (3 on hand, 3 promised): only 0 fits; setting the same value writes nothing.
    await refused('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: main.id, safety_stock: 1 }, 409, 'inventory_would_go_negative');
    const same = await snapshot();
    await ok('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: main.id, safety_stock: 0 });
    expect(await snapshot()).toEqual(same);

    // Items that allow backorders accept any safety stock.
    await ok('POST', `/admin/inventory/items/${second}`, { allow_backorder: true });
    const backorder = await ok('POST', '/admin/inventory/safety-stock', { variant_id: second, location_id: main.id, safety_stock: 5 });
    expect(quantities(backorder)).toEqual([1, 0, 0, 5, 0, -4]);

    await refused('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: depot.id, safety_stock: -1 }, 400, 'invalid_request', 'body.safety_stock');
    await refused('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: depot.id }, 400, 'invalid_request', 'body.safety_stock');
    await refused('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: depot.id, safety_stock: 1_000_000_001 }, 400, 'invalid_request', 'body.safety_stock');
    await refused('POST', '/admin/inventory/safety-stock', { variant_id: variant, location_id: 'sloc_00000000000000000000000000', safety_stock: 1 }, 404, 'location_not_found', 'body.location_id');
  });
});

describe('incoming', () => {
  test('sets the quantity on its way, which never changes available', async () => {
    const level = await ok('POST', '/admin/inventory/incoming', { variant_id: variant, location_id: store.id, incoming: 25, note: 'PO-7' });
    expect(quantities(level)).toEqual([3, 0, 0, 0, 25, 3]);
    expect(quantities(await ok('POST', '/admin/inventory/incoming', { variant_id: variant, location_id: store.id, incoming: 5 }))).toEqual([3, 0, 0, 0, 5, 3]);
    const history = (await ok('GET', `/admin/inventory/movements?location_id=${store.id}&field=incoming`)).data;
    expect(history.map((m: any) => [m.before, m.after, m.reason, m.note])).toEqual([[25, 5, 'incoming', null], [0, 25, 'incoming', 'PO-7']]);
    await refused('POST', '/admin/inventory/incoming', { variant_id: variant, location_id: store.id, incoming: -1 }, 400, 'invalid_request', 'body.incoming');
    await refused('POST', '/admin/inventory/incoming', { variant_id: variant, location_id: store.id, incoming: 1, extra: 1 }, 400, 'invalid_request', 'body.extra');
  });
});

describe('the levels list', () => {
  test('every level with item, variant and location, filtered and paged', async () => {
    const all = await ok('GET', '/admin/inventory/levels?limit=100');
    expect(all.next_cursor).toBeNull();
    const rows = all.data.map((l: any) => [l.sku, l.location_code, ...quantities(l)]);
    expect(rows.sort()).toEqual([
      ['TOTE-L', 'MAIN', 1, 0, 0, 5, 0, -4],
      ['TOTE-L', 'STORE', 1_000_000_000, 0, 0, 0, 0, 1_000_000_000],
      ['TOTE-S', 'DEPOT', 4, 0, 0, 1, 0, 3],
      ['TOTE-S', 'MAIN', 3, 2, 1, 0, 0, 0],
      ['TOTE-S', 'STORE', 3, 0, 0, 0, 5, 3],
    ].sort());
    const one = all.data.find((l: any) => l.sku === 'TOTE-S' && l.location_code === 'DEPOT');
    const item = await ok('GET', `/admin/inventory/items/${variant}`);
    expect(one).toEqual({
      item_id: item.id, variant_id: variant, product_id: productId, sku: 'TOTE-S', product_title: 'Canvas Tote', variant_title: 'S',
      location_id: depot.id, location_name: 'Depot', location_code: 'DEPOT',
      on_hand: 4, committed: 0, reserved: 0, safety_stock: 1, incoming: 0, available: 3,
      manage_inventory: true, allow_backorder: false, low_stock_threshold: null, low_stock: false, updated_at: one.updated_at,
    });
    // The item view orders levels by location priority (highest first) and sums them.
    expect(item.levels.map((l: any) => l.location_code)).toEqual(['STORE', 'DEPOT', 'MAIN']);
    expect(item.totals).toEqual({ on_hand: 10, committed: 2, reserved: 1, safety_stock: 1, incoming: 5, available: 6 });

    const codes = (page: any) => page.data.map((l: any) => `${l.sku}@${l.location_code}`).sort();
    expect(codes(await ok('GET', `/admin/inventory/levels?location_id=${main.id}`))).toEqual(['TOTE-L@MAIN', 'TOTE-S@MAIN']);
    expect(codes(await ok('GET', `/admin/inventory/levels?variant_id=${second}`))).toEqual(['TOTE-L@MAIN', 'TOTE-L@STORE']);
    expect(codes(await ok('GET', '/admin/inventory/levels?sku=TOTE-S'))).toEqual(['TOTE-S@DEPOT', 'TOTE-S@MAIN', 'TOTE-S@STORE']);
    expect(codes(await ok('GET', `/admin/inventory/levels?sku=TOTE-S&location_id=${store.id}`))).toEqual(['TOTE-S@STORE']);
    expect((await ok('GET', '/admin/inventory/levels?sku=NOPE')).data).toEqual([]);
    expect((await ok('GET', '/admin/inventory/levels?location_id=sloc_00000000000000000000000000')).data).toEqual([]);

    const paged: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ok('GET', `/admin/inventory/levels?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    expect(paged).toEqual(all.data);

    await refused('GET', '/admin/inventory/levels?low_stock=maybe', undefined, 400, 'invalid_request', 'querystring.low_stock');
    await refused('GET', '/admin/inventory/levels?location_id=MAIN', undefined, 400, 'invalid_request', 'querystring.location_id');
    await refused('GET', '/admin/inventory/levels?colour=red', undefined, 400, 'invalid_request', 'querystring.colour');
    await refused('GET', `/admin/inventory/levels?cursor=${Buffer.from('[1,2]').toString('base64url')}`, undefined, 400, 'invalid_cursor');
  });
});
