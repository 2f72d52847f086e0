import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** A variant with no inventory item is tracked and has no stock. */
const NO_STOCK = { in_stock: false, available_quantity: 0 };

/**
 * The Admin API's product management: every field round-trips; status changes; options, variants and
 * prices; conflicts and bad input are refused with the field named and nothing written.
 */

let shop: TestShop;
const ids: Record<string, string> = {};
const usd = (amount: number) => ({ currency_code: 'USD', amount });
const eur = (amount: number) => ({ currency_code: 'EUR', amount });
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

async function created(body: unknown): Promise<any> {
  const response = await shop.post('/admin/products', body);
  expect(response.status, response.text).toBe(201);
  return response.body;
}

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

/** Every product and variant in the shop, to show a refused request wrote nothing. */
async function snapshot() {
  const response = await shop.get('/admin/products?limit=100');
  expect(response.status, response.text).toBe(200);
  expect(response.body.next_cursor).toBeNull();
  const products = response.body.data;
  return { products: products.length, variants: products.reduce((n: number, p: any) => n + p.variants.length, 0), data: products };
}

/** The product as the API returns it, without the fields the server sets (ids of nested rows kept). */
function withoutTimes(product: any) {
  const { created_at: _c, updated_at: _u, published_at: _p, ...rest } = product;
  return rest;
}

beforeAll(async () => {
  shop = await startTestShop();
  for (const [key, title] of [['outdoor', 'Outdoor'], ['sale', 'Sale']]) {
    ids[key] = (await ok('POST', '/admin/collections', { title }, 201)).id;
  }
  for (const [key, name] of [['jackets', 'Jackets'], ['rain', 'Rain Gear'], ['shoes', 'Shoes']]) {
    ids[key] = (await ok('POST', '/admin/categories', { name }, 201)).id;
  }
});
afterAll(async () => shop?.close());

