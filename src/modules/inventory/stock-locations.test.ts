import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onChange } from '../../db/changes.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Stock locations through the Admin API: create, read, list, update, delete; a code is unique; a
 * location holding stock or reservations cannot be deleted; every inventory route needs a sign-in.
 */

let shop: TestShop;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

async function variantOf(title: string): Promise<string> {
  const product = await ok('POST', '/admin/products', { title, variants: [{ sku: title.toUpperCase().replace(/\W+/g, '-') }] }, 201);
  return product.variants[0].id;
}

function withoutTimes(location: any) {
  const { created_at: _c, updated_at: _u, ...rest } = location;
  return rest;
}

beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

describe('location CRUD', () => {
  test('create → read → update → list round-trips every field', async () => {
    const created = await ok('POST', '/admin/inventory/locations', {
      name: 'Main warehouse',
      code: 'WH-1',
      address: { company: 'Acme', address_1: '1 Dock Rd', city: 'Leeds', postal_code: 'LS1 1AA', country_code: 'GB', phone: '+44 113 000' },
      priority: 5,
      active: true,
    }, 201);
    expect(created.id).toMatch(/^sloc_[0-9A-Z]{26}$/);
    expect(created.created_at).toMatch(ISO);
    expect(withoutTimes(created)).toEqual({
      id: created.id,
      name: 'Main warehouse',
      code: 'WH-1',
      address: { company: 'Acme', address_1: '1 Dock Rd', city: 'Leeds', postal_code: 'LS1 1AA', country_code: 'GB', phone: '+44 113 000' },
      priority: 5,
      active: true,
    });
    expect(await ok('GET', `/admin/inventory/locations/${created.id}`)).toEqual(created);

    const minimal = await ok('POST', '/admin/inventory/locations', { name: 'Shop floor', code: 'store.1' }, 201);
    expect(withoutTimes(minimal)).toEqual({ id: minimal.id, name: 'Shop floor', code: 'store.1', address: {}, priority: 0, active: true });

    const updated = await ok('POST', `/admin/inventory/locations/${created.id}`, { name: 'North warehouse', code: 'WH-N', address: { city: 'York' }, priority: 1, active: false });
    expect(withoutTimes(updated)).toEqual({ id: created.id, name: 'North warehouse', code: 'WH-N', address: { city: 'York' }, priority: 1, active: false });
    expect(updated.created_at).toBe(created.created_at);
    const renamed = await ok('POST', `/admin/inventory/locations/${created.id}`, { name: 'N' });
    expect(withoutTimes(renamed)).toEqual({ ...withoutTimes(updated), name: 'N' });

    // By priority (highest first, the order checkout draws from), then oldest first; filter by active; paged.
    const third = await ok('POST', '/admin/inventory/locations', { name: 'Overflow', code: 'OVF', priority: 1 }, 201);
    const all = await ok('GET', '/admin/inventory/locations');
    expect(all.data.map((l: any) => l.code)).toEqual(['WH-N', 'OVF', 'store.1']);
    expect(all.next_cursor).toBeNull();
    const active = await ok('GET', '/admin/inventory/locations?active=true');
    expect(active.data.map((l: any) => l.code)).toEqual(['OVF', 'store.1']);
    const first = await ok('GET', '/admin/inventory/locations?limit=2');
    expect(first.data.map((l: any) => l.code)).toEqual(['WH-N', 'OVF']);
    const second = await ok('GET', `/admin/inventory/locations?limit=2&cursor=${first.next_cursor}`);
    expect(second.data.map((l: any) => l.code)).toEqual(['store.1']);
    expect(second.next_cursor).toBeNull();

    for (const location of [created, minimal, third]) {
      expect(await ok('DELETE', `/admin/inventory/locations/${location.id}`)).toEqual({ id: location.id, object: 'stock_location', deleted: true });
    }
    expect((await ok('GET', '/admin/inventory/locations')).data).toEqual([]);
    await refused('GET', `/admin/inventory/locations/${created.id}`, undefined, 404, 'location_not_found');
  });

  test('codes are unique: 409 location_code_taken on create and update, nothing written', async () => {
    const a = await ok('POST', '/admin/inventory/locations', { name: 'A', code: 'SAME' }, 201);
    const b = await ok('POST', '/admin/inventory/locations', { name: 'B', code: 'OTHER' }, 201);
    await refused('POST', '/admin/inventory/locations', { name: 'A2', code: 'SAME' }, 409, 'location_code_taken', 'body.code');
    await refused('POST', `/admin/inventory/locations/${b.id}`, { code: 'SAME', name: 'Renamed' }, 409, 'location_code_taken', 'body.code');
    expect(await ok('GET', `/admin/inventory/locations/${b.id}`)).toEqual(b);
    // Keeping its own code is no conflict.
    expect((await ok('POST', `/admin/inventory/locations/${a.id}`, { code: 'SAME' })).code).toBe('SAME');
    expect((await ok('GET', '/admin/inventory/locations')).data.map((l: any) => l.name).sort()).toEqual(['A', 'B']);
    const events = await shop.db.selectFrom('event_outbox').select('type').where('resource_id', 'in', [a.id, b.id]).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['stock_location.created', 'stock_location.created', 'stock_location.updated']);
    for (const id of [a.id, b.id]) await ok('DELETE', `/admin/inventory/locations/${id}`);
  });

  test('bad input is a 400 naming the field', async () => {
    const cases: [unknown, string, string][] = [
      [{ code: 'X' }, 'body.name', 'required'],
      [{ name: 'X' }, 'body.code', 'required'],
      [{ name: '', code: 'X' }, 'body.name', 'minLength'],
      [{ name: 'X', code: 'has space' }, 'body.code', 'pattern'],
      [{ name: 'X', code: 'X', priority: -1 }, 'body.priority', 'minimum'],
      [{ name: 'X', code: 'X', priority: '1' }, 'body.priority', 'type'],
      [{ name: 'X', code: 'X', active: 'yes' }, 'body.active', 'type'],
      [{ name: 'X', code: 'X', address: { country_code: 'g1' } }, 'body.address.country_code', 'pattern'],
      [{ name: 'X', code: 'X', address: { street: 'x' } }, 'body.address.street', 'additionalProperties'],
      [{ name: 'X', code: 'X', capacity: 5 }, 'body.capacity', 'additionalProperties'],
    ];
    for (const [body, field, rule] of cases) {
      const error = await refused('POST', '/admin/inventory/locations', body, 400, 'invalid_request', field);
      expect(error.details.rule, JSON.stringify(body)).toBe(rule);
    }
    const location = await ok('POST', '/admin/inventory/locations', { name: 'Valid', code: 'VALID' }, 201);
    await refused('POST', `/admin/inventory/locations/${location.id}`, {}, 400, 'invalid_request');
    await refused('GET', '/admin/inventory/locations/not-an-id', undefined, 400, 'invalid_request', 'params.id');
    await refused('GET', '/admin/inventory/locations?limit=0', undefined, 400, 'invalid_request', 'querystring.limit');
    await refused('GET', '/admin/inventory/locations?cursor=nonsense', undefined, 400, 'invalid_cursor');
    for (const method of ['GET', 'POST', 'DELETE']) {
      await refused(method, '/admin/inventory/locations/sloc_00000000000000000000000000', method === 'POST' ? { name: 'x' } : undefined, 404, 'location_not_found');
    }
    expect((await ok('GET', '/admin/inventory/locations')).data).toEqual([location]);
    await ok('DELETE', `/admin/inventory/locations/${location.id}`);
  });
});

