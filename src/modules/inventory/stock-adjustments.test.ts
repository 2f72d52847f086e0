import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onChange } from '../../db/changes.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Adjusting on hand through the Admin API: by a delta or to a count, with a reason; exact quantities
 * and movement rows (before, after, reason, actor); decreases that would leave what orders committed
 * and carts reserved uncovered are refused and change nothing; item settings; bad input names the field.
 */

let shop: TestShop;
let actor: string;
let productId: string;
let variant: string;
let other: string;
let main: any;
let store: any;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

const adjust = (body: Record<string, unknown>) => ok('POST', '/admin/inventory/adjustments', body, 201);

/** Everything inventory writes, to show a refused request wrote nothing. */
async function snapshot() {
  return {
    items: await shop.db.selectFrom('inventory_item').selectAll().orderBy('id').execute(),
    levels: await shop.db.selectFrom('inventory_level').selectAll().orderBy('item_id').orderBy('location_id').execute(),
    movements: await shop.db.selectFrom('inventory_movement').selectAll().orderBy('id').execute(),
    events: await shop.db.selectFrom('event_outbox').select(['id', 'type']).orderBy('seq').execute(),
  };
}

async function setCheckoutColumns(variantId: string, locationId: string, values: { committed?: number; reserved?: number }) {
  const item = await ok('GET', `/admin/inventory/items/${variantId}`);
  await shop.db.updateTable('inventory_level').set(values).where('item_id', '=', item.id).where('location_id', '=', locationId).execute();
}

async function level(variantId: string, locationId: string) {
  const page = await ok('GET', `/admin/inventory/levels?variant_id=${variantId}&location_id=${locationId}`);
  expect(page.data.length).toBe(1);
  return page.data[0];
}

beforeAll(async () => {
  shop = await startTestShop();
  actor = (await ok('GET', '/admin/auth/session')).user.id;
  const product = await ok('POST', '/admin/products', {
    title: 'Wool Hat', options: [{ title: 'Color', values: ['Grey', 'Navy'] }],
    variants: [{ sku: 'HAT-GREY', options: { Color: 'Grey' } }, { sku: 'HAT-NAVY', options: { Color: 'Navy' } }],
  }, 201);
  productId = product.id;
  [variant, other] = product.variants.map((v: any) => v.id);
  main = await ok('POST', '/admin/inventory/locations', { name: 'Main', code: 'MAIN', priority: 0 }, 201);
  store = await ok('POST', '/admin/inventory/locations', { name: 'Store', code: 'STORE', priority: 1 }, 201);
});
afterAll(async () => shop?.close());

describe('an inventory item per variant', () => {
  test('a variant without stock reads as the defaults, and nothing is written', async () => {
    const before = await snapshot();
    expect(await ok('GET', `/admin/inventory/items/${other}`)).toEqual({
      id: null, variant_id: other, product_id: productId, sku: 'HAT-NAVY', product_title: 'Wool Hat', variant_title: 'Navy',
      manage_inventory: true, allow_backorder: false, low_stock_threshold: null, low_stock: false,
      totals: { on_hand: 0, committed: 0, reserved: 0, safety_stock: 0, incoming: 0, available: 0 },
      levels: [], created_at: null, updated_at: null,
    });
    expect(await snapshot()).toEqual(before);
    await refused('GET', '/admin/inventory/items/var_00000000000000000000000000', undefined, 404, 'variant_not_found', 'params.variant_id');
  });

  test('settings are created on demand, updated partially, and validated', async () => {
    const set = await ok('POST', `/admin/inventory/items/${other}`, { manage_inventory: false, allow_backorder: true, low_stock_threshold: 7 });
    expect(set.id).toMatch(/^iitem_[0-9A-Z]{26}$/);
    expect(set).toMatchObject({ variant_id: other, manage_inventory: false, allow_backorder: true, low_stock_threshold: 7, low_stock: false, levels: [] });
    const again = await ok('POST', `/admin/inventory/items/${other}`, { manage_inventory: true, low_stock_threshold: null });
    expect(again).toMatchObject({ id: set.id, manage_inventory: true, allow_backorder: true, low_stock_threshold: null });
    expect(await ok('GET', `/admin/inventory/items/${other}`)).toEqual(again);
    await ok('POST', `/admin/inventory/items/${other}`, { allow_backorder: false });

    const before = await snapshot();
    await refused('POST', `/admin/inventory/items/${other}`, {}, 400, 'invalid_request');
    await refused('POST', `/admin/inventory/items/${other}`, { low_stock_threshold: -1 }, 400, 'invalid_request', 'body.low_stock_threshold');
    await refused('POST', `/admin/inventory/items/${other}`, { allow_backorder: 'yes' }, 400, 'invalid_request', 'body.allow_backorder');
    await refused('POST', `/admin/inventory/items/${other}`, { track: true }, 400, 'invalid_request', 'body.track');
    await refused('POST', '/admin/inventory/items/var_00000000000000000000000000', { allow_backorder: true }, 404, 'variant_not_found', 'params.variant_id');
    await refused('POST', '/admin/inventory/items/prod_1', { allow_backorder: true }, 400, 'invalid_request', 'params.variant_id');
    expect(await snapshot()).toEqual(before);
  });
});

