import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type Response, type TestShop } from '../../../test/helpers/test-shop.ts';
import { countStatements } from '../../../test/helpers/statements.ts';
import { ADDRESS_US, CARDS, createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';

/**
 * The SQL statements each cart request runs, counted by the database observer that /metrics reads
 * (docs/performance.md, statements per checkout). A change that brings back a read, a lock or a
 * transaction fails here; when you cut a statement, lower its count.
 */
let shop: TestShop;
let selling: Selling;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

/** Sends the request and counts the statements it ran; expects `status`. */
async function counted(send: () => Promise<Response>, status = 200): Promise<{ body: any; statements: number }> {
  const { result: res, statements } = await countStatements(shop, send);
  expect(res.status, res.text).toBe(status);
  return { body: res.body, statements };
}

test('a guest checkout up to payment: 1 statement to create the cart, 2 per change, 1 for the shipping options, 6 to start payment', async () => {
  const shirt = await createStockedProduct(shop, { usd: 1500, stock: 10, locationId: selling.warehouse.id });
  const mug = await createStockedProduct(shop, { usd: 800, stock: 10, locationId: selling.warehouse.id });
  const counts: Record<string, number> = {};
  // Each answer is the cart as a read right after it shows it: a change's answer is read by the statement
  // that writes it (start payment answers without reading it again).
  const step = async (name: string, send: () => Promise<Response>, status = 200) => {
    const { body, statements } = await counted(send, status);
    counts[name] = statements;
    if (body.id?.startsWith('cart_')) expect((await shop.get(`/store/carts/${body.id}`)).body).toEqual(body);
    return body;
  };

  const cart = await step('create cart', () => shop.post('/store/carts', { currency_code: 'USD' }), 201);
  const lines = `/store/carts/${cart.id}/line-items`;
  await step('add a line', () => shop.post(lines, { variant_id: shirt.variant.id, quantity: 1 }));
  const added = await step('add a second line', () => shop.post(lines, { variant_id: mug.variant.id, quantity: 3 }));
  await step('add more of a line', () => shop.post(lines, { variant_id: shirt.variant.id, quantity: 1 }));
  const mugLine = added.items.find((i: any) => i.variant_id === mug.variant.id).id;
  await step('change a quantity', () => shop.request('PATCH', `${lines}/${mugLine}`, { body: { quantity: 2 } }));
  await step('email and address', () => shop.post(`/store/carts/${cart.id}`, { email: 'guest@example.com', shipping_address: ADDRESS_US }));
  const options = await step('list shipping options', () => shop.get(`/store/carts/${cart.id}/shipping-options`));
  await step('choose shipping', () => shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id }));
  const paying = await step('start payment', () => shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } }));

  expect(paying).toMatchObject({ subtotal: 4600, shipping_total: 500, tax_total: 510, total: 5610, payment_session: { status: 'pending', amount: 5610 } });
  expect(counts).toEqual({
    'create cart': 1, // insert (choosing its region), read back by the same statement
    'add a line': 2, // read (with the variant's facts); write if the cart is still as read, read back
    'add a second line': 2,
    'add more of a line': 2,
    'change a quantity': 2,
    'email and address': 2,
    'list shipping options': 1, // the cart read with the region's options
    'choose shipping': 2,
    // read; begin, lock if still as read, the items locked with each line's stock held (one statement
    // however many lines), the event with the payment session, the holds and the cache signal (one
    // statement), commit
    'start payment': 6,
  });
});

test('a line removed: 2 statements; a change after payment started voids it under the lock', async () => {
  const shirt = await createStockedProduct(shop, { usd: 1500, stock: 10, locationId: selling.warehouse.id });
  const cart = (await shop.post('/store/carts', { currency_code: 'USD' })).body;
  const added = (await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: shirt.variant.id, quantity: 2 })).body;
  await shop.post(`/store/carts/${cart.id}`, { email: 'guest@example.com', shipping_address: ADDRESS_US });
  const options = (await shop.get(`/store/carts/${cart.id}/shipping-options`)).body;
  await shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
  expect((await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } })).status).toBe(200);

  const changed = await counted(() => shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: shirt.variant.id, quantity: 1 }));
  expect(changed.body).toMatchObject({ payment_session: null, holds_expire_at: null, items: [{ quantity: 3 }] });
  // read; begin, lock and read, release the holds (delete, level, variants, signal), cancel the session, write, read, commit
  expect(changed.statements).toBe(11);

  const removed = await counted(() => shop.request('DELETE', `/store/carts/${cart.id}/line-items/${added.items[0].id}`));
  expect([removed.body.items, removed.statements]).toEqual([[], 2]);
});
