import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createStockedProduct, setUpSelling } from '../../../test/helpers/selling.ts';
import { requester, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { buildApp } from '../../http/app.ts';

/**
 * STORE_STOCK_DISPLAY: what the Store API reveals of available stock — on product pages, in lists and
 * in a refused add-to-cart — while staff keep seeing exact figures. One database, one app per setting.
 */
let shop: TestShop;
const apps: FastifyInstance[] = [];
let many: any;
let few: any;
let atCap: any;
let none: any;

beforeAll(async () => {
  shop = await startTestShop();
  const selling = await setUpSelling(shop);
  many = await createStockedProduct(shop, { usd: 1000, stock: 25, locationId: selling.warehouse.id, title: 'Plenty Mug' });
  few = await createStockedProduct(shop, { usd: 1000, stock: 3, locationId: selling.warehouse.id, title: 'Rare Mug' });
  atCap = await createStockedProduct(shop, { usd: 1000, stock: 10, locationId: selling.warehouse.id, title: 'Even Mug' });
  none = await createStockedProduct(shop, { usd: 1000, title: 'Gone Mug' });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await shop?.close();
});

async function storeWith(settings: { storeStockDisplay: 'exact' | 'capped' | 'in_stock'; storeStockCap?: number }) {
  const app = await buildApp({ db: shop.db, config: { ...shop.config, ...settings } });
  apps.push(app);
  return requester(app, () => shop.adminToken);
}

async function stockOf(request: Awaited<ReturnType<typeof storeWith>>) {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries({ many, few, atCap, none })) {
    const { in_stock, available_quantity, available_quantity_capped } = (await request<any>('GET', `/store/products/${p.product.handle}`)).body.variants[0];
    out[name] = { in_stock, available_quantity, ...(available_quantity_capped === undefined ? {} : { available_quantity_capped }) };
  }
  return out;
}

async function refusedAdd(request: Awaited<ReturnType<typeof storeWith>>) {
  const cart = (await request<any>('POST', '/store/carts', { body: { currency_code: 'USD' } })).body;
  const res = await request<any>('POST', `/store/carts/${cart.id}/line-items`, { body: { variant_id: many.variant.id, quantity: 30 } });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('insufficient_inventory');
  return res.body.error.details;
}

test('exact (the default): the count itself', async () => {
  expect(shop.config.storeStockDisplay).toBe('exact');
  const store = await storeWith({ storeStockDisplay: 'exact' });
  expect(await stockOf(store)).toEqual({
    many: { in_stock: true, available_quantity: 25 }, few: { in_stock: true, available_quantity: 3 },
    atCap: { in_stock: true, available_quantity: 10 }, none: { in_stock: false, available_quantity: 0 },
  });
  expect(await refusedAdd(store)).toEqual({ field: 'body.variant_id', variant_id: many.variant.id, requested: 30, available: 25 });
});

test('capped at STORE_STOCK_CAP: exact below the cap, "10+" at or above it, in pages, lists and refusals; staff still see 25', async () => {
  const store = await storeWith({ storeStockDisplay: 'capped', storeStockCap: 10 });
  expect(await stockOf(store)).toEqual({
    many: { in_stock: true, available_quantity: 10, available_quantity_capped: true },
    few: { in_stock: true, available_quantity: 3, available_quantity_capped: false },
    atCap: { in_stock: true, available_quantity: 10, available_quantity_capped: true },
    none: { in_stock: false, available_quantity: 0, available_quantity_capped: false },
  });
  const list = (await store<any>('GET', '/store/products?q=mug&limit=10')).body.data;
  expect(list.find((p: any) => p.id === many.product.id).variants[0]).toMatchObject({ available_quantity: 10, available_quantity_capped: true });
  expect(await refusedAdd(store)).toEqual({ field: 'body.variant_id', variant_id: many.variant.id, requested: 30, available: 10, available_capped: true });
  const admin = (await store<any>('GET', `/admin/products/${many.product.id}`)).body.variants[0];
  expect(admin.available_quantity).toBe(25);
  expect(admin).not.toHaveProperty('available_quantity_capped');
});

test('in_stock: whether it can be bought, never how many', async () => {
  const store = await storeWith({ storeStockDisplay: 'in_stock' });
  expect(await stockOf(store)).toEqual({
    many: { in_stock: true, available_quantity: null }, few: { in_stock: true, available_quantity: null },
    atCap: { in_stock: true, available_quantity: null }, none: { in_stock: false, available_quantity: null },
  });
  expect(await refusedAdd(store)).toEqual({ field: 'body.variant_id', variant_id: many.variant.id, requested: 30 });
  expect((await store<any>('GET', `/admin/products/${many.product.id}`)).body.variants[0].available_quantity).toBe(25);
});