describe('adjusting on hand', () => {
  test('up and down by a delta: exact quantities, one movement row each, an event, a change signal', async () => {
    const signals: string[] = [];
    // Cache topics only: every event also wakes the dispatcher ('events').
    const stop = onChange(shop.db, (topic) => topic !== 'events' && signals.push(topic));
    const received = await adjust({ variant_id: variant, location_id: main.id, delta: 10, reason: 'received', note: 'PO-1001' });
    stop();
    expect(received.id).toMatch(/^iadj_/);
    const item = await ok('GET', `/admin/inventory/items/${variant}`);
    expect(received.level).toEqual({
      item_id: item.id, variant_id: variant, product_id: productId, sku: 'HAT-GREY', product_title: 'Wool Hat', variant_title: 'Grey',
      location_id: main.id, location_name: 'Main', location_code: 'MAIN',
      on_hand: 10, committed: 0, reserved: 0, safety_stock: 0, incoming: 0, available: 10,
      manage_inventory: true, allow_backorder: false, low_stock_threshold: null, low_stock: false,
      updated_at: received.level.updated_at,
    });
    expect(received.movements).toEqual([{
      id: received.movements[0].id, item_id: item.id, variant_id: variant, sku: 'HAT-GREY', location_id: main.id,
      field: 'on_hand', before: 0, after: 10, change: 10, reason: 'received', actor,
      reference_type: 'adjustment', reference_id: received.id, note: 'PO-1001', created_at: received.movements[0].created_at,
    }]);
    expect({ ...received, level: undefined, movements: undefined }).toEqual({ id: received.id, reason: 'received', note: 'PO-1001', change: 10 });
    expect(signals).toEqual([`inventory:${productId}`]);

    const damaged = await adjust({ variant_id: variant, location_id: main.id, delta: -3, reason: 'damaged' });
    expect(damaged.change).toBe(-3);
    expect(damaged.note).toBeNull();
    expect(damaged.level).toMatchObject({ on_hand: 7, available: 7 });
    expect(damaged.movements.map((m: any) => [m.before, m.after, m.change, m.reason, m.actor, m.note])).toEqual([[10, 7, -3, 'damaged', actor, null]]);

    const returned = await adjust({ variant_id: variant, location_id: store.id, delta: 2, reason: 'returned' });
    expect(returned.level).toMatchObject({ location_id: store.id, on_hand: 2, available: 2 });

    const events = await shop.db.selectFrom('event_outbox').select(['type', 'resource_id', 'payload'])
      .where('type', '=', 'inventory.adjusted').orderBy('seq').execute();
    expect(events[0]).toEqual({
      type: 'inventory.adjusted', resource_id: item.id,
      payload: {
        item_id: item.id, variant_id: variant, product_id: productId, sku: 'HAT-GREY', adjustment_id: received.id, location_id: main.id,
        changes: [{ location_id: main.id, field: 'on_hand', before: 0, after: 10, change: 10 }],
        reason: 'received', actor, reference_type: 'adjustment', reference_id: received.id, note: 'PO-1001',
      },
    });
    expect(events.length).toBe(3);

    const view = await ok('GET', `/admin/inventory/items/${variant}`);
    expect(view.levels.map((l: any) => [l.location_code, l.on_hand, l.available])).toEqual([['STORE', 2, 2], ['MAIN', 7, 7]]);
    expect(view.totals).toEqual({ on_hand: 9, committed: 0, reserved: 0, safety_stock: 0, incoming: 0, available: 9 });
  });

  test('a decrease may not uncover what orders committed and carts reserved: 409, nothing changed', async () => {
    // Checkout's columns, as the reservations service sets them: on hand 7, committed 2, reserved 1.
    await setCheckoutColumns(variant, main.id, { committed: 2, reserved: 1 });
    expect(await level(variant, main.id)).toMatchObject({ on_hand: 7, committed: 2, reserved: 1, available: 4 });

    const signals: string[] = [];
    // Cache topics only: every event also wakes the dispatcher ('events').
    const stop = onChange(shop.db, (topic) => topic !== 'events' && signals.push(topic));
    const before = await snapshot();
    const error = await refused('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: -5, reason: 'lost' },
      409, 'inventory_would_go_negative', 'body.delta');
    expect(error.details).toEqual({
      field: 'body.delta', location_id: main.id, on_hand: 7, committed: 2, reserved: 1, safety_stock: 0, incoming: 0, available: 4, requested: -5,
    });
    expect(error.message).toBe('At most 4 can be taken from on_hand here: of 7 on hand, 2 are committed to orders, 1 reserved by carts and 0 kept as safety stock.');
    // Below zero is refused the same way.
    await refused('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: -8, reason: 'lost' },
      409, 'inventory_would_go_negative', 'body.delta');
    // A location that has no level yet: refused, and no level or item is left behind.
    await refused('POST', '/admin/inventory/adjustments', { variant_id: other, location_id: store.id, delta: -1, reason: 'lost' },
      409, 'inventory_would_go_negative', 'body.delta');
    expect(await snapshot()).toEqual(before);
    stop();
    expect(signals).toEqual([]);

    // Exactly what is available may go.
    const lost = await adjust({ variant_id: variant, location_id: main.id, delta: -4, reason: 'lost' });
    expect(lost.level).toMatchObject({ on_hand: 3, committed: 2, reserved: 1, available: 0 });
    await refused('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: -1, reason: 'count_correction' },
      409, 'inventory_would_go_negative');
    // Increases are always allowed.
    expect((await adjust({ variant_id: variant, location_id: main.id, delta: 1, reason: 'count_correction' })).level).toMatchObject({ on_hand: 4, available: 1 });
    expect((await adjust({ variant_id: variant, location_id: main.id, delta: -1, reason: 'other' })).level).toMatchObject({ on_hand: 3, available: 0 });
  });

  test('setting a counted on_hand: a movement for the difference, the same guard, none when the count matches', async () => {
    const up = await adjust({ variant_id: variant, location_id: main.id, set: 10, reason: 'count_correction', note: 'cycle count' });
    expect(up.change).toBe(7);
    expect(up.level).toMatchObject({ on_hand: 10, committed: 2, reserved: 1, available: 7 });
    expect(up.movements.map((m: any) => [m.field, m.before, m.after, m.reason, m.actor, m.note])).toEqual([['on_hand', 3, 10, 'count_correction', actor, 'cycle count']]);

    const before = await snapshot();
    const error = await refused('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, set: 2, reason: 'count_correction' },
      409, 'inventory_would_go_negative', 'body.set');
    expect(error.details).toMatchObject({ on_hand: 10, committed: 2, reserved: 1, available: 7, requested: -8, min_on_hand: 3 });
    expect(error.message).toBe('on_hand can be set no lower than 3 here: 2 committed to orders, 1 reserved by carts, 0 kept as safety stock.');
    expect(await snapshot()).toEqual(before);

    const down = await adjust({ variant_id: variant, location_id: main.id, set: 3, reason: 'count_correction' });
    expect(down.level).toMatchObject({ on_hand: 3, available: 0 });
    expect(down.movements.map((m: any) => [m.before, m.after])).toEqual([[10, 3]]);

    const same = await snapshot();
    const confirmed = await adjust({ variant_id: variant, location_id: main.id, set: 3, reason: 'count_correction' });
    expect(confirmed.change).toBe(0);
    expect(confirmed.movements).toEqual([]);
    expect((await snapshot()).movements).toEqual(same.movements);
    expect((await snapshot()).events).toEqual(same.events);
  });

  test('backorderable and untracked items may go below committed and reserved, never below zero', async () => {
    await ok('POST', `/admin/inventory/items/${variant}`, { allow_backorder: true });
    const all = await adjust({ variant_id: variant, location_id: main.id, delta: -3, reason: 'damaged' });
    expect(all.level).toMatchObject({ on_hand: 0, committed: 2, reserved: 1, available: -3, allow_backorder: true });
    const belowZero = await refused('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: -1, reason: 'damaged' },
      409, 'inventory_would_go_negative', 'body.delta');
    expect(belowZero.message).toBe('At most 0 can be taken from on_hand here: it cannot go below zero.');
    await adjust({ variant_id: variant, location_id: main.id, set: 2, reason: 'count_correction' });

    await ok('POST', `/admin/inventory/items/${variant}`, { allow_backorder: false, manage_inventory: false });
    expect((await adjust({ variant_id: variant, location_id: main.id, set: 1, reason: 'count_correction' })).level)
      .toMatchObject({ on_hand: 1, available: -2, manage_inventory: false });
    await ok('POST', `/admin/inventory/items/${variant}`, { manage_inventory: true });
    // Tracked again: from available −2 only increases pass.
    await refused('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: -1, reason: 'damaged' }, 409, 'inventory_would_go_negative');
    expect((await adjust({ variant_id: variant, location_id: main.id, delta: 2, reason: 'received' })).level).toMatchObject({ on_hand: 3, available: 0 });
  });

  test('quantities stay at or under 1,000,000,000', async () => {
    await adjust({ variant_id: other, location_id: main.id, set: 1_000_000_000, reason: 'count_correction' });
    const before = await snapshot();
    const error = await refused('POST', '/admin/inventory/adjustments', { variant_id: other, location_id: main.id, delta: 1, reason: 'received' },
      409, 'inventory_quantity_too_large', 'body.delta');
    expect(error.details).toEqual({ field: 'body.delta', location_id: main.id, on_hand: 1_000_000_000, requested: 1, max: 1_000_000_000 });
    expect(await snapshot()).toEqual(before);
    await adjust({ variant_id: other, location_id: main.id, set: 0, reason: 'count_correction' });
  });
});

describe('retries', () => {
  test('an adjustment retried with the same Idempotency-Key is applied once and answered the same', async () => {
    const body = { variant_id: other, location_id: store.id, delta: 6, reason: 'received' };
    const headers = { 'idempotency-key': 'receipt-4711' };
    const first = await shop.request('POST', '/admin/inventory/adjustments', { body, headers });
    expect(first.status, first.text).toBe(201);
    const again = await shop.request('POST', '/admin/inventory/adjustments', { body, headers });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await level(other, store.id)).on_hand).toBe(6);
    const movements = (await ok('GET', `/admin/inventory/movements?variant_id=${other}&location_id=${store.id}`)).data;
    expect(movements.map((m: any) => m.reference_id)).toEqual([first.body.id]);

    const mismatch = await shop.request('POST', '/admin/inventory/adjustments', { body: { ...body, delta: 7 }, headers });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('idempotency_key_mismatch');
    expect((await level(other, store.id)).on_hand).toBe(6);
    await adjust({ variant_id: other, location_id: store.id, set: 0, reason: 'count_correction' });
  });
});

