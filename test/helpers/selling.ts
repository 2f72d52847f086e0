import { expect } from 'vitest';
import type { TestShop } from './test-shop.ts';

/** Shop set-up and buyer steps through the real HTTP API, for the selling tests. */

export const ADDRESS_US = { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Main St', city: 'Springfield', postal_code: '12345', country_code: 'US' };
export const ADDRESS_DE = { first_name: 'Emmy', last_name: 'Noether', address_1: 'Hauptstr. 1', city: 'Berlin', postal_code: '10115', country_code: 'DE' };
export const CARDS = {
  ok: '4242424242424242',
  declined: '4000000000000002',
  insufficient: '4000000000009995',
  gatewayError: '4000000000000119',
  timeout: '4000000000009999',
};

async function ok<T = any>(promise: Promise<{ status: number; body: T; text: string }>, status = 200): Promise<T> {
  const res = await promise;
  expect(res.status, res.text).toBe(status);
  return res.body;
}

export interface Selling {
  us: any;
  eu: any;
  warehouse: any;
  usStandard: any;
  euStandard: any;
}

/** A US region (USD, tax on top, 10 %), an EU region (EUR, VAT included, 20 %; DE 19 %), a warehouse, flat shipping. */
export async function setUpSelling(shop: TestShop): Promise<Selling> {
  const us = await ok(shop.post('/admin/regions', { name: 'United States', currency_code: 'USD', tax_inclusive: false, default_tax_rate: 10, countries: ['US'] }), 201);
  const eu = await ok(shop.post('/admin/regions', { name: 'Europe', currency_code: 'EUR', tax_inclusive: true, default_tax_rate: 20, countries: ['DE', 'FR', 'NL'] }), 201);
  await ok(shop.post(`/admin/regions/${eu.id}/tax-rates`, { name: 'Germany VAT', country_code: 'DE', rate: 19 }), 201);
  const warehouse = await ok(shop.post('/admin/inventory/locations', { name: 'Main Warehouse', code: 'main' }), 201);
  const usStandard = await ok(shop.post('/admin/shipping-options', { region_id: us.id, name: 'Standard', price_type: 'flat', amount: 500 }), 201);
  const euStandard = await ok(shop.post('/admin/shipping-options', { region_id: eu.id, name: 'Standard', price_type: 'flat', amount: 490 }), 201);
  return { us, eu, warehouse, usStandard, euStandard };
}

let counter = 0;

/** A published single-variant product with prices, and `stock` units at `locationId` (omit for untracked). */
export async function createStockedProduct(shop: TestShop, opts: { usd?: number; eur?: number; stock?: number; locationId?: string; weight?: number; taxClass?: string; title?: string }) {
  const n = ++counter;
  const prices = [
    ...(opts.usd !== undefined ? [{ currency_code: 'USD', amount: opts.usd }] : []),
    ...(opts.eur !== undefined ? [{ currency_code: 'EUR', amount: opts.eur }] : []),
  ];
  const product = await ok(shop.post('/admin/products', {
    title: opts.title ?? `Product ${n}`, handle: `product-${n}-${Date.now()}`, status: 'published',
    ...(opts.taxClass ? { tax_class: opts.taxClass } : {}),
    variants: [{ sku: `SKU-${n}-${Date.now()}`, prices, ...(opts.weight !== undefined ? { weight_grams: opts.weight } : {}) }],
  }), 201);
  const variant = product.variants[0];
  if (opts.stock !== undefined && opts.locationId) {
    await ok(shop.post('/admin/inventory/adjustments', { variant_id: variant.id, location_id: opts.locationId, delta: opts.stock, reason: 'received' }), 201);
  }
  return { product, variant };
}

/** A cart with lines, an address, the first shipping option: ready to pay. */
export async function readyCart(shop: TestShop, opts: { currency?: string; lines: { variant_id: string; quantity: number }[]; address?: object; email?: string }) {
  let cart = await ok(shop.post('/store/carts', { currency_code: opts.currency ?? 'USD' }), 201);
  for (const line of opts.lines) cart = await ok(shop.post(`/store/carts/${cart.id}/line-items`, line));
  await ok(shop.post(`/store/carts/${cart.id}`, { email: opts.email ?? 'buyer@example.com', shipping_address: opts.address ?? ADDRESS_US }));
  const options = await ok(shop.get(`/store/carts/${cart.id}/shipping-options`));
  return ok(shop.post(`/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id }));
}

export async function pay(shop: TestShop, cartId: string, card = CARDS.ok) {
  return shop.post(`/store/carts/${cartId}/payment`, { provider_id: 'test_card', data: { card_number: card } });
}

export async function complete(shop: TestShop, cartId: string, key?: string) {
  return shop.request('POST', `/store/carts/${cartId}/complete`, { headers: key ? { 'idempotency-key': key } : {} });
}

/** The variant's level at a location, as the Admin API reports it. */
export async function level(shop: TestShop, variantId: string, locationId: string) {
  const item = await ok(shop.get(`/admin/inventory/items/${variantId}`));
  const found = item.levels.find((l: any) => l.location_id === locationId);
  return found ? { on_hand: found.on_hand, committed: found.committed, reserved: found.reserved, available: found.available } : null;
}
