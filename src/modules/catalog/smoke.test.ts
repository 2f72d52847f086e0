import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

let shop: TestShop;
beforeAll(async () => { shop = await startTestShop(); });
afterAll(async () => shop?.close());

test('smoke', async () => {
  const created = await shop.post('/admin/products', {
    title: 'Blue Hoodie', status: 'published', options: [{ title: 'Size', values: ['S', 'M'] }],
    variants: [{ sku: 'H-S', options: { Size: 'S' }, prices: [{ currency_code: 'USD', amount: 5000 }] }],
  });
  expect(created.status, created.text).toBe(201);
  const list = await shop.get('/store/products?q=hood');
  expect(list.status, list.text).toBe(200);
  expect(list.body.data.map((p: any) => p.handle)).toEqual(['blue-hoodie']);
});