describe('create → read → update round-trips every field', () => {
  let product: any;

  test('POST /admin/products creates the product with all its fields', async () => {
    product = await created({
      title: 'Trail Jacket',
      handle: 'trail-jacket',
      description: 'Waterproof shell.\nTaped seams, "pit zips" & a hood.',
      status: 'draft',
      tags: ['outdoor', 'rain proof'],
      images: ['https://img.example.com/tj-front.jpg', 'https://img.example.com/tj-back.jpg'],
      metadata: { origin: 'PT', layers: 3, nested: { list: [1, 'two', null], flag: true } },
      collection_id: ids.outdoor,
      category_ids: [ids.rain, ids.jackets],
      options: [{ title: 'Size', values: ['S', 'M', 'L'] }, { title: 'Color', values: ['Red', 'Blue'] }],
      variants: [
        {
          title: 'Small Red', sku: 'TJ-S-RED', barcode: '0123456789012', weight_grams: 800, length_mm: 300, width_mm: 220, height_mm: 40,
          options: { Size: 'S', Color: 'Red' }, prices: [usd(12000), eur(11000)], metadata: { batch: 'A1', qc: { passed: true } },
        },
        { sku: 'TJ-M-BLU', options: { Color: 'Blue', Size: 'M' }, prices: [] },
        { sku: null, options: { Size: 'L', Color: 'Red' }, weight_grams: 0, length_mm: null, width_mm: null, height_mm: null, prices: [{ currency_code: 'JPY', amount: 15000 }] },
      ],
    });
    expect(product.id).toMatch(/^prod_[0-9A-Z]{26}$/);
    expect(product.created_at).toMatch(ISO);
    expect(product.updated_at).toMatch(ISO);
    expect(product.published_at).toBeNull();
    const [size, color] = product.options;
    const [v0, v1, v2] = product.variants;
    for (const option of product.options) expect(option.id).toMatch(/^opt_/);
    for (const variant of product.variants) expect(variant.id).toMatch(/^var_/);
    expect(withoutTimes(product)).toEqual({
      id: product.id,
      handle: 'trail-jacket',
      title: 'Trail Jacket',
      description: 'Waterproof shell.\nTaped seams, "pit zips" & a hood.',
      status: 'draft',
      tags: ['outdoor', 'rain proof'],
      images: ['https://img.example.com/tj-front.jpg', 'https://img.example.com/tj-back.jpg'],
      metadata: { origin: 'PT', layers: 3, nested: { list: [1, 'two', null], flag: true } },
      collection_id: ids.outdoor,
      category_ids: [ids.jackets, ids.rain].sort(),
      tax_class: null,
      gift_card: false,
      options: [{ id: size.id, title: 'Size', values: ['S', 'M', 'L'] }, { id: color.id, title: 'Color', values: ['Red', 'Blue'] }],
      variants: [
        {
          id: v0.id, title: 'Small Red', sku: 'TJ-S-RED', barcode: '0123456789012', weight_grams: 800, length_mm: 300, width_mm: 220, height_mm: 40,
          options: { Size: 'S', Color: 'Red' }, prices: [eur(11000), usd(12000)], metadata: { batch: 'A1', qc: { passed: true } }, ...NO_STOCK,
        },
        { id: v1.id, title: 'M / Blue', sku: 'TJ-M-BLU', barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'M', Color: 'Blue' }, prices: [], metadata: {}, ...NO_STOCK },
        {
          id: v2.id, title: 'L / Red', sku: null, barcode: null, weight_grams: 0, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'L', Color: 'Red' },
          prices: [{ currency_code: 'JPY', amount: 15000 }], metadata: {}, ...NO_STOCK,
        },
      ],
    });
    expect((await ok('GET', `/admin/products/${product.id}`))).toEqual(product);
  });

  test('a minimal product gets the defaults', async () => {
    const minimal = await created({ title: 'Plain Sock' });
    expect(withoutTimes(minimal)).toEqual({
      id: minimal.id, handle: 'plain-sock', title: 'Plain Sock', description: '', status: 'draft', tags: [], images: [], metadata: {}, tax_class: null, gift_card: false,
      collection_id: null, category_ids: [], options: [], variants: [],
    });
    expect(minimal.published_at).toBeNull();
    const accents = await created({ title: '  Crème Brûlée — Édition #2!  ', status: 'published', variants: [{}] });
    expect(accents.handle).toBe('creme-brulee-edition-2');
    expect(accents.published_at).toMatch(ISO);
    expect(accents.variants.map(withoutId)).toEqual([{ title: 'Default', sku: null, barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: {}, prices: [], metadata: {} }]);
  });

  test('POST /admin/products/:id updates every product field', async () => {
    const before = product;
    const updated = await ok('POST', `/admin/products/${product.id}`, {
      title: 'Trail Jacket II',
      handle: 'trail-jacket-2',
      description: 'Now lighter.',
      status: 'published',
      tags: ['outdoor', 'new'],
      images: ['https://img.example.com/tj2.jpg'],
      metadata: { origin: 'VN' },
      collection_id: ids.sale,
      category_ids: [ids.shoes],
    });
    expect(withoutTimes(updated)).toEqual({
      ...withoutTimes(before),
      title: 'Trail Jacket II',
      handle: 'trail-jacket-2',
      description: 'Now lighter.',
      status: 'published',
      tags: ['outdoor', 'new'],
      images: ['https://img.example.com/tj2.jpg'],
      metadata: { origin: 'VN' },
      collection_id: ids.sale,
      category_ids: [ids.shoes],
    });
    expect(updated.created_at).toBe(before.created_at);
    expect(updated.published_at).toMatch(ISO);
    expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(before.updated_at));
    expect(await ok('GET', `/admin/products/${product.id}`)).toEqual(updated);
    expect((await shop.get('/store/products/trail-jacket-2')).body).toEqual(updated);
    expect((await shop.get('/store/products/trail-jacket')).status).toBe(404);

    // Clearing: empty lists, empty metadata, no collection.
    const cleared = await ok('POST', `/admin/products/${product.id}`, { tags: [], images: [], metadata: {}, collection_id: null, category_ids: [], description: '' });
    expect(withoutTimes(cleared)).toEqual({
      ...withoutTimes(updated), tags: [], images: [], metadata: {}, collection_id: null, category_ids: [], description: '',
    });
    // A partial update leaves the other fields as they were.
    const renamed = await ok('POST', `/admin/products/${product.id}`, { title: 'Trail Jacket III' });
    expect(withoutTimes(renamed)).toEqual({ ...withoutTimes(cleared), title: 'Trail Jacket III' });
    expect(renamed.published_at).toBe(cleared.published_at);
    // Categories alone: no column of the product row changes, the assignment does.
    const categorized = await ok('POST', `/admin/products/${product.id}`, { category_ids: [ids.rain] });
    expect(withoutTimes(categorized)).toEqual({ ...withoutTimes(renamed), category_ids: [ids.rain] });
    const uncategorized = await ok('POST', `/admin/products/${product.id}`, { category_ids: [] });
    expect(withoutTimes(uncategorized)).toEqual(withoutTimes(renamed));
    product = uncategorized;
  });

  test('POST /admin/products/:id/variants/:variant_id updates every variant field', async () => {
    const variant = product.variants[1];
    const updated = await ok('POST', `/admin/products/${product.id}/variants/${variant.id}`, {
      title: 'Medium Blue', sku: 'TJ-M-BLUE', barcode: '4006381333931', weight_grams: 910, length_mm: 310, width_mm: 230, height_mm: 45,
      options: { Size: 'M', Color: 'Red' }, prices: [usd(13000), eur(12000)], metadata: { note: 'restocked' },
    });
    expect(updated.variants[1]).toEqual({
      id: variant.id, title: 'Medium Blue', sku: 'TJ-M-BLUE', barcode: '4006381333931', weight_grams: 910, length_mm: 310, width_mm: 230, height_mm: 45,
      options: { Size: 'M', Color: 'Red' }, prices: [eur(12000), usd(13000)], metadata: { note: 'restocked' }, ...NO_STOCK,
    });
    expect(updated.variants[0]).toEqual(product.variants[0]);
    expect(updated.variants[2]).toEqual(product.variants[2]);
    expect(await ok('GET', `/admin/products/${product.id}`)).toEqual(updated);

    const nulled = await ok('POST', `/admin/products/${product.id}/variants/${variant.id}`, { sku: null, barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, metadata: {}, prices: [] });
    expect(nulled.variants[1]).toEqual({
      id: variant.id, title: 'Medium Blue', sku: null, barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'M', Color: 'Red' }, prices: [], metadata: {}, ...NO_STOCK,
    });
    // The SKU it gave up is free again.
    const other = await created({ title: 'Sku Taker', variants: [{ sku: 'TJ-M-BLUE' }] });
    expect(other.variants[0].sku).toBe('TJ-M-BLUE');
    product = nulled;
  });
});

