import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Low stock: the levels filter (a level's available at or below its item's threshold) and the
 * `inventory.low` outbox event, written once each time an item's total available crosses from above
 * its threshold to at or below it.
 */

let shop: TestShop;
let productId: string;
let hat: string;
let scarf: string;
let gloves: string;
let main: any;
let store: any;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const adjust = (variant_id: string, location_id: string, delta: number) =>
  ok('POST', '/admin/inventory/adjustments', { variant_id, location_id, delta, reason: delta > 0 ? 'received' : 'damaged' }, 201);

/** The inventory.low events so far, oldest first. */
async function lowEvents() {
  const rows = await shop.db.selectFrom('event_outbox').select(['resource_type', 'resource_id', 'payload']).where('type', '=', 'inventory.low').orderBy('seq').execute();
  return rows;
}

async function lowCount(variantId: string) {
  return (await lowEvents()).filter((e) => e.payload.variant_id === variantId).length;
}

beforeAll(async () => {
  shop = await startTestShop();
  const product = await ok('POST', '/admin/products', {
    title: 'Winter Set', options: [{ title: 'Piece', values: ['Hat', 'Scarf', 'Gloves'] }],
    variants: [{ sku: 'W-HAT', options: { Piece: 'Hat' } }, { sku: 'W-SCARF', options: { Piece: 'Scarf' } }, { sku: 'W-GLOVES', options: { Piece: 'Gloves' } }],
  }, 201);
  productId = product.id;
  [hat, scarf, gloves] = product.variants.map((v: any) => v.id);
  main = await ok('POST', '/admin/inventory/locations', { name: 'Main', code: 'MAIN' }, 201);
  store = await ok('POST', '/admin/inventory/locations', { name: 'Store', code: 'STORE' }, 201);
});
afterAll(async () => shop?.close());

