import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CARDS, complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Limits counted at checkout (docs/promotions.md): per customer (guests by email, in any case), uses
 * given back when the payment fails, a code that stops applying between payment and completion.
 * The 200-buyer race is test/promotion-race.test.ts.
 */
let shop: TestShop;
let variantId: string;

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 2000, title: 'Limited Lamp' });
  variantId = variant.id;
  await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
});
afterAll(async () => shop?.close());

const cartFor = (email: string) => readyCart(shop, { lines: [{ variant_id: variantId, quantity: 1 }], email });
const apply = (cartId: string, code: string) => shop.ok('POST', `/store/carts/${cartId}/promotions`, { code });
const events = async (promotionId: string) =>
  (await shop.db.selectFrom('event_outbox').select('type').where('resource_id', '=', promotionId).orderBy('seq').execute()).map((e) => e.type);

describe('per customer', () => {
  test('a guest uses a once-per-customer code once, whatever the case of the email; two carts racing it get one use', async () => {
    const promo = await shop.ok('POST', '/admin/promotions', { code: 'ONCE', type: 'fixed', value: 300, currency_code: 'USD', per_customer_limit: 1 }, 201);
    // Two carts of the same buyer hold the code and are paid before either completes.
    const first = await cartFor('Guest@Example.com');
    const second = await cartFor('guest@example.com');
    await apply(first.id, 'ONCE');
    await apply(second.id, 'once');
    expect((await pay(shop, first.id)).status).toBe(200);
    expect((await pay(shop, second.id)).status).toBe(200);
    const placed = await complete(shop, first.id);
    expect([placed.status, placed.body.discount_total]).toEqual([201, 300]);
    const refused = await complete(shop, second.id);
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([409, 'promotion_exhausted', { promotion_id: promo.id, code: 'ONCE', scope: 'customer' }]);
    // A new cart of the same buyer is told at once.
    const third = await cartFor('GUEST@example.com');
    const told = await shop.refused('POST', `/store/carts/${third.id}/promotions`, { code: 'ONCE' }, 409, 'promotion_not_applicable', 'body.code');
    expect(told.details.reason).toBe('customer_limit');
    // Another buyer still may.
    const other = await cartFor('someone.else@example.com');
    expect((await apply(other.id, 'ONCE')).discount_total).toBe(300);
    expect(await shop.ok('GET', `/admin/promotions/${promo.id}`)).toMatchObject({ usage_count: 1, discount_given: [{ currency_code: 'USD', amount: 300 }] });
  });
});

describe('undone checkouts', () => {
  test('a declined card gives the use back: the last use of a one-use code goes to the next buyer', async () => {
    const promo = await shop.ok('POST', '/admin/promotions', { code: 'LASTONE', type: 'percentage', value: 50, usage_limit: 1 }, 201);
    const declined = await cartFor('declined@example.com');
    await apply(declined.id, 'LASTONE');
    expect((await pay(shop, declined.id, CARDS.declined)).status).toBe(200);
    const failed = await complete(shop, declined.id);
    expect([failed.status, failed.body.error.code]).toEqual([402, 'payment_declined']);
    expect((await shop.ok('GET', `/admin/promotions/${promo.id}`)).usage_count).toBe(0);
    expect(await shop.db.selectFrom('promotion_usage').select('order_id').where('promotion_id', '=', promo.id).execute()).toEqual([]);

    const next = await cartFor('next@example.com');
    await apply(next.id, 'LASTONE');
    expect((await pay(shop, next.id)).status).toBe(200);
    const placed = await complete(shop, next.id);
    expect([placed.status, placed.body.discount_total, placed.body.total]).toEqual([201, 1000, 1000 + 100 + 550]);
    // The declined checkout's use was the last one too, until it was given back.
    expect(await events(promo.id)).toEqual(['promotion.created', 'promotion.redeemed', 'promotion.exhausted', 'promotion.released', 'promotion.redeemed', 'promotion.exhausted']);
  });
});

describe('a code that stops applying after payment started', () => {
  test('expired before completion: 409 with the reason, nothing charged; paying again completes at the new total', async () => {
    const promo = await shop.ok('POST', '/admin/promotions', { code: 'FLEETING', type: 'fixed', value: 400, currency_code: 'USD' }, 201);
    const cart = await cartFor('late@example.com');
    await apply(cart.id, 'FLEETING');
    expect((await pay(shop, cart.id)).body.payment_session.amount).toBe(2000 - 400 + 160 + 500 + 50);
    await shop.ok('POST', `/admin/promotions/${promo.id}`, { ends_at: new Date(Date.now() - 1000).toISOString() });
    const refused = await complete(shop, cart.id);
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([409, 'promotion_not_applicable', { promotion_id: promo.id, code: 'FLEETING', reason: 'expired' }]);
    expect(await shop.db.selectFrom('payment').select('status').where('cart_id', '=', cart.id).execute()).toEqual([{ status: 'pending' }]);
    const repaid = (await pay(shop, cart.id)).body;
    expect([repaid.payment_session.amount, repaid.removed_promotions.map((r: any) => r.reason)]).toEqual([2750, ['expired']]);
    const placed = await complete(shop, cart.id);
    expect([placed.status, placed.body.discount_total, placed.body.total]).toEqual([201, 0, 2750]);
  });
});
