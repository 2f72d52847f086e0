import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { ADDRESS_DE, ADDRESS_US } from '../../../test/helpers/selling.ts';

/**
 * Exact totals across the matrix: tax on top (USD, 8.875 %, a reduced class at 4 %) and tax included
 * (EUR, 20 %, Germany 19 %, Germany's reduced class 7 %), flat / free-over / weight-band shipping,
 * several lines and quantities, and amounts whose tax falls exactly on half a cent.
 * Every figure below was worked out by hand (docs/taxes.md has the rule).
 */
let shop: TestShop;
let us: any;
let eu: any;
const v: Record<string, string> = {};
const options: Record<string, string> = {};

beforeAll(async () => {
  shop = await startTestShop();
  us = (await shop.post('/admin/regions', { name: 'US', currency_code: 'USD', tax_inclusive: false, default_tax_rate: 8.875, countries: ['US'] })).body;
  eu = (await shop.post('/admin/regions', { name: 'EU', currency_code: 'EUR', tax_inclusive: true, default_tax_rate: 20, countries: ['DE', 'FR'] })).body;
  await shop.post(`/admin/regions/${us.id}/tax-rates`, { name: 'Reduced', tax_class: 'reduced', rate: 4 });
  await shop.post(`/admin/regions/${eu.id}/tax-rates`, { name: 'DE VAT', country_code: 'DE', rate: 19 });
  await shop.post(`/admin/regions/${eu.id}/tax-rates`, { name: 'DE reduced', country_code: 'DE', tax_class: 'reduced', rate: 7 });
  options.standard = (await shop.post('/admin/shipping-options', { region_id: us.id, name: 'Standard', price_type: 'flat', amount: 599, free_over_amount: 5000 })).body.id;
  options.freight = (await shop.post('/admin/shipping-options', { region_id: us.id, name: 'Freight', price_type: 'weight', weight_bands: [{ up_to_grams: 1000, amount: 900 }, { up_to_grams: 5000, amount: 1900 }] })).body.id;
  options.euStandard = (await shop.post('/admin/shipping-options', { region_id: eu.id, name: 'Standard', price_type: 'flat', amount: 490 })).body.id;
  const product = async (key: string, usd: number, eur: number, weight: number, taxClass?: string) => {
    const res = await shop.post('/admin/products', {
      title: `Item ${key}`, status: 'published', ...(taxClass ? { tax_class: taxClass } : {}),
      variants: [{ sku: `TOT-${key}`, weight_grams: weight, prices: [{ currency_code: 'USD', amount: usd }, { currency_code: 'EUR', amount: eur }] }],
    });
    v[key] = res.body.variants[0].id;
    await shop.post(`/admin/inventory/items/${v[key]}`, { manage_inventory: false });
  };
  await product('A', 1999, 1899, 400);
  await product('B', 1250, 1190, 1200, 'reduced');
  await product('C', 333, 333, 50);
  await product('D', 400, 400, 10);
  await product('E', 9, 9, 10);
});
afterAll(async () => shop?.close());

async function cart(currency: string, lines: [string, number][], address: object) {
  const created = (await shop.post('/store/carts', { currency_code: currency })).body;
  for (const [key, quantity] of lines) expect((await shop.post(`/store/carts/${created.id}/line-items`, { variant_id: v[key], quantity })).status).toBe(200);
  return (await shop.post(`/store/carts/${created.id}`, { email: 't@example.com', shipping_address: address })).body;
}

const ship = async (cartId: string, option: string) => (await shop.post(`/store/carts/${cartId}/shipping-method`, { option_id: option })).body;
const lines = (c: any) => c.items.map((i: any) => [i.subtotal, i.tax_rate, i.tax_total, i.total]);

