import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * Campaigns (docs/promotions.md#campaigns): CRUD through the Admin API, shared dates, a shared budget
 * per currency counted at checkout, and a canceled order giving its uses and budget shares back.
 */
let shop: TestShop;
let variantId: string;

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 2000, eur: 2000, title: 'Campaign Lamp' });
  variantId = variant.id;
  await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
});
afterAll(async () => shop?.close());

const cartFor = (email: string, currency = 'USD') => readyCart(shop, { lines: [{ variant_id: variantId, quantity: 1 }], email, currency, ...(currency === 'EUR' ? { address: { first_name: 'E', last_name: 'N', address_1: 'Hauptstr. 1', city: 'Berlin', postal_code: '10115', country_code: 'DE' } } : {}) });
const apply = (cartId: string, code: string) => shop.request('POST', `/store/carts/${cartId}/promotions`, { body: { code } });
async function placeWith(email: string, code: string) {
  const cart = await cartFor(email);
  expect((await apply(cart.id, code)).status).toBe(200);
  expect((await pay(shop, cart.id)).status).toBe(200);
  const placed = await complete(shop, cart.id);
  expect(placed.status, placed.text).toBe(201);
  return placed.body;
}
const eventsOf = async (id: string) =>
  (await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', id).orderBy('seq').execute()).map((e) => e.type);

describe('campaign CRUD', () => {
  test('create, read, update, delete; bad input names the field and changes nothing', async () => {
    const created = await shop.ok('POST', '/admin/campaigns', { name: 'Spring', budgets: [{ currency_code: 'usd', amount: 5000 }] }, 201);
    expect(created).toMatchObject({
      name: 'Spring', description: null, starts_at: null, ends_at: null, budgets: [{ currency_code: 'USD', amount: 5000, used: 0 }],
      promotion_ids: [], usage_count: 0, order_count: 0, discount_given: [],
    });
    expect(created.id).toMatch(/^camp_/);
    await shop.refused('POST', '/admin/campaigns', { name: 'Twice', budgets: [{ currency_code: 'USD', amount: 1 }, { currency_code: 'USD', amount: 2 }] }, 400, 'invalid_request', 'body.budgets[1].currency_code');
    await shop.refused('POST', `/admin/campaigns/${created.id}`, { starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 400, 'invalid_request', 'body.ends_at');
    await shop.refused('GET', '/admin/campaigns/camp_01HZZZZZZZZZZZZZZZZZZZZZZZ', undefined, 404, 'campaign_not_found');
    await shop.refused('POST', '/admin/campaigns', { name: '' }, 400, 'invalid_request', 'body.name');
    const updated = await shop.ok('POST', `/admin/campaigns/${created.id}`, { description: 'Spring sale', budgets: [{ currency_code: 'EUR', amount: 4000 }] });
    expect([updated.description, updated.budgets]).toEqual(['Spring sale', [{ currency_code: 'EUR', amount: 4000, used: 0 }]]);
    expect((await shop.ok('GET', '/admin/campaigns')).data.map((c: any) => c.name)).toEqual(['Spring']);
    const promo = await shop.ok('POST', '/admin/promotions', { code: 'SPRING', type: 'percentage', value: 10, campaign_id: created.id }, 201);
    expect((await shop.ok('GET', `/admin/campaigns/${created.id}`)).promotion_ids).toEqual([promo.id]);
    await shop.refused('DELETE', `/admin/campaigns/${created.id}`, undefined, 409, 'campaign_in_use');
    await shop.ok('POST', `/admin/promotions/${promo.id}`, { campaign_id: null });
    expect(await shop.ok('DELETE', `/admin/campaigns/${created.id}`)).toEqual({ id: created.id, object: 'campaign', deleted: true });
    expect(await eventsOf(created.id)).toEqual(['campaign.created', 'campaign.updated', 'campaign.deleted']);
  });
});

describe('shared dates and budget', () => {
  test('two codes share a budget of 1500: 1000, then the 500 left, then exhausted; the campaign read counts uses, orders and discount', async () => {
    const campaign = await shop.ok('POST', '/admin/campaigns', { name: 'Shared', budgets: [{ currency_code: 'USD', amount: 1500 }] }, 201);
    const first = await shop.ok('POST', '/admin/promotions', { code: 'SHARED-A', type: 'fixed', value: 1000, currency_code: 'USD', campaign_id: campaign.id }, 201);
    const second = await shop.ok('POST', '/admin/promotions', { code: 'SHARED-B', type: 'fixed', value: 1000, currency_code: 'USD', campaign_id: campaign.id }, 201);
    expect((await placeWith('a@example.com', 'SHARED-A')).discount_total).toBe(1000);
    // A cart holding a code of the campaign in another currency: the campaign has no EUR budget.
    const eur = await cartFor('eur@example.com', 'EUR');
    const refusedEur = await apply(eur.id, 'SHARED-B');
    expect([refusedEur.status, refusedEur.body.error.details.reason]).toEqual([409, 'currency']);
    expect((await placeWith('b@example.com', 'SHARED-B')).discount_total).toBe(500);
    const third = await cartFor('c@example.com');
    const refused = await apply(third.id, 'SHARED-A');
    expect([refused.status, refused.body.error.code, refused.body.error.details.reason]).toEqual([409, 'promotion_not_applicable', 'exhausted']);
    expect(await shop.ok('GET', `/admin/campaigns/${campaign.id}`)).toMatchObject({
      budgets: [{ currency_code: 'USD', amount: 1500, used: 1500 }], promotion_ids: [first.id, second.id].sort(),
      usage_count: 2, order_count: 2, discount_given: [{ currency_code: 'USD', amount: 1500 }],
    });
    await shop.refused('POST', `/admin/campaigns/${campaign.id}`, { budgets: [{ currency_code: 'USD', amount: 1000 }] }, 400, 'invalid_request', 'body.budgets[0].amount');
    await shop.refused('POST', `/admin/campaigns/${campaign.id}`, { budgets: [] }, 400, 'invalid_request', 'body.budgets');
    expect(await eventsOf(campaign.id)).toEqual(['campaign.created', 'campaign.exhausted']);
  });

  test('a campaign that has not started holds its promotions back; an ended one removes them from carts', async () => {
    const later = await shop.ok('POST', '/admin/campaigns', { name: 'Later', starts_at: new Date(Date.now() + 86_400_000).toISOString() }, 201);
    await shop.ok('POST', '/admin/promotions', { code: 'LATER', type: 'percentage', value: 10, campaign_id: later.id }, 201);
    const cart = await cartFor('later@example.com');
    const refused = await apply(cart.id, 'LATER');
    expect([refused.status, refused.body.error.details.reason]).toEqual([409, 'not_started']);

    const now = await shop.ok('POST', '/admin/campaigns', { name: 'Now' }, 201);
    await shop.ok('POST', '/admin/promotions', { code: 'NOW', type: 'percentage', value: 10, campaign_id: now.id }, 201);
    expect((await apply(cart.id, 'NOW')).body.discount_total).toBe(200);
    await shop.ok('POST', `/admin/campaigns/${now.id}`, { ends_at: new Date(Date.now() - 1000).toISOString() });
    const after = await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'later2@example.com' });
    expect([after.discount_total, after.removed_promotions.map((r: any) => [r.code, r.reason])]).toEqual([0, [['NOW', 'expired']]]);
  });
});

