import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStockedProduct } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** Staff's price lists through the Admin API: create, read, change, prices, delete, refusals and events. */
let shop: TestShop;
let variantId: string;
let groupId: string;

const events = async (id: string) =>
  (await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', id).orderBy('seq').execute()).map((e) => [e.type, e.payload]);

beforeAll(async () => {
  shop = await startTestShop();
  variantId = (await createStockedProduct(shop, { usd: 2000 })).variant.id;
  groupId = (await shop.ok('POST', '/admin/customer-groups', { name: 'Wholesale' }, 201)).id;
});
afterAll(async () => shop?.close());

describe('price lists', () => {
  test('created as a draft with prices, read back, changed, priced and deleted, each with its event', async () => {
    const created = await shop.ok('POST', '/admin/price-lists', {
      name: 'Trade', type: 'override', customer_group_ids: [groupId], starts_at: '2030-01-01T00:00:00Z',
      prices: [{ variant_id: variantId, currency_code: 'usd', amount: 1500 }, { variant_id: variantId, currency_code: 'USD', amount: 1400, min_quantity: 10 }],
    }, 201);
    expect(created).toEqual({
      id: expect.stringMatching(/^plist_/), name: 'Trade', description: null, type: 'override', status: 'draft',
      starts_at: '2030-01-01T00:00:00.000Z', ends_at: null, customer_group_ids: [groupId], price_count: 2,
      prices: [
        { id: expect.stringMatching(/^plp_/), variant_id: variantId, currency_code: 'USD', amount: 1500, min_quantity: 1 },
        { id: expect.stringMatching(/^plp_/), variant_id: variantId, currency_code: 'USD', amount: 1400, min_quantity: 10 },
      ],
      created_at: expect.any(String), updated_at: expect.any(String),
    });
    expect(await shop.ok('GET', `/admin/price-lists/${created.id}`)).toEqual(created);
    const { prices, ...summary } = created;
    expect(prices).toHaveLength(2);
    expect((await shop.ok('GET', '/admin/price-lists')).data).toEqual([summary]);
    expect((await shop.ok('GET', '/admin/price-lists?status=active')).data).toEqual([]);

    const updated = await shop.ok('POST', `/admin/price-lists/${created.id}`, { status: 'active', ends_at: '2031-01-01T00:00:00Z' });
    expect([updated.status, updated.starts_at, updated.ends_at]).toEqual(['active', '2030-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z']);

    // The same variant, currency and min_quantity replaces the amount; another adds a price.
    const repriced = await shop.ok('POST', `/admin/price-lists/${created.id}/prices`, {
      prices: [{ variant_id: variantId, currency_code: 'USD', amount: 1450 }, { variant_id: variantId, currency_code: 'EUR', amount: 1300 }],
    });
    expect(repriced.prices.map((p: any) => [p.currency_code, p.amount, p.min_quantity])).toEqual([['EUR', 1300, 1], ['USD', 1450, 1], ['USD', 1400, 10]]);
    expect(repriced.prices[1].id).toBe(created.prices[0].id);
    const removed = await shop.ok('DELETE', `/admin/price-lists/${created.id}/prices/${repriced.prices[0].id}`);
    expect(removed.prices.map((p: any) => [p.currency_code, p.amount, p.min_quantity])).toEqual([['USD', 1450, 1], ['USD', 1400, 10]]);

    expect(await shop.ok('DELETE', `/admin/price-lists/${created.id}`)).toEqual({ id: created.id, object: 'price_list', deleted: true });
    await shop.refused('GET', `/admin/price-lists/${created.id}`, undefined, 404, 'price_list_not_found');
    expect(await shop.db.selectFrom('price_list_price').select('id').where('price_list_id', '=', created.id).execute()).toEqual([]);
    expect(await events(created.id)).toEqual([
      ['price_list.created', { id: created.id, name: 'Trade', type: 'override', status: 'draft' }],
      ['price_list.updated', { id: created.id, changed: ['status', 'ends_at'] }],
      ['price_list.prices_changed', { id: created.id, variant_ids: [variantId] }],
      ['price_list.prices_changed', { id: created.id, variant_ids: [variantId] }],
      ['price_list.deleted', { id: created.id, name: 'Trade' }],
    ]);
  });

  test('bad input names its field and changes nothing', async () => {
    const list = await shop.ok('POST', '/admin/price-lists', { name: 'Kept', type: 'sale', prices: [{ variant_id: variantId, currency_code: 'USD', amount: 900 }] }, 201);
    const price = (amount: number, extra: object = {}) => ({ variant_id: variantId, currency_code: 'USD', amount, ...extra });
    await shop.refused('POST', '/admin/price-lists', { name: 'X', type: 'bogus' }, 400, 'invalid_request', 'body.type');
    await shop.refused('POST', '/admin/price-lists', { name: 'X', type: 'sale', starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 400, 'invalid_request', 'body.ends_at');
    await shop.refused('POST', '/admin/price-lists', { name: 'X', type: 'sale', customer_group_ids: ['cgrp_nothing'] }, 400, 'invalid_reference', 'body.customer_group_ids[0]');
    await shop.refused('POST', '/admin/price-lists', { name: 'X', type: 'sale', prices: [price(1), { ...price(2), variant_id: 'var_nothing' }] }, 400, 'invalid_reference', 'body.prices[1].variant_id');
    await shop.refused('POST', '/admin/price-lists', { name: 'X', type: 'sale', prices: [{ ...price(1), currency_code: 'XXY' }] }, 400, 'invalid_currency', 'body.prices[0].currency_code');
    await shop.refused('POST', '/admin/price-lists', { name: 'X', type: 'sale', prices: [price(1), price(2)] }, 400, 'invalid_request', 'body.prices[1]');
    await shop.refused('POST', '/admin/price-lists', { name: 'X', type: 'sale', prices: [price(1, { min_quantity: 0 })] }, 400, 'invalid_request', 'body.prices[0].min_quantity');
    await shop.refused('POST', `/admin/price-lists/${list.id}`, { ends_at: '2000-01-01T00:00:00Z', starts_at: '2001-01-01T00:00:00Z' }, 400, 'invalid_request', 'body.ends_at');
    await shop.refused('POST', `/admin/price-lists/${list.id}/prices`, { prices: [price(5), { ...price(6), variant_id: 'var_nothing' }] }, 400, 'invalid_reference', 'body.prices[1].variant_id');
    await shop.refused('DELETE', `/admin/price-lists/${list.id}/prices/plp_nothing`, undefined, 404, 'price_list_price_not_found');
    await shop.refused('POST', '/admin/price-lists/plist_nothing', { name: 'Y' }, 404, 'price_list_not_found');
    expect((await shop.ok('GET', '/admin/price-lists')).data.map((l: any) => [l.name, l.price_count])).toEqual([['Kept', 1]]);
    expect(await shop.ok('GET', `/admin/price-lists/${list.id}`)).toEqual(list);
  });

  test('reading needs products:read and writing products:write', async () => {
    const role = await shop.ok('POST', '/admin/roles', { key: 'price_reader', name: 'Price reader', permissions: ['products:read'] }, 201);
    await shop.ok('POST', '/admin/users', { email: 'reader@pricing.test', password: 'correct horse battery staple', role: role.key }, 201);
    const login = await shop.post('/admin/auth/login', { email: 'reader@pricing.test', password: 'correct horse battery staple' });
    const token = login.body.token;
    expect((await shop.request('GET', '/admin/price-lists', { token })).status).toBe(200);
    const refused = await shop.request('POST', '/admin/price-lists', { token, body: { name: 'Nope', type: 'sale' } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect((await shop.ok('GET', '/admin/price-lists')).data.map((l: any) => l.name)).toEqual(['Kept']);
  });

  test('CSV: export, edit, import back (all or nothing, dry run first)', async () => {
    const { variant } = await createStockedProduct(shop, { usd: 900 });
    const list = await shop.ok('POST', '/admin/price-lists', { name: 'Csv', type: 'sale', prices: [{ variant_id: variantId, currency_code: 'USD', amount: 1500 }] }, 201);
    const exported = await shop.request('GET', `/admin/price-lists/${list.id}/prices/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    const sku = (await shop.db.selectFrom('product_variant').select('sku').where('id', '=', variantId).executeTakeFirstOrThrow()).sku;
    expect(exported.text).toBe(`variant_id,variant_sku,currency_code,amount,min_quantity\n${variantId},${sku},USD,1500,1\n`);

    const importCsv = (csv: string, query = '') => shop.request('POST', `/admin/price-lists/${list.id}/prices/import${query}`, { body: csv, headers: { 'content-type': 'text/csv' } });
    const edited = `variant_sku,currency_code,amount,min_quantity\n${sku},usd,1400,\n${sku},USD,1100,10\n${variant.sku},EUR,700,1\n`;
    const dry = await importCsv(edited, '?dry_run=true');
    expect([dry.status, dry.body]).toEqual([200, { prices: 3, removed: 0, dry_run: true }]);
    expect((await shop.ok('GET', `/admin/price-lists/${list.id}`)).prices.map((p: any) => [p.amount, p.min_quantity])).toEqual([[1500, 1]]);

    const bad = await importCsv(`variant_sku,currency_code,amount,min_quantity\n${sku},USD,14.00,1\nNOPE,USD,100,1\n${sku},XXY,100,0\n`);
    expect([bad.status, bad.body.error.code, bad.body.error.details.errors]).toEqual([400, 'csv_invalid', [
      { row: 2, column: 'amount', message: 'must be a whole number in the minor unit (cents), e.g. 1999 for 19.99' },
      { row: 3, column: 'variant_sku', message: 'no variant has the SKU "NOPE"' },
      { row: 4, column: 'currency_code', message: 'must be an ISO 4217 code such as USD' },
      { row: 4, column: 'min_quantity', message: 'must be a whole number from 1 to 10000 (empty: 1)' },
    ]]);
    expect((await shop.ok('GET', `/admin/price-lists/${list.id}`)).prices.map((p: any) => [p.amount, p.min_quantity])).toEqual([[1500, 1]]);

    const done = await importCsv(edited);
    expect([done.status, done.body]).toEqual([201, { prices: 3, removed: 0, dry_run: false }]);
    const after = await shop.ok('GET', `/admin/price-lists/${list.id}`);
    expect(after.prices.map((p: any) => [p.variant_id, p.currency_code, p.amount, p.min_quantity]).sort()).toEqual([
      [variant.id, 'EUR', 700, 1], [variantId, 'USD', 1100, 10], [variantId, 'USD', 1400, 1],
    ].sort());
    // Rows left out of the next file are removed.
    const again = await importCsv(`variant_id,currency_code,amount\n${variantId},USD,1300\n`);
    expect(again.body).toEqual({ prices: 1, removed: 2, dry_run: false });
    expect((await shop.ok('GET', `/admin/price-lists/${list.id}`)).prices.map((p: any) => [p.variant_id, p.amount])).toEqual([[variantId, 1300]]);
  });
});