describe('status: publish, archive, unpublish', () => {
  test('each sets the status; publishing stamps published_at', async () => {
    const product = await created({ title: 'Status Cap', variants: [{ sku: 'CAP-1', prices: [usd(1500)] }] });
    expect(product.status).toBe('draft');
    expect(product.published_at).toBeNull();

    const published = await ok('POST', `/admin/products/${product.id}/publish`);
    expect(published.status).toBe('published');
    expect(published.published_at).toMatch(ISO);
    expect(withoutTimes(published)).toEqual({ ...withoutTimes(product), status: 'published' });
    expect((await shop.get(`/store/products/${product.id}`)).status).toBe(200);

    // Publishing again changes nothing of the first publication.
    const again = await ok('POST', `/admin/products/${product.id}/publish`);
    expect(again.published_at).toBe(published.published_at);

    const archived = await ok('POST', `/admin/products/${product.id}/archive`);
    expect(withoutTimes(archived)).toEqual({ ...withoutTimes(product), status: 'archived' });
    expect((await shop.get(`/store/products/${product.id}`)).status).toBe(404);

    const unpublished = await ok('POST', `/admin/products/${product.id}/unpublish`);
    expect(withoutTimes(unpublished)).toEqual({ ...withoutTimes(product), status: 'draft' });
    expect((await ok('GET', `/admin/products/${product.id}`)).status).toBe('draft');

    const republished = await ok('POST', `/admin/products/${product.id}/publish`);
    expect(republished.status).toBe('published');
    expect(Date.parse(republished.published_at)).toBeGreaterThan(Date.parse(published.published_at));

    for (const action of ['publish', 'archive', 'unpublish']) {
      await refused('POST', `/admin/products/prod_00000000000000000000000000/${action}`, undefined, 404, 'product_not_found');
    }
  });
});

/** A variant's catalog fields: its id and stock figures left out (availability has its own tests). */
function withoutId(variant: any) {
  const { id: _id, in_stock: _s, available_quantity: _a, ...rest } = variant;
  return rest;
}

describe('options', () => {
  let product: any;
  beforeAll(async () => {
    product = await created({
      title: 'Option Tee', options: [{ title: 'Size', values: ['S', 'M'] }],
      variants: [{ sku: 'OT-S', options: { Size: 'S' } }, { sku: 'OT-M', options: { Size: 'M' } }],
    });
  });

  test('adding an option: existing variants take its first value', async () => {
    const updated = await ok('POST', `/admin/products/${product.id}/options`, { title: 'Color', values: ['White', 'Black'] }, 201);
    expect(updated.options).toEqual([
      product.options[0],
      { id: expect.stringMatching(/^opt_/), title: 'Color', values: ['White', 'Black'] },
    ]);
    expect(updated.variants.map((v: any) => [v.id, v.title, v.options])).toEqual([
      [product.variants[0].id, 'S', { Size: 'S', Color: 'White' }],
      [product.variants[1].id, 'M', { Size: 'M', Color: 'White' }],
    ]);
    expect(await ok('GET', `/admin/products/${product.id}`)).toEqual(updated);
    product = updated;
  });

  test('a variant can then take another value, and a new variant needs every option', async () => {
    const withBlack = await ok('POST', `/admin/products/${product.id}/variants`, { sku: 'OT-S-BLK', options: { Size: 'S', Color: 'Black' } }, 201);
    expect(withBlack.variants.map((v: any) => [v.title, v.options])).toEqual([
      ['S', { Size: 'S', Color: 'White' }], ['M', { Size: 'M', Color: 'White' }], ['S / Black', { Size: 'S', Color: 'Black' }],
    ]);
    product = withBlack;
    await refused('POST', `/admin/products/${product.id}/variants`, { sku: 'OT-X', options: { Size: 'M' } }, 400, 'variant_options_invalid', 'body.options');
  });

  test('updating an option: rename, reorder and add values', async () => {
    const color = product.options[1];
    const updated = await ok('POST', `/admin/products/${product.id}/options/${color.id}`, { title: 'Colour', values: ['Black', 'White', 'Green'] });
    expect(updated.options[1]).toEqual({ id: color.id, title: 'Colour', values: ['Black', 'White', 'Green'] });
    expect(updated.variants.map((v: any) => v.options)).toEqual([
      { Size: 'S', Colour: 'White' }, { Size: 'M', Colour: 'White' }, { Size: 'S', Colour: 'Black' },
    ]);
    product = updated;
  });

  test('removing a value in use → 409 option_value_in_use, nothing changed; an unused value can go', async () => {
    const colour = product.options[1];
    const error = await refused('POST', `/admin/products/${product.id}/options/${colour.id}`, { values: ['Black', 'Green'] }, 409, 'option_value_in_use', 'body.values');
    expect(error.details).toEqual({ field: 'body.values', value: 'White' });
    // A rename in the same refused request is not applied either.
    await refused('POST', `/admin/products/${product.id}/options/${colour.id}`, { title: 'Shade', values: ['White'] }, 409, 'option_value_in_use', 'body.values');
    expect(await ok('GET', `/admin/products/${product.id}`)).toEqual(product);

    const trimmed = await ok('POST', `/admin/products/${product.id}/options/${colour.id}`, { values: ['White', 'Black'] });
    expect(trimmed.options[1]).toEqual({ id: colour.id, title: 'Colour', values: ['White', 'Black'] });
    product = trimmed;
  });

  test('option conflicts and limits', async () => {
    await refused('POST', `/admin/products/${product.id}/options`, { title: 'Size', values: ['XL'] }, 409, 'option_title_taken', 'body.title');
    await refused('POST', `/admin/products/${product.id}/options/${product.options[1].id}`, { title: 'Size' }, 409, 'option_title_taken', 'body.title');
    await refused('POST', `/admin/products/${product.id}/options`, { title: 'Fit', values: ['Slim', 'Slim'] }, 400, 'invalid_request', 'body.values');
    await refused('POST', `/admin/products/${product.id}/options`, { title: 'Fit', values: [] }, 400, 'invalid_request', 'body.values');
    await refused('POST', `/admin/products/${product.id}/options`, { title: 'Fit' }, 400, 'invalid_request', 'body.values');
    const third = await ok('POST', `/admin/products/${product.id}/options`, { title: 'Fit', values: ['Slim', 'Loose'] }, 201);
    expect(third.options.map((o: any) => o.title)).toEqual(['Size', 'Colour', 'Fit']);
    expect(third.variants.map((v: any) => v.options.Fit)).toEqual(['Slim', 'Slim', 'Slim']);
    const error = await refused('POST', `/admin/products/${product.id}/options`, { title: 'Sleeve', values: ['Short'] }, 400, 'too_many_options');
    expect(error.details.field).toBe('body');
    expect(await ok('GET', `/admin/products/${product.id}`)).toEqual(third);
    product = third;
  });

  test('deleting an option removes it from the variants, unless two variants would become the same', async () => {
    const [size, colour, fit] = product.options;
    const withoutFit = await ok('DELETE', `/admin/products/${product.id}/options/${fit.id}`);
    expect(withoutFit.options).toEqual([size, colour]);
    expect(withoutFit.variants.map((v: any) => v.options)).toEqual([
      { Size: 'S', Colour: 'White' }, { Size: 'M', Colour: 'White' }, { Size: 'S', Colour: 'Black' },
    ]);
    // Without Size, S/White and M/White would be the same variant; without Colour, S/White and S/Black.
    await refused('DELETE', `/admin/products/${product.id}/options/${size.id}`, undefined, 409, 'variant_options_taken');
    await refused('DELETE', `/admin/products/${product.id}/options/${colour.id}`, undefined, 409, 'variant_options_taken');
    expect(await ok('GET', `/admin/products/${product.id}`)).toEqual(withoutFit);

    const deleted = await ok('DELETE', `/admin/products/${product.id}/variants/${withoutFit.variants[2].id}`);
    const withoutColour = await ok('DELETE', `/admin/products/${product.id}/options/${colour.id}`);
    expect(withoutColour.options).toEqual([size]);
    expect(withoutColour.variants).toEqual(deleted.variants.map((v: any) => ({ ...v, options: { Size: v.options.Size } })));
    product = withoutColour;
  });

  test('unknown option → 404 option_not_found; unknown product → 404 product_not_found', async () => {
    const missing = 'opt_00000000000000000000000000';
    await refused('POST', `/admin/products/${product.id}/options/${missing}`, { title: 'X' }, 404, 'option_not_found');
    await refused('DELETE', `/admin/products/${product.id}/options/${missing}`, undefined, 404, 'option_not_found');
    const other = await created({ title: 'Other Option Owner', options: [{ title: 'Size', values: ['One'] }] });
    // An option of another product is unknown here.
    await refused('DELETE', `/admin/products/${product.id}/options/${other.options[0].id}`, undefined, 404, 'option_not_found');
    await refused('POST', '/admin/products/prod_00000000000000000000000000/options', { title: 'X', values: ['a'] }, 404, 'product_not_found');
    await refused('POST', `/admin/products/${product.id}/options/not-an-id`, { title: 'X' }, 400, 'invalid_request', 'params.option_id');
  });
});

