import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADDRESS_DE, createStockedProduct, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Promotions through the HTTP API: staff create them, buyers enter codes, and the cart's amounts
 * come out exact (US: 10 % tax on top, shipping 500; EU: VAT included, Germany 19 %, shipping 490).
 * Every figure was worked out by hand from docs/promotions.md.
 */
let shop: TestShop;
let selling: Selling;
const v: Record<string, string> = {};
const p: Record<string, string> = {};
let collectionId: string;
let categoryId: string;

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  for (const [key, usd, eur] of [['A', 2000, 1190], ['B', 1000, 595], ['C', 333, 333], ['D', 333, 333]] as const) {
    const { product, variant } = await createStockedProduct(shop, { usd, eur, title: `Promo ${key}` });
    v[key] = variant.id;
    p[key] = product.id;
    await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
  }
  collectionId = (await shop.ok('POST', '/admin/collections', { title: 'Summer' }, 201)).id;
  categoryId = (await shop.ok('POST', '/admin/categories', { name: 'Lamps' }, 201)).id;
  await shop.ok('POST', `/admin/products/${p.B}`, { collection_id: collectionId });
  await shop.ok('POST', `/admin/products/${p.C}`, { title: "Promo C", category_ids: [categoryId] });
});
afterAll(async () => shop?.close());

const cartWith = (lines: [string, number][], currency = 'USD') =>
  readyCart(shop, { currency, lines: lines.map(([key, quantity]) => ({ variant_id: v[key], quantity })), ...(currency === 'EUR' ? { address: ADDRESS_DE } : {}) });
const apply = (cartId: string, code: string) => shop.post(`/store/carts/${cartId}/promotions`, { code });
const amounts = (cart: any) => ({
  lines: cart.items.map((i: any) => [i.subtotal, i.discount_total, i.tax_total, i.total]),
  subtotal: cart.subtotal, discount_total: cart.discount_total, shipping_total: cart.shipping_total, tax_total: cart.tax_total, total: cart.total,
});
const create = (body: object) => shop.ok('POST', '/admin/promotions', body, 201);