describe('the inventory.low event', () => {
  test('is written once per crossing of the total available, with the exact payload', async () => {
    await adjust(hat, main.id, 10);
    await ok('POST', `/admin/inventory/items/${hat}`, { low_stock_threshold: 5 });
    expect(await lowEvents()).toEqual([]);

    await adjust(hat, main.id, -4); // 6: above
    expect(await lowCount(hat)).toBe(0);
    await adjust(hat, main.id, -1); // 5: at the threshold — crossed
    const item = await ok('GET', `/admin/inventory/items/${hat}`);
    expect(item.low_stock).toBe(true);
    expect(await lowEvents()).toEqual([{
      resource_type: 'inventory_item', resource_id: item.id,
      payload: { item_id: item.id, variant_id: hat, product_id: productId, sku: 'W-HAT', available: 5, low_stock_threshold: 5 },
    }]);
    await adjust(hat, main.id, -1); // 4: still low, no new event
    await adjust(hat, main.id, -4); // 0
    await adjust(hat, main.id, 2); // 2: still low
    expect(await lowCount(hat)).toBe(1);

    await adjust(hat, main.id, 10); // 12: above again, re-armed
    expect((await ok('GET', `/admin/inventory/items/${hat}`)).low_stock).toBe(false);
    expect(await lowCount(hat)).toBe(1);
    await adjust(hat, main.id, -7); // 5: crossed again
    expect(await lowCount(hat)).toBe(2);
    expect((await lowEvents()).at(-1)!.payload.available).toBe(5);
  });

  test('counts every location, and safety stock, transfers and checkout’s holds', async () => {
    // Scarf: 4 at main and 4 at the store, threshold 5: 8 in all.
    await adjust(scarf, main.id, 4);
    await adjust(scarf, store.id, 4);
    await ok('POST', `/admin/inventory/items/${scarf}`, { low_stock_threshold: 5 });
    expect(await lowCount(scarf)).toBe(0);
    // A transfer moves stock but not the total: no event.
    await ok('POST', '/admin/inventory/transfers', { variant_id: scarf, from_location_id: main.id, to_location_id: store.id, quantity: 4 }, 201);
    expect(await lowCount(scarf)).toBe(0);
    // Safety stock takes the total from 8 to 5: crossed.
    await ok('POST', '/admin/inventory/safety-stock', { variant_id: scarf, location_id: store.id, safety_stock: 3 });
    expect(await lowCount(scarf)).toBe(1);
    await ok('POST', '/admin/inventory/safety-stock', { variant_id: scarf, location_id: store.id, safety_stock: 0 }); // 8
    // Carts hold 3 (checkout's column): the next admin change sees the item already low and writes nothing new.
    const item = await ok('GET', `/admin/inventory/items/${scarf}`);
    await shop.db.updateTable('inventory_level').set({ reserved: 3 }).where('item_id', '=', item.id).where('location_id', '=', store.id).execute();
    await ok('POST', '/admin/inventory/incoming', { variant_id: scarf, location_id: store.id, incoming: 10 });
    expect(await lowCount(scarf)).toBe(1);
  });

  test('settings count as crossings: a threshold raised over the stock, tracking turned on', async () => {
    await adjust(gloves, main.id, 3);
    await ok('POST', `/admin/inventory/items/${gloves}`, { low_stock_threshold: 2 });
    expect(await lowCount(gloves)).toBe(0);
    await ok('POST', `/admin/inventory/items/${gloves}`, { low_stock_threshold: 3 });
    expect(await lowCount(gloves)).toBe(1);
    // Untracked items are never low; tracking them again is a crossing.
    await ok('POST', `/admin/inventory/items/${gloves}`, { manage_inventory: false });
    expect((await ok('GET', `/admin/inventory/items/${gloves}`)).low_stock).toBe(false);
    await ok('POST', `/admin/inventory/items/${gloves}`, { manage_inventory: true });
    expect(await lowCount(gloves)).toBe(2);
    // No threshold, never low.
    await ok('POST', `/admin/inventory/items/${gloves}`, { low_stock_threshold: null });
    await adjust(gloves, main.id, -3);
    expect(await lowCount(gloves)).toBe(2);
    await ok('POST', `/admin/inventory/items/${gloves}`, { low_stock_threshold: 0 });
    expect(await lowCount(gloves)).toBe(3);
  });

  test('a refused change writes no event', async () => {
    await adjust(gloves, store.id, 2);
    await ok('POST', `/admin/inventory/items/${gloves}`, { low_stock_threshold: 1 }); // total 2: above
    const before = await lowCount(gloves);
    const response = await shop.post('/admin/inventory/adjustments', { variant_id: gloves, location_id: store.id, delta: -3, reason: 'lost' });
    expect(response.status).toBe(409);
    expect(await lowCount(gloves)).toBe(before);
  });
});

describe('the low_stock filter', () => {
  test('lists the levels whose available is at or below their item’s threshold', async () => {
    // Now: hat 5 at main (threshold 5); scarf 0 at main, 5 at the store (8 − 3 held; threshold 5);
    // gloves 0 at main, 2 at the store (threshold 1).
    const low = await ok('GET', '/admin/inventory/levels?low_stock=true');
    expect(low.data.map((l: any) => [l.sku, l.location_code, l.available, l.low_stock_threshold, l.low_stock]).sort()).toEqual([
      ['W-GLOVES', 'MAIN', 0, 1, true],
      ['W-HAT', 'MAIN', 5, 5, true],
      ['W-SCARF', 'MAIN', 0, 5, true],
      ['W-SCARF', 'STORE', 5, 5, true],
    ]);
    const notLow = await ok('GET', '/admin/inventory/levels?low_stock=false');
    expect(notLow.data.map((l: any) => [l.sku, l.location_code, l.low_stock])).toEqual([['W-GLOVES', 'STORE', false]]);
    expect((await ok('GET', `/admin/inventory/levels?low_stock=true&location_id=${store.id}`)).data.map((l: any) => l.sku)).toEqual(['W-SCARF']);

    // Untracked or without a threshold: never low.
    await ok('POST', `/admin/inventory/items/${hat}`, { manage_inventory: false });
    await ok('POST', `/admin/inventory/items/${gloves}`, { low_stock_threshold: null });
    const after = await ok('GET', '/admin/inventory/levels?low_stock=true');
    expect(after.data.map((l: any) => `${l.sku}@${l.location_code}`).sort()).toEqual(['W-SCARF@MAIN', 'W-SCARF@STORE']);
  });
});
