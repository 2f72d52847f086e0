import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * `POST /admin/products/bulk`: one action on every product a list filter matches, all or none,
 * refused when the match count moved since the caller counted, bounded, idempotent with a key.
 */

let shop: TestShop;

/** Products by handle: title, status, tags, price in USD cents. */
async function importProducts(rows: [handle: string, status: string, tags: string, price: number][]): Promise<void> {
  const csv = ['handle,title,status,tags,price_usd', ...rows.map(([h, s, t, p]) => `${h},${h.replace(/-/g, ' ')},${s},"${t}",${p}`)].join('\n');
  const response = await shop.request('POST', '/admin/products/import', { body: csv, headers: { 'content-type': 'text/csv' } });
  expect(response.status, response.text).toBe(201);
}

/** Every product's status, tags and collection, by handle: what a refused request must leave as it was. */
async function state(): Promise<Record<string, { status: string; tags: string[]; collection_id: string | null; updated_at: string }>> {
  const out: Record<string, any> = {};
  let cursor: string | null = null;
  do {
    const page: any = await shop.ok('GET', `/admin/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    for (const p of page.data) out[p.handle] = { status: p.status, tags: p.tags, collection_id: p.collection_id, updated_at: p.updated_at };
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

const bulk = (body: unknown, headers?: Record<string, string>) => shop.request('POST', '/admin/products/bulk', { body, headers });

beforeAll(async () => {
  shop = await startTestShop();
  await importProducts([
    ['linen-shirt', 'draft', 'summer', 3000],
    ['linen-shorts', 'draft', 'summer', 2500],
    ['straw-hat', 'draft', 'summer', 1500],
    ['beach-towel', 'published', 'summer', 2000],
    ['wool-coat', 'draft', 'winter', 12000],
    ['wool-scarf', 'archived', 'winter', 2200],
  ]);
});
afterAll(async () => shop?.close());

describe('an action on everything a filter matches', () => {
  test('a dry run counts what the filter matches and what would change, and changes nothing', async () => {
    const before = await state();
    const response = await bulk({ filter: { tag: ['summer'] }, action: 'publish', dry_run: true });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ action: 'publish', matched: 4, changed: 3, unchanged: 1, changed_ids: expect.any(Array), dry_run: true });
    expect(response.body.changed_ids).toHaveLength(3);
    expect(await state()).toEqual(before);
  });

  test('publish: every draft with the tag is published, the one already published is left alone', async () => {
    const before = await state();
    const response = await bulk({ filter: { tag: ['summer'], status: ['draft'] }, action: 'publish', expected_count: 3 });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ action: 'publish', matched: 3, changed: 3, unchanged: 0, dry_run: false });
    const after = await state();
    expect(Object.fromEntries(Object.entries(after).map(([h, p]) => [h, p.status]))).toEqual({
      'linen-shirt': 'published', 'linen-shorts': 'published', 'straw-hat': 'published', 'beach-towel': 'published',
      'wool-coat': 'draft', 'wool-scarf': 'archived',
    });
    expect(after['beach-towel']).toEqual(before['beach-towel']);
    const hat = (await shop.ok('GET', '/admin/products?q=straw')).data[0];
    expect(hat.handle).toBe('straw-hat');
    expect(hat.published_at).not.toBeNull();
    const events = await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', hat.id).where('type', 'in', ['product.updated', 'product.published']).orderBy('seq').execute();
    expect(events.slice(-2)).toEqual([
      { type: 'product.updated', payload: { id: hat.id, changed: ['status'] } },
      { type: 'product.published', payload: { id: hat.id, previous_status: 'draft' } },
    ]);
  });

  test('add_tag and remove_tag by search; products that have it already are unchanged', async () => {
    const added = await bulk({ filter: { q: 'wool' }, action: 'add_tag', tag: 'clearance' });
    expect(added.status, added.text).toBe(200);
    expect(added.body).toMatchObject({ matched: 2, changed: 2, unchanged: 0 });
    const again = await bulk({ filter: { q: 'wool' }, action: 'add_tag', tag: 'clearance' });
    expect(again.body).toMatchObject({ matched: 2, changed: 0, unchanged: 2, changed_ids: [] });
    let after = await state();
    expect(after['wool-coat'].tags).toEqual(['winter', 'clearance']);
    expect(after['wool-scarf'].tags).toEqual(['winter', 'clearance']);
    expect(after['linen-shirt'].tags).toEqual(['summer']);

    const removed = await bulk({ filter: { tag: ['clearance'], status: ['archived'] }, action: 'remove_tag', tag: 'clearance' });
    expect(removed.body).toMatchObject({ matched: 1, changed: 1, unchanged: 0 });
    after = await state();
    expect(after['wool-coat'].tags).toEqual(['winter', 'clearance']);
    expect(after['wool-scarf'].tags).toEqual(['winter']);
  });

  test('a misspelt search acts on the close matches the list shows for it', async () => {
    const list = await shop.ok('GET', '/admin/products?q=wol');
    expect(list.data.map((p: any) => p.handle).sort()).toEqual(['wool-coat', 'wool-scarf']);
    const response = await bulk({ filter: { q: 'wol' }, action: 'archive', dry_run: true });
    expect(response.body).toMatchObject({ matched: 2, changed: 1, unchanged: 1 });
  });

  test('set_collection with a price filter, then cleared with null', async () => {
    const collection = await shop.ok('POST', '/admin/collections', { title: 'Under 25' }, 201);
    const set = await bulk({ filter: { currency_code: 'usd', price_max: 2200 }, action: 'set_collection', collection_id: collection.id });
    expect(set.body).toMatchObject({ matched: 3, changed: 3 });
    let after = await state();
    expect(Object.entries(after).filter(([, p]) => p.collection_id === collection.id).map(([h]) => h).sort()).toEqual(['beach-towel', 'straw-hat', 'wool-scarf']);
    const cleared = await bulk({ filter: { collection_id: collection.id }, action: 'set_collection', collection_id: null, expected_count: 3 });
    expect(cleared.body).toMatchObject({ matched: 3, changed: 3 });
    after = await state();
    expect(Object.values(after).every((p) => p.collection_id === null)).toBe(true);
  });
});

describe('safety', () => {
  test('a filter that matches more since it was counted refuses the whole action', async () => {
    const counted = await bulk({ filter: { tag: ['winter'], status: ['draft'] }, action: 'archive', dry_run: true });
    expect(counted.body).toMatchObject({ matched: 1 });
    await importProducts([['wool-gloves', 'draft', 'winter', 1800]]);
    const before = await state();
    const response = await bulk({ filter: { tag: ['winter'], status: ['draft'] }, action: 'archive', expected_count: counted.body.matched });
    expect(response.status, response.text).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'bulk_count_changed', details: { field: 'body.expected_count', expected_count: 1, matched: 2 } });
    expect(await state()).toEqual(before);
  });

  test('an Idempotency-Key replays the first answer and changes nothing more', async () => {
    const headers = { 'idempotency-key': 'bulk-archive-winter-1' };
    const body = { filter: { tag: ['winter'], status: ['draft'] }, action: 'archive', expected_count: 2 };
    const first = await bulk(body, headers);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ matched: 2, changed: 2 });
    const afterFirst = await state();
    expect(afterFirst['wool-gloves'].status).toBe('archived');
    expect(afterFirst['wool-coat'].status).toBe('archived');

    const retry = await bulk(body, headers);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await state()).toEqual(afterFirst);

    const other = await bulk({ ...body, action: 'publish' }, headers);
    expect(other.status, other.text).toBe(400);
    expect(other.body.error.code).toBe('idempotency_key_mismatch');
    expect(await state()).toEqual(afterFirst);
  });

  test.each([
    ['an unknown action', { filter: {}, action: 'delete' }, 'body.action'],
    ['an unknown filter field', { filter: { colour: 'red' }, action: 'archive' }, 'body.filter.colour'],
    ['a filter value of the wrong kind', { filter: { status: ['gone'] }, action: 'archive' }, 'body.filter.status[0]'],
    ['add_tag without a tag', { filter: {}, action: 'add_tag' }, 'body.tag'],
    ['set_collection without collection_id', { filter: {}, action: 'set_collection' }, 'body.collection_id'],
    ['a price filter without a currency', { filter: { price_max: 100 }, action: 'archive' }, 'body.filter.currency_code'],
    ['no filter at all', { action: 'archive' }, 'body.filter'],
  ])('%s is a 400 naming the field, nothing changed', async (_name, body, field) => {
    const before = await state();
    await shop.refused('POST', '/admin/products/bulk', body, 400, 'invalid_request', field);
    expect(await state()).toEqual(before);
  });

  test('an unknown collection is a 404 naming it, nothing changed', async () => {
    const before = await state();
    await shop.refused('POST', '/admin/products/bulk', { filter: {}, action: 'set_collection', collection_id: 'pcol_nope' }, 404, 'collection_not_found', 'body.collection_id');
    expect(await state()).toEqual(before);
  });

  test('more than 1,000 matches is refused whole; a narrower filter then works', async () => {
    const rows = Array.from({ length: 1000 }, (_, i): [string, string, string, number] => [`bulk-item-${i}`, 'draft', 'bulk', 100]);
    await importProducts(rows);
    const before = await state();
    expect(Object.keys(before)).toHaveLength(1007);
    const response = await bulk({ filter: {}, action: 'archive' });
    expect(response.status, response.text).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bulk_too_many', details: { field: 'body.filter', max: 1000, matched_at_least: 1001 } });
    expect(await state()).toEqual(before);

    const narrow = await bulk({ filter: { tag: ['bulk'] }, action: 'publish', expected_count: 1000 });
    expect(narrow.status, narrow.text).toBe(200);
    expect(narrow.body).toMatchObject({ matched: 1000, changed: 1000 });
    const after = await state();
    expect(Object.entries(after).filter(([h, p]) => h.startsWith('bulk-item-') && p.status === 'published')).toHaveLength(1000);
  });
});
