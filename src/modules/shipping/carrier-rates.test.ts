import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADDRESS_US, complete, createStockedProduct, pay, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Carrier-calculated shipping options through the Store API: test_carrier's rate plus the option's
 * markup while the carrier answers; the option's fallback amount when it is down or too slow, so a
 * checkout never fails because of a carrier (docs/shipping.md).
 */
let shop: TestShop;
let selling: Selling;
let option: any;
let product: any;
const ORIGIN = { address_1: '1 Dock Rd', city: 'Newark', postal_code: '07102', country_code: 'US' };

beforeAll(async () => {
  // A short timeout: postcode 99998 never answers, and the buyer waits only this long.
  shop = await startTestShop({ carrierTimeoutMs: 300 });
  selling = await setUpSelling(shop);
  await shop.ok('POST', `/admin/inventory/locations/${selling.warehouse.id}`, { address: ORIGIN });
  // ground: 500 + 100 per started kg; 2.5 kg → 800; + 10 % (80) + 50 = 930.
  option = await shop.ok('POST', '/admin/shipping-options', {
    region_id: selling.us.id, name: 'Carrier ground', price_type: 'calculated', carrier_id: 'test_carrier', carrier_service: 'ground',
    amount: 999, rate_markup_percent: 10, rate_markup_amount: 50, position: 1,
  }, 201);
  ({ product } = await createStockedProduct(shop, { usd: 2000, stock: 100, locationId: selling.warehouse.id, weight: 2500 }));
});
afterAll(async () => shop?.close());

async function cartTo(postal_code: string, quantity = 1) {
  const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity });
  await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'buyer@example.com', shipping_address: { ...ADDRESS_US, postal_code } });
  return cart.id as string;
}
const offered = async (cartId: string) => (await shop.ok('GET', `/store/carts/${cartId}/shipping-options`)).data;
const choose = (cartId: string) => shop.ok('POST', `/store/carts/${cartId}/shipping-method`, { option_id: option.id });

test('the option as staff set it up', () => {
  expect(option).toMatchObject({ price_type: 'calculated', carrier_id: 'test_carrier', carrier_service: 'ground', amount: 999, rate_markup_percent: 10, rate_markup_amount: 50 });
});

describe('rates', () => {
  test('carrier up: its rate plus the markup, offered beside the flat option, and charged', async () => {
    const cartId = await cartTo('12345');
    expect(await offered(cartId)).toEqual([
      { id: selling.usStandard.id, name: 'Standard', amount: 500 },
      { id: option.id, name: 'Carrier ground', amount: 930 },
    ]);
    const cart = await choose(cartId);
    expect([cart.shipping_method, cart.shipping_total]).toEqual([{ option_id: option.id, name: 'Carrier ground', amount: 930 }, 930]);
    // Tax on top in the US region: 10 % of 2000 + 10 % of 930.
    expect([cart.tax_total, cart.total]).toEqual([293, 2000 + 930 + 293]);
    expect((await pay(shop, cartId)).status).toBe(200);
    const placed = await complete(shop, cartId);
    expect(placed.status, placed.text).toBe(201);
    expect([placed.body.shipping_total, placed.body.total]).toEqual([930, 3223]);
  });

  test('carrier down: the fallback amount, and checkout goes on', async () => {
    const cartId = await cartTo('99999');
    expect((await offered(cartId)).find((o: any) => o.id === option.id)).toEqual({ id: option.id, name: 'Carrier ground', amount: 999 });
    expect((await choose(cartId)).shipping_total).toBe(999);
    expect((await pay(shop, cartId)).status).toBe(200);
    expect((await complete(shop, cartId)).body.shipping_total).toBe(999);
  });

  test('carrier slow: the timeout gives the fallback', async () => {
    const cartId = await cartTo('99998');
    expect((await offered(cartId)).find((o: any) => o.id === option.id)?.amount).toBe(999);
    expect((await choose(cartId)).shipping_total).toBe(999);
  });

  test('a cart changed after the quote costs the fallback until the option is chosen again', async () => {
    const cartId = await cartTo('12345');
    expect((await choose(cartId)).shipping_total).toBe(930);
    const line = (await shop.ok('GET', `/store/carts/${cartId}`)).items[0];
    // 2 × 2.5 kg = 5 kg: ground 1000 + 100 + 50.
    expect((await shop.ok('PATCH', `/store/carts/${cartId}/line-items/${line.id}`, { quantity: 2 })).shipping_total).toBe(999);
    expect((await choose(cartId)).shipping_total).toBe(1150);
    // Another postcode: quoted for the old one, so the fallback again.
    expect((await shop.ok('POST', `/store/carts/${cartId}`, { shipping_address: { ...ADDRESS_US, postal_code: '99999' } })).shipping_total).toBe(999);
  });

  test('free over a threshold applies to calculated options too', async () => {
    await shop.ok('POST', `/admin/shipping-options/${option.id}`, { free_over_amount: 4000 });
    const cartId = await cartTo('12345', 2);
    expect((await choose(cartId)).shipping_total).toBe(0);
    await shop.ok('POST', `/admin/shipping-options/${option.id}`, { free_over_amount: null });
  });

  test('no stock location with an address to ship from: the fallback', async () => {
    await shop.ok('POST', `/admin/inventory/locations/${selling.warehouse.id}`, { address: {} });
    const cartId = await cartTo('12345');
    expect((await choose(cartId)).shipping_total).toBe(999);
    await shop.ok('POST', `/admin/inventory/locations/${selling.warehouse.id}`, { address: ORIGIN });
  });

  test('express, the cheapest when no service is named, and a service the carrier lacks', async () => {
    const cartId = await cartTo('12345');
    await shop.ok('POST', `/admin/shipping-options/${option.id}`, { carrier_service: 'express', rate_markup_percent: 0, rate_markup_amount: 0 });
    expect((await choose(cartId)).shipping_total).toBe(1500 + 250 * 3);
    await shop.ok('POST', `/admin/shipping-options/${option.id}`, { carrier_service: null });
    expect((await choose(cartId)).shipping_total).toBe(800);
    await shop.ok('POST', `/admin/shipping-options/${option.id}`, { carrier_service: 'overnight' });
    expect((await choose(cartId)).shipping_total).toBe(999);
    option = await shop.ok('POST', `/admin/shipping-options/${option.id}`, { carrier_service: 'ground', rate_markup_percent: 10, rate_markup_amount: 50 });
  });
});

