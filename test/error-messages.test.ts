import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from './helpers/test-shop.ts';

/**
 * Every refusal of bad input names the field and says what would be accepted: a fixed list's values
 * (in `details.allowed`), a pattern in words, a forbidden key as such — never the schema's own words
 * ("must be equal to constant", a regular expression).
 */

let shop: TestShop;

beforeAll(async () => { shop = await startTestShop(); });
afterAll(async () => shop?.close());

test('an unknown sort in a query string lists the sorts', async () => {
  const res = await shop.get('/store/products?sort=hax');
  expect(res.status).toBe(400);
  expect(res.body.error).toEqual({
    code: 'invalid_request',
    message: 'querystring.sort must be one of: "newest", "title", "price", "-price", "relevance"',
    details: { field: 'querystring.sort', rule: 'enum', allowed: ['newest', 'title', 'price', '-price', 'relevance'] },
  });
});

test('an unknown refund reason in a body lists the reasons', async () => {
  const error = await shop.refused('POST', '/admin/orders/ord_00000000000000000000000000/refunds', { amount: 100, reason: 'because' }, 400, 'invalid_request', 'body.reason');
  const allowed = ['customer_request', 'damaged', 'not_received', 'wrong_item', 'goodwill', 'duplicate', 'fraudulent', 'order_edit', 'other'];
  expect(error.details).toEqual({ field: 'body.reason', rule: 'enum', allowed });
  expect(error.message).toBe(`body.reason must be one of: ${allowed.map((v) => `"${v}"`).join(', ')}`);
});

test('a JSON Schema enum (stock adjustment reason) lists its values the same way', async () => {
  const error = await shop.refused('POST', '/admin/inventory/adjustments', {
    variant_id: 'var_00000000000000000000000000', location_id: 'sloc_00000000000000000000000000', delta: 1, reason: 'found',
  }, 400, 'invalid_request', 'body.reason');
  expect(error.details).toEqual({ field: 'body.reason', rule: 'enum', allowed: ['received', 'damaged', 'lost', 'count_correction', 'returned', 'other'] });
  expect(error.message).toBe('body.reason must be one of: "received", "damaged", "lost", "count_correction", "returned", "other"');
});

test('a bad handle is refused in words, not with its regular expression', async () => {
  const error = await shop.refused('POST', '/admin/products', { title: 'Tee', handle: 'Summer Tee' }, 400, 'invalid_request', 'body.handle');
  expect(error.message).toBe('body.handle must be lower-case letters and digits, words joined by single dashes (summer-tee-2)');
  expect(error.details).toEqual({ field: 'body.handle', rule: 'pattern', expected: 'lower-case letters and digits, words joined by single dashes (summer-tee-2)' });
});

test('a "__proto__" key is reported as such, not as invalid JSON', async () => {
  const res = await shop.request('POST', '/admin/products', { body: '{"title":"Tee","__proto__":{"x":1}}' });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('invalid_request');
  expect(res.body.error.message).toBe('The body has a "__proto__" key (or a "constructor" key holding "prototype"); such keys are refused: rename the key.');
  const broken = await shop.request('POST', '/admin/products', { body: '{"title":' });
  expect(broken.body.error).toEqual({ code: 'invalid_json', message: 'The request body is not valid JSON.', details: {} });
});