describe('a canceled order gives its use back', () => {
  test('uses, budget, campaign budget and the buyer\'s own use come back once, after a partial refund, however often cancel is asked', async () => {
    const campaign = await shop.ok('POST', '/admin/campaigns', { name: 'Give back', budgets: [{ currency_code: 'USD', amount: 800 }] }, 201);
    const promo = await shop.ok('POST', '/admin/promotions', {
      code: 'GIVEBACK', type: 'fixed', value: 500, currency_code: 'USD', usage_limit: 1, per_customer_limit: 1, budget: { currency_code: 'USD', amount: 600 }, campaign_id: campaign.id,
    }, 201);
    const order = await placeWith('giver@example.com', 'GIVEBACK');
    expect(order.discount_total).toBe(500);
    expect(await shop.ok('GET', `/admin/promotions/${promo.id}`)).toMatchObject({ usage_count: 1, budget: { used: 500 }, discount_given: [{ currency_code: 'USD', amount: 500 }] });
    expect(await shop.ok('GET', `/admin/campaigns/${campaign.id}`)).toMatchObject({ budgets: [{ used: 500 }], usage_count: 1, order_count: 1 });

    await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { amount: 100, reason: 'goodwill' }, 201);
    await shop.ok('POST', `/admin/orders/${order.id}/cancel`, {});
    const givenBack = {
      promotion: { usage_count: 0, budget: { currency_code: 'USD', amount: 600, used: 0 }, discount_given: [] },
      campaign: { budgets: [{ currency_code: 'USD', amount: 800, used: 0 }], usage_count: 0, order_count: 0, discount_given: [] },
      customerUses: [{ uses: 0 }],
    };
    const state = async () => ({
      promotion: await shop.ok('GET', `/admin/promotions/${promo.id}`),
      campaign: await shop.ok('GET', `/admin/campaigns/${campaign.id}`),
      customerUses: await shop.db.selectFrom('promotion_customer_use').select('uses').where('promotion_id', '=', promo.id).execute(),
    });
    expect(await state()).toMatchObject(givenBack);
    await shop.refused('POST', `/admin/orders/${order.id}/cancel`, {}, 409, 'order_canceled');
    expect(await state()).toMatchObject(givenBack);
    const released = await shop.db.selectFrom('event_outbox').select('payload').where('resource_id', '=', promo.id).where('type', '=', 'promotion.released').execute();
    expect(released.map((e) => e.payload)).toEqual([{ id: promo.id, order_id: order.id, amount: 500, currency_code: 'USD', reason: 'order_canceled' }]);

    // The same buyer may use the one-use code again.
    expect((await placeWith('GIVER@example.com', 'giveback')).discount_total).toBe(500);
    expect(await shop.ok('GET', `/admin/campaigns/${campaign.id}`)).toMatchObject({ budgets: [{ used: 500 }], usage_count: 1, order_count: 1 });
  });
});
