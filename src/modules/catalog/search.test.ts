import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Search that forgives, through the Store and Admin APIs: typos (pg_trgm), "did you mean", the
 * merchant's synonyms, and ranking (title matches, then products in stock).
 */

let shop: TestShop;
const ok = (...args: Parameters<TestShop['ok']>) => shop.ok(...args);
const refused = (...args: Parameters<TestShop['refused']>) => shop.refused(...args);

/** The fixture catalog: title, handle, SKU, stock (undefined: none), description. */
const CATALOG: [string, string, string, number | undefined, string][] = [
  ['Classic Hoodie', 'classic-hoodie', 'HOOD-CLS-001', undefined, 'Heavy cotton.'],
  ['Zip Hoodie', 'zip-hoodie', 'HOOD-ZIP-002', 5, 'A full zip.'],
  ['Leather Wallet', 'leather-wallet', 'WAL-LTHR-001', 3, 'Six card slots.'],
  ['Running Sneakers', 'running-sneakers', 'SNK-RUN-010', 4, 'Light and fast.'],
  ['Denim Jacket', 'denim-jacket', 'JKT-DNM-020', 2, 'Wear it over a hoodie.'],
  ['Wool Beanie', 'wool-beanie', 'BEA-WOL-030', 6, 'Warm ears.'],
  ['Ceramic Teapot', 'ceramic-teapot', 'TEA-CER-040', 1, 'Holds a litre.'],
  ['Bamboo Toothbrush', 'bamboo-toothbrush', 'TB-BMB-050', 9, 'Compostable handle.'],
  ['Espresso Machine', 'espresso-machine', 'ESP-MCH-060', 2, 'Fifteen bar pump.'],
  ['Yoga Mat', 'yoga-mat', 'YOG-MAT-070', 7, 'Non-slip.'],
  ['Aviator Sunglasses', 'aviator-sunglasses', 'SUN-AVI-080', 3, 'Polarised lenses.'],
  ['Explorer Backpack', 'explorer-backpack', 'BAG-EXP-090', 2, 'Thirty litres.'],
  ['Cashmere Sweater', 'cashmere-sweater', 'SWT-CSH-100', 1, 'Soft knit.'],
  ['Compact Umbrella', 'compact-umbrella', 'UMB-CMP-110', 8, 'Fits a bag.'],
  ['Wireless Headphones', 'wireless-headphones', 'AUD-WRL-120', 2, 'Noise cancelling.'],
];

/** Typo queries and the product each means; the figure the docs report is the share found in the top 3. */
const TYPOS: [string, string][] = [
  ['hoddie', 'classic-hoodie'],
  ['clasic hoodei', 'classic-hoodie'],
  ['lether wallet', 'leather-wallet'],
  ['walet', 'leather-wallet'],
  ['runing sneekers', 'running-sneakers'],
  ['snakers', 'running-sneakers'],
  ['denmi jaket', 'denim-jacket'],
  ['jackit', 'denim-jacket'],
  ['wool beenie', 'wool-beanie'],
  ['beanei', 'wool-beanie'],
  ['ceramc teapott', 'ceramic-teapot'],
  ['bambo toothbrsh', 'bamboo-toothbrush'],
  ['expresso machine', 'espresso-machine'],
  ['espreso', 'espresso-machine'],
  ['yogga mat', 'yoga-mat'],
  ['sunglases', 'aviator-sunglasses'],
  ['aviater', 'aviator-sunglasses'],
  ['backpak', 'explorer-backpack'],
  ['cashmire sweter', 'cashmere-sweater'],
  ['umbrela', 'compact-umbrella'],
  ['wireles headphnes', 'wireless-headphones'],
  ['hedphones', 'wireless-headphones'],
  ['wal-lthr-01', 'leather-wallet'],
];

async function storeSearch(q: string, extra = ''): Promise<any> {
  return ok('GET', `/store/products?q=${encodeURIComponent(q)}${extra}`);
}
const handlesOf = (body: any) => body.data.map((p: any) => p.handle);

beforeAll(async () => {
  shop = await startTestShop();
  const location = await ok('POST', '/admin/inventory/locations', { name: 'Main', code: 'main' }, 201);
  for (const [title, handle, sku, stock, description] of CATALOG) {
    const product = await ok('POST', '/admin/products', {
      title, handle, description, status: 'published', variants: [{ sku, prices: [{ currency_code: 'USD', amount: 1000 }] }],
    }, 201);
    if (stock !== undefined) {
      await ok('POST', '/admin/inventory/adjustments', { variant_id: product.variants[0].id, location_id: location.id, delta: stock, reason: 'received' }, 201);
    }
  }
});
afterAll(() => shop?.close());

