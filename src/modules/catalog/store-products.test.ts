import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** No inventory item: tracked, none in stock (stock itself is tested with inventory and checkout). */
const NO_STOCK = { in_stock: false, available_quantity: 0 };

/**
 * The storefront's catalog reads: GET /store/products (sorts, cursor paging, filters, search), one product,
 * collections and the category tree. One fixture catalog is built in beforeAll through the Admin API.
 */

let shop: TestShop;
const ids: Record<string, string> = {};
const collections: Record<string, any> = {};
const categories: Record<string, any> = {};
const products: Record<string, any> = {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const usd = (amount: number) => ({ currency_code: 'USD', amount });
const eur = (amount: number) => ({ currency_code: 'EUR', amount });

async function create<T = any>(url: string, body: unknown): Promise<T> {
  const response = await shop.post(url, body);
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** Handles of the products a store list answers, in order. */
async function handles(query: string): Promise<string[]> {
  const response = await shop.get(`/store/products${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.data.map((p: any) => p.handle);
}

/** Follows next_cursor from the first page to the last, checking every page's size. */
async function walk(query: string, limit: number): Promise<{ pages: string[][]; all: string[] }> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  const separator = query ? '&' : '?';
  do {
    const url: string = `/store/products${query}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await shop.get(url);
    expect(response.status, response.text).toBe(200);
    pages.push(response.body.data.map((p: any) => p.handle));
    cursor = response.body.next_cursor;
    expect(pages.length).toBeLessThan(20);
  } while (cursor);
  return { pages, all: pages.flat() };
}

async function expectBadRequest(url: string, code: string, field: string) {
  const response = await shop.get(url);
  expect(response.status, response.text).toBe(400);
  expect(response.body.error.code).toBe(code);
  expect(response.body.error.details.field).toBe(field);
  return response;
}

// Newest first: the order the published fixture products were created in, reversed.
const NEWEST = ['sun-hat', 'gift-card', 'linen-shirt', 'zip-hoodie', 'canvas-tote', 'alpaca-scarf', 'blue-hoodie'];

beforeAll(async () => {
  shop = await startTestShop();

  for (const [key, title] of [['summer', 'Summer'], ['winter', 'Winter']]) {
    collections[key] = await create('/admin/collections', { title, description: `${title} range` });
    ids[key] = collections[key].id;
  }
  // Apparel(0) → Tops(0) → Hoodies ; Apparel → Shirts(1) ; Accessories(1) → Bags, Bags & Cases
  const category = async (key: string, name: string, extra: Record<string, unknown> = {}) => {
    categories[key] = await create('/admin/categories', { name, ...extra });
    ids[key] = categories[key].id;
  };
  await category('accessories', 'Accessories', { position: 1 });
  await category('apparel', 'Apparel', { position: 0 });
  await category('shirts', 'Shirts', { parent_id: ids.apparel, position: 1 });
  await category('tops', 'Tops', { parent_id: ids.apparel, position: 0, description: 'Everything worn on top' });
  await category('hoodies', 'Hoodies', { parent_id: ids.tops });
  await category('bagsCases', 'Bags & Cases', { parent_id: ids.accessories });
  await category('bags', 'Bags', { parent_id: ids.accessories });

  const product = async (body: Record<string, any>) => {
    const created = await create('/admin/products', body);
    products[created.handle] = created;
    await sleep(3); // distinct milliseconds, so id order is creation order
  };
  await product({
    title: 'Blue Hoodie', status: 'published', tags: ['cotton', 'warm'], description: 'A cozy pullover for cold days.',
    images: ['https://img.example.com/blue-hoodie.jpg'], collection_id: ids.winter, category_ids: [ids.hoodies],
    options: [{ title: 'Size', values: ['S', 'M', 'L'] }],
    variants: [
      { sku: 'BH-S', options: { Size: 'S' }, weight_grams: 450, length_mm: null, width_mm: null, height_mm: null, prices: [usd(5000), eur(4500)] },
      { sku: 'BH-M', options: { Size: 'M' }, weight_grams: 480, length_mm: null, width_mm: null, height_mm: null, barcode: '0001112223334', prices: [usd(5200)] },
      { sku: 'BH-L', options: { Size: 'L' }, prices: [usd(5400), eur(4900)], metadata: { fit: 'relaxed' } },
    ],
  });
  await product({
    title: 'alpaca scarf', status: 'published', tags: ['wool', 'warm'], description: 'Soft scarf knitted from alpaca wool.',
    collection_id: ids.winter, category_ids: [ids.accessories], variants: [{ sku: 'AS-1', prices: [usd(3000)] }],
  });
  await product({
    title: 'Draft Hoodie', status: 'draft', tags: ['cotton', 'warm'], description: 'Not ready yet',
    collection_id: ids.winter, category_ids: [ids.hoodies], variants: [{ sku: 'DH-1', prices: [usd(100), eur(100)] }],
  });
  await product({
    title: 'Canvas Tote', status: 'published', tags: ['cotton'], description: 'Carry everything. Pairs well with a hoodie.',
    collection_id: ids.summer, category_ids: [ids.accessories], variants: [{ sku: 'CT-1', prices: [usd(1500), eur(1400)] }],
  });
  await product({
    title: 'Zip Hoodie', status: 'published', tags: ['cotton', 'warm', 'sale'], description: 'Full zip hooded sweatshirt.',
    collection_id: ids.winter, category_ids: [ids.tops], options: [{ title: 'Color', values: ['Black', 'Grey'] }],
    variants: [
      { sku: 'ZH-BLK', options: { Color: 'Black' }, prices: [usd(6000)] },
      { sku: 'ZH-GRY', options: { Color: 'Grey' }, prices: [usd(5800)] },
    ],
  });
  await product({
    title: 'Linen Shirt', status: 'published', tags: ['linen', 'sale'], description: 'Breathable shirt for summer.',
    collection_id: ids.summer, category_ids: [ids.shirts], variants: [{ sku: 'LS-1', prices: [usd(4000), eur(3800)] }],
  });
  await product({ title: 'Gift Card', status: 'published', description: 'A present for anyone.', variants: [{ sku: 'GC-1' }] });
  await product({
    title: 'Old Hoodie', status: 'published', tags: ['cotton', 'warm'], description: 'Last season',
    collection_id: ids.winter, category_ids: [ids.hoodies], variants: [{ sku: 'OH-1', prices: [usd(100), eur(100)] }],
  });
  const archived = await shop.post(`/admin/products/${products['old-hoodie'].id}/archive`);
  expect(archived.status, archived.text).toBe(200);
  await product({
    title: 'Sun Hat', status: 'published', tags: ['beach', 'sale'], description: 'Wide brim straw hat.',
    collection_id: ids.summer, category_ids: [ids.accessories], variants: [{ sku: 'SH-1', prices: [usd(1500)] }],
  });
  for (const handle of Object.keys(products)) ids[handle] = products[handle].id;
});
afterAll(async () => shop?.close());

describe('GET /store/products: sorts', () => {
  test('newest first by default, and with sort=newest (id descending)', async () => {
    expect(await handles('')).toEqual(NEWEST);
    expect(await handles('?sort=newest')).toEqual(NEWEST);
    const byId = NEWEST.map((h) => ids[h]);
    expect([...byId].sort().reverse()).toEqual(byId);
  });

  test('title: case-insensitive A–Z', async () => {
    expect(await handles('?sort=title')).toEqual(
      ['alpaca-scarf', 'blue-hoodie', 'canvas-tote', 'gift-card', 'linen-shirt', 'sun-hat', 'zip-hoodie'],
    );
  });

  test('price: lowest variant price in the currency, ties by id; products without a price in it left out', async () => {
    expect(await handles('?sort=price&currency_code=USD')).toEqual(
      ['canvas-tote', 'sun-hat', 'alpaca-scarf', 'linen-shirt', 'blue-hoodie', 'zip-hoodie'],
    );
    expect(await handles('?sort=-price&currency_code=USD')).toEqual(
      ['zip-hoodie', 'blue-hoodie', 'linen-shirt', 'alpaca-scarf', 'sun-hat', 'canvas-tote'],
    );
    expect(await handles('?sort=price&currency_code=EUR')).toEqual(['canvas-tote', 'linen-shirt', 'blue-hoodie']);
    expect(await handles('?sort=-price&currency_code=EUR')).toEqual(['blue-hoodie', 'linen-shirt', 'canvas-tote']);
    expect(await handles('?sort=price&currency_code=JPY')).toEqual([]);
  });

  test('relevance: the default with q; title matches first, then by rank, then oldest first', async () => {
    // "hood" is a prefix of both titles' "hoodie"; the zip hoodie also has "hooded" in its description, so it ranks higher.
    const hood = ['zip-hoodie', 'blue-hoodie', 'canvas-tote'];
    expect(await handles('?q=hood')).toEqual(hood);
    expect(await handles('?q=hood&sort=relevance')).toEqual(hood);
    // "hoodie" matches both titles equally ("hooded" is not a match): equal ranks go by id, oldest first.
    expect(await handles('?q=hoodie')).toEqual(['blue-hoodie', 'zip-hoodie', 'canvas-tote']);
    // Another sort may be asked for with q.
    expect(await handles('?q=hood&sort=title')).toEqual(['blue-hoodie', 'canvas-tote', 'zip-hoodie']);
    expect(await handles('?q=hood&sort=newest')).toEqual(['zip-hoodie', 'canvas-tote', 'blue-hoodie']);
    expect(await handles('?q=hood&sort=price&currency_code=EUR')).toEqual(['canvas-tote', 'blue-hoodie']);
  });
});

describe('GET /store/products: cursor paging', () => {
  const cases: [string, string[]][] = [
    ['', NEWEST],
    ['?sort=newest', NEWEST],
    ['?sort=title', ['alpaca-scarf', 'blue-hoodie', 'canvas-tote', 'gift-card', 'linen-shirt', 'sun-hat', 'zip-hoodie']],
    ['?sort=price&currency_code=USD', ['canvas-tote', 'sun-hat', 'alpaca-scarf', 'linen-shirt', 'blue-hoodie', 'zip-hoodie']],
    ['?sort=-price&currency_code=USD', ['zip-hoodie', 'blue-hoodie', 'linen-shirt', 'alpaca-scarf', 'sun-hat', 'canvas-tote']],
    ['?q=warm', ['blue-hoodie', 'alpaca-scarf', 'zip-hoodie']],
    ['?q=hood&sort=relevance', ['zip-hoodie', 'blue-hoodie', 'canvas-tote']],
    ['?q=hoodie', ['blue-hoodie', 'zip-hoodie', 'canvas-tote']],
    ['?tag=sale&sort=title', ['linen-shirt', 'sun-hat', 'zip-hoodie']],
  ];
  test.each(cases)('limit=2 walks %s: every product exactly once, in order', async (query, expected) => {
    const { pages, all } = await walk(query, 2);
    expect(all).toEqual(expected);
    expect(new Set(all).size).toBe(all.length);
    expect(pages.map((p) => p.length)).toEqual(
      Array.from({ length: Math.ceil(expected.length / 2) }, (_, i) => Math.min(2, expected.length - i * 2)),
    );
  });

  test('limit=1 and limit=100 walk the same list', async () => {
    expect((await walk('?sort=title', 1)).all).toEqual((await walk('?sort=title', 100)).all);
    expect((await walk('?sort=-price&currency_code=USD', 1)).all)
      .toEqual(['zip-hoodie', 'blue-hoodie', 'linen-shirt', 'alpaca-scarf', 'sun-hat', 'canvas-tote']);
  });

  test('the last page has next_cursor null; an exact fit gives no empty extra page', async () => {
    const all = await shop.get('/store/products?limit=7');
    expect(all.body.data).toHaveLength(7);
    expect(all.body.next_cursor).toBeNull();
    const first = await shop.get('/store/products?limit=6');
    expect(first.body.data).toHaveLength(6);
    expect(typeof first.body.next_cursor).toBe('string');
  });

  test('a cursor of one sort is refused by another', async () => {
    const first = await shop.get('/store/products?limit=2&sort=title');
    const cursor = first.body.next_cursor as string;
    const response = await expectBadRequest(`/store/products?limit=2&sort=price&currency_code=USD&cursor=${cursor}`, 'invalid_cursor', 'querystring.cursor');
    expect(response.body.error.message).toBe('The cursor is not one this list returned.');
    await expectBadRequest(`/store/products?limit=2&cursor=${cursor}`, 'invalid_cursor', 'querystring.cursor');
  });
});

describe('GET /store/products: filters', () => {
  test('collection_id', async () => {
    expect(await handles(`?collection_id=${ids.winter}`)).toEqual(['zip-hoodie', 'alpaca-scarf', 'blue-hoodie']);
    expect(await handles(`?collection_id=${ids.summer}`)).toEqual(['sun-hat', 'linen-shirt', 'canvas-tote']);
    expect(await handles('?collection_id=pcol_00000000000000000000000000')).toEqual([]);
  });

  test('category_id includes the descendant categories', async () => {
    expect(await handles(`?category_id=${ids.apparel}`)).toEqual(['linen-shirt', 'zip-hoodie', 'blue-hoodie']);
    expect(await handles(`?category_id=${ids.tops}`)).toEqual(['zip-hoodie', 'blue-hoodie']);
    expect(await handles(`?category_id=${ids.hoodies}`)).toEqual(['blue-hoodie']);
    expect(await handles(`?category_id=${ids.shirts}`)).toEqual(['linen-shirt']);
    expect(await handles(`?category_id=${ids.accessories}`)).toEqual(['sun-hat', 'canvas-tote', 'alpaca-scarf']);
    expect(await handles(`?category_id=${ids.bags}`)).toEqual([]);
  });

  test('tag, repeatable: products having every given tag', async () => {
    expect(await handles('?tag=warm')).toEqual(['zip-hoodie', 'alpaca-scarf', 'blue-hoodie']);
    expect(await handles('?tag=warm&tag=cotton')).toEqual(['zip-hoodie', 'blue-hoodie']);
    expect(await handles('?tag=sale')).toEqual(['sun-hat', 'linen-shirt', 'zip-hoodie']);
    expect(await handles('?tag=sale&tag=cotton&tag=warm')).toEqual(['zip-hoodie']);
    expect(await handles('?tag=sale&tag=wool')).toEqual([]);
  });

  test('price_min / price_max in currency_code, on the lowest variant price, bounds included', async () => {
    expect(await handles('?currency_code=USD&price_min=3000&price_max=5000')).toEqual(['linen-shirt', 'alpaca-scarf', 'blue-hoodie']);
    expect(await handles('?currency_code=USD&price_max=1500')).toEqual(['sun-hat', 'canvas-tote']);
    expect(await handles('?currency_code=USD&price_min=5001')).toEqual(['zip-hoodie']);
    expect(await handles('?currency_code=EUR&price_min=1401&sort=price')).toEqual(['linen-shirt', 'blue-hoodie']);
    // A currency alone keeps only the products priced in it.
    expect(await handles('?currency_code=EUR')).toEqual(['linen-shirt', 'canvas-tote', 'blue-hoodie']);
  });

  test('filters combine', async () => {
    expect(await handles(`?collection_id=${ids.winter}&tag=cotton&q=hood`)).toEqual(['zip-hoodie', 'blue-hoodie']);
    expect(await handles(`?category_id=${ids.accessories}&currency_code=USD&sort=-price`)).toEqual(['alpaca-scarf', 'sun-hat', 'canvas-tote']);
    expect(await handles(`?collection_id=${ids.summer}&tag=sale&currency_code=USD&price_min=2000`)).toEqual(['linen-shirt']);
  });
});

describe('GET /store/products: search', () => {
  test('finds by title words and by word prefixes', async () => {
    expect(await handles('?q=hood')).toEqual(['zip-hoodie', 'blue-hoodie', 'canvas-tote']);
    expect(await handles('?q=HOODIE')).toEqual(['blue-hoodie', 'zip-hoodie', 'canvas-tote']);
    expect(await handles('?q=hoodies')).toEqual(['blue-hoodie', 'zip-hoodie', 'canvas-tote']);
    expect(await handles('?q=blue')).toEqual(['blue-hoodie']);
    expect(await handles('?q=blue%20hood')).toEqual(['blue-hoodie']);
    expect(await handles('?q=alp')).toEqual(['alpaca-scarf']);
    expect(await handles('?q=lin')).toEqual(['linen-shirt']);
  });

  test('finds by tag and by description words', async () => {
    expect(await handles('?q=beach')).toEqual(['sun-hat']);
    expect(await handles('?q=breathable')).toEqual(['linen-shirt']);
    expect(await handles('?q=pullover')).toEqual(['blue-hoodie']);
    expect(await handles('?q=wool')).toEqual(['alpaca-scarf']);
  });

  test('ranks title matches before description-only matches, even where the text rank says otherwise', async () => {
    // The two words far apart in a long title rank lower by ts_rank than the same words side by side in a
    // description; a title match still comes first.
    const far = await create('/admin/products', {
      title: 'Quokka Weekend Travel Duffel Bag in Waxed Cotton Canvas with Leather Handles Brass Buckles and a Wombat Patch',
      handle: 'far-words', status: 'published', variants: [{ sku: 'RANK-FAR' }],
    });
    const near = await create('/admin/products', {
      title: 'Plain Pouch', handle: 'near-words', status: 'published', description: 'Quokka wombat print, quokka wombat lining.',
      variants: [{ sku: 'RANK-NEAR' }],
    });
    const ranks = await sql<{ id: string; rank: number }>`
      select id, ts_rank(search_vector, to_tsquery('english', 'quokka:* & wombat:*')) as rank from product where id in (${far.id}, ${near.id})`.execute(shop.db);
    const rank = Object.fromEntries(ranks.rows.map((r) => [r.id, Number(r.rank)]));
    expect(rank[near.id]).toBeGreaterThan(rank[far.id]);

    expect(await handles('?q=quokka%20wombat')).toEqual(['far-words', 'near-words']);
    expect(await handles('?q=wombat')).toEqual(['far-words', 'near-words']);
    expect((await walk('?q=quokka', 1)).all).toEqual(['far-words', 'near-words']);

    for (const id of [far.id, near.id]) expect((await shop.request('DELETE', `/admin/products/${id}`)).status).toBe(200);
    expect(await handles('?q=wombat')).toEqual([]);
  });

  test('no match, or nothing searchable in q, gives an empty list', async () => {
    expect(await handles('?q=zzzzqqq')).toEqual([]);
    expect(await handles('?q=!!!')).toEqual([]);
    const response = await shop.get('/store/products?q=%2B%2B%2B');
    expect(response.body).toEqual({ data: [], next_cursor: null });
  });
});

describe('drafts and archived products are never in the store', () => {
  test('not listed, whatever the search, filter or sort', async () => {
    expect(await handles('?q=draft')).toEqual([]);
    expect(await handles('?q=old')).toEqual([]);
    expect(await handles(`?category_id=${ids.hoodies}&sort=title`)).toEqual(['blue-hoodie']);
    expect(await handles('?currency_code=USD&price_max=100')).toEqual([]);
    expect(await handles('?sort=price&currency_code=EUR')).toEqual(['canvas-tote', 'linen-shirt', 'blue-hoodie']);
  });

  test.each(['draft-hoodie', 'old-hoodie'])('GET /store/products/%s by id and by handle → 404 product_not_found', async (handle) => {
    for (const key of [handle, ids[handle]]) {
      const response = await shop.get(`/store/products/${key}`);
      expect(response.status, response.text).toBe(404);
      expect(response.body).toEqual({ error: { code: 'product_not_found', message: 'No product with this id or handle.', details: { id_or_handle: key } } });
    }
  });

  test('a product leaves the store the moment it is archived or unpublished, and returns when published', async () => {
    const created = await create('/admin/products', { title: 'Pop Up Mug', status: 'published', variants: [{ sku: 'PUM-1', prices: [usd(900)] }] });
    expect((await shop.get('/store/products/pop-up-mug')).status).toBe(200);
    expect((await handles('?q=mug'))).toEqual(['pop-up-mug']);

    expect((await shop.post(`/admin/products/${created.id}/archive`)).status).toBe(200);
    expect((await shop.get('/store/products/pop-up-mug')).status).toBe(404);
    expect((await shop.get(`/store/products/${created.id}`)).status).toBe(404);
    expect(await handles('?q=mug')).toEqual([]);

    expect((await shop.post(`/admin/products/${created.id}/publish`)).status).toBe(200);
    expect(await handles('?q=mug')).toEqual(['pop-up-mug']);
    expect((await shop.post(`/admin/products/${created.id}/unpublish`)).status).toBe(200);
    expect((await shop.get('/store/products/pop-up-mug')).status).toBe(404);
    expect(await handles('?q=mug')).toEqual([]);

    expect((await shop.request('DELETE', `/admin/products/${created.id}`)).status).toBe(200);
    expect(await handles('')).toEqual(NEWEST);
  });

  test('unknown id or handle → 404', async () => {
    for (const key of ['no-such-product', 'prod_00000000000000000000000000']) {
      const response = await shop.get(`/store/products/${key}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('product_not_found');
    }
  });
});

describe('GET /store/products/:id_or_handle', () => {
  test('returns the product with its options and variants (option map, prices) exactly', async () => {
    const created = products['blue-hoodie'];
    const [s, m, l] = created.variants;
    const expected = {
      id: ids['blue-hoodie'],
      handle: 'blue-hoodie',
      title: 'Blue Hoodie',
      description: 'A cozy pullover for cold days.',
      status: 'published',
      tags: ['cotton', 'warm'],
      images: ['https://img.example.com/blue-hoodie.jpg'],
      metadata: {},
      collection_id: ids.winter,
      category_ids: [ids.hoodies],
      tax_class: null,
      gift_card: false,
      options: [{ id: created.options[0].id, title: 'Size', values: ['S', 'M', 'L'] }],
      variants: [
        { id: s.id, title: 'S', sku: 'BH-S', barcode: null, weight_grams: 450, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'S' }, prices: [eur(4500), usd(5000)], metadata: {}, ...NO_STOCK },
        { id: m.id, title: 'M', sku: 'BH-M', barcode: '0001112223334', weight_grams: 480, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'M' }, prices: [usd(5200)], metadata: {}, ...NO_STOCK },
        { id: l.id, title: 'L', sku: 'BH-L', barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: { Size: 'L' }, prices: [eur(4900), usd(5400)], metadata: { fit: 'relaxed' }, ...NO_STOCK },
      ],
      published_at: created.published_at,
      created_at: created.created_at,
      updated_at: created.updated_at,
    };
    expect(created.options[0].id).toMatch(/^opt_/);
    expect(created.variants.map((v: any) => v.id)).toEqual([expect.stringMatching(/^var_/), expect.stringMatching(/^var_/), expect.stringMatching(/^var_/)]);
    expect(created.published_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

    const byHandle = await shop.get('/store/products/blue-hoodie');
    expect(byHandle.status, byHandle.text).toBe(200);
    expect(byHandle.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(byHandle.body).toEqual(expected);
    const byId = await shop.get(`/store/products/${ids['blue-hoodie']}`);
    expect(byId.body).toEqual(expected);
    // Served from the cache the second time: the very same bytes.
    expect((await shop.get('/store/products/blue-hoodie')).text).toBe(byHandle.text);
  });

  test('a product without options has one variant with an empty option map; a product with two options maps both', async () => {
    const scarf = (await shop.get('/store/products/alpaca-scarf')).body;
    expect(scarf.options).toEqual([]);
    expect(scarf.variants).toEqual([
      { id: products['alpaca-scarf'].variants[0].id, title: 'Default', sku: 'AS-1', barcode: null, weight_grams: null, length_mm: null, width_mm: null, height_mm: null, options: {}, prices: [usd(3000)], metadata: {}, ...NO_STOCK },
    ]);
    const gift = (await shop.get('/store/products/gift-card')).body;
    expect(gift.variants[0].prices).toEqual([]);
    expect(gift.tags).toEqual([]);
    expect(gift.collection_id).toBeNull();
    expect(gift.category_ids).toEqual([]);
  });

  test('the list returns the same product objects as the detail', async () => {
    const list = await shop.get('/store/products?limit=100');
    for (const product of list.body.data) {
      expect((await shop.get(`/store/products/${product.id}`)).body).toEqual(product);
    }
    expect(list.body.data.find((p: any) => p.handle === 'zip-hoodie').variants.map((v: any) => [v.title, v.options, v.prices])).toEqual([
      ['Black', { Color: 'Black' }, [usd(6000)]],
      ['Grey', { Color: 'Grey' }, [usd(5800)]],
    ]);
  });
});

describe('GET /store/collections and /store/categories', () => {
  test('collections by title, exactly', async () => {
    const response = await shop.get('/store/collections');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ data: [collections.summer, collections.winter], next_cursor: null });
    expect(collections.summer).toEqual({
      id: expect.stringMatching(/^pcol_/), title: 'Summer', handle: 'summer', description: 'Summer range', metadata: {},
      created_at: expect.any(String), updated_at: expect.any(String),
    });
    const first = await shop.get('/store/collections?limit=1');
    expect(first.body.data).toEqual([collections.summer]);
    const second = await shop.get(`/store/collections?limit=1&cursor=${first.body.next_cursor}`);
    expect(second.body).toEqual({ data: [collections.winter], next_cursor: null });
  });

  test('GET /store/collections/:handle and by id', async () => {
    expect((await shop.get('/store/collections/winter')).body).toEqual(collections.winter);
    expect((await shop.get(`/store/collections/${ids.summer}`)).body).toEqual(collections.summer);
    const missing = await shop.get('/store/collections/autumn');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'collection_not_found', message: 'No collection with this id or handle.', details: { id_or_handle: 'autumn' } });
  });

  test('categories depth first: parents before children, siblings by position then name, with depth', async () => {
    const response = await shop.get('/store/categories');
    expect(response.status, response.text).toBe(200);
    expect(response.body.next_cursor).toBeNull();
    expect(response.body.data.map((c: any) => [c.name, c.depth, c.parent_id])).toEqual([
      ['Apparel', 0, null],
      ['Tops', 1, ids.apparel],
      ['Hoodies', 2, ids.tops],
      ['Shirts', 1, ids.apparel],
      ['Accessories', 0, null],
      ['Bags', 1, ids.accessories],
      ['Bags & Cases', 1, ids.accessories],
    ]);
    expect(response.body.data[1]).toEqual({
      id: ids.tops, name: 'Tops', handle: 'tops', description: 'Everything worn on top', parent_id: ids.apparel, position: 0, depth: 1,
      metadata: {}, created_at: categories.tops.created_at, updated_at: categories.tops.updated_at,
    });
    expect(response.body.data).toEqual(['apparel', 'tops', 'hoodies', 'shirts', 'accessories', 'bags', 'bagsCases'].map((k) => categories[k]));
  });

  test('categories page by cursor, and filter by parent_id', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const response: any = await shop.get(`/store/categories?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status, response.text).toBe(200);
      names.push(...response.body.data.map((c: any) => c.name));
      cursor = response.body.next_cursor;
    } while (cursor);
    expect(names).toEqual(['Apparel', 'Tops', 'Hoodies', 'Shirts', 'Accessories', 'Bags', 'Bags & Cases']);
    const children = await shop.get(`/store/categories?parent_id=${ids.apparel}`);
    expect(children.body.data.map((c: any) => [c.name, c.depth])).toEqual([['Tops', 1], ['Shirts', 1]]);
  });

  test('GET /store/categories/:handle and by id, with depth', async () => {
    const hoodies = await shop.get('/store/categories/hoodies');
    expect(hoodies.status, hoodies.text).toBe(200);
    expect(hoodies.body).toEqual({ ...categories.hoodies, depth: 2 });
    expect(categories.hoodies).toMatchObject({ name: 'Hoodies', handle: 'hoodies', parent_id: ids.tops, position: 0, depth: 2, description: '' });
    expect((await shop.get(`/store/categories/${ids.apparel}`)).body).toEqual({ ...categories.apparel, depth: 0 });
    expect((await shop.get('/store/categories/bags-cases')).body.name).toBe('Bags & Cases');
    const missing = await shop.get('/store/categories/socks');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('category_not_found');
  });
});

describe('bad input → 400 naming the field', () => {
  test.each([
    ['limit=0', 'querystring.limit'],
    ['limit=101', 'querystring.limit'],
    ['limit=abc', 'querystring.limit'],
    ['limit=1.5', 'querystring.limit'],
    ['price_min=-1&currency_code=USD', 'querystring.price_min'],
    ['price_max=abc&currency_code=USD', 'querystring.price_max'],
    ['sort=bogus', 'querystring.sort'],
    ['sort=price', 'querystring.currency_code'],
    ['sort=-price', 'querystring.currency_code'],
    ['price_min=100', 'querystring.currency_code'],
    ['sort=relevance', 'querystring.sort'],
    ['currency_code=us1', 'querystring.currency_code'],
    ['collection_id=summer', 'querystring.collection_id'],
    ['category_id=prod_123', 'querystring.category_id'],
    ['tag=a,b', 'querystring.tag[0]'],
    ['q=', 'querystring.q'],
    ['status=draft', 'querystring.status'],
    ['colour=red', 'querystring.colour'],
  ])('?%s → invalid_request on %s', async (query, field) => {
    const response = await expectBadRequest(`/store/products?${query}`, 'invalid_request', field);
    expect(response.body.error.message).toContain(field);
  });

  test.each(['garbage', 'WzFd', 'eyJhIjoxfQ', '%5B%5D'])('cursor=%s → 400 invalid_cursor', async (cursor) => {
    await expectBadRequest(`/store/products?cursor=${cursor}`, 'invalid_cursor', 'querystring.cursor');
  });

  test('cursors that decode to the wrong shape for the sort → 400 invalid_cursor', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    await expectBadRequest(`/store/products?sort=title&cursor=${encode(['a'])}`, 'invalid_cursor', 'querystring.cursor');
    await expectBadRequest(`/store/products?sort=price&currency_code=USD&cursor=${encode(['1500', 'prod_1'])}`, 'invalid_cursor', 'querystring.cursor');
    await expectBadRequest(`/store/products?q=hoodie&cursor=${encode([-2])}`, 'invalid_cursor', 'querystring.cursor');
    await expectBadRequest(`/store/products?q=hoodie&cursor=${encode([1.5])}`, 'invalid_cursor', 'querystring.cursor');
    await expectBadRequest(`/store/categories?cursor=${encode(['x'])}`, 'invalid_cursor', 'querystring.cursor');
    await expectBadRequest(`/store/collections?cursor=${encode([1])}`, 'invalid_cursor', 'querystring.cursor');
  });

  test('collections and categories lists refuse bad input too', async () => {
    await expectBadRequest('/store/collections?limit=0', 'invalid_request', 'querystring.limit');
    await expectBadRequest('/store/collections?sort=title', 'invalid_request', 'querystring.sort');
    await expectBadRequest('/store/categories?limit=101', 'invalid_request', 'querystring.limit');
    await expectBadRequest('/store/categories?parent_id=apparel', 'invalid_request', 'querystring.parent_id');
  });
});
