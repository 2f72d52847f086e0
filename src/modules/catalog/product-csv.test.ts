import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * CSV import and export of products through the Admin API: a good file imports exactly; any bad row
 * refuses the whole file, naming each problem's row and column; an export re-imports into a fresh shop
 * as the same products.
 */

let shop: TestShop;
const ids: Record<string, string> = {};

const HEADER = [
  'handle', 'title', 'description', 'status', 'tags', 'images', 'collection_handle', 'category_handles', 'tax_class',
  'option1_name', 'option1_value', 'option2_name', 'option2_value', 'option3_name', 'option3_value',
  'variant_title', 'variant_sku', 'variant_barcode', 'variant_weight_grams', 'variant_length_mm', 'variant_width_mm', 'variant_height_mm', 'price_usd', 'price_eur',
];
const usd = (amount: number) => ({ currency_code: 'USD', amount });
const eur = (amount: number) => ({ currency_code: 'EUR', amount });

/** A CSV text with the given header; each row gives only the cells it fills. */
function csv(rows: Record<string, string>[], header: string[] = HEADER): string {
  return stringify([header, ...rows.map((row) => header.map((column) => row[column] ?? ''))]);
}

/** Rows of a valid file, for the bad-row cases to spoil one row of. */
const goodRows = (): Record<string, string>[] => [
  { handle: 'ok-cap', title: 'OK Cap', status: 'published', option1_name: 'Size', option1_value: 'S', variant_sku: 'OK-CAP-S', price_usd: '1000' },
  { handle: 'ok-cap', option1_name: 'Size', option1_value: 'M', variant_sku: 'OK-CAP-M', price_usd: '1100' },
  { handle: 'ok-bag', title: 'OK Bag', variant_sku: 'OK-BAG', price_usd: '5000', price_eur: '4500', collection_handle: 'summer' },
  { handle: 'ok-pin', title: 'OK Pin', variant_sku: 'OK-PIN', price_usd: '300' },
];

async function importCsv(text: string, target: TestShop = shop) {
  return target.request('POST', '/admin/products/import', { body: text, headers: { 'content-type': 'text/csv' } });
}

