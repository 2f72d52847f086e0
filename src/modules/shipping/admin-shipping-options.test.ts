import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { newId } from '../../db/ids.ts';
import { shippingPrice } from './shipping-calculator.ts';
import { listShippingOptionsForRegion, shippingOptionView } from './shipping-options.ts';

/** Shipping options through the Admin API: flat, free over a threshold, by weight bands; per region. */

let shop: TestShop;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const MISSING_REGION = 'reg_00000000000000000000000000';
const MISSING = 'so_00000000000000000000000000';
const BANDS = [{ up_to_grams: 1000, amount: 500 }, { up_to_grams: 5000, amount: 900 }, { up_to_grams: 20_000, amount: 1500 }];

let us: any;
let eu: any;
const options: Record<string, any> = {};

beforeAll(async () => {
  shop = await startTestShop();
  us = (await shop.post('/admin/regions', { name: 'United States', currency_code: 'USD', countries: ['US'] })).body;
  eu = (await shop.post('/admin/regions', { name: 'Europe', currency_code: 'EUR', countries: ['DE', 'FR'] })).body;
});
afterAll(async () => shop?.close());

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

async function list(query = ''): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const body: any = await ok('GET', `/admin/shipping-options?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...body.data);
    cursor = body.next_cursor;
  } while (cursor);
  return items;
}

describe('create, read, update, delete', () => {
  test('a flat option with defaults', async () => {
    options.standard = await ok('POST', '/admin/shipping-options', { region_id: us.id, name: 'Standard', price_type: 'flat', amount: 495 }, 201);
    expect(options.standard).toEqual({
      id: expect.stringMatching(/^so_[0-9A-Z]{26}$/), region_id: us.id, currency_code: 'USD', name: 'Standard', price_type: 'flat', amount: 495,
      weight_bands: null, free_over_amount: null, carrier_id: null, carrier_service: null, rate_markup_percent: 0, rate_markup_amount: 0,
      active: true, position: 0, created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO),
    });
    expect(await ok('GET', `/admin/shipping-options/${options.standard.id}`)).toEqual(options.standard);
  });

  test('a flat option free over a threshold, with every field', async () => {
    options.express = await ok('POST', '/admin/shipping-options', {
      region_id: us.id, name: 'Express', price_type: 'flat', amount: 1500, weight_bands: null, free_over_amount: 10_000, active: false, position: 2,
    }, 201);
    expect(options.express).toEqual({
      ...options.express, region_id: us.id, currency_code: 'USD', name: 'Express', price_type: 'flat', amount: 1500, weight_bands: null,
      free_over_amount: 10_000, active: false, position: 2,
    });
    expect(await ok('GET', `/admin/shipping-options/${options.express.id}`)).toEqual(options.express);
  });

  test('a weight option: bands kept in order, exactly', async () => {
    options.dhl = await ok('POST', '/admin/shipping-options', {
      region_id: eu.id, name: 'DHL Paket', price_type: 'weight', weight_bands: BANDS, free_over_amount: 7500, position: 1,
    }, 201);
    expect(options.dhl).toEqual({
      ...options.dhl, region_id: eu.id, currency_code: 'EUR', name: 'DHL Paket', price_type: 'weight', amount: null, weight_bands: BANDS,
      free_over_amount: 7500, active: true, position: 1,
    });
    expect(await ok('GET', `/admin/shipping-options/${options.dhl.id}`)).toEqual(options.dhl);
  });

  test('amounts up to 2^53 − 1 round-trip exactly', async () => {
    const max = Number.MAX_SAFE_INTEGER;
    const big = await ok('POST', '/admin/shipping-options', {
      region_id: eu.id, name: 'Freight', price_type: 'weight', weight_bands: [{ up_to_grams: 1_000_000_000, amount: max }], free_over_amount: max,
    }, 201);
    expect([big.weight_bands, big.free_over_amount]).toEqual([[{ up_to_grams: 1_000_000_000, amount: max }], max]);
    const flat = await ok('POST', `/admin/shipping-options/${big.id}`, { price_type: 'flat', amount: max });
    expect([flat.amount, flat.weight_bands]).toEqual([max, null]);
    expect(await ok('GET', `/admin/shipping-options/${big.id}`)).toEqual(flat);
    await ok('DELETE', `/admin/shipping-options/${big.id}`);
  });

  test('update every field; a partial update keeps the rest', async () => {
    const updated = await ok('POST', `/admin/shipping-options/${options.express.id}`, {
      name: 'Express Air', amount: 1995, free_over_amount: null, active: true, position: 1,
    });
    expect(updated).toEqual({
      ...options.express, name: 'Express Air', amount: 1995, free_over_amount: null, active: true, position: 1, updated_at: expect.stringMatching(ISO),
    });
    const partial = await ok('POST', `/admin/shipping-options/${options.express.id}`, { free_over_amount: 0 });
    expect(partial).toEqual({ ...updated, free_over_amount: 0, updated_at: partial.updated_at });
    const bands = await ok('POST', `/admin/shipping-options/${options.dhl.id}`, { weight_bands: [{ up_to_grams: 2000, amount: 690 }] });
    expect(bands).toEqual({ ...options.dhl, weight_bands: [{ up_to_grams: 2000, amount: 690 }], updated_at: bands.updated_at });
    options.dhl = await ok('POST', `/admin/shipping-options/${options.dhl.id}`, { weight_bands: BANDS });
    options.express = await ok('POST', `/admin/shipping-options/${options.express.id}`, { free_over_amount: 10_000 });
    expect(await ok('GET', `/admin/shipping-options/${options.express.id}`)).toEqual(options.express);
  });

  test('changing price_type drops the other type’s price and needs the new one', async () => {
    const id = options.standard.id;
    const weight = await ok('POST', `/admin/shipping-options/${id}`, { price_type: 'weight', weight_bands: BANDS });
    expect(weight).toEqual({ ...options.standard, price_type: 'weight', amount: null, weight_bands: BANDS, updated_at: weight.updated_at });
    await refused('POST', `/admin/shipping-options/${id}`, { price_type: 'flat' }, 400, 'invalid_request', 'body.amount');
    await refused('POST', `/admin/shipping-options/${id}`, { price_type: 'flat', amount: 495, weight_bands: BANDS }, 400, 'invalid_request', 'body.weight_bands');
    await refused('POST', `/admin/shipping-options/${id}`, { amount: 495 }, 400, 'invalid_request', 'body.amount');
    const flat = await ok('POST', `/admin/shipping-options/${id}`, { price_type: 'flat', amount: 495 });
    expect(flat).toEqual({ ...options.standard, updated_at: flat.updated_at });
    await refused('POST', `/admin/shipping-options/${id}`, { price_type: 'weight' }, 400, 'invalid_request', 'body.weight_bands');
    await refused('POST', `/admin/shipping-options/${id}`, { weight_bands: BANDS }, 400, 'invalid_request', 'body.weight_bands');
    await refused('POST', `/admin/shipping-options/${id}`, { amount: null }, 400, 'invalid_request', 'body.amount');
    expect(await ok('GET', `/admin/shipping-options/${id}`)).toEqual({ ...options.standard, updated_at: flat.updated_at });
    options.standard = flat;
  });

  test('listed by position, then name; region_id filters', async () => {
    options.pickup = await ok('POST', '/admin/shipping-options', { region_id: us.id, name: 'Pickup', price_type: 'flat', amount: 0 }, 201);
    options.economy = await ok('POST', '/admin/shipping-options', { region_id: us.id, name: 'Economy', price_type: 'flat', amount: 295, position: 1 }, 201);
    expect((await list()).map((o) => o.name)).toEqual(['Pickup', 'Standard', 'DHL Paket', 'Economy', 'Express Air']);
    expect(await list(`&region_id=${us.id}`)).toEqual([options.pickup, options.standard, options.economy, options.express]);
    expect(await list(`&region_id=${eu.id}`)).toEqual([options.dhl]);
    expect(await list(`&region_id=${MISSING_REGION}`)).toEqual([]);
  });

  test('the cart module gets a region’s active options, in order, ready for shippingPrice()', async () => {
    await ok('POST', `/admin/shipping-options/${options.economy.id}`, { active: false });
    const usable = await listShippingOptionsForRegion(shop.db, us.id);
    expect(usable.map((o) => o.name)).toEqual(['Pickup', 'Standard', 'Express Air']);
    const cart = { itemSubtotal: 10_000, weightGrams: 1200 };
    expect(usable.map((o) => shippingPrice(o, cart))).toEqual([0, 495, 0]);
    expect(usable.map((o) => shippingPrice(o, { itemSubtotal: 9999, weightGrams: 0 }))).toEqual([0, 495, 1995]);
    const [dhl] = await listShippingOptionsForRegion(shop.db, eu.id);
    expect(shippingOptionView(dhl)).toEqual({ ...options.dhl, created_at: new Date(options.dhl.created_at), updated_at: new Date(options.dhl.updated_at) });
    expect([1000, 1001, 20_000, 20_001].map((weightGrams) => shippingPrice(dhl, { itemSubtotal: 0, weightGrams }))).toEqual([500, 900, 1500, null]);
    expect(shippingPrice(dhl, { itemSubtotal: 7500, weightGrams: 20_000 })).toBe(0);
    expect(await listShippingOptionsForRegion(shop.db, MISSING_REGION)).toEqual([]);
    await ok('POST', `/admin/shipping-options/${options.economy.id}`, { active: true });
  });

  test('delete: carts that had chosen it are left without one', async () => {
    const doomed = await ok('POST', '/admin/shipping-options', { region_id: us.id, name: 'Doomed', price_type: 'flat', amount: 100 }, 201);
    const cartId = newId('cart');
    await shop.db.insertInto('cart').values({ id: cartId, region_id: us.id, currency_code: 'USD', shipping_option_id: doomed.id }).execute();
    expect(await ok('DELETE', `/admin/shipping-options/${doomed.id}`)).toEqual({ id: doomed.id, object: 'shipping_option', deleted: true });
    await refused('GET', `/admin/shipping-options/${doomed.id}`, undefined, 404, 'shipping_option_not_found');
    await refused('DELETE', `/admin/shipping-options/${doomed.id}`, undefined, 404, 'shipping_option_not_found');
    expect((await shop.db.selectFrom('cart').select('shipping_option_id').where('id', '=', cartId).executeTakeFirstOrThrow()).shipping_option_id).toBeNull();
    const types = await shop.db.selectFrom('event_outbox').select('type').where('resource_id', '=', doomed.id).orderBy('seq').execute();
    expect(types.map((t) => t.type)).toEqual(['shipping_option.created', 'shipping_option.deleted']);
  });
});

describe('refusals', () => {
  const valid = () => ({ region_id: us.id, name: 'X', price_type: 'flat', amount: 100 });
  const weight = () => ({ region_id: us.id, name: 'X', price_type: 'weight', weight_bands: BANDS });

  test('weight bands not strictly increasing → 400 naming the band', async () => {
    const same = await refused('POST', '/admin/shipping-options', { ...weight(), weight_bands: [{ up_to_grams: 1000, amount: 500 }, { up_to_grams: 1000, amount: 600 }] },
      400, 'invalid_request', 'body.weight_bands[1].up_to_grams');
    expect(same.message).toBe('body.weight_bands[1].up_to_grams must be greater than the band before it (1000)');
    await refused('POST', '/admin/shipping-options', { ...weight(), weight_bands: [BANDS[0], BANDS[2], BANDS[1]] }, 400, 'invalid_request', 'body.weight_bands[2].up_to_grams');
    await refused('POST', `/admin/shipping-options/${options.dhl.id}`, { weight_bands: [BANDS[1], BANDS[0]] }, 400, 'invalid_request', 'body.weight_bands[1].up_to_grams');
    await refused('POST', '/admin/shipping-options', { ...weight(), weight_bands: [] }, 400, 'invalid_request', 'body.weight_bands');
    expect(await ok('GET', `/admin/shipping-options/${options.dhl.id}`)).toEqual(options.dhl);
  });

  test('bad types, negative or fractional amounts → 400 naming the field, nothing written', async () => {
    const before = await list();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid(), amount: -1 }, 'body.amount'],
      [{ ...valid(), amount: 1.5 }, 'body.amount'],
      [{ ...valid(), amount: '100' }, 'body.amount'],
      [{ ...valid(), amount: undefined }, 'body.amount'],
      [{ ...valid(), amount: null }, 'body.amount'],
      [{ ...valid(), weight_bands: BANDS }, 'body.weight_bands'],
      [{ ...weight(), weight_bands: undefined }, 'body.weight_bands'],
      [{ ...weight(), amount: 100 }, 'body.amount'],
      [{ ...weight(), weight_bands: [{ up_to_grams: 1000, amount: -1 }] }, 'body.weight_bands[0].amount'],
      [{ ...weight(), weight_bands: [{ up_to_grams: 1000, amount: 2.5 }] }, 'body.weight_bands[0].amount'],
      [{ ...weight(), weight_bands: [{ up_to_grams: -1, amount: 1 }] }, 'body.weight_bands[0].up_to_grams'],
      [{ ...weight(), weight_bands: [{ up_to_grams: 10.5, amount: 1 }] }, 'body.weight_bands[0].up_to_grams'],
      [{ ...weight(), weight_bands: [{ up_to_grams: 1000 }] }, 'body.weight_bands[0].amount'],
      [{ ...weight(), weight_bands: [{ up_to_grams: 1000, amount: 1, currency: 'USD' }] }, 'body.weight_bands[0].currency'],
      [{ ...weight(), weight_bands: { up_to_grams: 1000, amount: 1 } }, 'body.weight_bands'],
      [{ ...valid(), free_over_amount: -1 }, 'body.free_over_amount'],
      [{ ...valid(), free_over_amount: '5000' }, 'body.free_over_amount'],
      [{ ...valid(), position: -1 }, 'body.position'],
      [{ ...valid(), active: 'yes' }, 'body.active'],
      [{ ...valid(), price_type: 'tiered' }, 'body.price_type'],
      [{ ...valid(), price_type: undefined }, 'body.price_type'],
      [{ ...valid(), name: '' }, 'body.name'],
      [{ ...valid(), name: undefined }, 'body.name'],
      [{ ...valid(), region_id: 'us' }, 'body.region_id'],
      [{ ...valid(), region_id: undefined }, 'body.region_id'],
      [{ ...valid(), currency_code: 'USD' }, 'body.currency_code'],
    ];
    for (const [body, field] of cases) await refused('POST', '/admin/shipping-options', body, 400, 'invalid_request', field);
    const update = (body: unknown, field: string) => refused('POST', `/admin/shipping-options/${options.standard.id}`, body, 400, 'invalid_request', field);
    await update({}, 'body');
    await update({ region_id: eu.id }, 'body.region_id');
    await update({ amount: -5 }, 'body.amount');
    await update({ position: 1.5 }, 'body.position');
    await refused('GET', '/admin/shipping-options/standard', undefined, 400, 'invalid_request', 'params.id');
    await refused('GET', '/admin/shipping-options?region_id=us', undefined, 400, 'invalid_request', 'querystring.region_id');
    await refused('GET', '/admin/shipping-options?cursor=garbage', undefined, 400, 'invalid_cursor', 'querystring.cursor');
    expect(await list()).toEqual(before);
  });

  test('unknown region → 404 region_not_found; unknown option → 404 shipping_option_not_found', async () => {
    await refused('POST', '/admin/shipping-options', { ...valid(), region_id: MISSING_REGION }, 404, 'region_not_found', 'body.region_id');
    for (const [method, body] of [['GET'], ['POST', { name: 'X' }], ['DELETE']] as const) {
      const error = await refused(method, `/admin/shipping-options/${MISSING}`, body, 404, 'shipping_option_not_found');
      expect(error).toEqual({ code: 'shipping_option_not_found', message: 'No shipping option with this id.', details: { id: MISSING } });
    }
  });
});

test('every shipping option route needs a token → 401', async () => {
  const url = `/admin/shipping-options/${options.standard.id}`;
  for (const [method, path, body] of [
    ['GET', '/admin/shipping-options'],
    ['POST', '/admin/shipping-options', { region_id: us.id, name: 'X', price_type: 'flat', amount: 1 }],
    ['GET', url],
    ['POST', url, { amount: 1 }],
    ['DELETE', url],
  ] as const) {
    const response = await shop.request(method, path, { body, token: null });
    expect(response.status, `${method} ${path}`).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  }
  expect(await ok('GET', url)).toEqual(options.standard);
});
