import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { complete, createStockedProduct, level, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';

/**
 * Where checkout's holds land: each line whole at the best location that has it (highest priority,
 * then most available), several lines in one statement; a line no location has whole is split over
 * the locations in that order; a line that cannot be held refuses the whole payment, nothing held.
 * Completing moves each hold from reserved to committed where it is.
 */
let shop: TestShop;
let main: { id: string };
let store: { id: string };
beforeAll(async () => {
  shop = await startTestShop();
  main = (await setUpSelling(shop)).warehouse;
  store = await shop.ok('POST', '/admin/inventory/locations', { name: 'Store', code: 'STORE-HOLDS', priority: 1 }, 201);
});
afterAll(async () => shop?.close());

async function stocked(atMain: number, atStore: number): Promise<string> {
  const { variant } = await createStockedProduct(shop, { usd: 1000, stock: atMain, locationId: main.id });
  await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: variant.id, location_id: store.id, delta: atStore, reason: 'received' }, 201);
  return variant.id;
}

const levels = async (variantId: string) => ({ main: await level(shop, variantId, main.id), store: await level(shop, variantId, store.id) });

test('whole at the best location, split when none has it all, then committed where held', async () => {
  const whole = await stocked(10, 3); // 2 fit at the store, which comes first
  const split = await stocked(2, 2); // 3 fit nowhere whole: 2 at the store, 1 at the warehouse
  const most = await stocked(9, 5); // 4 fit at both: the store still comes first
  const cart = await readyCart(shop, { lines: [{ variant_id: whole, quantity: 2 }, { variant_id: split, quantity: 3 }, { variant_id: most, quantity: 4 }] });
  expect((await pay(shop, cart.id)).status).toBe(200);

  expect(await levels(whole)).toEqual({ main: { on_hand: 10, committed: 0, reserved: 0, available: 10 }, store: { on_hand: 3, committed: 0, reserved: 2, available: 1 } });
  expect(await levels(split)).toEqual({ main: { on_hand: 2, committed: 0, reserved: 1, available: 1 }, store: { on_hand: 2, committed: 0, reserved: 2, available: 0 } });
  expect(await levels(most)).toEqual({ main: { on_hand: 9, committed: 0, reserved: 0, available: 9 }, store: { on_hand: 5, committed: 0, reserved: 4, available: 1 } });

  expect((await complete(shop, cart.id)).status).toBe(201);
  expect(await levels(whole)).toEqual({ main: { on_hand: 10, committed: 0, reserved: 0, available: 10 }, store: { on_hand: 3, committed: 2, reserved: 0, available: 1 } });
  expect(await levels(split)).toEqual({ main: { on_hand: 2, committed: 1, reserved: 0, available: 1 }, store: { on_hand: 2, committed: 2, reserved: 0, available: 0 } });
  expect(await levels(most)).toEqual({ main: { on_hand: 9, committed: 0, reserved: 0, available: 9 }, store: { on_hand: 5, committed: 4, reserved: 0, available: 1 } });
});

test('one line short refuses the payment: 409 naming it, and no line is held', async () => {
  const plenty = await stocked(5, 5);
  const short = await stocked(1, 1);
  const cart = await readyCart(shop, { lines: [{ variant_id: plenty, quantity: 1 }, { variant_id: short, quantity: 1 }] });
  // Another buyer takes the last units of one line between adding it and paying.
  const other = await readyCart(shop, { lines: [{ variant_id: short, quantity: 2 }] });
  expect((await pay(shop, other.id)).status).toBe(200);

  const refused = await pay(shop, cart.id);
  expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([409, 'insufficient_inventory', expect.objectContaining({ variant_id: short, requested: 1, available: 0 })]);
  expect(await levels(plenty)).toEqual({ main: { on_hand: 5, committed: 0, reserved: 0, available: 5 }, store: { on_hand: 5, committed: 0, reserved: 0, available: 5 } });
  expect(await levels(short)).toEqual({ main: { on_hand: 1, committed: 0, reserved: 1, available: 0 }, store: { on_hand: 1, committed: 0, reserved: 1, available: 0 } });
});
