import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { newId } from '../../db/ids.ts';
import { findDefaultRegion, findRegionForCurrency } from './regions.ts';

/** Regions through the Admin API: currency, countries, tax settings; conflicts, bad input, deletes. */

let shop: TestShop;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const MISSING = 'reg_00000000000000000000000000';

beforeAll(async () => { shop = await startTestShop(); });
afterAll(async () => shop?.close());

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

async function list(url = '/admin/regions'): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const body: any = await ok('GET', `${url}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...body.data);
    cursor = body.next_cursor;
  } while (cursor);
  return items;
}

async function events(resourceId: string): Promise<string[]> {
  const rows = await shop.db.selectFrom('event_outbox').select('type').where('resource_id', '=', resourceId).orderBy('seq').execute();
  return rows.map((r) => r.type);
}

async function insertCart(regionId: string, currency: string, completed = false): Promise<string> {
  const id = newId('cart');
  await shop.db.insertInto('cart').values({ id, region_id: regionId, currency_code: currency, completed_at: completed ? new Date() : null }).execute();
  return id;
}

describe('before any region exists', () => {
  test('the cart module finds no default region and none for a currency', async () => {
    expect(await findDefaultRegion(shop.db)).toBeNull();
    expect(await findRegionForCurrency(shop.db, 'EUR')).toBeNull();
    expect(await list()).toEqual([]);
  });
});

describe('create, read, update', () => {
  let eu: any;
  let us: any;

  test('create with defaults', async () => {
    us = await ok('POST', '/admin/regions', { name: 'United States', currency_code: 'USD' }, 201);
    expect(us).toEqual({
      id: expect.stringMatching(/^reg_[0-9A-Z]{26}$/), name: 'United States', currency_code: 'USD', tax_inclusive: false, default_tax_rate: 0,
      countries: [], created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO),
    });
    expect(await ok('GET', `/admin/regions/${us.id}`)).toEqual(us);
  });

  test('create with every field: countries come back sorted', async () => {
    eu = await ok('POST', '/admin/regions', {
      name: 'Europe', currency_code: 'EUR', tax_inclusive: true, default_tax_rate: 19, countries: ['FR', 'DE', 'AT'],
    }, 201);
    expect(eu).toEqual({
      id: eu.id, name: 'Europe', currency_code: 'EUR', tax_inclusive: true, default_tax_rate: 19, countries: ['AT', 'DE', 'FR'],
      created_at: eu.created_at, updated_at: eu.updated_at,
    });
    expect(await ok('GET', `/admin/regions/${eu.id}`)).toEqual(eu);
    expect((await shop.db.selectFrom('region').select('default_tax_rate_ppm').where('id', '=', eu.id).executeTakeFirstOrThrow()).default_tax_rate_ppm).toBe(190_000);
  });

  test('a percent with up to 4 decimals is stored as ppm and read back exactly', async () => {
    for (const [percent, ppm] of [[8.875, 88_750], [12.3456, 123_456], [0.0001, 1], [100, 1_000_000], [7.7, 77_000]] as const) {
      const region = await ok('POST', '/admin/regions', { name: `Rate ${percent}`, currency_code: 'USD', default_tax_rate: percent }, 201);
      expect(region.default_tax_rate).toBe(percent);
      expect((await ok('GET', `/admin/regions/${region.id}`)).default_tax_rate).toBe(percent);
      expect((await shop.db.selectFrom('region').select('default_tax_rate_ppm').where('id', '=', region.id).executeTakeFirstOrThrow()).default_tax_rate_ppm).toBe(ppm);
      await ok('DELETE', `/admin/regions/${region.id}`);
    }
    const updated = await ok('POST', `/admin/regions/${us.id}`, { default_tax_rate: 8.875 });
    expect(updated.default_tax_rate).toBe(8.875);
    expect((await ok('GET', `/admin/regions/${us.id}`)).default_tax_rate).toBe(8.875);
    us = updated;
  });

  test('update every field; a partial update keeps the rest; countries given replace the set', async () => {
    const updated = await ok('POST', `/admin/regions/${eu.id}`, {
      name: 'Eurozone', currency_code: 'EUR', tax_inclusive: false, default_tax_rate: 20, countries: ['IT', 'DE'],
    });
    expect(updated).toEqual({
      ...eu, name: 'Eurozone', tax_inclusive: false, default_tax_rate: 20, countries: ['DE', 'IT'], updated_at: expect.stringMatching(ISO),
    });
    expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(eu.updated_at));
    const partial = await ok('POST', `/admin/regions/${eu.id}`, { tax_inclusive: true });
    expect(partial).toEqual({ ...updated, tax_inclusive: true, updated_at: partial.updated_at });
    const renamed = await ok('POST', `/admin/regions/${eu.id}`, { name: 'Europe' });
    expect(renamed).toEqual({ ...partial, name: 'Europe', updated_at: renamed.updated_at });
    const cleared = await ok('POST', `/admin/regions/${eu.id}`, { countries: [] });
    expect(cleared.countries).toEqual([]);
    const back = await ok('POST', `/admin/regions/${eu.id}`, { countries: ['FR', 'DE', 'AT'], default_tax_rate: 19 });
    expect(back).toEqual({ ...renamed, countries: ['AT', 'DE', 'FR'], default_tax_rate: 19, updated_at: back.updated_at });
    expect(await ok('GET', `/admin/regions/${eu.id}`)).toEqual(back);
    eu = back;
    // The currency may change while no open cart uses the region.
    const gbp = await ok('POST', `/admin/regions/${us.id}`, { currency_code: 'GBP' });
    expect(gbp.currency_code).toBe('GBP');
    us = await ok('POST', `/admin/regions/${us.id}`, { currency_code: 'USD' });
  });

  test('listed by name, paged', async () => {
    await ok('POST', '/admin/regions', { name: 'asia', currency_code: 'JPY', countries: ['JP'] }, 201);
    expect((await list()).map((r) => r.name)).toEqual(['asia', 'Europe', 'United States']);
    const page = await ok('GET', '/admin/regions?limit=1');
    expect(page.data.map((r: any) => r.name)).toEqual(['asia']);
    expect(page.next_cursor).toEqual(expect.any(String));
    expect((await list()).find((r) => r.id === eu.id)).toEqual(eu);
  });

  test('the cart module’s lookups: the oldest region with the currency, the oldest of all', async () => {
    const later = await ok('POST', '/admin/regions', { name: 'A later euro region', currency_code: 'EUR' }, 201);
    expect(await findRegionForCurrency(shop.db, 'EUR')).toEqual({ ...eu, created_at: new Date(eu.created_at), updated_at: new Date(eu.updated_at) });
    expect((await findRegionForCurrency(shop.db, 'JPY'))?.name).toBe('asia');
    expect(await findRegionForCurrency(shop.db, 'CHF')).toBeNull();
    expect((await findDefaultRegion(shop.db))?.id).toBe(us.id);
    await ok('DELETE', `/admin/regions/${later.id}`);
  });

  test('every change is an event', async () => {
    expect(await events(eu.id)).toEqual(['region.created', 'region.updated', 'region.updated', 'region.updated', 'region.updated', 'region.updated']);
  });

  describe('countries', () => {
    test('a country in another region → 409 country_in_other_region, nothing written', async () => {
      const before = await list();
      const error = await refused('POST', '/admin/regions', { name: 'DACH', currency_code: 'CHF', countries: ['CH', 'DE'] }, 409, 'country_in_other_region', 'body.countries[1]');
      expect(error.details).toEqual({ field: 'body.countries[1]', country_code: 'DE', region_id: eu.id });
      await refused('POST', `/admin/regions/${us.id}`, { countries: ['US', 'FR'] }, 409, 'country_in_other_region', 'body.countries[1]');
      expect(await list()).toEqual(before);
      // Its own countries are no conflict; once released, another region can take one.
      expect((await ok('POST', `/admin/regions/${eu.id}`, { countries: ['AT', 'FR', 'DE'] })).countries).toEqual(['AT', 'DE', 'FR']);
      await ok('POST', `/admin/regions/${eu.id}`, { countries: ['AT', 'FR'] });
      const dach = await ok('POST', '/admin/regions', { name: 'DACH', currency_code: 'CHF', countries: ['CH', 'DE', 'LI'] }, 201);
      expect(dach.countries).toEqual(['CH', 'DE', 'LI']);
      await ok('DELETE', `/admin/regions/${dach.id}`);
      eu = await ok('POST', `/admin/regions/${eu.id}`, { countries: ['AT', 'DE', 'FR'] });
    });

    test('concurrent creates claiming one country: one 201, the others 409', async () => {
      const results = await Promise.all([1, 2, 3].map((n) => shop.post('/admin/regions', { name: `Nordics ${n}`, currency_code: 'SEK', countries: ['SE'] })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      for (const r of results.filter((r) => r.status === 409)) expect(r.body.error.code).toBe('country_in_other_region');
      expect((await list()).filter((r) => r.countries.includes('SE'))).toHaveLength(1);
      await ok('DELETE', `/admin/regions/${results.find((r) => r.status === 201)!.body.id}`);
    });

    test('an unassigned code → 400 invalid_country (in any case); the wrong length → 400 invalid_request', async () => {
      const error = await refused('POST', '/admin/regions', { name: 'X', currency_code: 'USD', countries: ['US', 'XX'] }, 400, 'invalid_country', 'body.countries[1]');
      expect(error.details).toEqual({ field: 'body.countries[1]', country_code: 'XX' });
      await refused('POST', '/admin/regions', { name: 'X', currency_code: 'USD', countries: ['EU'] }, 400, 'invalid_country', 'body.countries[0]');
      await refused('POST', '/admin/regions', { name: 'X', currency_code: 'USD', countries: ['AN'] }, 400, 'invalid_country', 'body.countries[0]');
      await refused('POST', '/admin/regions', { name: 'X', currency_code: 'USD', countries: ['de', 'zz'] }, 400, 'invalid_country', 'body.countries[1]');
      await refused('POST', '/admin/regions', { name: 'X', currency_code: 'USD', countries: ['DEU'] }, 400, 'invalid_request', 'body.countries[0]');
      await refused('POST', '/admin/regions', { name: 'X', currency_code: 'USD', countries: ['US', 'US'] }, 400, 'invalid_request', 'body.countries');
      await refused('POST', `/admin/regions/${us.id}`, { countries: ['ZZ'] }, 400, 'invalid_country', 'body.countries[0]');
      await refused('POST', `/admin/regions/${us.id}`, { countries: ['us', 'US'] }, 400, 'invalid_request', 'body.countries');
      expect((await ok('POST', '/admin/regions', { name: 'Kosovo', currency_code: 'EUR', countries: ['XK'] }, 201)).countries).toEqual(['XK']);
    });
  });

  test('bad input → 400 naming the field, nothing written', async () => {
    const before = await list();
    const post = (body: unknown, code: string, field: string) => refused('POST', '/admin/regions', body, 400, code, field);
    await post({ currency_code: 'USD' }, 'invalid_request', 'body.name');
    await post({ name: 'X' }, 'invalid_request', 'body.currency_code');
    await post({ name: 7, currency_code: 'USD' }, 'invalid_request', 'body.name');
    await post({ name: '', currency_code: 'USD' }, 'invalid_request', 'body.name');
    await post({ name: 'X', currency_code: 'us1' }, 'invalid_request', 'body.currency_code');
    await post({ name: 'X', currency_code: 'EURO' }, 'invalid_request', 'body.currency_code');
    await post({ name: 'X', currency_code: 'XYZ' }, 'invalid_currency', 'body.currency_code');
    await post({ name: 'X', currency_code: 'USD', tax_inclusive: 'yes' }, 'invalid_request', 'body.tax_inclusive');
    await post({ name: 'X', currency_code: 'USD', default_tax_rate: '19' }, 'invalid_request', 'body.default_tax_rate');
    await post({ name: 'X', currency_code: 'USD', default_tax_rate: -1 }, 'invalid_request', 'body.default_tax_rate');
    await post({ name: 'X', currency_code: 'USD', default_tax_rate: 100.5 }, 'invalid_request', 'body.default_tax_rate');
    const decimals = await post({ name: 'X', currency_code: 'USD', default_tax_rate: 8.87501 }, 'invalid_request', 'body.default_tax_rate');
    expect(decimals.message).toBe('body.default_tax_rate must be a percent from 0 to 100 with at most 4 decimals');
    await post({ name: 'X', currency_code: 'USD', countries: 'US' }, 'invalid_request', 'body.countries');
    await post({ name: 'X', currency_code: 'USD', tax_rates: [] }, 'invalid_request', 'body.tax_rates');
    await refused('POST', `/admin/regions/${us.id}`, {}, 400, 'invalid_request', 'body');
    await refused('POST', `/admin/regions/${us.id}`, { default_tax_rate: 0.00001 }, 400, 'invalid_request', 'body.default_tax_rate');
    await refused('POST', `/admin/regions/${us.id}`, { currency_code: 'ABC' }, 400, 'invalid_currency', 'body.currency_code');
    await refused('POST', `/admin/regions/${us.id}`, { id: MISSING }, 400, 'invalid_request', 'body.id');
    await refused('GET', '/admin/regions/europe', undefined, 400, 'invalid_request', 'params.id');
    await refused('GET', '/admin/regions?cursor=garbage', undefined, 400, 'invalid_cursor', 'querystring.cursor');
    await refused('GET', '/admin/regions?limit=101', undefined, 400, 'invalid_request', 'querystring.limit');
    expect(await list()).toEqual(before);
  });

  test('unknown id → 404 region_not_found', async () => {
    await refused('GET', `/admin/regions/${MISSING}`, undefined, 404, 'region_not_found');
    await refused('POST', `/admin/regions/${MISSING}`, { name: 'X' }, 404, 'region_not_found');
    await refused('DELETE', `/admin/regions/${MISSING}`, undefined, 404, 'region_not_found');
  });

  test('the currency cannot change while an open cart uses the region → 409 region_in_use', async () => {
    const cart = await insertCart(us.id, 'USD');
    const error = await refused('POST', `/admin/regions/${us.id}`, { currency_code: 'CAD', name: 'North America' }, 409, 'region_in_use', 'body.currency_code');
    expect(error.message).toBe('Open carts use this region, so its currency cannot change; create another region instead.');
    expect(await ok('GET', `/admin/regions/${us.id}`)).toEqual(us);
    // Giving the same currency is no change; other fields may change.
    const renamed = await ok('POST', `/admin/regions/${us.id}`, { currency_code: 'USD', name: 'USA' });
    expect(renamed).toEqual({ ...us, name: 'USA', updated_at: renamed.updated_at });
    // A completed cart keeps its own currency: it does not block the change.
    await shop.db.updateTable('cart').set({ completed_at: new Date() }).where('id', '=', cart).execute();
    expect((await ok('POST', `/admin/regions/${us.id}`, { currency_code: 'CAD' })).currency_code).toBe('CAD');
    us = await ok('POST', `/admin/regions/${us.id}`, { currency_code: 'USD', name: 'United States' });
  });
});

describe('delete', () => {
  test('a region any cart uses (open or completed) → 409 region_in_use, nothing deleted', async () => {
    const region = await ok('POST', '/admin/regions', { name: 'Oceania', currency_code: 'AUD', countries: ['AU', 'NZ'] }, 201);
    await insertCart(region.id, 'AUD', true);
    const error = await refused('DELETE', `/admin/regions/${region.id}`, undefined, 409, 'region_in_use');
    expect(error).toEqual({ code: 'region_in_use', message: 'Carts still use this region.', details: { id: region.id } });
    expect(await ok('GET', `/admin/regions/${region.id}`)).toEqual(region);
  });

  test('a region no cart uses goes, with its tax rates and shipping options; its countries are free again', async () => {
    const region = await ok('POST', '/admin/regions', { name: 'Iberia', currency_code: 'EUR', default_tax_rate: 21, countries: ['ES', 'PT'] }, 201);
    const rate = await ok('POST', `/admin/regions/${region.id}/tax-rates`, { country_code: 'PT', name: 'IVA', rate: 23 }, 201);
    const option = await ok('POST', '/admin/shipping-options', { region_id: region.id, name: 'Correos', price_type: 'flat', amount: 500 }, 201);

    expect(await ok('DELETE', `/admin/regions/${region.id}`)).toEqual({ id: region.id, object: 'region', deleted: true });
    await refused('GET', `/admin/regions/${region.id}`, undefined, 404, 'region_not_found');
    await refused('DELETE', `/admin/regions/${region.id}`, undefined, 404, 'region_not_found');
    await refused('GET', `/admin/regions/${region.id}/tax-rates/${rate.id}`, undefined, 404, 'region_not_found');
    await refused('GET', `/admin/shipping-options/${option.id}`, undefined, 404, 'shipping_option_not_found');
    expect(await events(region.id)).toEqual(['region.created', 'region.deleted']);
    expect((await ok('POST', '/admin/regions', { name: 'Spain', currency_code: 'EUR', countries: ['ES'] }, 201)).countries).toEqual(['ES']);
  });
});

test('every region route needs a token → 401', async () => {
  const region = (await list())[0];
  for (const [method, url, body] of [
    ['GET', '/admin/regions'],
    ['POST', '/admin/regions', { name: 'X', currency_code: 'USD' }],
    ['GET', `/admin/regions/${region.id}`],
    ['POST', `/admin/regions/${region.id}`, { name: 'X' }],
    ['DELETE', `/admin/regions/${region.id}`],
  ] as const) {
    const response = await shop.request(method, url, { body, token: null });
    expect(response.status, `${method} ${url}`).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  }
  expect(await ok('GET', `/admin/regions/${region.id}`)).toEqual(region);
});
