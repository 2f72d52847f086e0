import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { loadTaxRules } from './tax-rates.ts';

/** A region's tax overrides through the Admin API: per country, per tax class, or both; rates in percent. */

let shop: TestShop;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const MISSING_REGION = 'reg_00000000000000000000000000';
const MISSING_RATE = 'txr_00000000000000000000000000';

let eu: any;
let us: any;
const rates: Record<string, any> = {};

beforeAll(async () => {
  shop = await startTestShop();
  eu = (await shop.post('/admin/regions', { name: 'Europe', currency_code: 'EUR', tax_inclusive: true, default_tax_rate: 19, countries: ['DE', 'FR', 'AT'] })).body;
  us = (await shop.post('/admin/regions', { name: 'United States', currency_code: 'USD', default_tax_rate: 0, countries: ['US'] })).body;
});
afterAll(async () => shop?.close());

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

async function list(regionId: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const body: any = await ok('GET', `/admin/regions/${regionId}/tax-rates?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...body.data);
    cursor = body.next_cursor;
  } while (cursor);
  return items;
}

const euRates = () => `/admin/regions/${eu.id}/tax-rates`;

describe('create, read, update, delete', () => {
  test('a country override, a class override, and one for both', async () => {
    rates.fr = await ok('POST', euRates(), { country_code: 'FR', name: 'TVA', rate: 20 }, 201);
    expect(rates.fr).toEqual({
      id: expect.stringMatching(/^txr_[0-9A-Z]{26}$/), region_id: eu.id, country_code: 'FR', tax_class: null, name: 'TVA', rate: 20,
      created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO),
    });
    rates.reduced = await ok('POST', euRates(), { country_code: null, tax_class: 'reduced', name: 'Reduced', rate: 7 }, 201);
    expect(rates.reduced).toEqual({ ...rates.reduced, region_id: eu.id, country_code: null, tax_class: 'reduced', name: 'Reduced', rate: 7 });
    rates.atReduced = await ok('POST', euRates(), { country_code: 'AT', tax_class: 'reduced', name: 'AT ermäßigt', rate: 10 }, 201);
    expect(rates.atReduced).toEqual({ ...rates.atReduced, country_code: 'AT', tax_class: 'reduced', name: 'AT ermäßigt', rate: 10 });
    for (const rate of Object.values(rates)) expect(await ok('GET', `${euRates()}/${rate.id}`)).toEqual(rate);
  });

  test('rates keep their exact percent: 8.875 stays 8.875', async () => {
    rates.books = await ok('POST', euRates(), { tax_class: 'books', name: 'Books', rate: 8.875 }, 201);
    expect(rates.books.rate).toBe(8.875);
    expect((await ok('GET', `${euRates()}/${rates.books.id}`)).rate).toBe(8.875);
    expect((await shop.db.selectFrom('tax_rate').select('rate_ppm').where('id', '=', rates.books.id).executeTakeFirstOrThrow()).rate_ppm).toBe(88_750);
    const precise = await ok('POST', `${euRates()}/${rates.books.id}`, { rate: 12.3456 });
    expect(precise.rate).toBe(12.3456);
    rates.books = await ok('POST', `${euRates()}/${rates.books.id}`, { rate: 8.875 });
    expect(rates.books.rate).toBe(8.875);
  });

  test('listed in the order made, paged', async () => {
    expect(await list(eu.id)).toEqual([rates.fr, rates.reduced, rates.atReduced, rates.books]);
    expect(await list(us.id)).toEqual([]);
  });

  test('loadTaxRules gives the calculator the region’s default and every override, in ppm', async () => {
    const rules = await loadTaxRules(shop.db, eu.id);
    expect(rules.default_rate_ppm).toBe(190_000);
    expect(rules.rules.sort((a, b) => a.rate_ppm - b.rate_ppm)).toEqual([
      { country_code: null, tax_class: 'reduced', rate_ppm: 70_000 },
      { country_code: null, tax_class: 'books', rate_ppm: 88_750 },
      { country_code: 'AT', tax_class: 'reduced', rate_ppm: 100_000 },
      { country_code: 'FR', tax_class: null, rate_ppm: 200_000 },
    ]);
    expect(await loadTaxRules(shop.db, us.id)).toEqual({ default_rate_ppm: 0, rules: [] });
    await expect(loadTaxRules(shop.db, MISSING_REGION)).rejects.toMatchObject({ code: 'region_not_found' });
  });

  test('update every field; a partial update keeps the rest', async () => {
    const updated = await ok('POST', `${euRates()}/${rates.books.id}`, { country_code: 'DE', tax_class: 'ebooks', name: 'E-Books DE', rate: 7 });
    expect(updated).toEqual({
      ...rates.books, country_code: 'DE', tax_class: 'ebooks', name: 'E-Books DE', rate: 7, updated_at: expect.stringMatching(ISO),
    });
    const partial = await ok('POST', `${euRates()}/${rates.books.id}`, { name: 'E-Books' });
    expect(partial).toEqual({ ...updated, name: 'E-Books', updated_at: partial.updated_at });
    const classOnly = await ok('POST', `${euRates()}/${rates.books.id}`, { country_code: null });
    expect(classOnly).toEqual({ ...partial, country_code: null, updated_at: classOnly.updated_at });
    expect(await ok('GET', `${euRates()}/${rates.books.id}`)).toEqual(classOnly);
    rates.books = classOnly;
  });

  test('delete: the region’s default applies again', async () => {
    expect(await ok('DELETE', `${euRates()}/${rates.books.id}`)).toEqual({ id: rates.books.id, object: 'tax_rate', deleted: true });
    await refused('GET', `${euRates()}/${rates.books.id}`, undefined, 404, 'tax_rate_not_found');
    await refused('DELETE', `${euRates()}/${rates.books.id}`, undefined, 404, 'tax_rate_not_found');
    expect((await loadTaxRules(shop.db, eu.id)).rules.some((r) => r.tax_class === 'ebooks')).toBe(false);
    const types = await shop.db.selectFrom('event_outbox').select('type').where('resource_id', '=', rates.books.id).orderBy('seq').execute();
    expect(types.map((t) => t.type)).toEqual(['tax_rate.created', 'tax_rate.updated', 'tax_rate.updated', 'tax_rate.updated', 'tax_rate.updated', 'tax_rate.updated', 'tax_rate.deleted']);
    delete rates.books;
  });
});

describe('refusals', () => {
  test('a scope the region already has → 409 tax_rate_exists, nothing written', async () => {
    const before = await list(eu.id);
    const error = await refused('POST', euRates(), { country_code: 'FR', name: 'Again', rate: 5.5 }, 409, 'tax_rate_exists', 'body');
    expect(error.details).toEqual({ field: 'body', id: rates.fr.id, country_code: 'FR', tax_class: null });
    await refused('POST', euRates(), { tax_class: 'reduced', name: 'Again', rate: 5 }, 409, 'tax_rate_exists');
    await refused('POST', euRates(), { country_code: 'AT', tax_class: 'reduced', name: 'Again', rate: 5 }, 409, 'tax_rate_exists');
    await refused('POST', `${euRates()}/${rates.atReduced.id}`, { country_code: null }, 409, 'tax_rate_exists');
    await refused('POST', `${euRates()}/${rates.fr.id}`, { country_code: 'AT', tax_class: 'reduced' }, 409, 'tax_rate_exists');
    expect(await list(eu.id)).toEqual(before);
    // Its own scope is no conflict; the same scope in another region neither.
    expect((await ok('POST', `${euRates()}/${rates.fr.id}`, { country_code: 'FR', name: 'TVA' })).country_code).toBe('FR');
    const other = await ok('POST', `/admin/regions/${us.id}/tax-rates`, { tax_class: 'reduced', name: 'Reduced', rate: 0 }, 201);
    await ok('DELETE', `/admin/regions/${us.id}/tax-rates/${other.id}`);
  });

  test('concurrent creates of one scope: one 201, the others 409 tax_rate_exists', async () => {
    const results = await Promise.all([1, 2, 3].map(() => shop.post(euRates(), { country_code: 'DE', tax_class: 'food', name: 'Food', rate: 7 })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.error.code).toBe('tax_rate_exists');
    await ok('DELETE', `${euRates()}/${results.find((r) => r.status === 201)!.body.id}`);
  });

  test('a country outside the region → 400 country_not_in_region', async () => {
    const error = await refused('POST', euRates(), { country_code: 'US', name: 'Nope', rate: 5 }, 400, 'country_not_in_region', 'body.country_code');
    expect(error).toEqual({
      code: 'country_not_in_region', message: 'body.country_code US is not one of the region’s countries.', details: { field: 'body.country_code', country_code: 'US' },
    });
    await refused('POST', euRates(), { country_code: 'XX', tax_class: 'x', name: 'Nope', rate: 5 }, 400, 'country_not_in_region', 'body.country_code');
    await refused('POST', `${euRates()}/${rates.reduced.id}`, { country_code: 'US' }, 400, 'country_not_in_region', 'body.country_code');
    await refused('POST', euRates(), { country_code: 'fra', name: 'Nope', rate: 5 }, 400, 'invalid_request', 'body.country_code');
  });

  test('neither a country nor a class → 400 naming the body', async () => {
    const error = await refused('POST', euRates(), { name: 'Everything', rate: 5 }, 400, 'invalid_request', 'body');
    expect(error.message).toBe('A tax rate overrides the region’s default for a country, a tax class or both: give body.country_code or body.tax_class.');
    await refused('POST', euRates(), { country_code: null, tax_class: null, name: 'Everything', rate: 5 }, 400, 'invalid_request', 'body');
    await refused('POST', `${euRates()}/${rates.reduced.id}`, { tax_class: null }, 400, 'invalid_request', 'body');
    await refused('POST', `${euRates()}/${rates.fr.id}`, { country_code: null }, 400, 'invalid_request', 'body');
  });

  test('bad input → 400 naming the field, nothing written', async () => {
    const before = await list(eu.id);
    const post = (body: unknown, field: string) => refused('POST', euRates(), body, 400, 'invalid_request', field);
    await post({ country_code: 'DE', rate: 5 }, 'body.name');
    await post({ country_code: 'DE', name: 'X' }, 'body.rate');
    await post({ country_code: 'DE', name: 'X', rate: '5' }, 'body.rate');
    await post({ country_code: 'DE', name: 'X', rate: -0.5 }, 'body.rate');
    await post({ country_code: 'DE', name: 'X', rate: 100.0001 }, 'body.rate');
    await post({ country_code: 'DE', name: 'X', rate: 5.00001 }, 'body.rate');
    await post({ country_code: 'DE', name: 'X', rate: 5, rate_ppm: 50_000 }, 'body.rate_ppm');
    await post({ tax_class: '', name: 'X', rate: 5 }, 'body.tax_class');
    await post({ tax_class: 7, name: 'X', rate: 5 }, 'body.tax_class');
    await post({ country_code: 7, name: 'X', rate: 5 }, 'body.country_code');
    await refused('POST', `${euRates()}/${rates.fr.id}`, {}, 400, 'invalid_request', 'body');
    await refused('POST', `${euRates()}/${rates.fr.id}`, { rate: 1e-5 }, 400, 'invalid_request', 'body.rate');
    await refused('POST', `${euRates()}/${rates.fr.id}`, { region_id: us.id }, 400, 'invalid_request', 'body.region_id');
    await refused('GET', `${euRates()}/tva`, undefined, 400, 'invalid_request', 'params.id');
    await refused('GET', '/admin/regions/europe/tax-rates', undefined, 400, 'invalid_request', 'params.region_id');
    await refused('GET', `${euRates()}?cursor=garbage`, undefined, 400, 'invalid_cursor', 'querystring.cursor');
    expect(await list(eu.id)).toEqual(before);
  });

  test('unknown region → 404 region_not_found; unknown rate, or another region’s → 404 tax_rate_not_found', async () => {
    const missing = `/admin/regions/${MISSING_REGION}/tax-rates`;
    await refused('GET', missing, undefined, 404, 'region_not_found');
    await refused('POST', missing, { tax_class: 'x', name: 'X', rate: 1 }, 404, 'region_not_found');
    await refused('GET', `${missing}/${rates.fr.id}`, undefined, 404, 'region_not_found');
    await refused('POST', `${missing}/${rates.fr.id}`, { rate: 1 }, 404, 'region_not_found');
    await refused('DELETE', `${missing}/${rates.fr.id}`, undefined, 404, 'region_not_found');
    await refused('GET', `${euRates()}/${MISSING_RATE}`, undefined, 404, 'tax_rate_not_found');
    await refused('POST', `${euRates()}/${MISSING_RATE}`, { rate: 1 }, 404, 'tax_rate_not_found');
    await refused('DELETE', `${euRates()}/${MISSING_RATE}`, undefined, 404, 'tax_rate_not_found');
    const elsewhere = `/admin/regions/${us.id}/tax-rates/${rates.fr.id}`;
    await refused('GET', elsewhere, undefined, 404, 'tax_rate_not_found');
    await refused('POST', elsewhere, { rate: 1 }, 404, 'tax_rate_not_found');
    await refused('DELETE', elsewhere, undefined, 404, 'tax_rate_not_found');
    expect(await ok('GET', `${euRates()}/${rates.fr.id}`)).toEqual(expect.objectContaining({ id: rates.fr.id, rate: 20 }));
  });
});

test('a country leaving the region takes its overrides with it; class overrides stay', async () => {
  const de = await ok('POST', euRates(), { country_code: 'DE', name: 'MwSt', rate: 19 }, 201);
  const region = await ok('POST', `/admin/regions/${eu.id}`, { countries: ['DE'] });
  expect(region.countries).toEqual(['DE']);
  expect((await list(eu.id)).map((r) => r.id)).toEqual([rates.reduced.id, de.id]);
  const deleted = await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', 'in', [rates.fr.id, rates.atReduced.id])
    .where('type', '=', 'tax_rate.deleted').execute();
  expect(deleted).toHaveLength(2);
  expect(deleted[0].payload).toEqual(expect.objectContaining({ region_id: eu.id, reason: 'country_removed' }));
  await ok('POST', `/admin/regions/${eu.id}`, { countries: [] });
  expect((await list(eu.id)).map((r) => r.id)).toEqual([rates.reduced.id]);
});

test('every tax rate route needs a token → 401', async () => {
  const url = `${euRates()}/${rates.reduced.id}`;
  for (const [method, path, body] of [
    ['GET', euRates()],
    ['POST', euRates(), { tax_class: 'x', name: 'X', rate: 1 }],
    ['GET', url],
    ['POST', url, { rate: 1 }],
    ['DELETE', url],
  ] as const) {
    const response = await shop.request(method, path, { body, token: null });
    expect(response.status, `${method} ${path}`).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  }
  expect(await ok('GET', url)).toEqual(rates.reduced);
});