describe('variants and prices', () => {
  let product: any;
  beforeAll(async () => {
    product = await created({
      title: 'Variant Boot', options: [{ title: 'Size', values: ['40', '41', '42'] }],
      variants: [{ sku: 'VB-40', options: { Size: '40' }, prices: [usd(9000)] }],
    });
  });

  test('add a variant with every field', async () => {
    const updated = await ok('POST', `/admin/products/${product.id}/variants`, {
      title: 'Size 41', sku: 'VB-41', barcode: '12345', weight_grams: 1200, length_mm: null, width_mm: null, height_mm: null, options: { Size: '41' }, prices: [usd(9500), eur(9000)], metadata: { wide: false },
    }, 201);
    expect(updated.variants.map(withoutId)).toEqual([
      { title: '40', sku: 'VB-40', barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: { Size: '40' }, prices: [usd(9000)], metadata: {} },
      { title: 'Size 41', sku: 'VB-41', barcode: '12345', weight_grams: 1200, length_mm: null, width_mm: null, height_mm: null, options: { Size: '41' }, prices: [eur(9000), usd(9500)], metadata: { wide: false } },
    ]);
    expect(updated.variants[0].id).toBe(product.variants[0].id);
    product = updated;
  });

  test('variant conflicts: duplicate SKU, same option values, bad option values', async () => {
    const before = await snapshot();
    await refused('POST', `/admin/products/${product.id}/variants`, { sku: 'VB-40', options: { Size: '42' } }, 409, 'variant_sku_taken', 'body.sku');
    await refused('POST', `/admin/products/${product.id}/variants`, { sku: 'VB-42', options: { Size: '41' } }, 409, 'variant_options_taken', 'body.options');
    await refused('POST', `/admin/products/${product.id}/variants`, { sku: 'VB-42', options: { Size: '43' } }, 400, 'variant_options_invalid', 'body.options');
    await refused('POST', `/admin/products/${product.id}/variants`, { sku: 'VB-42', options: { Size: '42', Width: 'W' } }, 400, 'variant_options_invalid', 'body.options');
    await refused('POST', `/admin/products/${product.id}/variants`, { sku: 'VB-42' }, 400, 'variant_options_invalid', 'body.options');
    await refused('POST', `/admin/products/${product.id}/variants/${product.variants[1].id}`, { sku: 'VB-40' }, 409, 'variant_sku_taken', 'body.sku');
    await refused('POST', `/admin/products/${product.id}/variants/${product.variants[1].id}`, { options: { Size: '40' } }, 409, 'variant_options_taken', 'body.options');
    // A refused update changes none of the fields sent with it.
    await refused('POST', `/admin/products/${product.id}/variants/${product.variants[1].id}`, { title: 'Changed', prices: [usd(1)], sku: 'VB-40' }, 409, 'variant_sku_taken', 'body.sku');
    await refused('POST', `/admin/products/${product.id}/variants/${product.variants[1].id}`, { prices: [{ currency_code: 'XXY', amount: 1 }] }, 400, 'invalid_currency', 'body.prices[0].currency_code');
    expect(await snapshot()).toEqual(before);
    // Its own SKU and options are no conflict.
    const same = await ok('POST', `/admin/products/${product.id}/variants/${product.variants[1].id}`, { sku: 'VB-41', options: { Size: '41' } });
    expect(same.variants.map(withoutId)).toEqual(product.variants.map(withoutId));
  });

  test('a product without options has exactly one variant', async () => {
    const single = await created({ title: 'Single Bottle', variants: [{ sku: 'SB-1' }] });
    await refused('POST', `/admin/products/${single.id}/variants`, { sku: 'SB-2' }, 400, 'too_many_variants');
    const bare = await created({ title: 'Bare Bottle' });
    const withOne = await ok('POST', `/admin/products/${bare.id}/variants`, { sku: 'BB-1', prices: [usd(100)] }, 201);
    expect(withOne.variants.map(withoutId)).toEqual([{ title: 'Default', sku: 'BB-1', barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: {}, prices: [usd(100)], metadata: {} }]);
  });

  test('prices: set some currencies (others kept), overwrite, delete one', async () => {
    const variant = product.variants[0];
    const url = `/admin/products/${product.id}/variants/${variant.id}/prices`;
    const added = await ok('POST', url, { prices: [eur(8500), { currency_code: 'GBP', amount: 7800 }] });
    expect(added.variants[0].prices).toEqual([eur(8500), { currency_code: 'GBP', amount: 7800 }, usd(9000)]);
    const overwritten = await ok('POST', url, { prices: [usd(9900)] });
    expect(overwritten.variants[0].prices).toEqual([eur(8500), { currency_code: 'GBP', amount: 7800 }, usd(9900)]);
    const zero = await ok('POST', url, { prices: [{ currency_code: 'JPY', amount: 0 }] });
    expect(zero.variants[0].prices).toEqual([eur(8500), { currency_code: 'GBP', amount: 7800 }, { currency_code: 'JPY', amount: 0 }, usd(9900)]);
    const removed = await ok('DELETE', `${url}/GBP`);
    expect(removed.variants[0].prices).toEqual([eur(8500), { currency_code: 'JPY', amount: 0 }, usd(9900)]);
    expect(removed.variants[1]).toEqual(product.variants[1]);
    expect(await ok('GET', `/admin/products/${product.id}`)).toEqual(removed);

    const before = await snapshot();
    await refused('DELETE', `${url}/GBP`, undefined, 400, 'invalid_request', 'params.currency_code');
    await refused('DELETE', `${url}/gbp`, undefined, 400, 'invalid_request', 'params.currency_code');
    await refused('POST', url, { prices: [] }, 400, 'invalid_request', 'body.prices');
    await refused('POST', url, { prices: [usd(-1)] }, 400, 'invalid_request', 'body.prices[0].amount');
    await refused('POST', url, { prices: [{ currency_code: 'USD', amount: '10' }] }, 400, 'invalid_request', 'body.prices[0].amount');
    await refused('POST', url, { prices: [{ currency_code: 'USD', amount: 10.5 }] }, 400, 'invalid_request', 'body.prices[0].amount');
    await refused('POST', url, { prices: [usd(5), { currency_code: 'XXY', amount: 5 }] }, 400, 'invalid_currency', 'body.prices[1].currency_code');
    await refused('POST', url, { prices: [usd(5), usd(6)] }, 400, 'invalid_request', 'body.prices[1].currency_code');
    await refused('POST', url, { prices: [{ currency_code: 'us$', amount: 5 }] }, 400, 'invalid_request', 'body.prices[0].currency_code');
    expect(await snapshot()).toEqual(before);
    product = removed;
  });

  test('delete a variant', async () => {
    const [first, second] = product.variants;
    const updated = await ok('DELETE', `/admin/products/${product.id}/variants/${first.id}`);
    expect(updated.variants).toEqual([second]);
    await refused('DELETE', `/admin/products/${product.id}/variants/${first.id}`, undefined, 404, 'variant_not_found');
    // Its SKU is free again.
    const again = await ok('POST', `/admin/products/${product.id}/variants`, { sku: 'VB-40', options: { Size: '40' } }, 201);
    expect(again.variants.map((v: any) => v.sku)).toEqual(['VB-41', 'VB-40']);
    product = again;
  });

  test('unknown variant → 404 variant_not_found, also for a variant of another product', async () => {
    const missing = 'var_00000000000000000000000000';
    const other = await created({ title: 'Other Variant Owner', variants: [{ sku: 'OVO-1' }] });
    for (const variantId of [missing, other.variants[0].id]) {
      await refused('POST', `/admin/products/${product.id}/variants/${variantId}`, { title: 'x' }, 404, 'variant_not_found');
      await refused('DELETE', `/admin/products/${product.id}/variants/${variantId}`, undefined, 404, 'variant_not_found');
      await refused('POST', `/admin/products/${product.id}/variants/${variantId}/prices`, { prices: [usd(1)] }, 404, 'variant_not_found');
      await refused('DELETE', `/admin/products/${product.id}/variants/${variantId}/prices/USD`, undefined, 404, 'variant_not_found');
    }
    await refused('POST', `/admin/products/prod_00000000000000000000000000/variants`, { sku: 'NOPE' }, 404, 'product_not_found');
    expect((await ok('GET', `/admin/products/${other.id}`)).variants[0].sku).toBe('OVO-1');
  });
});

