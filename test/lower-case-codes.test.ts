import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADDRESS_US } from './helpers/selling.ts';
import { startTestShop, type TestShop } from './helpers/test-shop.ts';

/**
 * Currency and country codes in any case (Stripe and Medusa send `usd` and `us`): accepted in bodies,
 * query filters, path parameters and CSV, stored and returned upper case; a malformed one is refused
 * in words ("an ISO 4217 code such as USD"), not with a regular expression.
 */

let shop: TestShop;
let region: any;
let product: any;

beforeAll(async () => {
  shop = await startTestShop();
  region = await shop.ok('POST', '/admin/regions', { name: 'United States', currency_code: 'usd', countries: ['us', 'Ca'] }, 201);
  const location = await shop.ok('POST', '/admin/inventory/locations', { name: 'Main', code: 'main', address: { country_code: 'us' } }, 201);
  expect(location.address.country_code).toBe('US');
  await shop.ok('POST', '/admin/shipping-options', { region_id: region.id, name: 'Standard', price_type: 'flat', amount: 500 }, 201);
  product = await shop.ok('POST', '/admin/products', {
    title: 'Tee', handle: 'tee', status: 'published',
    variants: [{ sku: 'TEE-1', prices: [{ currency_code: 'usd', amount: 2500 }, { currency_code: 'eUr', amount: 2300 }] }],
  }, 201);
});
afterAll(async () => shop?.close());

describe('lower-case codes are accepted and returned upper case', () => {
  test('a region created with "usd", "us" and "Ca"', async () => {
    expect(region.currency_code).toBe('USD');
    expect(region.countries).toEqual(['CA', 'US']);
    const stored = await shop.db.selectFrom('region_country').select('country_code').where('region_id', '=', region.id).orderBy('country_code').execute();
    expect(stored.map((r) => r.country_code)).toEqual(['CA', 'US']);
    const updated = await shop.ok('POST', `/admin/regions/${region.id}`, { currency_code: 'usd', countries: ['us', 'ca'] });
    expect(updated.currency_code).toBe('USD');
    expect(updated.countries).toEqual(['CA', 'US']);
  });

  test('variant prices given as "usd" and "eUr"', async () => {
    expect(product.variants[0].prices).toEqual([{ currency_code: 'EUR', amount: 2300 }, { currency_code: 'USD', amount: 2500 }]);
  });

  test('a Store API query filter and a path parameter in lower case', async () => {
    const list = await shop.ok('GET', '/store/products?currency_code=usd&sort=price');
    expect(list.data.map((p: any) => p.handle)).toEqual(['tee']);
    const upper = await shop.ok('GET', '/store/products?currency_code=USD&sort=price');
    expect(list.data).toEqual(upper.data);
    const variant = product.variants[0];
    await shop.ok('DELETE', `/admin/products/${product.id}/variants/${variant.id}/prices/eur`);
    const after = await shop.ok('GET', `/admin/products/${product.id}`);
    expect(after.variants[0].prices).toEqual([{ currency_code: 'USD', amount: 2500 }]);
  });

  test('a cart in "usd" with an address in "us"', async () => {
    const cart = await shop.ok('POST', '/store/carts', { currency_code: 'usd' }, 201);
    expect(cart.currency_code).toBe('USD');
    expect(cart.region_id).toBe(region.id);
    const withAddress = await shop.ok('POST', `/store/carts/${cart.id}`, { shipping_address: { ...ADDRESS_US, country_code: 'us' } });
    expect(withAddress.shipping_address.country_code).toBe('US');
  });

  test('CSV price columns in any case', async () => {
    const csv = 'handle,title,status,variant_sku,price_USD,price_eur\ncap,Cap,published,CAP-1,1500,1400\n';
    const res = await shop.request('POST', '/admin/products/import', { body: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status, res.text).toBe(201);
    const cap = await shop.ok('GET', `/admin/products/${res.body.product_ids[0]}`);
    expect(cap.variants[0].prices).toEqual([{ currency_code: 'EUR', amount: 1400 }, { currency_code: 'USD', amount: 1500 }]);
  });
});

describe('a malformed or unknown code is refused in words', () => {
  test('a malformed currency in a body', async () => {
    const error = await shop.refused('POST', '/admin/regions', { name: 'X', currency_code: 'us1' }, 400, 'invalid_request', 'body.currency_code');
    expect(error.message).toBe('body.currency_code must be an ISO 4217 code such as USD');
    expect(error.details).toEqual({ field: 'body.currency_code', rule: 'pattern', expected: 'an ISO 4217 code such as USD' });
  });

  test('a malformed currency in a query filter', async () => {
    const res = await shop.get('/store/products?currency_code=dollars');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('querystring.currency_code must be an ISO 4217 code such as USD');
  });

  test('a malformed country in an address', async () => {
    const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
    const res = await shop.post(`/store/carts/${cart.id}`, { shipping_address: { ...ADDRESS_US, country_code: 'usa' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('body.shipping_address.country_code must be an ISO 3166-1 alpha-2 country code such as US or DE');
  });

  test('a well-formed code that is not assigned', async () => {
    const currency = await shop.refused('POST', '/admin/regions', { name: 'X', currency_code: 'xyz' }, 400, 'invalid_currency', 'body.currency_code');
    expect(currency.message).toBe('body.currency_code must be an ISO 4217 code such as USD; XYZ is not one');
    const country = await shop.refused('POST', '/admin/regions', { name: 'X', currency_code: 'gbp', countries: ['gb', 'qq'] }, 400, 'invalid_country', 'body.countries[1]');
    expect(country.message).toBe('body.countries[1] must be an ISO 3166-1 alpha-2 country code such as US or DE; QQ is not one');
  });

  test('the same country twice in different cases', async () => {
    const error = await shop.refused('POST', '/admin/regions', { name: 'UK', currency_code: 'gbp', countries: ['gb', 'GB'] }, 400, 'invalid_request', 'body.countries');
    expect(error.details.rule).toBe('uniqueItems');
    const names = (await shop.db.selectFrom('region').select('name').execute()).map((r) => r.name);
    expect(names).toEqual(['United States']);
  });
});