describe('creating', () => {
  test('a percentage code from three fields: 10 % off the whole order, read back with its defaults', async () => {
    const promo = await create({ code: 'SAVE10', type: 'percentage', value: 10 });
    expect(promo).toMatchObject({
      code: 'SAVE10', automatic: false, type: 'percentage', target: 'order', value: 10, amounts: null, combinable: false, active: true,
      product_ids: [], min_subtotals: [], usage_limit: null, usage_count: 0, per_customer_limit: null, budget: null, discount_given: [],
      starts_at: null, ends_at: null,
    });
    expect(promo.id).toMatch(/^promo_/);
    expect(await shop.ok('GET', `/admin/promotions/${promo.id}`)).toEqual(promo);
    expect((await shop.ok('GET', '/admin/promotions?code=save10')).data.map((x: any) => x.id)).toEqual([promo.id]);
  });

  test('codes are unique in any case; bad input names its field and creates nothing', async () => {
    await shop.refused('POST', '/admin/promotions', { code: 'save10', type: 'fixed', value: 100, currency_code: 'USD' }, 409, 'promotion_code_taken');
    await shop.refused('POST', '/admin/promotions', { code: 'NOVALUE', type: 'percentage' }, 400, 'invalid_request', 'body.value');
    await shop.refused('POST', '/admin/promotions', { code: 'TOOMUCH', type: 'percentage', value: 101 }, 400, 'invalid_request', 'body.value');
    await shop.refused('POST', '/admin/promotions', { code: 'NOCUR', type: 'fixed', value: 500 }, 400, 'invalid_request', 'body.currency_code');
    await shop.refused('POST', '/admin/promotions', { type: 'percentage', value: 5 }, 400, 'invalid_request', 'body.code');
    await shop.refused('POST', '/admin/promotions', { code: 'SHIPX', type: 'free_shipping', target: 'order' }, 400, 'invalid_request', 'body.target');
    await shop.refused('POST', '/admin/promotions', { code: 'GHOST', type: 'percentage', value: 5, product_ids: ['prod_nothing'] }, 400, 'invalid_reference', 'body.product_ids[0]');
    await shop.refused('POST', '/admin/promotions', { code: 'BACKWARDS', type: 'percentage', value: 5, starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 400, 'invalid_request', 'body.ends_at');
    expect((await shop.ok('GET', '/admin/promotions?limit=100')).data.map((x: any) => x.code)).toEqual(['SAVE10']);
  });
});

describe('applying codes', () => {
  test('SAVE10 entered in lower case: 300 off 3000, spread 200/100, tax on the discounted lines', async () => {
    const cart = await cartWith([['A', 1], ['B', 1]]);
    const res = await apply(cart.id, 'save10');
    expect(res.status, res.text).toBe(200);
    // Lines 1800 and 900 after discount, 10 % tax each; shipping 500 + 50 tax.
    expect(amounts(res.body)).toEqual({
      lines: [[2000, 200, 180, 1980], [1000, 100, 90, 990]],
      subtotal: 3000, discount_total: 300, shipping_total: 500, tax_total: 320, total: 3520,
    });
    expect(res.body.promotions).toEqual([{ promotion_id: expect.stringMatching(/^promo_/), code: 'SAVE10', type: 'percentage', target: 'order', amount: 300 }]);
    expect(res.body.removed_promotions).toEqual([]);
    // The read gives the same.
    expect(amounts((await shop.get(`/store/carts/${cart.id}`)).body)).toEqual(amounts(res.body));
  });

  test('a discount that does not divide evenly: largest remainder gives the last cent to the larger remainder', async () => {
    const cart = await cartWith([['C', 1], ['D', 2]]);
    const body = (await apply(cart.id, 'SAVE10')).body;
    // 10 % of 999 = 99.9 → 100; shares 33.3 and 66.6 → 33 and 67.
    expect(amounts(body).lines).toEqual([[333, 33, 30, 330], [666, 67, 60, 659]]);
    expect([body.discount_total, body.tax_total, body.total]).toEqual([100, 140, 999 - 100 + 500 + 140]);
  });

  test('tax included (EUR, Germany 19 %): the VAT is taken from the discounted price', async () => {
    const cart = await cartWith([['A', 1]], 'EUR');
    const body = (await apply(cart.id, 'SAVE10')).body;
    // 1190 − 119 = 1071 gross, of which 171 VAT; shipping 490 gross, 78 VAT.
    expect(amounts(body)).toEqual({ lines: [[1190, 119, 171, 1071]], subtotal: 1190, discount_total: 119, shipping_total: 490, tax_total: 249, total: 1561 });
  });

  test('unknown code 404; removing the code gives the full price back; removing it again 404', async () => {
    const cart = await cartWith([['A', 1]]);
    await shop.refused('POST', `/store/carts/${cart.id}/promotions`, { code: 'NOPE' }, 404, 'promotion_not_found', 'body.code');
    expect((await apply(cart.id, 'SAVE10')).body.discount_total).toBe(200);
    const res = await shop.request('DELETE', `/store/carts/${cart.id}/promotions/save10`);
    expect(res.status).toBe(200);
    expect([res.body.discount_total, res.body.total, res.body.promotions]).toEqual([0, 2750, []]);
    await shop.refused('DELETE', `/store/carts/${cart.id}/promotions/SAVE10`, undefined, 404, 'promotion_not_found');
  });

  test('fixed amount per currency: 500 off in USD, 400 in EUR, not applicable in a currency it lacks', async () => {
    await create({ code: 'FIVE', type: 'fixed', amounts: [{ currency_code: 'USD', amount: 500 }, { currency_code: 'EUR', amount: 400 }] });
    await create({ code: 'USDONLY', type: 'fixed', value: 700, currency_code: 'USD' });
    const us = await cartWith([['A', 1], ['B', 1]]);
    // 500 over 2000 and 1000: 333.3 and 166.7 → 333 and 167.
    expect(amounts((await apply(us.id, 'five')).body).lines).toEqual([[2000, 333, 167, 1834], [1000, 167, 83, 916]]);
    const eu = await cartWith([['A', 1]], 'EUR');
    expect((await apply(eu.id, 'FIVE')).body.discount_total).toBe(400);
    const refused = await shop.refused('POST', `/store/carts/${eu.id}/promotions`, { code: 'usdonly' }, 409, 'promotion_not_applicable', 'body.code');
    expect(refused.details).toMatchObject({ code: 'USDONLY', reason: 'currency' });
    // Refused: the cart keeps the code it had.
    expect((await shop.get(`/store/carts/${eu.id}`)).body.promotions.map((x: any) => x.code)).toEqual(['FIVE']);
  });

  test('a fixed amount larger than the order takes it to zero, never below', async () => {
    await create({ code: 'BIG', type: 'fixed', value: 100_000, currency_code: 'USD' });
    const body = (await apply((await cartWith([['C', 1]])).id, 'BIG')).body;
    expect(amounts(body)).toEqual({ lines: [[333, 333, 0, 0]], subtotal: 333, discount_total: 333, shipping_total: 500, tax_total: 50, total: 550 });
  });

  test('free shipping: shipping_total 0, no shipping tax, items untouched', async () => {
    await create({ code: 'SHIPFREE', type: 'free_shipping' });
    const body = (await apply((await cartWith([['B', 1]])).id, 'SHIPFREE')).body;
    expect(amounts(body)).toEqual({ lines: [[1000, 0, 100, 1100]], subtotal: 1000, discount_total: 0, shipping_total: 0, tax_total: 100, total: 1100 });
    expect(body.promotions).toEqual([expect.objectContaining({ code: 'SHIPFREE', target: 'shipping', amount: 500 })]);
  });

  test('matching items: a product, a collection, a category; a cart without one is refused', async () => {
    await create({ code: 'ITEMS20', type: 'percentage', value: 20, target: 'items', product_ids: [p.A], collection_ids: [collectionId], category_ids: [categoryId] });
    const body = (await apply((await cartWith([['A', 1], ['B', 1], ['C', 1], ['D', 1]])).id, 'ITEMS20')).body;
    // A, B (collection) and C (category) match; D does not. 20 % of 3333 = 666.6 → 667.
    expect(body.items.map((i: any) => i.discount_total)).toEqual([400, 200, 67, 0]);
    expect(body.discount_total).toBe(667);
    const refused = await shop.refused('POST', `/store/carts/${(await cartWith([['D', 1]])).id}/promotions`, { code: 'ITEMS20' }, 409, 'promotion_not_applicable');
    expect(refused.details.reason).toBe('no_matching_items');
  });

  test('a minimum subtotal: refused below it; a code that stops applying when the cart shrinks is removed with the reason', async () => {
    await create({ code: 'OVER30', type: 'fixed', value: 1000, currency_code: 'USD', min_subtotals: [{ currency_code: 'USD', amount: 3000 }] });
    const small = await cartWith([['A', 1]]);
    expect((await shop.refused('POST', `/store/carts/${small.id}/promotions`, { code: 'OVER30' }, 409, 'promotion_not_applicable')).details.reason).toBe('minimum_subtotal');
    const cart = await cartWith([['A', 1], ['B', 1]]);
    expect((await apply(cart.id, 'OVER30')).body.discount_total).toBe(1000);
    const shrunk = (await shop.request('DELETE', `/store/carts/${cart.id}/line-items/${cart.items[1].id}`)).body;
    expect([shrunk.discount_total, shrunk.promotions, shrunk.removed_promotions]).toEqual([0, [], [{ promotion_id: expect.any(String), code: 'OVER30', reason: 'minimum_subtotal' }]]);
    // Removed, not suspended: growing the cart again does not bring it back until the buyer enters it again.
    const grown = (await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: v.B, quantity: 1 })).body;
    expect([grown.discount_total, grown.removed_promotions.map((r: any) => r.reason)]).toEqual([0, ['minimum_subtotal']]);
    const again = (await apply(cart.id, 'OVER30')).body;
    expect([again.discount_total, again.removed_promotions]).toEqual([1000, []]);
  });

  test('dates: not started is refused; a code that expires while on the cart stops applying with reason expired', async () => {
    await create({ code: 'LATER', type: 'percentage', value: 5, starts_at: '2099-01-01T00:00:00Z' });
    const cart = await cartWith([['A', 1]]);
    expect((await shop.refused('POST', `/store/carts/${cart.id}/promotions`, { code: 'LATER' }, 409, 'promotion_not_applicable')).details.reason).toBe('not_started');
    const soon = await create({ code: 'SOON', type: 'percentage', value: 5, ends_at: '2099-01-01T00:00:00Z' });
    expect((await apply(cart.id, 'SOON')).body.discount_total).toBe(100);
    await shop.ok('POST', `/admin/promotions/${soon.id}`, { ends_at: new Date(Date.now() - 1000).toISOString() });
    const read = (await shop.get(`/store/carts/${cart.id}`)).body;
    expect([read.discount_total, read.removed_promotions.map((r: any) => [r.code, r.reason])]).toEqual([0, [['SOON', 'expired']]]);
  });

  test('regions and currencies: a code for the EU region is refused in the US', async () => {
    await create({ code: 'EUONLY', type: 'percentage', value: 10, region_ids: [selling.eu.id] });
    await create({ code: 'EURONLY', type: 'percentage', value: 10, currency_codes: ['EUR'] });
    const us = await cartWith([['A', 1]]);
    expect((await shop.refused('POST', `/store/carts/${us.id}/promotions`, { code: 'EUONLY' }, 409, 'promotion_not_applicable')).details.reason).toBe('region');
    expect((await shop.refused('POST', `/store/carts/${us.id}/promotions`, { code: 'EURONLY' }, 409, 'promotion_not_applicable')).details.reason).toBe('currency');
    expect((await apply((await cartWith([['A', 1]], 'EUR')).id, 'EUONLY')).body.discount_total).toBe(119);
  });
});

