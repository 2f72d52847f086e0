import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADDRESS_DE, CARDS, complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { divideRoundHalfUp, PPM, taxOf } from '../tax/tax-calculator.ts';
import { errorCodesVaryByRun } from '../../../test/helpers/error-record.ts';

// Random carts and promotions: which refusals a run meets differs from run to run.
errorCodesVaryByRun();

/**
 * The money rules of docs/promotions.md, for random carts and random stacks of promotions, through
 * the HTTP API (percentages, fixed amounts, free shipping, buy X get Y), in both tax modes (USD 10 % on top, EUR 19 % included): line discounts sum exactly to
 * discount_total, no line, shipping or total goes below zero, tax is on the discounted amounts, a
 * single percentage is rounded half up and allocated by largest remainder, and the order placed
 * keeps the cart's amounts. PROMOTION_PROPERTY_RUNS (25) sets how many carts.
 */
const PRICES = [1, 7, 333, 999, 1250, 4999, 123_457];
const SHIPPING = { USD: 500, EUR: 490 } as const;

let shop: TestShop;
const variants: string[] = [];
const products: string[] = [];
let run = 0;

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  for (const price of PRICES) {
    const { product, variant } = await createStockedProduct(shop, { usd: price, eur: price });
    await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
    variants.push(variant.id);
    products.push(product.id);
  }
});
afterAll(async () => shop?.close());

const promotionSpec = fc.record({
  type: fc.constantFrom('percentage', 'fixed', 'free_shipping', 'buy_x_get_y'),
  buy: fc.integer({ min: 1, max: 3 }),
  get: fc.integer({ min: 1, max: 2 }),
  percent: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(12.5, 33.3333, 0.0001)),
  amount: fc.integer({ min: 1, max: 200_000 }),
  target: fc.constantFrom('order', 'items', 'shipping'),
  products: fc.uniqueArray(fc.integer({ min: 0, max: PRICES.length - 1 }), { minLength: 1, maxLength: 3 }),
  combinable: fc.boolean(),
});
const cartSpec = fc.record({
  currency: fc.constantFrom('USD', 'EUR'),
  lines: fc.uniqueArray(fc.record({ p: fc.integer({ min: 0, max: PRICES.length - 1 }), q: fc.integer({ min: 1, max: 5 }) }), { selector: (l) => l.p, minLength: 1, maxLength: 4 }),
  promotions: fc.array(promotionSpec, { minLength: 1, maxLength: 3 }),
});

function promotionBody(spec: typeof promotionSpec extends fc.Arbitrary<infer T> ? T : never, code: string) {
  const conditions = spec.target === 'items' ? { product_ids: spec.products.map((i: number) => products[i]) } : {};
  if (spec.type === 'free_shipping') return { code, type: 'free_shipping', combinable: spec.combinable };
  if (spec.type === 'buy_x_get_y') {
    return { code, type: 'buy_x_get_y', buy_quantity: spec.buy, get_quantity: spec.get, value: spec.percent, combinable: spec.combinable, ...conditions };
  }
  const value = spec.type === 'percentage'
    ? { value: spec.percent }
    : { amounts: [{ currency_code: 'USD', amount: spec.amount }, { currency_code: 'EUR', amount: spec.amount }] };
  return { code, type: spec.type, target: spec.target, combinable: spec.combinable, ...value, ...conditions };
}

const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);

test('random carts and promotions keep the money rules, in both tax modes, from cart to order', async () => {
  await fc.assert(fc.asyncProperty(cartSpec, async (spec) => {
    run++;
    const cart = await readyCart(shop, {
      currency: spec.currency, lines: spec.lines.map((l) => ({ variant_id: variants[l.p], quantity: l.q })),
      ...(spec.currency === 'EUR' ? { address: ADDRESS_DE } : {}),
    });
    let body: any = cart;
    for (const [i, promotion] of spec.promotions.entries()) {
      const code = `PROP${run}X${i}`;
      await shop.ok('POST', '/admin/promotions', promotionBody(promotion, code), 201);
      const res = await shop.post(`/store/carts/${cart.id}/promotions`, { code: code.toLowerCase() });
      if (res.status === 200) body = res.body;
      else expect([res.status, res.body.error.code, res.body.error.details.reason]).toEqual([409, 'promotion_not_applicable', expect.stringMatching(/^(no_matching_items|not_combinable|minimum_quantity)$/)]);
    }
    body = (await shop.get(`/store/carts/${cart.id}`)).body;
    const inclusive = spec.currency === 'EUR';

    for (const [i, item] of body.items.entries()) {
      expect(item.subtotal).toBe(PRICES[spec.lines[i].p] * spec.lines[i].q);
      expect(item.discount_total).toBeGreaterThanOrEqual(0);
      expect(item.discount_total).toBeLessThanOrEqual(item.subtotal);
      expect(item.tax_total).toBe(taxOf(item.subtotal - item.discount_total, Math.round(item.tax_rate * 10_000), inclusive));
      expect(item.total).toBe(item.subtotal - item.discount_total + (inclusive ? 0 : item.tax_total));
    }
    expect(sum(body.items.map((i: any) => i.discount_total))).toBe(body.discount_total);
    const byTarget = (shipping: boolean) => sum(body.promotions.filter((p: any) => (p.target === 'shipping') === shipping).map((p: any) => p.amount));
    expect(byTarget(false)).toBe(body.discount_total);
    expect(body.shipping_total).toBe(SHIPPING[spec.currency] - byTarget(true));
    expect(body.shipping_total).toBeGreaterThanOrEqual(0);
    const shippingRate = spec.currency === 'EUR' ? 190_000 : 100_000;
    expect(body.tax_total).toBe(sum(body.items.map((i: any) => i.tax_total)) + taxOf(body.shipping_total, shippingRate, inclusive));
    expect(body.total).toBe(body.subtotal - body.discount_total + body.shipping_total + (inclusive ? 0 : body.tax_total));
    expect(body.total).toBeGreaterThanOrEqual(0);

    // One percentage on the whole order: rounded half up on the subtotal, each line within a cent of its exact share.
    if (body.promotions.length === 1 && body.promotions[0].type === 'percentage' && body.promotions[0].target === 'order') {
      const spec1 = spec.promotions.find((p, i) => `PROP${run}X${i}` === body.promotions[0].code)!;
      const ppm = BigInt(Math.round(spec1.percent * 10_000));
      expect(body.discount_total).toBe(Number(divideRoundHalfUp(BigInt(body.subtotal) * ppm, BigInt(PPM))));
      for (const item of body.items) expect(Math.abs(item.discount_total - (body.discount_total * item.subtotal) / body.subtotal)).toBeLessThan(1);
    }

    // The order keeps what the cart showed.
    expect((await pay(shop, cart.id, CARDS.ok)).status).toBe(200);
    const placed = await complete(shop, cart.id);
    expect(placed.status, placed.text).toBe(201);
    const pick = (o: any) => [o.subtotal, o.discount_total, o.shipping_total, o.tax_total, o.total, o.items.map((i: any) => [i.subtotal, i.discount_total, i.tax_total, i.total])];
    expect(pick(placed.body)).toEqual(pick(body));
  }), { numRuns: Number(process.env.PROMOTION_PROPERTY_RUNS ?? 25), endOnFailure: true });
}, 300_000);
