import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** Collections and the category tree through the Admin API: CRUD, conflicts, cycles, and what deletes leave behind. */

let shop: TestShop;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

beforeAll(async () => { shop = await startTestShop(); });
afterAll(async () => shop?.close());

const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);

const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

async function list(url: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const body: any = await ok('GET', `${url}${url.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...body.data);
    cursor = body.next_cursor;
  } while (cursor);
  return items;
}

const MISSING_COLLECTION = 'pcol_00000000000000000000000000';
const MISSING_CATEGORY = 'pcat_00000000000000000000000000';

describe('collections', () => {
  let summer: any;

  test('create with defaults, and with every field', async () => {
    summer = await ok('POST', '/admin/collections', { title: 'Summer Sale' }, 201);
    expect(summer).toEqual({
      id: expect.stringMatching(/^pcol_[0-9A-Z]{26}$/), title: 'Summer Sale', handle: 'summer-sale', description: '', metadata: {},
      created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO),
    });
    const full = await ok('POST', '/admin/collections', { title: 'Autumn', handle: 'fall-2025', description: 'Leaves.', metadata: { banner: 'orange', rank: 2 } }, 201);
    expect(full).toEqual({
      id: full.id, title: 'Autumn', handle: 'fall-2025', description: 'Leaves.', metadata: { banner: 'orange', rank: 2 },
      created_at: full.created_at, updated_at: full.updated_at,
    });
    expect(await ok('GET', `/admin/collections/${summer.id}`)).toEqual(summer);
    expect(await ok('GET', `/admin/collections/${full.id}`)).toEqual(full);
  });

  test('update every field; a partial update keeps the rest', async () => {
    const updated = await ok('POST', `/admin/collections/${summer.id}`, { title: 'Summer Deals', handle: 'summer-deals', description: 'Hot.', metadata: { hero: true } });
    expect(updated).toEqual({
      id: summer.id, title: 'Summer Deals', handle: 'summer-deals', description: 'Hot.', metadata: { hero: true },
      created_at: summer.created_at, updated_at: expect.stringMatching(ISO),
    });
    expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(summer.updated_at));
    const partial = await ok('POST', `/admin/collections/${summer.id}`, { description: '' });
    expect(partial).toEqual({ ...updated, description: '', updated_at: partial.updated_at });
    expect(await ok('GET', `/admin/collections/${summer.id}`)).toEqual(partial);
    expect((await shop.get('/store/collections/summer-deals')).body).toEqual(partial);
    expect((await shop.get('/store/collections/summer-sale')).status).toBe(404);
    summer = partial;
  });

  test('listed by title, paged', async () => {
    await ok('POST', '/admin/collections', { title: 'basics' }, 201);
    const titles = (await list('/admin/collections')).map((c) => c.title);
    expect(titles).toEqual(['Autumn', 'basics', 'Summer Deals']);
    expect((await list('/store/collections')).map((c) => c.title)).toEqual(titles);
  });

  test('a taken handle → 409 collection_handle_taken, nothing written', async () => {
    const before = await list('/admin/collections');
    await refused('POST', '/admin/collections', { title: 'Other', handle: 'summer-deals' }, 409, 'collection_handle_taken', 'body.handle');
    await refused('POST', '/admin/collections', { title: 'Summer Deals' }, 409, 'collection_handle_taken', 'body.handle');
    const autumn = before.find((c) => c.title === 'Autumn');
    await refused('POST', `/admin/collections/${autumn.id}`, { title: 'Renamed', handle: 'summer-deals' }, 409, 'collection_handle_taken', 'body.handle');
    expect(await list('/admin/collections')).toEqual(before);
    // Its own handle is no conflict.
    expect((await ok('POST', `/admin/collections/${summer.id}`, { handle: 'summer-deals' })).handle).toBe('summer-deals');
  });

  test('concurrent creates with one handle: one 201, the others 409 collection_handle_taken', async () => {
    const results = await Promise.all([1, 2, 3].map(() => shop.post('/admin/collections', { title: 'Flash Sale' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.error.code).toBe('collection_handle_taken');
    expect((await list('/admin/collections')).filter((c) => c.handle === 'flash-sale')).toHaveLength(1);
    await ok('DELETE', `/admin/collections/${results.find((r) => r.status === 201)!.body.id}`);
  });

  test('bad input → 400 naming the field', async () => {
    await refused('POST', '/admin/collections', {}, 400, 'invalid_request', 'body.title');
    await refused('POST', '/admin/collections', { title: 7 }, 400, 'invalid_request', 'body.title');
    await refused('POST', '/admin/collections', { title: 'X', handle: 'Not Safe' }, 400, 'invalid_request', 'body.handle');
    await refused('POST', '/admin/collections', { title: 'X', products: [] }, 400, 'invalid_request', 'body.products');
    await refused('POST', '/admin/collections', { title: '!!!' }, 400, 'invalid_request', 'body.handle');
    await refused('POST', `/admin/collections/${summer.id}`, {}, 400, 'invalid_request', 'body');
    await refused('GET', '/admin/collections/summer-deals', undefined, 400, 'invalid_request', 'params.id');
  });

  test('unknown id → 404 collection_not_found', async () => {
    await refused('GET', `/admin/collections/${MISSING_COLLECTION}`, undefined, 404, 'collection_not_found');
    await refused('POST', `/admin/collections/${MISSING_COLLECTION}`, { title: 'X' }, 404, 'collection_not_found');
    await refused('DELETE', `/admin/collections/${MISSING_COLLECTION}`, undefined, 404, 'collection_not_found');
  });

  test('deleting a collection keeps its products, their collection_id becomes null', async () => {
    const doomed = await ok('POST', '/admin/collections', { title: 'Doomed' }, 201);
    const inside = await ok('POST', '/admin/products', { title: 'Inside Lamp', status: 'published', collection_id: doomed.id, variants: [{ sku: 'IL-1' }] }, 201);
    const outside = await ok('POST', '/admin/products', { title: 'Outside Lamp', status: 'published', collection_id: summer.id, variants: [{ sku: 'OL-1' }] }, 201);
    expect((await shop.get(`/store/products?collection_id=${doomed.id}`)).body.data.map((p: any) => p.handle)).toEqual(['inside-lamp']);

    expect(await ok('DELETE', `/admin/collections/${doomed.id}`)).toEqual({ id: doomed.id, object: 'collection', deleted: true });
    await refused('GET', `/admin/collections/${doomed.id}`, undefined, 404, 'collection_not_found');
    await refused('DELETE', `/admin/collections/${doomed.id}`, undefined, 404, 'collection_not_found');
    expect((await shop.get('/store/collections/doomed')).status).toBe(404);

    const kept = await ok('GET', `/admin/products/${inside.id}`);
    expect(kept.collection_id).toBeNull();
    expect({ ...kept, collection_id: inside.collection_id, updated_at: inside.updated_at }).toEqual(inside);
    expect((await ok('GET', `/admin/products/${outside.id}`)).collection_id).toBe(summer.id);
    expect((await shop.get('/store/products/inside-lamp')).body.collection_id).toBeNull();
    expect((await shop.get(`/store/products?collection_id=${doomed.id}`)).body.data).toEqual([]);
    // Its handle is free again.
    expect((await ok('POST', '/admin/collections', { title: 'Doomed' }, 201)).handle).toBe('doomed');
  });
});

describe('categories', () => {
  const cat: Record<string, any> = {};

  test('create a tree with parent_id; depth follows the parent', async () => {
    cat.clothing = await ok('POST', '/admin/categories', { name: 'Clothing' }, 201);
    expect(cat.clothing).toEqual({
      id: expect.stringMatching(/^pcat_[0-9A-Z]{26}$/), name: 'Clothing', handle: 'clothing', description: '', parent_id: null, position: 0, depth: 0,
      metadata: {}, created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(ISO),
    });
    cat.tops = await ok('POST', '/admin/categories', {
      name: 'Tops', handle: 'tops', description: 'Upper body', parent_id: cat.clothing.id, position: 2, metadata: { icon: 'shirt' },
    }, 201);
    expect(cat.tops).toEqual({
      id: cat.tops.id, name: 'Tops', handle: 'tops', description: 'Upper body', parent_id: cat.clothing.id, position: 2, depth: 1,
      metadata: { icon: 'shirt' }, created_at: cat.tops.created_at, updated_at: cat.tops.updated_at,
    });
    cat.tees = await ok('POST', '/admin/categories', { name: 'T-Shirts', parent_id: cat.tops.id }, 201);
    expect([cat.tees.handle, cat.tees.depth, cat.tees.parent_id]).toEqual(['t-shirts', 2, cat.tops.id]);
    cat.vneck = await ok('POST', '/admin/categories', { name: 'V-Neck', parent_id: cat.tees.id }, 201);
    expect(cat.vneck.depth).toBe(3);
    cat.bottoms = await ok('POST', '/admin/categories', { name: 'Bottoms', parent_id: cat.clothing.id, position: 1 }, 201);
    cat.home = await ok('POST', '/admin/categories', { name: 'Home' }, 201);
    for (const key of Object.keys(cat)) expect(await ok('GET', `/admin/categories/${cat[key].id}`)).toEqual(cat[key]);

    expect((await list('/admin/categories')).map((c) => [c.name, c.depth])).toEqual([
      ['Clothing', 0], ['Bottoms', 1], ['Tops', 1], ['T-Shirts', 2], ['V-Neck', 3], ['Home', 0],
    ]);
    expect((await list(`/admin/categories?parent_id=${cat.clothing.id}`)).map((c) => c.name)).toEqual(['Bottoms', 'Tops']);
  });

  test('update every field, and move a subtree: depths follow', async () => {
    const updated = await ok('POST', `/admin/categories/${cat.tops.id}`, {
      name: 'Upper', handle: 'upper', description: 'Upper wear', position: 0, metadata: {}, parent_id: cat.home.id,
    });
    expect(updated).toEqual({
      ...cat.tops, name: 'Upper', handle: 'upper', description: 'Upper wear', position: 0, metadata: {}, parent_id: cat.home.id, depth: 1,
      updated_at: updated.updated_at,
    });
    expect((await ok('GET', `/admin/categories/${cat.vneck.id}`)).depth).toBe(3);
    expect((await list('/admin/categories')).map((c) => [c.name, c.depth, c.parent_id])).toEqual([
      ['Clothing', 0, null], ['Bottoms', 1, cat.clothing.id], ['Home', 0, null], ['Upper', 1, cat.home.id], ['T-Shirts', 2, cat.tops.id], ['V-Neck', 3, cat.tees.id],
    ]);
    // To the top level, then back under Clothing.
    const top = await ok('POST', `/admin/categories/${cat.tees.id}`, { parent_id: null });
    expect([top.parent_id, top.depth]).toEqual([null, 0]);
    expect((await ok('GET', `/admin/categories/${cat.vneck.id}`)).depth).toBe(1);
    const back = await ok('POST', `/admin/categories/${cat.tees.id}`, { parent_id: cat.clothing.id });
    expect([back.parent_id, back.depth]).toEqual([cat.clothing.id, 1]);
    expect((await shop.get('/store/categories/v-neck')).body.depth).toBe(2);
    cat.tops = updated;
  });

  test('moving a category under itself or its own descendant → 400 category_cycle, nothing changed', async () => {
    const before = await list('/admin/categories');
    // Clothing → T-Shirts → V-Neck
    await refused('POST', `/admin/categories/${cat.clothing.id}`, { parent_id: cat.vneck.id }, 400, 'category_cycle', 'body.parent_id');
    await refused('POST', `/admin/categories/${cat.clothing.id}`, { parent_id: cat.tees.id }, 400, 'category_cycle', 'body.parent_id');
    await refused('POST', `/admin/categories/${cat.tees.id}`, { parent_id: cat.tees.id }, 400, 'category_cycle', 'body.parent_id');
    await refused('POST', `/admin/categories/${cat.clothing.id}`, { name: 'Renamed', parent_id: cat.vneck.id }, 400, 'category_cycle', 'body.parent_id');
    expect(await list('/admin/categories')).toEqual(before);
  });

  test('a taken handle → 409 category_handle_taken; an unknown parent → 404', async () => {
    const before = await list('/admin/categories');
    await refused('POST', '/admin/categories', { name: 'Home' }, 409, 'category_handle_taken', 'body.handle');
    await refused('POST', '/admin/categories', { name: 'Other', handle: 'upper' }, 409, 'category_handle_taken', 'body.handle');
    await refused('POST', `/admin/categories/${cat.home.id}`, { handle: 'clothing' }, 409, 'category_handle_taken', 'body.handle');
    await refused('POST', '/admin/categories', { name: 'Orphan', parent_id: MISSING_CATEGORY }, 404, 'category_not_found', 'body.parent_id');
    await refused('POST', `/admin/categories/${cat.home.id}`, { parent_id: MISSING_CATEGORY }, 404, 'category_not_found', 'body.parent_id');
    expect(await list('/admin/categories')).toEqual(before);
  });

  test('two concurrent moves that together would make a cycle: one succeeds, the other → category_cycle', async () => {
    const a = await ok('POST', '/admin/categories', { name: 'Race A' }, 201);
    const b = await ok('POST', '/admin/categories', { name: 'Race B' }, 201);
    const results = await Promise.all([
      shop.post(`/admin/categories/${a.id}`, { parent_id: b.id }),
      shop.post(`/admin/categories/${b.id}`, { parent_id: a.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(results.find((r) => r.status === 400)!.body.error.code).toBe('category_cycle');
    const parents = [(await ok('GET', `/admin/categories/${a.id}`)).parent_id, (await ok('GET', `/admin/categories/${b.id}`)).parent_id];
    expect(parents.filter((p) => p === null)).toHaveLength(1);
    const child = parents[0] === null ? b : a;
    await ok('DELETE', `/admin/categories/${child.id}`);
    await ok('DELETE', `/admin/categories/${(child === a ? b : a).id}`);
  });

  test('bad input → 400 naming the field', async () => {
    await refused('POST', '/admin/categories', {}, 400, 'invalid_request', 'body.name');
    await refused('POST', '/admin/categories', { name: 'X', position: -1 }, 400, 'invalid_request', 'body.position');
    await refused('POST', '/admin/categories', { name: 'X', position: '1' }, 400, 'invalid_request', 'body.position');
    await refused('POST', '/admin/categories', { name: 'X', parent_id: 'home' }, 400, 'invalid_request', 'body.parent_id');
    await refused('POST', '/admin/categories', { name: 'X', title: 'X' }, 400, 'invalid_request', 'body.title');
    await refused('POST', `/admin/categories/${cat.home.id}`, {}, 400, 'invalid_request', 'body');
    await refused('GET', '/admin/categories?cursor=garbage', undefined, 400, 'invalid_cursor', 'querystring.cursor');
  });

  test('unknown id → 404 category_not_found', async () => {
    await refused('GET', `/admin/categories/${MISSING_CATEGORY}`, undefined, 404, 'category_not_found');
    await refused('POST', `/admin/categories/${MISSING_CATEGORY}`, { name: 'X' }, 404, 'category_not_found');
    await refused('DELETE', `/admin/categories/${MISSING_CATEGORY}`, undefined, 404, 'category_not_found');
    expect((await shop.get('/store/categories/no-such-category')).status).toBe(404);
  });

  test('deleting a category with children → 409 category_has_children; a leaf goes, its products stay', async () => {
    await refused('DELETE', `/admin/categories/${cat.clothing.id}`, undefined, 409, 'category_has_children');
    await refused('DELETE', `/admin/categories/${cat.tees.id}`, undefined, 409, 'category_has_children');
    const product = await ok('POST', '/admin/products', {
      title: 'V Tee', status: 'published', category_ids: [cat.vneck.id, cat.home.id], variants: [{ sku: 'VT-1' }],
    }, 201);
    expect(product.category_ids).toEqual([cat.vneck.id, cat.home.id].sort());
    expect((await shop.get(`/store/products?category_id=${cat.clothing.id}`)).body.data.map((p: any) => p.handle)).toEqual(['v-tee']);

    expect(await ok('DELETE', `/admin/categories/${cat.vneck.id}`)).toEqual({ id: cat.vneck.id, object: 'category', deleted: true });
    await refused('GET', `/admin/categories/${cat.vneck.id}`, undefined, 404, 'category_not_found');
    expect((await ok('GET', `/admin/products/${product.id}`)).category_ids).toEqual([cat.home.id]);
    expect((await shop.get(`/store/products?category_id=${cat.clothing.id}`)).body.data).toEqual([]);

    // With its child gone, T-Shirts can go too.
    await ok('DELETE', `/admin/categories/${cat.tees.id}`);
    expect((await list('/admin/categories')).map((c) => c.name)).toEqual(['Clothing', 'Bottoms', 'Home', 'Upper']);
    expect((await list('/store/categories')).map((c) => c.name)).toEqual(['Clothing', 'Bottoms', 'Home', 'Upper']);
  });
});
