import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * CSV import as an upsert: export, edit in a spreadsheet, import. Products are matched by handle,
 * variants by SKU; only changed products are written; variants not in the file stay unless a row
 * deletes them; a dry run counts without writing; any problem still refuses the whole file.
 */

let shop: TestShop;
let tee: any;
let mug: any;

beforeAll(async () => {
  shop = await startTestShop();
  tee = await shop.ok('POST', '/admin/products', {
    title: 'Tee', handle: 'tee', status: 'published', options: [{ title: 'Size', values: ['S', 'M'] }],
    variants: [
      { sku: 'TEE-S', options: { Size: 'S' }, prices: [{ currency_code: 'USD', amount: 2000 }, { currency_code: 'EUR', amount: 1800 }] },
      { sku: 'TEE-M', options: { Size: 'M' }, prices: [{ currency_code: 'USD', amount: 2000 }] },
    ],
  }, 201);
  mug = await shop.ok('POST', '/admin/products', { title: 'Mug', handle: 'mug', status: 'published', variants: [{ sku: 'MUG', prices: [{ currency_code: 'USD', amount: 900 }] }] }, 201);
});
afterAll(async () => shop?.close());

async function exported(): Promise<Record<string, string>[]> {
  const res = await shop.get('/admin/products/export');
  expect(res.status).toBe(200);
  return parse(res.text, { columns: true });
}

const toCsv = (rows: Record<string, string>[]) => stringify(rows, { header: true, columns: Object.keys(rows[0]) });

async function importCsv(text: string, dryRun = false) {
  return shop.request('POST', `/admin/products/import${dryRun ? '?dry_run=true' : ''}`, { body: text, headers: { 'content-type': 'text/csv' } });
}

const product = async (id: string) => shop.ok('GET', `/admin/products/${id}`);

test('re-importing an export unchanged writes nothing and says so', async () => {
  const before = [await product(tee.id), await product(mug.id)];
  const res = await importCsv(toCsv(await exported()));
  expect(res.status, res.text).toBe(201);
  expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 2, product_ids: [], updated_ids: [], dry_run: false });
  expect([await product(tee.id), await product(mug.id)]).toEqual(before);
});

test('a dry run reports what would change and writes nothing', async () => {
  const rows = await exported();
  rows.find((r) => r.variant_sku === 'TEE-M')!.price_usd = '2200';
  rows.push({ ...Object.fromEntries(Object.keys(rows[0]).map((k) => [k, ''])), handle: 'cap', title: 'Cap', status: 'draft', variant_sku: 'CAP', price_usd: '1500' });
  const before = [await product(tee.id), await product(mug.id)];
  const res = await importCsv(toCsv(rows), true);
  expect(res.status, res.text).toBe(200);
  expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 1, product_ids: [expect.stringMatching(/^prod_/)], updated_ids: [tee.id], dry_run: true });
  expect([await product(tee.id), await product(mug.id)]).toEqual(before);
  expect((await shop.ok('GET', '/admin/products')).data.map((p: any) => p.handle)).toEqual(['mug', 'tee']);
});

test('edited prices and fields update the matched products; the rest stay as they were', async () => {
  const mugBefore = await product(mug.id);
  const rows = await exported();
  const teeM = rows.find((r) => r.variant_sku === 'TEE-M')!;
  teeM.price_usd = '2200';
  teeM.price_eur = '2100';
  rows.find((r) => r.variant_sku === 'TEE-S')!.title = 'Tee, the original';
  const res = await importCsv(toCsv(rows));
  expect(res.status, res.text).toBe(201);
  expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 1, product_ids: [], updated_ids: [tee.id], dry_run: false });
  const after = await product(tee.id);
  expect(after.title).toBe('Tee, the original');
  expect(after.variants.map((v: any) => [v.sku, v.prices])).toEqual([
    ['TEE-S', [{ currency_code: 'EUR', amount: 1800 }, { currency_code: 'USD', amount: 2000 }]],
    ['TEE-M', [{ currency_code: 'EUR', amount: 2100 }, { currency_code: 'USD', amount: 2200 }]],
  ]);
  expect(await product(mug.id)).toEqual(mugBefore);
});

test('a file with some variants only: the others stay; a new SKU adds a variant with a new option value', async () => {
  const csv = 'handle,option1_name,option1_value,variant_sku,price_usd\ntee,Size,L,TEE-L,2400\n';
  const res = await importCsv(csv);
  expect(res.status, res.text).toBe(201);
  expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  const after = await product(tee.id);
  expect(after.options[0].values).toEqual(['S', 'M', 'L']);
  expect(after.variants.map((v: any) => [v.sku, v.options.Size, v.prices.find((p: any) => p.currency_code === 'USD').amount])).toEqual([
    ['TEE-S', 'S', 2000], ['TEE-M', 'M', 2200], ['TEE-L', 'L', 2400],
  ]);
  expect(after.variants[0].prices).toHaveLength(2);
});

test('variant_delete=true deletes the variant with the row\'s SKU', async () => {
  const res = await importCsv('handle,variant_sku,variant_delete\ntee,TEE-L,true\n');
  expect(res.status, res.text).toBe(201);
  expect(res.body).toMatchObject({ updated: 1 });
  expect((await product(tee.id)).variants.map((v: any) => v.sku)).toEqual(['TEE-S', 'TEE-M']);
});

test('still all or nothing: a bad row refuses the updates of the others too', async () => {
  const before = [await product(tee.id), await product(mug.id)];
  const csv = [
    'handle,variant_sku,price_usd,variant_delete',
    'mug,MUG,1000,',
    'tee,TEE-XL,,true',
  ].join('\n');
  const res = await importCsv(csv);
  expect(res.status, res.text).toBe(400);
  expect(res.body.error.code).toBe('csv_invalid');
  expect(res.body.error.details.errors).toEqual([{ row: 3, column: 'variant_sku', message: 'the product has no variant with SKU "TEE-XL" to delete' }]);
  expect([await product(tee.id), await product(mug.id)]).toEqual(before);
  const moved = await importCsv('handle,variant_sku,price_usd\nmug,TEE-S,1000\n');
  expect(moved.status).toBe(400);
  expect(moved.body.error.details.errors).toEqual([{ row: 2, column: 'variant_sku', message: 'a variant with SKU "TEE-S" exists' }]);
  const renamed = await importCsv('handle,option1_name,option1_value,variant_sku\ntee,Colour,Red,TEE-RED\n');
  expect(renamed.body.error.details.errors).toEqual([{ row: 2, column: 'option1_name', message: 'the product\'s options are "Size"; change options in the Admin API' }]);
  expect([await product(tee.id), await product(mug.id)]).toEqual(before);
});
