import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { ADDRESS_DE, ADDRESS_US, complete, createStockedProduct, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';

let shop: TestShop;
let selling: Selling;
let stocked: { variant: any; product: any };
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  stocked = await createStockedProduct(shop, { usd: 1500, eur: 1400, stock: 5, locationId: selling.warehouse.id, weight: 300 });
});
afterAll(async () => shop?.close());

const newCart = async (body: object = { currency_code: 'USD' }) => (await shop.post('/store/carts', body)).body;

describe('creating a cart', () => {
  test('by currency, by region, or in the default region', async () => {
    expect(await newCart({ currency_code: 'EUR' })).toMatchObject({ region_id: selling.eu.id, currency_code: 'EUR', tax_inclusive: true, items: [], total: 0 });
    expect(await newCart({ region_id: selling.us.id })).toMatchObject({ region_id: selling.us.id, currency_code: 'USD', tax_inclusive: false });
    expect(await newCart({})).toMatchObject({ region_id: selling.us.id });
  });

  test('an unguessable id', async () => {
    const cart = await newCart();
    expect(cart.id).toMatch(/^cart_[0-9A-Z]{26}$/);
    const last = cart.id.at(-1) === 'X' ? 'Y' : 'X';
    expect((await shop.get(`/store/carts/${cart.id.slice(0, -1)}${last}`)).status).toBe(404);
  });

  test('bad input is refused', async () => {
    const noRegion = await shop.post('/store/carts', { currency_code: 'JPY' });
    expect(noRegion.status).toBe(404);
    expect(noRegion.body.error).toMatchObject({ code: 'region_not_found', details: { field: 'body.currency_code' } });
    const badType = await shop.post('/store/carts', { currency_code: 5 });
    expect(badType.status).toBe(400);
    expect(badType.body.error.details.field).toBe('body.currency_code');
    const mismatch = await shop.post('/store/carts', { region_id: selling.us.id, currency_code: 'EUR' });
    expect(mismatch.status).toBe(400);
  });
});

describe('line items', () => {
  test('adding the same variant merges into one line; totals are the server’s', async () => {
    const cart = await newCart();
    await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: stocked.variant.id, quantity: 1 });
    const merged = await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: stocked.variant.id, quantity: 2 });
    expect(merged.status).toBe(200);
    expect(merged.body.items).toHaveLength(1);
    expect(merged.body.items[0]).toMatchObject({ quantity: 3, unit_price: 1500, subtotal: 4500, tax_rate: 10, tax_total: 450, total: 4950, purchasable: true });
    expect(merged.body).toMatchObject({ subtotal: 4500, tax_total: 450, shipping_total: 0, total: 4950, weight_grams: 900 });
  });

  test('more than is available: 409 with the available quantity, cart unchanged', async () => {
    const cart = await newCart();
    await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: stocked.variant.id, quantity: 4 });
    const res = await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: stocked.variant.id, quantity: 2 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'insufficient_inventory', details: { variant_id: stocked.variant.id, requested: 6, available: 5 } });
    expect((await shop.get(`/store/carts/${cart.id}`)).body.items[0].quantity).toBe(4);
  });

  test('change and remove a line', async () => {
    const cart = await newCart();
    const added = await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: stocked.variant.id, quantity: 1 });
    const lineId = added.body.items[0].id;
    const changed = await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${lineId}`, { body: { quantity: 3 } });
    expect(changed.body.items[0].quantity).toBe(3);
    const tooMany = await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${lineId}`, { body: { quantity: 6 } });
    expect(tooMany.status).toBe(409);
    const removed = await shop.request('DELETE', `/store/carts/${cart.id}/line-items/${lineId}`);
    expect(removed.body.items).toEqual([]);
    expect((await shop.request('DELETE', `/store/carts/${cart.id}/line-items/${lineId}`)).body.error.code).toBe('line_item_not_found');
  });

  test('unknown, unpublished and unpriced variants are refused', async () => {
    const cart = await newCart();
    const unknown = await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: 'var_01NOPE', quantity: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('variant_not_found');
    const draft = (await shop.post('/admin/products', { title: 'Draft', variants: [{ prices: [{ currency_code: 'USD', amount: 100 }] }] })).body;
    const unpublished = await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: draft.variants[0].id, quantity: 1 });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.code).toBe('variant_not_for_sale');
    const eurOnly = (await createStockedProduct(shop, { eur: 900, stock: 3, locationId: selling.warehouse.id })).variant;
    const unpriced = await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: eurOnly.id, quantity: 1 });
    expect(unpriced.status).toBe(400);
    expect(unpriced.body.error.code).toBe('variant_not_priced');
    expect((await shop.get(`/store/carts/${cart.id}`)).body.items).toEqual([]);
  });

  test.each([
    [{ variant_id: 'x', quantity: 1 }, 'body.variant_id'],
    [{ quantity: 1 }, 'body.variant_id'],
    [{ variant_id: 'var_01ABC', quantity: -1 }, 'body.quantity'],
    [{ variant_id: 'var_01ABC', quantity: 0 }, 'body.quantity'],
    [{ variant_id: 'var_01ABC', quantity: 1.5 }, 'body.quantity'],
    [{ variant_id: 'var_01ABC', quantity: '2' }, 'body.quantity'],
  ])('bad line %o → 400 naming %s', async (body, field) => {
    const cart = await newCart();
    const res = await shop.post(`/store/carts/${cart.id}/line-items`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe(field);
  });
});

