import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { CARDS, complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { onServer } from '../../../test/helpers/test-database.ts';
import { requester, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { errorCodesVaryByRun } from '../../../test/helpers/error-record.ts';

// Races: which refusals a run meets differs from run to run.
errorCodesVaryByRun();

/**
 * Admin stock changes under concurrency: the database decides, so simultaneous decreases never take
 * stock below what is free, whatever they race with — each other, checkout's holds on the same rows,
 * transfers the other way, another app on its own connections. On PostgreSQL this is real concurrency
 * (a pool of connections, and a second app with a pool of its own); on the embedded database the
 * transactions queue up, and the same assertions hold. Separate `cartwright start` processes race in
 * test/flash-sale.test.ts.
 */

let shop: TestShop;
let main: any;
let store: any;

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

async function newVariant(sku: string): Promise<string> {
  return (await ok('POST', '/admin/products', { title: `Probe ${sku}`, variants: [{ sku }] }, 201)).variants[0].id;
}

async function levelRow(variantId: string, locationId: string) {
  const item = await ok('GET', `/admin/inventory/items/${variantId}`);
  return shop.db.selectFrom('inventory_level').selectAll().where('item_id', '=', item.id).where('location_id', '=', locationId).executeTakeFirstOrThrow();
}

const decrement = (variant_id: string, location_id: string) =>
  shop.post('/admin/inventory/adjustments', { variant_id, location_id, delta: -1, reason: 'damaged' });

function statuses(responses: { status: number }[]) {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

beforeAll(async () => {
  shop = await startTestShop();
  // Regions and shipping too, so carts can go through checkout; its warehouse is the main location.
  main = (await setUpSelling(shop)).warehouse;
  store = await ok('POST', '/admin/inventory/locations', { name: 'Store', code: 'STORE' }, 201);
});
afterAll(async () => shop?.close());

describe('concurrent decreases', () => {
  test('20 decrements of 1 on a stock of 10: exactly 10 succeed, on hand 0, one movement each', async () => {
    const variant = await newVariant('C-20');
    await ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: 10, reason: 'received' }, 201);

    const responses = await Promise.all(Array.from({ length: 20 }, () => decrement(variant, main.id)));
    expect(statuses(responses)).toEqual({ 201: 10, 409: 10 });
    for (const r of responses.filter((r) => r.status === 409)) expect(r.body.error.code).toBe('inventory_would_go_negative');

    expect(await levelRow(variant, main.id)).toMatchObject({ on_hand: 0, committed: 0, reserved: 0 });
    const movements = (await ok('GET', `/admin/inventory/movements?variant_id=${variant}&reason=damaged&limit=100`)).data;
    // Each success saw the one before it: befores 10…1, each one less.
    expect(movements.map((m: any) => m.before).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(movements.every((m: any) => m.after === m.before - 1)).toBe(true);
    const reported = responses.filter((r) => r.status === 201).map((r) => r.body.level.on_hand).sort((a: number, b: number) => a - b);
    expect(reported).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('racing checkout’s holds on the same row: together they never take more than was available', async () => {
    const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 10, locationId: main.id });
    const carts = await Promise.all(Array.from({ length: 12 }, () => readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] })));
    // Checkout's holds are taken when payment starts. On the server the buyers go through a second app
    // with its own connection pool, as another process's would.
    const other = onServer ? await buildApp({ db: (await shop.database.openAnother()).db, config: shop.config }) : null;
    const buyers = other ? requester(other, () => null) : shop.request;
    try {
      const [admin, holds] = await Promise.all([
        Promise.all(Array.from({ length: 12 }, () => decrement(variant.id, main.id))),
        Promise.all(carts.map((cart) => buyers('POST', `/store/carts/${cart.id}/payment`, { body: { provider_id: 'test_card', data: { card_number: CARDS.ok } } }))),
      ]);
      const adminWins = admin.filter((r) => r.status === 201).length;
      const held = carts.filter((_, i) => holds[i].status === 200).map((c) => c.id);
      for (const r of admin.filter((r) => r.status !== 201)) expect([r.status, r.body.error.code]).toEqual([409, 'inventory_would_go_negative']);
      for (const r of holds.filter((r) => r.status !== 200)) expect([r.status, (r.body as any).error.code]).toEqual([409, 'insufficient_inventory']);
      expect(adminWins + held.length).toBe(10);
      const level = await levelRow(variant.id, main.id);
      expect(level).toMatchObject({ on_hand: 10 - adminWins, committed: 0, reserved: held.length });
      expect(level.on_hand - level.committed - level.reserved - level.safety_stock).toBe(0);
      // One hold of one unit for each cart that won, none for the others.
      const rows = await shop.db.selectFrom('inventory_reservation').select(['cart_id', 'quantity']).where('kind', '=', 'hold').where('item_id', '=', level.item_id).execute();
      expect(rows.map((r) => [r.cart_id, r.quantity]).sort()).toEqual(held.map((id) => [id, 1]).sort());
    } finally {
      await other?.close();
    }
  });

  test('checkouts committing holds and carts releasing theirs, over the same levels at once: no deadlock, exact counts', async () => {
    // Two variants stocked at two locations: each cart's holds span several levels, which completing
    // (reserved → committed) and releasing (a change after payment started) each update in one statement.
    const variants: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { variant } = await createStockedProduct(shop, { usd: 500, stock: 30, locationId: main.id });
      await ok('POST', '/admin/inventory/adjustments', { variant_id: variant.id, location_id: store.id, delta: 30, reason: 'received' }, 201);
      variants.push(variant.id);
    }
    const carts = [];
    for (let i = 0; i < 12; i++) {
      const lines = (i % 2 ? variants : [...variants].reverse()).map((variant_id) => ({ variant_id, quantity: 4 }));
      const cart = await readyCart(shop, { lines });
      expect((await pay(shop, cart.id)).status).toBe(200);
      carts.push(cart.id);
    }
    const completing = carts.filter((_, i) => i % 2 === 0);
    const changing = carts.filter((_, i) => i % 2 === 1);
    const [completed, changed] = await Promise.all([
      Promise.all(completing.map((id) => complete(shop, id))),
      Promise.all(changing.map((id) => shop.post(`/store/carts/${id}/line-items`, { variant_id: variants[0], quantity: 1 }))),
    ]);
    expect(completed.map((r) => r.status)).toEqual(completing.map(() => 201));
    expect(changed.map((r) => r.status)).toEqual(changing.map(() => 200));
    for (const variant of variants) {
      const levels = [await levelRow(variant, main.id), await levelRow(variant, store.id)];
      expect({
        on_hand: levels[0].on_hand + levels[1].on_hand, committed: levels[0].committed + levels[1].committed, reserved: levels[0].reserved + levels[1].reserved,
      }).toEqual({ on_hand: 60, committed: 24, reserved: 0 });
      // One order_committed movement per level a completed cart's hold was on; their changes add up to what was committed.
      const movements = (await ok('GET', `/admin/inventory/movements?variant_id=${variant}&reason=order_committed&limit=100`)).data;
      expect(movements.reduce((n: number, m: any) => n + m.after - m.before, 0)).toBe(24);
    }
  });

  test('transfers in opposite directions at once: no deadlock, every unit accounted for', async () => {
    const variant = await newVariant('C-SWAP');
    await ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: 10, reason: 'received' }, 201);
    await ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: store.id, delta: 10, reason: 'received' }, 201);
    const move = (from: string, to: string) =>
      shop.post('/admin/inventory/transfers', { variant_id: variant, from_location_id: from, to_location_id: to, quantity: 1 });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? move(main.id, store.id) : move(store.id, main.id))));
    expect(statuses(responses)).toEqual({ 201: 20 });
    expect((await levelRow(variant, main.id)).on_hand).toBe(10);
    expect((await levelRow(variant, store.id)).on_hand).toBe(10);
    expect((await ok('GET', `/admin/inventory/movements?variant_id=${variant}&reason=transfer&limit=100`)).data.length).toBe(40);
  });

  test('inventory.low is written once when simultaneous changes at two locations cross the threshold', async () => {
    const variant = await newVariant('C-LOW');
    await ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: 6, reason: 'received' }, 201);
    await ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: store.id, delta: 6, reason: 'received' }, 201);
    await ok('POST', `/admin/inventory/items/${variant}`, { low_stock_threshold: 5 });
    // 12 in all; 10 decrements, 5 at each location, end at 2: one crossing (at 5).
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => decrement(variant, i % 2 ? main.id : store.id)));
    expect(statuses(responses)).toEqual({ 201: 10 });
    const events = await shop.db.selectFrom('event_outbox').select('payload').where('type', '=', 'inventory.low').execute();
    expect(events.filter((e) => e.payload.variant_id === variant).map((e) => e.payload.available)).toEqual([5]);
  });
});

describe.runIf(onServer)('two apps on their own connection pools on one PostgreSQL', () => {
  test('decrements split between two apps: exactly the stock succeeds', async () => {
    const variant = await newVariant('C-PROC');
    await ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: main.id, delta: 10, reason: 'received' }, 201);
    const handle = await shop.database.openAnother();
    const app = await buildApp({ db: handle.db, config: shop.config });
    try {
      const second = requester(app, () => shop.adminToken);
      const body = { variant_id: variant, location_id: main.id, delta: -1, reason: 'damaged' };
      const responses = await Promise.all(Array.from({ length: 30 }, (_, i) =>
        i % 2 ? shop.post('/admin/inventory/adjustments', body) : second('POST', '/admin/inventory/adjustments', { body })));
      expect(statuses(responses)).toEqual({ 201: 10, 409: 20 });
      expect((await levelRow(variant, main.id)).on_hand).toBe(0);
    } finally {
      await app.close();
    }
  });
});