describe('refusals, nothing written', () => {
  test('a calculated option needs a carrier that quotes and a fallback; other types take no carrier', async () => {
    const before = await shop.ok('GET', `/admin/shipping-options?region_id=${selling.us.id}`);
    const base = { region_id: selling.us.id, name: 'X', price_type: 'calculated', carrier_id: 'test_carrier', amount: 100 };
    await shop.refused('POST', '/admin/shipping-options', { ...base, carrier_id: undefined }, 400, 'invalid_request', 'body.carrier_id');
    await shop.refused('POST', '/admin/shipping-options', { ...base, amount: undefined }, 400, 'invalid_request', 'body.amount');
    await shop.refused('POST', '/admin/shipping-options', { ...base, carrier_id: 'manual' }, 400, 'carrier_not_found', 'body.carrier_id');
    await shop.refused('POST', '/admin/shipping-options', { ...base, carrier_id: 'fedex' }, 400, 'carrier_not_found', 'body.carrier_id');
    await shop.refused('POST', '/admin/shipping-options', { ...base, rate_markup_percent: -1 }, 400, 'invalid_request', 'body.rate_markup_percent');
    await shop.refused('POST', '/admin/shipping-options', { ...base, rate_markup_amount: 1.5 }, 400, 'invalid_request', 'body.rate_markup_amount');
    await shop.refused('POST', '/admin/shipping-options', { ...base, price_type: 'flat' }, 400, 'invalid_request', 'body.carrier_id');
    await shop.refused('POST', `/admin/shipping-options/${selling.usStandard.id}`, { carrier_service: 'ground' }, 400, 'invalid_request', 'body.carrier_service');
    await shop.refused('POST', `/admin/shipping-options/${option.id}`, { amount: null }, 400, 'invalid_request', 'body.amount');
    expect(await shop.ok('GET', `/admin/shipping-options?region_id=${selling.us.id}`)).toEqual(before);
  });

  test('a calculated option becomes flat: the carrier goes with it', async () => {
    const other = await shop.ok('POST', '/admin/shipping-options', { region_id: selling.us.id, name: 'Y', price_type: 'calculated', carrier_id: 'test_carrier', amount: 100 }, 201);
    const flat = await shop.ok('POST', `/admin/shipping-options/${other.id}`, { price_type: 'flat', amount: 300 });
    expect([flat.price_type, flat.amount, flat.carrier_id, flat.carrier_service]).toEqual(['flat', 300, null, null]);
    await shop.ok('DELETE', `/admin/shipping-options/${other.id}`);
  });
});