describe('bad input', () => {
  test('is a 400 naming the field (or a 404 for an unknown variant or location), and writes nothing', async () => {
    const at = { variant_id: variant, location_id: main.id };
    const before = await snapshot();
    const cases: [unknown, number, string, string, string?][] = [
      [{ ...at, delta: 1 }, 400, 'invalid_request', 'body.reason', 'required'],
      [{ ...at, delta: 1, reason: 'stolen' }, 400, 'invalid_request', 'body.reason', 'enum'],
      [{ ...at, delta: 1, reason: 5 }, 400, 'invalid_request', 'body.reason'],
      [{ ...at, delta: '5', reason: 'received' }, 400, 'invalid_request', 'body.delta', 'type'],
      [{ ...at, delta: 1.5, reason: 'received' }, 400, 'invalid_request', 'body.delta', 'type'],
      [{ ...at, delta: 2_000_000_000, reason: 'received' }, 400, 'invalid_request', 'body.delta', 'maximum'],
      [{ ...at, delta: -2_000_000_000, reason: 'lost' }, 400, 'invalid_request', 'body.delta', 'minimum'],
      [{ ...at, set: -1, reason: 'count_correction' }, 400, 'invalid_request', 'body.set', 'minimum'],
      [{ ...at, set: null, reason: 'count_correction' }, 400, 'invalid_request', 'body.set', 'type'],
      [{ ...at, delta: 0, reason: 'other' }, 400, 'invalid_request', 'body.delta'],
      [{ ...at, reason: 'other' }, 400, 'invalid_request', 'body.delta'],
      [{ ...at, delta: 1, set: 1, reason: 'other' }, 400, 'invalid_request', 'body.delta'],
      [{ ...at, delta: 1, reason: 'damaged' }, 400, 'invalid_request', 'body.delta'],
      [{ ...at, delta: -1, reason: 'received' }, 400, 'invalid_request', 'body.delta'],
      [{ ...at, set: 0, reason: 'received' }, 400, 'invalid_request', 'body.set'],
      [{ ...at, set: 50, reason: 'lost' }, 400, 'invalid_request', 'body.set'],
      [{ ...at, delta: 1, reason: 'received', note: '' }, 400, 'invalid_request', 'body.note', 'minLength'],
      [{ ...at, delta: 1, reason: 'received', quantity: 1 }, 400, 'invalid_request', 'body.quantity', 'additionalProperties'],
      [{ location_id: main.id, delta: 1, reason: 'received' }, 400, 'invalid_request', 'body.variant_id', 'required'],
      [{ ...at, variant_id: 'prod_1', delta: 1, reason: 'received' }, 400, 'invalid_request', 'body.variant_id', 'pattern'],
      [{ ...at, location_id: 42, delta: 1, reason: 'received' }, 400, 'invalid_request', 'body.location_id', 'type'],
      [{ ...at, variant_id: 'var_00000000000000000000000000', delta: 1, reason: 'received' }, 404, 'variant_not_found', 'body.variant_id'],
      [{ ...at, location_id: 'sloc_00000000000000000000000000', delta: 1, reason: 'received' }, 404, 'location_not_found', 'body.location_id'],
    ];
    for (const [body, status, code, field, rule] of cases) {
      const response = await shop.post('/admin/inventory/adjustments', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.code, JSON.stringify(body)).toBe(code);
      expect(response.body.error.details.field, JSON.stringify(body)).toBe(field);
      if (rule) expect(response.body.error.details.rule, JSON.stringify(body)).toBe(rule);
    }
    const notJson = await shop.request('POST', '/admin/inventory/adjustments', { body: '{"delta": ', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    expect(await snapshot()).toEqual(before);
  });
});

describe('the movement history', () => {
  test('newest first, filtered by variant, item, location, field and reason, paged without gaps or repeats', async () => {
    const all = await ok('GET', `/admin/inventory/movements?variant_id=${variant}&limit=100`);
    const ids = all.data.map((m: any) => m.id);
    expect(all.next_cursor).toBeNull();
    expect(all.data.every((m: any) => m.variant_id === variant && m.actor === actor)).toBe(true);
    // Newest first: the last adjustment (received +2 at Main) heads the list, the first (+10) ends it.
    expect([all.data[0].before, all.data[0].after, all.data[0].reason]).toEqual([1, 3, 'received']);
    expect([all.data.at(-1).before, all.data.at(-1).after, all.data.at(-1).reason]).toEqual([0, 10, 'received']);
    const times = all.data.map((m: any) => Date.parse(m.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ok('GET', `/admin/inventory/movements?variant_id=${variant}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(3);
      paged.push(...page.data.map((m: any) => m.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(paged).toEqual(ids);

    const item = await ok('GET', `/admin/inventory/items/${variant}`);
    expect((await ok('GET', `/admin/inventory/movements?item_id=${item.id}&limit=100`)).data.map((m: any) => m.id)).toEqual(ids);
    const atStore = await ok('GET', `/admin/inventory/movements?variant_id=${variant}&location_id=${store.id}`);
    expect(atStore.data.map((m: any) => [m.before, m.after, m.reason])).toEqual([[0, 2, 'returned']]);
    const damaged = await ok('GET', `/admin/inventory/movements?variant_id=${variant}&reason=damaged`);
    expect(damaged.data.map((m: any) => [m.before, m.after])).toEqual([[3, 0], [10, 7]]);
    expect((await ok('GET', `/admin/inventory/movements?variant_id=${variant}&field=safety_stock`)).data).toEqual([]);
    expect((await ok('GET', '/admin/inventory/movements?variant_id=var_00000000000000000000000000')).data).toEqual([]);
    await refused('GET', '/admin/inventory/movements?field=price', undefined, 400, 'invalid_request', 'querystring.field');
    await refused('GET', '/admin/inventory/movements?limit=101', undefined, 400, 'invalid_request', 'querystring.limit');
    await refused('GET', `/admin/inventory/movements?cursor=${Buffer.from('["x"]').toString('base64url')}`, undefined, 400, 'invalid_cursor');
  });
});