describe('typo tolerance', () => {
  test('typo queries find the intended product in the top 3', async () => {
    const misses: string[] = [];
    for (const [q, intended] of TYPOS) {
      const top3 = handlesOf(await storeSearch(q, '&limit=3'));
      if (!top3.includes(intended)) misses.push(`${q} → ${top3.join(', ')}`);
    }
    const share = (TYPOS.length - misses.length) / TYPOS.length;
    console.log(`search typo eval: ${TYPOS.length - misses.length}/${TYPOS.length} = ${(share * 100).toFixed(1)} % in the top 3; misses: ${misses.join('; ') || 'none'}`);
    expect(TYPOS.length).toBeGreaterThanOrEqual(20);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  test('a typo finds close titles, in stock first, and says what was meant', async () => {
    const body = await storeSearch('hoddie');
    expect(handlesOf(body)).toEqual(['zip-hoodie', 'classic-hoodie']);
    expect(body.did_you_mean).toBe('hoodie');
    expect(body.next_cursor).toBeNull();
  });

  test('the fallback pages with its own cursor', async () => {
    const first = await storeSearch('hoddie', '&limit=1');
    expect(handlesOf(first)).toEqual(['zip-hoodie']);
    expect(first.did_you_mean).toBe('hoodie');
    const second = await storeSearch('hoddie', `&limit=1&cursor=${encodeURIComponent(first.next_cursor)}`);
    expect(handlesOf(second)).toEqual(['classic-hoodie']);
    expect(second.next_cursor).toBeNull();
  });

  test('a search matching as typed has no did_you_mean and no fuzzy extras', async () => {
    const body = await storeSearch('hoodie');
    expect(handlesOf(body)).toEqual(['zip-hoodie', 'classic-hoodie', 'denim-jacket']);
    expect(body).not.toHaveProperty('did_you_mean');
  });

  test('a SKU with a typo finds its product', async () => {
    expect(handlesOf(await storeSearch('wal-lthr-01'))).toEqual(['leather-wallet']);
  });

  test('nothing close: no products, no suggestion', async () => {
    const body = await storeSearch('xqzvw');
    expect(body).toEqual({ data: [], next_cursor: null });
  });

  test('the admin list says what was meant too, and keeps its status filter', async () => {
    const body = await ok('GET', '/admin/products?q=walet');
    expect(handlesOf(body)).toEqual(['leather-wallet']);
    expect(body.did_you_mean).toBe('wallet');
    expect(await ok('GET', '/admin/products?q=walet&status=draft')).toEqual({ data: [], next_cursor: null });
  });
});

describe('ranking', () => {
  test('title matches first, then products in stock, then rank', async () => {
    // Classic Hoodie is older and out of stock; the jacket only mentions a hoodie in its description.
    expect(handlesOf(await storeSearch('hoodie'))).toEqual(['zip-hoodie', 'classic-hoodie', 'denim-jacket']);
    const classic = (await storeSearch('classic')).data[0];
    await ok('POST', '/admin/inventory/adjustments', { variant_id: classic.variants[0].id, location_id: (await ok('GET', '/admin/inventory/locations')).data[0].id, delta: 2, reason: 'received' }, 201);
    // Both in stock now: rank, then id (Classic Hoodie was created first).
    expect(handlesOf(await storeSearch('hoodie'))).toEqual(['classic-hoodie', 'zip-hoodie', 'denim-jacket']);
  });
});

describe('synonyms', () => {
  test('the merchant adds, changes, lists and deletes synonyms; searches use them both ways', async () => {
    expect(handlesOf(await storeSearch('pullover'))).toEqual([]);
    const entry = await ok('POST', '/admin/search/synonyms', { word: 'Hoodie', synonyms: ['Pullover', 'hooded top', 'pullover'] }, 201);
    expect(entry).toMatchObject({ word: 'hoodie', synonyms: ['pullover', 'hooded top'] });
    expect(entry.id).toMatch(/^ssyn_/);
    expect(handlesOf(await storeSearch('pullover'))).toEqual(['classic-hoodie', 'zip-hoodie', 'denim-jacket']);
    // The other way round: a search for a synonym's word finds what the synonyms name.
    await ok('POST', '/admin/search/synonyms', { word: 'rucksack', synonyms: ['backpack'] }, 201);
    expect(handlesOf(await storeSearch('rucksack'))).toEqual(['explorer-backpack']);

    const changed = await ok('POST', `/admin/search/synonyms/${entry.id}`, { synonyms: ['jumper'] });
    expect(changed.synonyms).toEqual(['jumper']);
    expect(handlesOf(await storeSearch('jumper'))).toEqual(['classic-hoodie', 'zip-hoodie', 'denim-jacket']);
    expect(handlesOf(await storeSearch('pullover'))).toEqual([]);

    const list = await ok('GET', '/admin/search/synonyms?limit=1');
    expect(list.data.map((s: any) => s.word)).toEqual(['hoodie']);
    const rest = await ok('GET', `/admin/search/synonyms?limit=1&cursor=${encodeURIComponent(list.next_cursor)}`);
    expect(rest.data.map((s: any) => s.word)).toEqual(['rucksack']);
    expect(rest.next_cursor).toBeNull();
    expect((await ok('GET', `/admin/search/synonyms/${entry.id}`)).word).toBe('hoodie');

    expect(await ok('DELETE', `/admin/search/synonyms/${entry.id}`)).toEqual({ id: entry.id, object: 'search_synonym', deleted: true });
    expect(handlesOf(await storeSearch('jumper'))).toEqual([]);
    await refused('GET', `/admin/search/synonyms/${entry.id}`, undefined, 404, 'search_synonym_not_found');

    const events = await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', entry.id).orderBy('seq').execute();
    expect(events).toEqual([
      { type: 'search_synonym.created', payload: { id: entry.id, word: 'hoodie', synonyms: ['pullover', 'hooded top'] } },
      { type: 'search_synonym.updated', payload: { id: entry.id, word: 'hoodie', synonyms: ['jumper'] } },
      { type: 'search_synonym.deleted', payload: { id: entry.id } },
    ]);
  });

  test('bad input is refused and changes nothing', async () => {
    const before = await ok('GET', '/admin/search/synonyms');
    await refused('POST', '/admin/search/synonyms', { word: '!!!', synonyms: ['x'] }, 400, 'invalid_request', 'body.word');
    await refused('POST', '/admin/search/synonyms', { word: 'one two three four five', synonyms: ['x'] }, 400, 'invalid_request', 'body.word');
    await refused('POST', '/admin/search/synonyms', { word: 'tee', synonyms: ['Tee'] }, 400, 'invalid_request', 'body.synonyms');
    await refused('POST', '/admin/search/synonyms', { word: 'tee', synonyms: ['ok', '...'] }, 400, 'invalid_request', 'body.synonyms.1');
    await refused('POST', '/admin/search/synonyms', { word: 'tee', synonyms: [] }, 400, 'invalid_request');
    await refused('POST', '/admin/search/synonyms', { word: 'rucksack', synonyms: ['bag'] }, 409, 'search_synonym_word_taken', 'body.word');
    await refused('POST', '/admin/search/synonyms/ssyn_nope', { synonyms: ['bag'] }, 404, 'search_synonym_not_found');
    await refused('DELETE', '/admin/search/synonyms/ssyn_nope', undefined, 404, 'search_synonym_not_found');
    expect(await ok('GET', '/admin/search/synonyms')).toEqual(before);
  });

  test('two merchants adding the same word at once: one entry, the other refused', async () => {
    const answers = await Promise.all([0, 1, 2].map(() => shop.post('/admin/search/synonyms', { word: 'Parka', synonyms: ['anorak'] })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(['search_synonym_word_taken', 'search_synonym_word_taken']);
    const created = answers.find((a) => a.status === 201)!.body;
    await ok('DELETE', `/admin/search/synonyms/${created.id}`);
  });

  test('reading needs products:read, changing needs products:write', async () => {
    const reader = (await ok('POST', '/admin/api-keys', { name: 'Search reader', permissions: ['products:read'] }, 201)).token;
    expect((await shop.get('/admin/search/synonyms', { token: reader })).status).toBe(200);
    const write = await shop.post('/admin/search/synonyms', { word: 'tote', synonyms: ['bag'] }, { token: reader });
    expect(write.status, write.text).toBe(403);
    expect(write.body.error.code).toBe('forbidden');
    expect((await shop.get('/admin/search/synonyms', { token: null })).status).toBe(401);
    expect((await ok('GET', '/admin/search/synonyms')).data.map((s: any) => s.word)).toEqual(['rucksack']);
  });

  test('a bad search cursor is refused', async () => {
    const response = await shop.get(`/store/products?q=hoddie&cursor=${encodeURIComponent(Buffer.from(JSON.stringify(['x', 'typo'])).toString('base64url'))}`);
    expect(response.status, response.text).toBe(400);
  });
});