describe('turning a location on or off', () => {
  test('drops every cached store page (availability counts active locations); other edits do not', async () => {
    const location = await ok('POST', '/admin/inventory/locations', { name: 'Pop-up', code: 'POPUP' }, 201);
    const signals: string[] = [];
    // Cache topics only: every event also wakes the dispatcher ('events').
    const stop = onChange(shop.db, (topic) => topic !== 'events' && signals.push(topic));
    await ok('POST', `/admin/inventory/locations/${location.id}`, { name: 'Pop-up shop', active: true });
    expect(signals).toEqual([]);
    await ok('POST', `/admin/inventory/locations/${location.id}`, { active: false });
    expect(signals).toEqual(['catalog']);
    stop();
    await ok('DELETE', `/admin/inventory/locations/${location.id}`);
  });
});

describe('deleting a location', () => {
  test('refused while it holds stock on hand, committed, reserved or incoming, or a reservation; its empty levels go with it', async () => {
    const variant = await variantOf('Delete Probe');
    const location = await ok('POST', '/admin/inventory/locations', { name: 'Busy', code: 'BUSY' }, 201);
    const at = { variant_id: variant, location_id: location.id };

    await ok('POST', '/admin/inventory/adjustments', { ...at, delta: 3, reason: 'received' }, 201);
    const inUse = await refused('DELETE', `/admin/inventory/locations/${location.id}`, undefined, 409, 'location_in_use');
    expect(inUse.details).toEqual({ id: location.id, levels_in_use: 1, reservations: 0 });
    await ok('POST', '/admin/inventory/adjustments', { ...at, delta: -3, reason: 'damaged' }, 201);

    await ok('POST', '/admin/inventory/incoming', { ...at, incoming: 4 });
    await refused('DELETE', `/admin/inventory/locations/${location.id}`, undefined, 409, 'location_in_use');
    await ok('POST', '/admin/inventory/incoming', { ...at, incoming: 0 });

    // Checkout's columns and rows (written by the reservations service) count too.
    const item = await ok('GET', `/admin/inventory/items/${variant}`);
    const level = shop.db.updateTable('inventory_level').where('item_id', '=', item.id).where('location_id', '=', location.id);
    await level.set({ on_hand: 2, reserved: 2 }).execute();
    await refused('DELETE', `/admin/inventory/locations/${location.id}`, undefined, 409, 'location_in_use');
    await level.set({ reserved: 0, committed: 2 }).execute();
    await refused('DELETE', `/admin/inventory/locations/${location.id}`, undefined, 409, 'location_in_use');
    await level.set({ on_hand: 0, committed: 0 }).execute();
    await shop.db.insertInto('inventory_reservation')
      .values({ id: 'ires_probe', item_id: item.id, location_id: location.id, kind: 'hold', quantity: 1, cart_id: 'cart_probe' }).execute();
    expect((await refused('DELETE', `/admin/inventory/locations/${location.id}`, undefined, 409, 'location_in_use')).details)
      .toEqual({ id: location.id, levels_in_use: 0, reservations: 1 });
    expect((await ok('GET', `/admin/inventory/locations/${location.id}`)).id).toBe(location.id);
    await shop.db.deleteFrom('inventory_reservation').where('id', '=', 'ires_probe').execute();

    // Empty now (a safety stock is no stock): the location and its level go; the history stays.
    await ok('POST', '/admin/inventory/safety-stock', { ...at, safety_stock: 0 });
    await shop.db.updateTable('inventory_level').set({ safety_stock: 1 }).where('item_id', '=', item.id).execute();
    expect(await ok('DELETE', `/admin/inventory/locations/${location.id}`)).toEqual({ id: location.id, object: 'stock_location', deleted: true });
    expect(await shop.db.selectFrom('inventory_level').selectAll().where('location_id', '=', location.id).execute()).toEqual([]);
    expect((await ok('GET', `/admin/inventory/items/${variant}`)).levels).toEqual([]);
    const history = await ok('GET', `/admin/inventory/movements?location_id=${location.id}`);
    expect(history.data.map((m: any) => [m.field, m.before, m.after])).toEqual([
      ['incoming', 4, 0], ['incoming', 0, 4], ['on_hand', 3, 0], ['on_hand', 0, 3],
    ]);
  });
});

