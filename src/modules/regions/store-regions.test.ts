import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** The Store API's regions: what a storefront's country and currency picker needs, cached like the catalog. */

let shop: TestShop;
let us: any;
let eu: any;

beforeAll(async () => {
  shop = await startTestShop();
  us = await shop.ok('POST', '/admin/regions', { name: 'United States', currency_code: 'USD', default_tax_rate: 8.875, countries: ['US'] }, 201);
  eu = await shop.ok('POST', '/admin/regions', { name: 'Europe', currency_code: 'EUR', tax_inclusive: true, default_tax_rate: 20, countries: ['FR', 'DE'] }, 201);
});
afterAll(async () => shop?.close());

const europe = () => ({ id: eu.id, name: 'Europe', currency_code: 'EUR', tax_inclusive: true, countries: ['DE', 'FR'] });

test('the list and one region, without a token: name, currency, tax mode, countries', async () => {
  const list = await shop.get('/store/regions');
  expect(list.status).toBe(200);
  expect(list.body).toEqual({
    data: [europe(), { id: us.id, name: 'United States', currency_code: 'USD', tax_inclusive: false, countries: ['US'] }],
    next_cursor: null,
  });
  const one = await shop.get(`/store/regions/${eu.id}`);
  expect(one.body).toEqual(europe());
  const page = await shop.get('/store/regions?limit=1');
  expect(page.body.data).toEqual([europe()]);
  expect((await shop.get(`/store/regions?limit=1&cursor=${page.body.next_cursor}`)).body.data.map((r: any) => r.id)).toEqual([us.id]);
});

test('unknown and malformed ids', async () => {
  const missing = await shop.get('/store/regions/reg_00000000000000000000000000');
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe('region_not_found');
  const malformed = await shop.get('/store/regions/europe');
  expect(malformed.status).toBe(400);
  expect(malformed.body.error.details.field).toBe('params.id');
});

test('answers come from the cache, and a region change through the service drops them', async () => {
  expect((await shop.get(`/store/regions/${eu.id}`)).body.name).toBe('Europe');
  expect((await shop.get('/store/regions')).body.data[0].name).toBe('Europe');
  // Behind the cache's back: the cached answers stay as they were.
  await shop.db.updateTable('region').set({ name: 'Eurozone' }).where('id', '=', eu.id).execute();
  expect((await shop.get(`/store/regions/${eu.id}`)).body.name).toBe('Europe');
  expect((await shop.get('/store/regions')).body.data[0].name).toBe('Europe');
  // Through the Admin API: both are dropped.
  await shop.ok('POST', `/admin/regions/${eu.id}`, { countries: ['DE', 'FR', 'NL'] });
  expect((await shop.get(`/store/regions/${eu.id}`)).body).toEqual({ ...europe(), name: 'Eurozone', countries: ['DE', 'FR', 'NL'] });
  const uk = await shop.ok('POST', '/admin/regions', { name: 'United Kingdom', currency_code: 'GBP', countries: ['GB'] }, 201);
  expect((await shop.get('/store/regions')).body.data.map((r: any) => r.name)).toEqual(['Eurozone', 'United Kingdom', 'United States']);
  await shop.ok('DELETE', `/admin/regions/${uk.id}`);
  expect((await shop.get('/store/regions')).body.data.map((r: any) => r.name)).toEqual(['Eurozone', 'United States']);
  expect((await shop.get(`/store/regions/${uk.id}`)).status).toBe(404);
});