describe('stacking and automatic promotions', () => {
  test('two codes that do not combine: the larger wins, the other is removed as not_combinable', async () => {
    const cart = await cartWith([['A', 1], ['B', 1]]);
    expect((await apply(cart.id, 'SAVE10')).body.discount_total).toBe(300);
    const body = (await apply(cart.id, 'FIVE')).body; // 500 > 300
    expect([body.discount_total, body.promotions.map((x: any) => x.code), body.removed_promotions.map((r: any) => [r.code, r.reason])])
      .toEqual([500, ['FIVE'], [['SAVE10', 'not_combinable']]]);
  });

  test('combinable promotions stack in order: items, then order, then shipping; an automatic one needs no code', async () => {
    const auto = await create({ automatic: true, type: 'fixed', value: 100, currency_code: 'USD', target: 'items', product_ids: [p.A], combinable: true });
    expect(auto).toMatchObject({ code: null, automatic: true });
    await create({ code: 'STACK10', type: 'percentage', value: 10, combinable: true });
    await create({ code: 'STACKSHIP', type: 'free_shipping', combinable: true });
    const cart = await cartWith([['A', 1], ['B', 1]]);
    // The automatic one applies by itself: 100 off A.
    expect([cart.discount_total, cart.promotions.map((x: any) => x.code)]).toEqual([100, [null]]);
    await apply(cart.id, 'STACK10');
    const body = (await apply(cart.id, 'stackship')).body;
    // A: 2000 − 100 = 1900; then 10 % of 2900 = 290 over 1900 and 1000: 190 and 100. Shipping free.
    expect(amounts(body)).toEqual({
      lines: [[2000, 290, 171, 1881], [1000, 100, 90, 990]],
      subtotal: 3000, discount_total: 390, shipping_total: 0, tax_total: 261, total: 2871,
    });
    expect(body.promotions.map((x: any) => [x.code, x.amount])).toEqual([[null, 100], ['STACK10', 290], ['STACKSHIP', 500]]);
    await shop.ok('POST', `/admin/promotions/${auto.id}`, { active: false });
    expect((await shop.get(`/store/carts/${cart.id}`)).body.discount_total).toBe(300);
  });
});