describe('tax on top (USD)', () => {
  test('three lines, a reduced class, free shipping over 50.00', async () => {
    const c = await cart('USD', [['A', 3], ['B', 1], ['C', 2]], ADDRESS_US);
    expect(lines(c)).toEqual([[5997, 8.875, 532, 6529], [1250, 4, 50, 1300], [666, 8.875, 59, 725]]);
    const listed = (await shop.get(`/store/carts/${c.id}/shipping-options`)).body.data;
    // Listed by position, then name.
    expect(listed).toEqual([{ id: options.freight, name: 'Freight', amount: 1900 }, { id: options.standard, name: 'Standard', amount: 0 }]);
    expect(await ship(c.id, options.standard)).toMatchObject({ subtotal: 7913, shipping_total: 0, tax_total: 641, total: 8554, weight_grams: 2500 });
    // Freight: 2.5 kg is in the 5 kg band; its 19.00 is taxed at 8.875 % = 1.68625 → 1.69.
    expect(await ship(c.id, options.freight)).toMatchObject({ subtotal: 7913, shipping_total: 1900, tax_total: 810, total: 10623 });
  });

  test('a tax of exactly half a cent rounds up (4.00 × 8.875 % = 0.355 → 0.36)', async () => {
    const c = await cart('USD', [['D', 1]], ADDRESS_US);
    expect(lines(c)).toEqual([[400, 8.875, 36, 436]]);
    expect(await ship(c.id, options.standard)).toMatchObject({ subtotal: 400, shipping_total: 599, tax_total: 89, total: 1088 });
  });

  test('a cart too heavy for the freight bands cannot use them', async () => {
    const c = await cart('USD', [['B', 5]], ADDRESS_US);
    const listed = (await shop.get(`/store/carts/${c.id}/shipping-options`)).body.data;
    expect(listed.map((o: any) => o.id)).toEqual([options.standard]);
    const refused = await shop.post(`/store/carts/${c.id}/shipping-method`, { option_id: options.freight });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('shipping_option_unavailable');
  });
});

describe('tax included (EUR)', () => {
  test('Germany: 19 % and the reduced 7 %, tax inside the prices, shipping taxed at the country rate', async () => {
    const c = await cart('EUR', [['A', 2], ['B', 3]], ADDRESS_DE);
    expect(lines(c)).toEqual([[3798, 19, 606, 3798], [3570, 7, 234, 3570]]);
    expect(await ship(c.id, options.euStandard)).toMatchObject({ subtotal: 7368, shipping_total: 490, tax_total: 918, total: 7858, tax_inclusive: true });
  });

  test('France: the default 20 % for both classes; the total does not move, the tax does', async () => {
    const c = await cart('EUR', [['A', 2], ['B', 3]], { ...ADDRESS_DE, country_code: 'FR', city: 'Paris', postal_code: '75001' });
    expect(lines(c)).toEqual([[3798, 20, 633, 3798], [3570, 20, 595, 3570]]);
    expect(await ship(c.id, options.euStandard)).toMatchObject({ subtotal: 7368, shipping_total: 490, tax_total: 1310, total: 7858 });
  });

  test('an included tax of exactly half a cent rounds up (0.09 × 20/120 = 0.015 → 0.02)', async () => {
    const c = await cart('EUR', [['E', 1]], { ...ADDRESS_DE, country_code: 'FR' });
    expect(lines(c)).toEqual([[9, 20, 2, 9]]);
    expect(await ship(c.id, options.euStandard)).toMatchObject({ subtotal: 9, shipping_total: 490, tax_total: 84, total: 499 });
  });

  test('the order keeps exactly the totals the cart showed', async () => {
    const c = await cart('EUR', [['A', 2], ['B', 3]], ADDRESS_DE);
    const shown = await ship(c.id, options.euStandard);
    expect((await shop.post(`/store/carts/${c.id}/payment`, { provider_id: 'manual' })).status).toBe(200);
    const order = await shop.post(`/store/carts/${c.id}/complete`);
    expect(order.status).toBe(201);
    // A manual payment is never captured at checkout: staff capture it when the money arrives.
    expect(order.body).toMatchObject({ subtotal: shown.subtotal, shipping_total: 490, tax_total: 918, total: 7858, payment_status: 'authorized' });
    expect(order.body.shipping_method).toEqual({ option_id: options.euStandard, name: 'Standard', amount: 490, tax_total: 78 });
    expect(order.body.items.map((i: any) => [i.quantity, i.unit_price, i.tax_rate, i.tax_total])).toEqual([[2, 1899, 19, 606], [3, 1190, 7, 234]]);
  });
});