async function allProducts(target: TestShop = shop): Promise<any[]> {
  const products: any[] = [];
  let cursor: string | null = null;
  do {
    const response: any = await target.get(`/admin/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status, response.text).toBe(200);
    products.push(...response.body.data);
    cursor = response.body.next_cursor;
  } while (cursor);
  return products;
}

/** Imports `text` expecting a 400 csv_invalid with exactly `errors`, and checks nothing was written. */
async function expectRefused(text: string, errors: { row: number; column: string; message: string }[]) {
  const before = await allProducts();
  const response = await importCsv(text);
  expect(response.status, response.text).toBe(400);
  expect(response.body.error.code).toBe('csv_invalid');
  expect(response.body.error.message).toBe('The CSV file has problems; nothing was imported.');
  expect(response.body.error.details.errors).toEqual(errors);
  expect(response.body.error.details.error_count).toBe(errors.length);
  expect(await allProducts()).toEqual(before);
}

async function makeTaxonomy(target: TestShop) {
  const made: Record<string, string> = {};
  for (const [handle, title] of [['summer', 'Summer'], ['winter', 'Winter']]) {
    const response = await target.post('/admin/collections', { title, handle });
    expect(response.status, response.text).toBe(201);
    made[handle] = response.body.id;
  }
  const tops = await target.post('/admin/categories', { name: 'Tops' });
  const basics = await target.post('/admin/categories', { name: 'Basics', parent_id: tops.body.id });
  expect(basics.status, basics.text).toBe(201);
  made.tops = tops.body.id;
  made.basics = basics.body.id;
  return made;
}

beforeAll(async () => {
  shop = await startTestShop();
  Object.assign(ids, await makeTaxonomy(shop));
  const existing = await shop.post('/admin/products', { title: 'Existing Shoe', handle: 'existing-shoe', variants: [{ sku: 'EXISTING-1' }] });
  expect(existing.status, existing.text).toBe(201);
});
afterAll(async () => shop?.close());

describe('POST /admin/products/import', () => {
  test('a good file imports every product, and they read back exactly', async () => {
    const response = await importCsv(fs.readFileSync(new URL('../../../test/fixtures/catalog-products.csv', import.meta.url), 'utf8'));
    expect(response.status, response.text).toBe(201);
    expect(response.body.created).toBe(3);
    expect(response.body.product_ids).toHaveLength(3);
    const [tee, mug, poster] = await Promise.all(response.body.product_ids.map(async (id: string) => (await shop.get(`/admin/products/${id}`)).body));

    const strip = (product: any) => ({
      ...product,
      id: undefined, created_at: undefined, updated_at: undefined, published_at: undefined,
      options: product.options.map((o: any) => ({ ...o, id: undefined })),
      // The CSV carries no stock figures.
      variants: product.variants.map((v: any) => ({ ...v, id: undefined, in_stock: undefined, available_quantity: undefined })),
    });
    expect(strip(tee)).toEqual(strip({
      handle: 'csv-tee', title: 'CSV Tee', description: 'Soft tee, 100% cotton.\nSecond line with "quotes".', status: 'published',
      tags: ['cotton', 'basics'], images: ['https://img.example.com/tee-1.jpg', 'https://img.example.com/tee-2.jpg'], metadata: {},
      collection_id: ids.summer, category_ids: [ids.tops, ids.basics].sort(), tax_class: 'reduced', gift_card: false,
      options: [{ title: 'Size', values: ['S', 'M'] }, { title: 'Color', values: ['Red', 'Blue'] }],
      variants: [
        { title: 'S / Red', sku: 'TEE-S-RED', barcode: '0001', weight_grams: 150, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'S', Color: 'Red' }, prices: [eur(1799), usd(1999)], metadata: {} },
        { title: 'M / Red', sku: 'TEE-M-RED', barcode: null, weight_grams: 160, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'M', Color: 'Red' }, prices: [usd(2099)], metadata: {} },
        { title: 'Small Blue', sku: 'TEE-S-BLU', barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'S', Color: 'Blue' }, prices: [eur(1799), usd(1999)], metadata: {} },
      ],
    }));
    expect(tee.published_at).not.toBeNull();
    expect(tee.id).toMatch(/^prod_/);
    expect(strip(mug)).toEqual(strip({
      handle: 'csv-mug', title: 'CSV Mug', description: 'A mug.', status: 'draft', tags: [], images: [], metadata: {},
      collection_id: null, category_ids: [], tax_class: null, gift_card: false, options: [],
      variants: [{ title: 'Default', sku: 'MUG-1', barcode: null, weight_grams: 350, length_mm: null, width_mm: null, height_mm: null, options: {}, prices: [eur(1100), usd(1200)], metadata: {} }],
    }));
    expect(mug.published_at).toBeNull();
    expect(strip(poster)).toEqual(strip({
      handle: 'csv-poster', title: 'CSV Poster', description: '', status: 'archived', tags: ['art'], images: [], metadata: {},
      collection_id: null, category_ids: [], tax_class: null, gift_card: false, options: [], variants: [],
    }));
    // Published ones are in the store at once.
    expect((await shop.get('/store/products/csv-tee')).status).toBe(200);
    expect((await shop.get('/store/products/csv-mug')).status).toBe(404);
  });

  test('a file with a byte order mark, CRLF line ends, upper-case price columns and columns in another order', async () => {
    const text = '\uFEFFtitle,handle,PRICE_USD,variant_sku\r\nBom Hat,bom-hat,2500,BOM-1\r\n';
    const response = await importCsv(text);
    expect(response.status, response.text).toBe(201);
    const product = (await shop.get(`/admin/products/${response.body.product_ids[0]}`)).body;
    expect([product.handle, product.title, product.variants.map((v: any) => [v.sku, v.prices])]).toEqual(['bom-hat', 'Bom Hat', [['BOM-1', [usd(2500)]]]]);
  });

  describe('one bad row among good ones → 400 csv_invalid naming its row and column; nothing written', () => {
    test('a price that is not whole minor units', async () => {
      const rows = goodRows();
      rows[2].price_usd = '12.50';
      await expectRefused(csv(rows), [{ row: 4, column: 'price_usd', message: 'must be a whole number in the minor unit (cents), e.g. 1999 for 19.99' }]);
      rows[2].price_usd = '-5';
      await expectRefused(csv(rows), [{ row: 4, column: 'price_usd', message: 'must be a whole number in the minor unit (cents), e.g. 1999 for 19.99' }]);
      rows[2].price_usd = '$50';
      await expectRefused(csv(rows), [{ row: 4, column: 'price_usd', message: 'must be a whole number in the minor unit (cents), e.g. 1999 for 19.99' }]);
    });

    test('a price column of an unknown currency', async () => {
      const rows = goodRows();
      rows[1].price_xxy = '900';
      await expectRefused(csv(rows, [...HEADER, 'price_xxy']), [{ row: 3, column: 'price_xxy', message: 'XXY is not an ISO 4217 code such as USD' }]);
    });

    test('a SKU twice in the file', async () => {
      const rows = goodRows();
      rows[3].variant_sku = 'OK-CAP-M';
      await expectRefused(csv(rows), [{ row: 5, column: 'variant_sku', message: 'SKU "OK-CAP-M" is used twice' }]);
    });

    test('a SKU already in the database', async () => {
      const rows = goodRows();
      rows[1].variant_sku = 'EXISTING-1';
      await expectRefused(csv(rows), [{ row: 3, column: 'variant_sku', message: 'a variant with SKU "EXISTING-1" exists' }]);
    });

    test('a handle already in the database: an update, refused when the product cannot take the row', async () => {
      const rows = goodRows();
      rows[3].handle = 'existing-shoe';
      await expectRefused(csv(rows), [{ row: 5, column: 'variant_sku', message: 'a product without options has one variant; add options to sell several' }]);
    });

    test('an unknown collection handle, an unknown category handle', async () => {
      const rows = goodRows();
      rows[2].collection_handle = 'autumn';
      await expectRefused(csv(rows), [{ row: 4, column: 'collection_handle', message: 'no collection with handle "autumn"' }]);
      const other = goodRows();
      other[0].category_handles = 'tops, socks';
      await expectRefused(csv(other), [{ row: 2, column: 'category_handles', message: 'no category with handle "socks"' }]);
    });

    test('no title on the first row of a product', async () => {
      const rows = goodRows();
      rows[2].title = '';
      await expectRefused(csv(rows), [{ row: 4, column: 'title', message: 'the first row of a product needs a title' }]);
    });

    test('an unknown column', async () => {
      const rows = goodRows();
      rows[0].colour = 'red';
      await expectRefused(csv(rows, [...HEADER.slice(0, 5), 'colour', ...HEADER.slice(5)]), [{ row: 1, column: 'colour', message: 'unknown column' }]);
    });

    test('other kinds of bad cells', async () => {
      const cases: [number, string, string, string][] = [
        [2, 'status', 'live', 'must be draft, published or archived'],
        [4, 'variant_weight_grams', '1.5kg', 'must be a whole number of grams'],
        [3, 'handle', '', 'every row needs the handle of its product'],
      ];
      for (const [row, column, value, message] of cases) {
        const rows = goodRows();
        rows[row - 2][column] = value;
        await expectRefused(csv(rows), [{ row, column, message }]);
      }
    });

    test('a later row of a product that disagrees with its first row', async () => {
      const rows = goodRows();
      rows[1].title = 'Other Cap';
      await expectRefused(csv(rows), [{ row: 3, column: 'title', message: "differs from row 2; leave product columns empty on a product's later rows" }]);
      const renamed = goodRows();
      renamed[1].option1_name = 'Fit';
      await expectRefused(csv(renamed), [{ row: 3, column: 'option1_name', message: 'is "Size" on row 2' }]);
    });

    test('two rows of a product with the same option values', async () => {
      const rows = goodRows();
      rows[1].option1_value = 'S';
      await expectRefused(csv(rows), [{ row: 3, column: 'option1_value', message: 'another variant has the same option values' }]);
    });

    test('a bad handle, tag or image: what the cell should hold, in words, once per cell', async () => {
      const rows = goodRows();
      rows[0].handle = 'Bad Handle';
      rows[1].handle = 'Bad Handle';
      await expectRefused(csv(rows), [{ row: 2, column: 'handle', message: 'must be lower-case letters and digits, words joined by single dashes (summer-tee-2)' }]);
      const image = goodRows();
      image[3].images = 'https://img.example.com/ok.jpg not-a-url';
      await expectRefused(csv(image), [{ row: 5, column: 'images', message: 'must be an http:// or https:// URL' }]);
      const tag = goodRows();
      tag[2].tags = `ok, ${'x'.repeat(101)}`;
      await expectRefused(csv(tag), [{ row: 4, column: 'tags', message: 'must be at most 100 characters' }]);
    });
  });

  test('several bad rows in one file: every problem is listed, in row order', async () => {
    const rows = goodRows();
    rows[0].price_usd = '12.50'; // row 2
    rows[1].variant_sku = 'EXISTING-1'; // row 3
    rows[2].collection_handle = 'autumn'; // row 4
    rows[3].variant_sku = 'OK-CAP-S'; // row 5
    rows.push({ handle: 'no-title', variant_sku: 'NT-1' }); // row 6
    await expectRefused(csv(rows), [
      { row: 2, column: 'price_usd', message: 'must be a whole number in the minor unit (cents), e.g. 1999 for 19.99' },
      { row: 3, column: 'variant_sku', message: 'a variant with SKU "EXISTING-1" exists' },
      { row: 4, column: 'collection_handle', message: 'no collection with handle "autumn"' },
      { row: 5, column: 'variant_sku', message: 'SKU "OK-CAP-S" is used twice' },
      { row: 6, column: 'title', message: 'the first row of a product needs a title' },
    ]);
  });

  test('a file that is not CSV, an empty file, a file with only a header, rows of the wrong length', async () => {
    await expectRefused('', [{ row: 1, column: '', message: 'the file has no product rows' }]);
    await expectRefused(`${HEADER.join(',')}\n`, [{ row: 1, column: '', message: 'the file has no product rows' }]);
    const ragged = await importCsv(`${HEADER.join(',')}\nragged-row,Ragged\n`);
    expect(ragged.status).toBe(400);
    expect(ragged.body.error.code).toBe('csv_invalid');
    expect(ragged.body.error.details.errors).toHaveLength(1);
    expect(ragged.body.error.details.errors[0]).toMatchObject({ row: 2, column: '' });
    const unclosed = await importCsv('handle,title\n"open,Quote\n');
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.code).toBe('csv_invalid');
    const noHandle = await importCsv('title,variant_sku\nNo Handle,NH-1\n');
    expect(noHandle.status).toBe(400);
    expect(noHandle.body.error.details.errors).toEqual([
      { row: 1, column: 'handle', message: 'the handle column is required' },
      { row: 2, column: 'handle', message: 'every row needs the handle of its product' },
    ]);
  });

  test('only text/csv is accepted, and only with a token', async () => {
    const text = csv(goodRows());
    const json = await shop.request('POST', '/admin/products/import', { body: { csv: text } });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('invalid_request');
    const binary = await shop.request('POST', '/admin/products/import', { body: text, headers: { 'content-type': 'application/octet-stream' } });
    expect(binary.status).toBe(415);
    expect(binary.body.error.code).toBe('unsupported_media_type');
    const anonymous = await shop.request('POST', '/admin/products/import', { body: text, headers: { 'content-type': 'text/csv' }, token: null });
    expect(anonymous.status).toBe(401);
    expect((await allProducts()).some((p) => p.handle.startsWith('ok-'))).toBe(false);
  });
});

describe('GET /admin/products/export', () => {
  let exported: string;

  test('streams text/csv with one row per variant', async () => {
    const more = [
      {
        title: 'Crème Brûlée Torch', handle: 'creme-torch', status: 'published',
        description: '  Indented, with "quotes", commas,\nnew lines\r\nand =SUM(1) ', tags: ['kitchen tools', 'gift'],
        images: ['https://img.example.com/torch.jpg?size=large&v=2'], collection_id: ids.winter, category_ids: [ids.basics],
        options: [{ title: 'Fuel', values: ['Butane', 'Propane'] }, { title: 'Color', values: ['Black'] }, { title: 'Tip', values: ['Fine', 'Wide'] }],
        variants: [
          { sku: 'CT-B-BLK-F', barcode: '00012345', weight_grams: 0, length_mm: 250, width_mm: 80, height_mm: 60, options: { Fuel: 'Butane', Color: 'Black', Tip: 'Fine' }, prices: [usd(0), { currency_code: 'JPY', amount: 4500 }] },
          { title: 'Propane, wide', options: { Fuel: 'Propane', Color: 'Black', Tip: 'Wide' }, prices: [{ currency_code: 'GBP', amount: 3999 }] },
        ],
      },
      { title: 'Bare Draft', handle: 'bare-draft' },
      { title: 'Lonely Default', handle: 'lonely-default', status: 'archived', variants: [{}] },
    ];
    for (const body of more) {
      const response = await shop.post('/admin/products', body);
      expect(response.status, response.text).toBe(201);
    }
    const response = await shop.get('/admin/products/export');
    expect(response.status, response.text).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="products.csv"');
    exported = response.text;
    const lines = exported.split('\n');
    expect(lines[0]).toBe([...HEADER.slice(0, 22), 'price_eur', 'price_gbp', 'price_jpy', 'price_usd'].join(','));
    const products = await allProducts();
    const { parse } = await import('csv-parse/sync');
    const records: Record<string, string>[] = parse(exported, { columns: true });
    expect(records.length).toBe(products.reduce((n, p) => n + Math.max(1, p.variants.length), 0));
    expect(records.filter((r) => r.handle === 'creme-torch').map((r) => [r.variant_weight_grams, r.variant_length_mm, r.variant_width_mm, r.variant_height_mm]))
      .toEqual([['0', '250', '80', '60'], ['', '', '', '']]);
    expect(records.filter((r) => r.handle === 'csv-tee').map((r) => [r.title, r.variant_sku, r.price_usd, r.price_eur])).toEqual([
      ['CSV Tee', 'TEE-S-RED', '1999', '1799'], ['', 'TEE-M-RED', '2099', ''], ['', 'TEE-S-BLU', '1999', '1799'],
    ]);
    expect(records.find((r) => r.handle === 'creme-torch')!.description).toBe('  Indented, with "quotes", commas,\nnew lines\r\nand =SUM(1) ');
    expect((await shop.get('/admin/products/export', { token: null })).status).toBe(401);
  });

  test('re-imported into a fresh shop, it gives the same products', async () => {
    const fresh = await startTestShop();
    try {
      const freshIds = await makeTaxonomy(fresh);
      const response = await importCsv(exported, fresh);
      expect(response.status, response.text).toBe(201);
      const original = await allProducts();
      expect(response.body.created).toBe(original.length);

      const handleOf = (taxonomy: Record<string, string>) => {
        const byId = new Map(Object.entries(taxonomy).map(([handle, id]) => [id, handle]));
        return (product: any) => ({
          ...product,
          id: undefined, created_at: undefined, updated_at: undefined, published_at: undefined,
          collection_id: product.collection_id && byId.get(product.collection_id),
          category_ids: product.category_ids.map((id: string) => byId.get(id)).sort(),
          options: product.options.map((o: any) => ({ ...o, id: undefined })),
          // The CSV carries no stock figures.
      variants: product.variants.map((v: any) => ({ ...v, id: undefined, in_stock: undefined, available_quantity: undefined })),
        });
      };
      const byHandle = (list: any[]) => [...list].sort((a, b) => (a.handle < b.handle ? -1 : 1));
      const before = byHandle(original).map(handleOf(ids));
      const after = byHandle(await allProducts(fresh)).map(handleOf(freshIds));
      expect(after).toEqual(before);
      expect(after.map((p) => p.handle)).toEqual(
        ['bare-draft', 'bom-hat', 'creme-torch', 'csv-mug', 'csv-poster', 'csv-tee', 'existing-shoe', 'lonely-default'],
      );
      // And the fresh shop exports the very same file, but for the order of products created in one import.
      const again = await fresh.get('/admin/products/export');
      const sortRows = (text: string) => text.trimEnd().split('\n').slice(1).sort();
      expect(again.text.split('\n')[0]).toBe(exported.split('\n')[0]);
      expect(sortRows(again.text)).toEqual(sortRows(exported));
    } finally {
      await fresh.close();
    }
  });

  test('a catalog larger than one export page (100 products) is exported whole', async () => {
    const rows = Array.from({ length: 230 }, (_, i) => ({
      handle: `bulk-${i}`, title: `Bulk ${i}`, status: 'published', variant_sku: `BULK-${i}`, price_usd: String(100 + i),
    }));
    const response = await importCsv(csv(rows));
    expect(response.status, response.text).toBe(201);
    expect(response.body.created).toBe(230);
    const { parse } = await import('csv-parse/sync');
    const records: Record<string, string>[] = parse((await shop.get('/admin/products/export')).text, { columns: true });
    const bulk = records.filter((r) => r.handle.startsWith('bulk-'));
    expect(bulk).toHaveLength(230);
    expect(new Set(bulk.map((r) => r.handle)).size).toBe(230);
    expect(bulk.find((r) => r.handle === 'bulk-229')).toMatchObject({ title: 'Bulk 229', variant_sku: 'BULK-229', price_usd: '329', status: 'published' });
    expect(records).toHaveLength((await allProducts()).reduce((n, p) => n + Math.max(1, p.variants.length), 0));
  });
});