describe('buy X get Y', () => {
  test('buy 2 get 1 free: the cheapest units are free, one per three units; too few units is refused', async () => {
    const promo = await create({ code: 'B2G1', type: 'buy_x_get_y', buy_quantity: 2, get_quantity: 1 });
    expect(promo).toMatchObject({ type: 'buy_x_get_y', target: 'items', value: 100, buy_quantity: 2, get_quantity: 1 });
    const three = (await apply((await cartWith([['A', 2], ['C', 1]])).id, 'B2G1')).body;
    expect(amounts(three)).toEqual({ lines: [[4000, 0, 400, 4400], [333, 333, 0, 0]], subtotal: 4333, discount_total: 333, shipping_total: 500, tax_total: 450, total: 4950 });
    // Six units, two free: the 333 and then the cheapest of the rest, a 1000.
    const six = (await apply((await cartWith([['B', 5], ['D', 1]])).id, 'b2g1')).body;
    expect(six.items.map((i: any) => i.discount_total)).toEqual([1000, 333]);
    const two = await cartWith([['A', 2]]);
    expect((await shop.refused('POST', `/store/carts/${two.id}/promotions`, { code: 'B2G1' }, 409, 'promotion_not_applicable')).details.reason).toBe('minimum_quantity');
  });

  test('buy 1 get 1 half off on one product only; bad input names the field', async () => {
    await create({ code: 'BOGOHALF', type: 'buy_x_get_y', buy_quantity: 1, get_quantity: 1, value: 50, product_ids: [p.A] });
    const body = (await apply((await cartWith([['A', 3], ['C', 4]])).id, 'BOGOHALF')).body;
    // Three A: one pair, so one A at half price; the C lines do not match.
    expect(body.items.map((i: any) => i.discount_total)).toEqual([1000, 0]);
    await shop.refused('POST', '/admin/promotions', { code: 'NOGET', type: 'buy_x_get_y', buy_quantity: 2 }, 400, 'invalid_request', 'body.get_quantity');
    await shop.refused('POST', '/admin/promotions', { code: 'STRAY', type: 'percentage', value: 5, buy_quantity: 2 }, 400, 'invalid_request', 'body.buy_quantity');
  });
});