describe('sign-in', () => {
  test('every inventory route answers 401 without a token, and with a bad one', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/inventory/locations'],
      ['POST', '/admin/inventory/locations', { name: 'X', code: 'X' }],
      ['GET', '/admin/inventory/locations/sloc_00000000000000000000000000'],
      ['POST', '/admin/inventory/locations/sloc_00000000000000000000000000', { name: 'X' }],
      ['DELETE', '/admin/inventory/locations/sloc_00000000000000000000000000'],
      ['GET', '/admin/inventory/items/var_00000000000000000000000000'],
      ['POST', '/admin/inventory/items/var_00000000000000000000000000', { allow_backorder: true }],
      ['GET', '/admin/inventory/levels'],
      ['POST', '/admin/inventory/adjustments', { variant_id: 'var_0', location_id: 'sloc_0', delta: 1, reason: 'received' }],
      ['POST', '/admin/inventory/transfers', { variant_id: 'var_0', from_location_id: 'sloc_0', to_location_id: 'sloc_1', quantity: 1 }],
      ['POST', '/admin/inventory/safety-stock', { variant_id: 'var_0', location_id: 'sloc_0', safety_stock: 1 }],
      ['POST', '/admin/inventory/incoming', { variant_id: 'var_0', location_id: 'sloc_0', incoming: 1 }],
      ['GET', '/admin/inventory/movements'],
    ];
    for (const [method, url, body] of routes) {
      for (const token of [null, 'cwa_not-a-real-token']) {
        const response = await shop.request(method, url, { body, token });
        expect(response.status, `${method} ${url}`).toBe(401);
        expect(response.body.error.code).toBe('unauthorized');
      }
    }
    expect(await shop.db.selectFrom('stock_location').select('id').execute()).toEqual([]);
  });
});