describe('conflicts and bad input write nothing', () => {
  let existing: any;
  beforeAll(async () => {
    existing = await created({ title: 'Existing Boot', handle: 'existing-boot', variants: [{ sku: 'EB-1', prices: [usd(100)] }] });
  });

  test('duplicate handle → 409 product_handle_taken', async () => {
    const before = await snapshot();
    const error = await refused('POST', '/admin/products', {
      title: 'Another Boot', handle: 'existing-boot', variants: [{ sku: 'AB-1' }],
    }, 409, 'product_handle_taken', 'body.handle');
    expect(error.message).toBe('a product with handle "existing-boot" exists');
    // A handle made from the title conflicts the same way.
    await refused('POST', '/admin/products', { title: 'Existing Boot', variants: [{ sku: 'AB-2' }] }, 409, 'product_handle_taken', 'body.handle');
    const other = await created({ title: 'Handle Mover', variants: [{ sku: 'HM-1' }] });
    const after = await snapshot();
    await refused('POST', `/admin/products/${other.id}`, { handle: 'existing-boot', title: 'Renamed' }, 409, 'product_handle_taken', 'body.handle');
    expect(await snapshot()).toEqual(after);
    expect(after.products).toBe(before.products + 1);
    expect(after.variants).toBe(before.variants + 1);
    // Its own handle is no conflict.
    expect((await ok('POST', `/admin/products/${other.id}`, { handle: 'handle-mover' })).handle).toBe('handle-mover');
  });

  test('duplicate SKU → 409 variant_sku_taken, whether in the database or twice in the request', async () => {
    const before = await snapshot();
    await refused('POST', '/admin/products', {
      title: 'Sku Clash', options: [{ title: 'Size', values: ['A', 'B'] }],
      variants: [{ sku: 'SC-A', options: { Size: 'A' } }, { sku: 'EB-1', options: { Size: 'B' } }],
    }, 409, 'variant_sku_taken', 'body.variants[1].sku');
    await refused('POST', '/admin/products', {
      title: 'Sku Twice', options: [{ title: 'Size', values: ['A', 'B'] }],
      variants: [{ sku: 'ST-1', options: { Size: 'A' } }, { sku: 'ST-1', options: { Size: 'B' } }],
    }, 409, 'variant_sku_taken', 'body.variants[1].sku');
    expect(await snapshot()).toEqual(before);
    expect(before.data.some((p: any) => p.handle === 'sku-clash' || p.handle === 'sku-twice')).toBe(false);
  });

  test('concurrent creates with one handle or one SKU: exactly one is written', async () => {
    const before = await snapshot();
    const sameHandle = await Promise.all([1, 2, 3].map((i) => shop.post('/admin/products', { title: 'Race Mug', variants: [{ sku: `RACE-MUG-${i}` }] })));
    expect(sameHandle.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of sameHandle.filter((r) => r.status === 409)) expect(r.body.error.code).toBe('product_handle_taken');
    const sameSku = await Promise.all([1, 2, 3].map((i) => shop.post('/admin/products', { title: `Race Cup ${i}`, variants: [{ sku: 'RACE-CUP' }] })));
    expect(sameSku.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of sameSku.filter((r) => r.status === 409)) expect(r.body.error.code).toBe('variant_sku_taken');
    const after = await snapshot();
    expect([after.products, after.variants]).toEqual([before.products + 2, before.variants + 2]);
  });

  const valid = {
    title: 'Valid Base', options: [{ title: 'Size', values: ['S', 'M'] }],
    variants: [{ sku: 'VALID-S', options: { Size: 'S' }, prices: [usd(100)] }, { sku: 'VALID-M', options: { Size: 'M' }, prices: [usd(100)] }],
  };
  const cases: [string, unknown, number, string, string][] = [
    ['title a number', { ...valid, title: 5 }, 400, 'invalid_request', 'body.title'],
    ['title empty', { ...valid, title: '' }, 400, 'invalid_request', 'body.title'],
    ['title missing', { handle: 'no-title' }, 400, 'invalid_request', 'body.title'],
    ['amount a string', { ...valid, variants: [{ ...valid.variants[0], prices: [{ currency_code: 'USD', amount: '10' }] }] }, 400, 'invalid_request', 'body.variants[0].prices[0].amount'],
    ['amount negative', { ...valid, variants: [valid.variants[0], { ...valid.variants[1], prices: [usd(-5)] }] }, 400, 'invalid_request', 'body.variants[1].prices[0].amount'],
    ['amount fractional', { ...valid, variants: [{ ...valid.variants[0], prices: [usd(1.25)] }] }, 400, 'invalid_request', 'body.variants[0].prices[0].amount'],
    ['currency unknown', { ...valid, variants: [{ ...valid.variants[0], prices: [usd(1), { currency_code: 'XXY', amount: 1 }] }] }, 400, 'invalid_currency', 'body.variants[0].prices[1].currency_code'],
    ['currency not three letters', { ...valid, variants: [{ ...valid.variants[0], prices: [{ currency_code: 'us1', amount: 1 }] }] }, 400, 'invalid_request', 'body.variants[0].prices[0].currency_code'],
    ['currency priced twice', { ...valid, variants: [{ ...valid.variants[0], prices: [usd(1), usd(2)] }] }, 400, 'invalid_request', 'body.variants[0].prices[1].currency_code'],
    ['too many options', {
      ...valid, options: [{ title: 'A', values: ['1'] }, { title: 'B', values: ['1'] }, { title: 'C', values: ['1'] }, { title: 'D', values: ['1'] }],
      variants: [{ options: { A: '1', B: '1', C: '1', D: '1' } }],
    }, 400, 'too_many_options', 'body.options'],
    ['variant missing an option value', { ...valid, variants: [valid.variants[0], { sku: 'VALID-X', options: {} }] }, 400, 'variant_options_invalid', 'body.variants[1].options'],
    ['variant with a value the option lacks', { ...valid, variants: [{ sku: 'VALID-X', options: { Size: 'XL' } }] }, 400, 'variant_options_invalid', 'body.variants[0].options'],
    ['variant with an unknown option', { ...valid, variants: [{ sku: 'VALID-X', options: { Size: 'S', Fit: 'Slim' } }] }, 400, 'variant_options_invalid', 'body.variants[0].options'],
    ['two variants with the same option values', { ...valid, variants: [valid.variants[0], { ...valid.variants[1], options: { Size: 'S' } }] }, 409, 'variant_options_taken', 'body.variants[1].options'],
    ['two variants without options', { ...valid, options: [], variants: [{ sku: 'NO-OPT-1' }, { sku: 'NO-OPT-2' }] }, 400, 'too_many_variants', 'body.variants'],
    ['option listed twice', { ...valid, options: [{ title: 'Size', values: ['S'] }, { title: 'Size', values: ['M'] }], variants: [] }, 409, 'option_title_taken', 'body.options[1].title'],
    ['option value listed twice', { ...valid, options: [{ title: 'Size', values: ['S', 'S'] }], variants: [] }, 400, 'invalid_request', 'body.options[0].values'],
    ['unknown property', { ...valid, colour: 'red' }, 400, 'invalid_request', 'body.colour'],
    ['unknown variant property', { ...valid, variants: [{ ...valid.variants[0], stock: 5 }] }, 400, 'invalid_request', 'body.variants[0].stock'],
    ['unknown price property', { ...valid, variants: [{ ...valid.variants[0], prices: [{ ...usd(1), compare_at: 2 }] }] }, 400, 'invalid_request', 'body.variants[0].prices[0].compare_at'],
    ['handle not URL-safe', { ...valid, handle: 'Valid Base' }, 400, 'invalid_request', 'body.handle'],
    ['status unknown', { ...valid, status: 'live' }, 400, 'invalid_request', 'body.status'],
    ['tags not a list', { ...valid, tags: 'a,b' }, 400, 'invalid_request', 'body.tags'],
    ['tag with a comma', { ...valid, tags: ['a,b'] }, 400, 'invalid_request', 'body.tags[0]'],
    ['image not a URL', { ...valid, images: ['not a url'] }, 400, 'invalid_request', 'body.images[0]'],
    ['weight negative', { ...valid, variants: [{ ...valid.variants[0], weight_grams: -1 }] }, 400, 'invalid_request', 'body.variants[0].weight_grams'],
    ['sku blank', { ...valid, variants: [{ ...valid.variants[0], sku: ' ' }] }, 400, 'invalid_request', 'body.variants[0].sku'],
    ['sku a number', { ...valid, variants: [{ ...valid.variants[0], sku: 12 }] }, 400, 'invalid_request', 'body.variants[0].sku'],
    ['metadata not an object', { ...valid, metadata: 'x' }, 400, 'invalid_request', 'body.metadata'],
    ['collection id malformed', { ...valid, collection_id: 'outdoor' }, 400, 'invalid_request', 'body.collection_id'],
    ['collection unknown', { ...valid, collection_id: 'pcol_00000000000000000000000000' }, 404, 'collection_not_found', 'body.collection_id'],
    ['category unknown', { ...valid, category_ids: ['pcat_00000000000000000000000000'] }, 404, 'category_not_found', 'body.category_ids[0]'],
  ];
  test.each(cases)('%s → %i %s naming %s; nothing written', async (_name, body, status, code, field) => {
    const before = await snapshot();
    const error = await refused('POST', '/admin/products', body, status, code, field);
    expect(typeof error.message).toBe('string');
    expect(await snapshot()).toEqual(before);
  });

  test('the valid base of those cases is itself accepted', async () => {
    const product = await created(valid);
    expect(product.variants.map((v: any) => v.sku)).toEqual(['VALID-S', 'VALID-M']);
  });

  test('updates refuse bad input naming the field, and change nothing', async () => {
    const before = await snapshot();
    const url = `/admin/products/${existing.id}`;
    await refused('POST', url, { title: 5 }, 400, 'invalid_request', 'body.title');
    await refused('POST', url, {}, 400, 'invalid_request', 'body');
    await refused('POST', url, { options: [] }, 400, 'invalid_request', 'body.options');
    await refused('POST', url, { status: 'gone' }, 400, 'invalid_request', 'body.status');
    await refused('POST', url, { title: 'Changed', collection_id: 'pcol_00000000000000000000000000' }, 404, 'collection_not_found', 'body.collection_id');
    await refused('POST', url, { title: 'Changed', category_ids: ['pcat_00000000000000000000000000'] }, 404, 'category_not_found', 'body.category_ids');
    const variantUrl = `/admin/products/${existing.id}/variants/${existing.variants[0].id}`;
    await refused('POST', variantUrl, { weight_grams: 'heavy' }, 400, 'invalid_request', 'body.weight_grams');
    await refused('POST', variantUrl, { length_mm: 0 }, 400, 'invalid_request', 'body.length_mm');
    await refused('POST', variantUrl, { height_mm: 1.5 }, 400, 'invalid_request', 'body.height_mm');
    await refused('POST', variantUrl, { prices: [{ currency_code: 'USD', amount: '10' }] }, 400, 'invalid_request', 'body.prices[0].amount');
    await refused('POST', variantUrl, { prices: [usd(-10)] }, 400, 'invalid_request', 'body.prices[0].amount');
    await refused('POST', variantUrl, { options: { Size: 'S' } }, 400, 'variant_options_invalid', 'body.options');
    await refused('POST', variantUrl, { id: 'var_1' }, 400, 'invalid_request', 'body.id');
    expect(await snapshot()).toEqual(before);
  });

  test('not JSON, and no token', async () => {
    const notJson = await shop.request('POST', '/admin/products', { body: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    const anonymous = await shop.request('POST', '/admin/products', { body: { title: 'Sneaky' }, token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    expect((await shop.request('GET', '/admin/products', { token: null })).status).toBe(401);
    expect((await shop.request('DELETE', `/admin/products/${existing.id}`, { token: 'not-a-token' })).status).toBe(401);
    expect((await ok('GET', `/admin/products/${existing.id}`)).id).toBe(existing.id);
  });
});

describe('unknown ids', () => {
  test('→ 404 product_not_found on every product route; malformed ids → 400', async () => {
    const missing = 'prod_00000000000000000000000000';
    await refused('GET', `/admin/products/${missing}`, undefined, 404, 'product_not_found');
    await refused('POST', `/admin/products/${missing}`, { title: 'x' }, 404, 'product_not_found');
    await refused('DELETE', `/admin/products/${missing}`, undefined, 404, 'product_not_found');
    await refused('POST', `/admin/products/${missing}/variants/var_00000000000000000000000000`, { title: 'x' }, 404, 'product_not_found');
    await refused('GET', '/admin/products/nope', undefined, 400, 'invalid_request', 'params.id');
    await refused('GET', '/admin/products/var_00000000000000000000000000', undefined, 400, 'invalid_request', 'params.id');
  });
});

describe('delete a product', () => {
  test('→ 200, then 404 everywhere; its handle and SKUs are free again', async () => {
    const product = await created({
      title: 'Doomed Parka', status: 'published', collection_id: ids.outdoor, category_ids: [ids.jackets],
      options: [{ title: 'Size', values: ['S', 'M'] }, { title: 'Color', values: ['Red'] }],
      variants: [{ sku: 'DP-S', options: { Size: 'S', Color: 'Red' }, prices: [usd(100)] }, { sku: 'DP-M', options: { Size: 'M', Color: 'Red' } }],
    });
    const before = await snapshot();
    expect(await ok('DELETE', `/admin/products/${product.id}`)).toEqual({ id: product.id, object: 'product', deleted: true });
    const after = await snapshot();
    expect(after.products).toBe(before.products - 1);
    expect(after.variants).toBe(before.variants - 2);
    await refused('GET', `/admin/products/${product.id}`, undefined, 404, 'product_not_found');
    await refused('DELETE', `/admin/products/${product.id}`, undefined, 404, 'product_not_found');
    await refused('POST', `/admin/products/${product.id}`, { title: 'Back' }, 404, 'product_not_found');
    await refused('POST', `/admin/products/${product.id}/variants/${product.variants[0].id}`, { title: 'Back' }, 404, 'product_not_found');
    expect((await shop.get('/store/products/doomed-parka')).status).toBe(404);
    const again = await created({ title: 'Doomed Parka', variants: [{ sku: 'DP-S' }] });
    expect(again.handle).toBe('doomed-parka');
    // The collection and category stay.
    expect((await shop.get(`/admin/collections/${ids.outdoor}`)).status).toBe(200);
    expect((await shop.get(`/admin/categories/${ids.jackets}`)).status).toBe(200);
  });
});

describe('GET /admin/products', () => {
  let made: Record<string, any>;
  beforeAll(async () => {
    made = {};
    for (const [handle, status, description] of [
      ['list-draft-kettle', 'draft', 'copper kettle'], ['list-live-kettle', 'published', 'steel kettle'],
      ['list-old-kettle', 'archived', 'iron kettle'], ['list-live-pan', 'published', 'steel pan'],
    ] as const) {
      made[handle] = await created({ title: handle.replace(/-/g, ' '), handle, status, description });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  });

  const listed = async (query: string) => {
    const response = await shop.get(`/admin/products${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body.data.map((p: any) => p.handle);
  };

  test('filters by status (repeatable) and q, in any status', async () => {
    // With q the default order is relevance; equal ranks go oldest first.
    expect(await listed('?q=kettle')).toEqual(['list-draft-kettle', 'list-live-kettle', 'list-old-kettle']);
    expect(await listed('?q=kettle&sort=newest')).toEqual(['list-old-kettle', 'list-live-kettle', 'list-draft-kettle']);
    expect(await listed('?q=kettle&status=draft')).toEqual(['list-draft-kettle']);
    expect(await listed('?q=kettle&status=archived')).toEqual(['list-old-kettle']);
    expect(await listed('?q=kettle&status=published')).toEqual(['list-live-kettle']);
    expect(await listed('?q=kettle&status=draft&status=archived')).toEqual(['list-draft-kettle', 'list-old-kettle']);
    expect(await listed('?q=steel')).toEqual(['list-live-kettle', 'list-live-pan']);
    expect(await listed('?q=steel&status=draft')).toEqual([]);
    expect(await listed('?q=copper%20kettle')).toEqual(['list-draft-kettle']);
    expect(await listed('?q=list&sort=title&status=published')).toEqual(['list-live-kettle', 'list-live-pan']);
  });

  test('status alone, and every product exactly once across pages', async () => {
    const all = (await snapshot()).data;
    const drafts = all.filter((p: any) => p.status === 'draft').map((p: any) => p.handle);
    expect(drafts.length).toBeGreaterThan(3);
    expect(await listed('?status=draft&limit=100')).toEqual(drafts);
    const handles: string[] = [];
    let cursor: string | null = null;
    do {
      const response: any = await shop.get(`/admin/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      handles.push(...response.body.data.map((p: any) => p.handle));
      cursor = response.body.next_cursor;
    } while (cursor);
    expect(handles).toEqual(all.map((p: any) => p.handle));
    expect(new Set(handles).size).toBe(handles.length);
  });

  test('bad list input → 400 naming the field', async () => {
    await refused('GET', '/admin/products?status=live', undefined, 400, 'invalid_request', 'querystring.status[0]');
    await refused('GET', '/admin/products?limit=0', undefined, 400, 'invalid_request', 'querystring.limit');
    await refused('GET', '/admin/products?sort=price', undefined, 400, 'invalid_request', 'querystring.currency_code');
    await refused('GET', '/admin/products?foo=1', undefined, 400, 'invalid_request', 'querystring.foo');
    await refused('GET', '/admin/products?cursor=garbage', undefined, 400, 'invalid_cursor', 'querystring.cursor');
  });
});