describe('tiered', () => {
  test('10 % from 100.00, 15 % from 200.00: the highest tier reached applies; below every tier is refused', async () => {
    const promo = await create({ code: 'TIERED', type: 'percentage', tiers: [{ currency_code: 'USD', min_subtotal: 10_000, value: 10 }, { currency_code: 'USD', min_subtotal: 20_000, value: 15 }] });
    expect(promo).toMatchObject({ value: null, tiers: [{ currency_code: 'USD', min_subtotal: 10_000, value: 10 }, { currency_code: 'USD', min_subtotal: 20_000, value: 15 }] });
    expect((await apply((await cartWith([['A', 5]])).id, 'TIERED')).body.discount_total).toBe(1000);
    expect((await apply((await cartWith([['A', 10]])).id, 'TIERED')).body.discount_total).toBe(3000);
    const under = await cartWith([['A', 4]]);
    expect((await shop.refused('POST', `/store/carts/${under.id}/promotions`, { code: 'TIERED' }, 409, 'promotion_not_applicable')).details.reason).toBe('minimum_subtotal');
    const eur = await cartWith([['A', 10]], 'EUR');
    expect((await shop.refused('POST', `/store/carts/${eur.id}/promotions`, { code: 'TIERED' }, 409, 'promotion_not_applicable')).details.reason).toBe('currency');
  });

  test('fixed tiers: 5.00 off from 50.00, 15.00 off from 100.00; a cart that grows into the next tier gets it', async () => {
    await create({ code: 'TIERFIX', type: 'fixed', tiers: [{ currency_code: 'USD', min_subtotal: 5000, value: 500 }, { currency_code: 'USD', min_subtotal: 10_000, value: 1500 }] });
    const cart = await cartWith([['B', 6]]);
    expect((await apply(cart.id, 'TIERFIX')).body.discount_total).toBe(500);
    const grown = (await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { body: { quantity: 10 } })).body;
    expect(grown.discount_total).toBe(1500);
    await shop.refused('POST', '/admin/promotions', { code: 'TIERBAD', type: 'fixed', value: 100, currency_code: 'USD', tiers: [{ currency_code: 'USD', min_subtotal: 1, value: 5 }] }, 400, 'invalid_request', 'body.value');
    await shop.refused('POST', '/admin/promotions', { code: 'TIERDUP', type: 'percentage', tiers: [{ currency_code: 'USD', min_subtotal: 1, value: 5 }, { currency_code: 'USD', min_subtotal: 1, value: 6 }] }, 400, 'invalid_request', 'body.tiers[1].min_subtotal');
  });
});

describe('admin', () => {
  test('update checks the whole promotion; a promotion no order used can be deleted, and carts lose its code', async () => {
    const promo = await create({ code: 'TEMP', type: 'percentage', value: 15 });
    await shop.refused('POST', `/admin/promotions/${promo.id}`, { type: 'fixed' }, 400, 'invalid_request', 'body.value');
    const changed = await shop.ok('POST', `/admin/promotions/${promo.id}`, { type: 'fixed', value: 250, currency_code: 'USD', usage_limit: 5 });
    expect(changed).toMatchObject({ type: 'fixed', value: null, amounts: [{ currency_code: 'USD', amount: 250 }], usage_limit: 5 });
    const cart = await cartWith([['A', 1]]);
    expect((await apply(cart.id, 'TEMP')).body.discount_total).toBe(250);
    expect(await shop.ok('DELETE', `/admin/promotions/${promo.id}`)).toEqual({ id: promo.id, object: 'promotion', deleted: true });
    await shop.refused('GET', `/admin/promotions/${promo.id}`, undefined, 404, 'promotion_not_found');
    expect((await shop.get(`/store/carts/${cart.id}`)).body.discount_total).toBe(0);
  });
});