describe('holds', () => {
  test('starting payment holds the stock; changing the cart releases it and cancels the session', async () => {
    const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 4, locationId: selling.warehouse.id });
    const cart = await newCart();
    await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 3 });
    await shop.post(`/store/carts/${cart.id}`, { email: 'h@example.com', shipping_address: ADDRESS_US });
    await shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: selling.usStandard.id });
    const paying = await pay(shop, cart.id);
    expect(paying.status).toBe(200);
    expect(new Date(paying.body.holds_expire_at).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const held = (await shop.get(`/admin/inventory/items/${variant.id}`)).body.levels[0];
    expect(held).toMatchObject({ on_hand: 4, reserved: 3, available: 1 });
    // Someone else can now buy only the one left.
    const other = await newCart();
    expect((await shop.post(`/store/carts/${other.id}/line-items`, { variant_id: variant.id, quantity: 2 })).status).toBe(409);
    const changed = await shop.post(`/store/carts/${cart.id}`, { email: 'changed@example.com' });
    expect(changed.body).toMatchObject({ payment_session: null, holds_expire_at: null });
    expect((await shop.get(`/admin/inventory/items/${variant.id}`)).body.levels[0]).toMatchObject({ reserved: 0, available: 4 });
  });

  test('payment that cannot be held: 409 and nothing held', async () => {
    const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 2, locationId: selling.warehouse.id });
    const cart = await newCart();
    await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 2 });
    await shop.post(`/store/carts/${cart.id}`, { email: 'h@example.com', shipping_address: ADDRESS_US });
    await shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: selling.usStandard.id });
    await shop.post('/admin/inventory/adjustments', { variant_id: variant.id, location_id: selling.warehouse.id, delta: -1, reason: 'damaged' });
    const res = await pay(shop, cart.id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'insufficient_inventory', details: { variant_id: variant.id, requested: 2, available: 1 } });
    expect((await shop.get(`/admin/inventory/items/${variant.id}`)).body.levels[0]).toMatchObject({ on_hand: 1, reserved: 0 });
    expect((await shop.get(`/store/carts/${cart.id}`)).body.payment_session).toBeNull();
  });

  test('payment needs a ready cart and a known provider', async () => {
    const cart = await newCart();
    const empty = await pay(shop, cart.id);
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'cart_incomplete', details: { missing: ['items', 'email', 'shipping_address', 'shipping_method'] } });
    await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: stocked.variant.id, quantity: 1 });
    await shop.post(`/store/carts/${cart.id}`, { email: 'h@example.com', shipping_address: ADDRESS_US });
    await shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: selling.usStandard.id });
    const provider = await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'bitcoin' });
    expect(provider.status).toBe(400);
    expect(provider.body.error.code).toBe('payment_provider_not_found');
    const card = await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: '1234' } });
    expect(card.status).toBe(400);
    expect(card.body.error.code).toBe('invalid_payment_data');
    const complete = await shop.post(`/store/carts/${cart.id}/complete`);
    expect(complete.status).toBe(400);
    expect(complete.body.error.code).toBe('payment_required');
  });
});

describe('addresses and shipping', () => {
  test('a country of another region is refused for shipping and billing', async () => {
    const cart = await newCart({ currency_code: 'EUR' });
    const ship = await shop.post(`/store/carts/${cart.id}`, { shipping_address: ADDRESS_US });
    expect(ship.body.error).toMatchObject({ code: 'country_not_in_region', details: { field: 'body.shipping_address.country_code' } });
    const bill = await shop.post(`/store/carts/${cart.id}`, { billing_address: ADDRESS_US });
    expect(bill.body.error.details.field).toBe('body.billing_address.country_code');
    expect((await shop.post(`/store/carts/${cart.id}`, { shipping_address: ADDRESS_DE })).status).toBe(200);
  });

  test('a bad address is named field by field', async () => {
    const cart = await newCart();
    const res = await shop.post(`/store/carts/${cart.id}`, { shipping_address: { ...ADDRESS_US, country_code: 'usa' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('body.shipping_address.country_code');
    const missing = await shop.post(`/store/carts/${cart.id}`, { shipping_address: { first_name: 'A' } });
    expect(missing.body.error.details.field).toBe('body.shipping_address.last_name');
    const email = await shop.post(`/store/carts/${cart.id}`, { email: 'not-an-email' });
    expect(email.body.error.details.field).toBe('body.email');
  });

  test('a shipping option of another region is unknown to the cart', async () => {
    const cart = await newCart();
    const res = await shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: selling.euStandard.id });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('shipping_option_not_found');
  });
});

describe('a completed cart', () => {
  test('refuses every change with 409 cart_completed, and keeps its lines', async () => {
    const cart = await readyCart(shop, { lines: [{ variant_id: stocked.variant.id, quantity: 1 }] });
    expect((await pay(shop, cart.id)).status).toBe(200);
    expect((await complete(shop, cart.id)).status).toBe(201);
    const line = cart.items[0];
    const options = (await shop.get(`/store/carts/${cart.id}/shipping-options`)).body.data;
    const changes: [string, string, unknown][] = [
      ['POST', `/store/carts/${cart.id}`, { email: 'other@example.com' }],
      ['POST', `/store/carts/${cart.id}/line-items`, { variant_id: stocked.variant.id, quantity: 1 }],
      ['PATCH', `/store/carts/${cart.id}/line-items/${line.id}`, { quantity: 2 }],
      ['DELETE', `/store/carts/${cart.id}/line-items/${line.id}`, undefined],
      ['POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options[0].id }],
    ];
    for (const [method, url, body] of changes) {
      const res = await shop.request(method, url, { body });
      expect(res.status, `${method} ${url}`).toBe(409);
      expect(res.body.error.code, `${method} ${url}`).toBe('cart_completed');
    }
    const after = (await shop.get(`/store/carts/${cart.id}`)).body;
    expect(after.items.map((l: any) => [l.id, l.quantity])).toEqual([[line.id, 1]]);
    expect(after.email).toBe('buyer@example.com');
  });
});
