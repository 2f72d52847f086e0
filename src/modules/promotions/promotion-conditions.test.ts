import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp } from '../../../test/helpers/customers.ts';
import { ADDRESS_US, CARDS, createStockedProduct, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * The conditions on variants, product tags, minimum quantity and the buyer (customer groups,
 * marketing segments, first order), through the Store API (docs/promotions.md): each applies,
 * is refused with its reason, and is removed with its reason when the cart or the buyer changes.
 */
let shop: TestShop;
let mug: { product: any; variant: any };
let towel: { product: any; variant: any };

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  mug = await createStockedProduct(shop, { usd: 1000, title: 'Mug' });
  towel = await createStockedProduct(shop, { usd: 3000, title: 'Beach Towel' });
  for (const v of [mug.variant, towel.variant]) await shop.ok('POST', `/admin/inventory/items/${v.id}`, { manage_inventory: false });
  await shop.ok('POST', `/admin/products/${towel.product.id}`, { tags: ['summer'] });
});
afterAll(async () => shop?.close());

/** A cart as `token`'s customer (null: a guest) with these lines and, if given, an email. */
async function cartWith(token: string | null, lines: { variant_id: string; quantity: number }[], email?: string) {
  const step = async (method: string, url: string, body?: unknown, status = 200) => {
    const res = await shop.request(method, url, { token, body });
    expect(res.status, `${method} ${url}: ${res.text}`).toBe(status);
    return res.body;
  };
  let cart = await step('POST', '/store/carts', { currency_code: 'USD' }, 201);
  for (const line of lines) cart = await step('POST', `/store/carts/${cart.id}/line-items`, line);
  if (email) cart = await step('POST', `/store/carts/${cart.id}`, { email });
  return { cart, step };
}

/** Enters the code; 200 gives the cart, otherwise the error's status, code and details. */
async function enter(token: string | null, cartId: string, code: string) {
  const res = await shop.request('POST', `/store/carts/${cartId}/promotions`, { token, body: { code } });
  return res.status === 200 ? res.body : { status: res.status, code: res.body.error.code, reason: res.body.error.details.reason, field: res.body.error.details.field };
}

const refusal = (reason: string) => ({ status: 409, code: 'promotion_not_applicable', reason, field: 'body.code' });
const removed = (cart: any) => cart.removed_promotions.map((r: any) => [r.code, r.reason]);

describe('conditions on lines', () => {
  test('variants: only the listed variant\'s line is discounted; removing it removes the code (no_matching_items)', async () => {
    await shop.ok('POST', '/admin/promotions', { code: 'MUGONLY', type: 'percentage', value: 10, target: 'items', variant_ids: [mug.variant.id] }, 201);
    const { cart, step } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 1 }, { variant_id: towel.variant.id, quantity: 1 }]);
    const applied = await enter(null, cart.id, 'mugonly');
    expect([applied.discount_total, applied.items.map((i: any) => i.discount_total)]).toEqual([100, [100, 0]]);
    const after = await step('DELETE', `/store/carts/${cart.id}/line-items/${cart.items[0].id}`);
    expect([after.discount_total, removed(after)]).toEqual([0, [['MUGONLY', 'no_matching_items']]]);
    const { cart: towelOnly } = await cartWith(null, [{ variant_id: towel.variant.id, quantity: 1 }]);
    expect(await enter(null, towelOnly.id, 'MUGONLY')).toEqual(refusal('no_matching_items'));
  });

  test('tags: a product carrying the tag matches; a cart without one is refused', async () => {
    await shop.ok('POST', '/admin/promotions', { code: 'SUMMER', type: 'fixed', value: 500, currency_code: 'USD', target: 'items', tags: ['summer'] }, 201);
    const { cart } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 2 }, { variant_id: towel.variant.id, quantity: 1 }]);
    const applied = await enter(null, cart.id, 'SUMMER');
    expect([applied.discount_total, applied.items.map((i: any) => i.discount_total)]).toEqual([500, [0, 500]]);
    const { cart: mugs } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 1 }]);
    expect(await enter(null, mugs.id, 'SUMMER')).toEqual(refusal('no_matching_items'));
  });

  test('minimum quantity counts the matching units: refused below, applies at it, removed when the quantity drops', async () => {
    await shop.ok('POST', '/admin/promotions', { code: 'THREEMUGS', type: 'percentage', value: 10, min_quantity: 3, product_ids: [mug.product.id] }, 201);
    // Three units, but only two of them mugs.
    const { cart, step } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 2 }, { variant_id: towel.variant.id, quantity: 1 }]);
    expect(await enter(null, cart.id, 'THREEMUGS')).toEqual(refusal('minimum_quantity'));
    await step('PATCH', `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { quantity: 3 });
    // An order promotion: 10 % of 3000 + 3000.
    expect((await enter(null, cart.id, 'THREEMUGS')).discount_total).toBe(600);
    const after = await step('PATCH', `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { quantity: 2 });
    expect([after.discount_total, removed(after)]).toEqual([0, [['THREEMUGS', 'minimum_quantity']]]);
  });
});

describe('conditions on the buyer', () => {
  test('customer groups: the signed-in customer in the group gets it; a guest or another customer is refused; leaving the group removes it', async () => {
    const vip = await shop.ok('POST', '/admin/customer-groups', { name: 'VIP' }, 201);
    const member = await signUp(shop);
    const other = await signUp(shop);
    await shop.ok('POST', `/admin/customers/${member.id}`, { group_ids: [vip.id] });
    await shop.ok('POST', '/admin/promotions', { code: 'VIP20', type: 'percentage', value: 20, customer_group_ids: [vip.id] }, 201);

    const { cart, step } = await cartWith(member.token, [{ variant_id: mug.variant.id, quantity: 1 }]);
    expect((await enter(member.token, cart.id, 'VIP20')).discount_total).toBe(200);
    const { cart: guest } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 1 }], member.email);
    expect(await enter(null, guest.id, 'VIP20')).toEqual(refusal('customer_group'));
    const { cart: others } = await cartWith(other.token, [{ variant_id: mug.variant.id, quantity: 1 }]);
    expect(await enter(other.token, others.id, 'VIP20')).toEqual(refusal('customer_group'));

    await shop.ok('POST', `/admin/customers/${member.id}`, { group_ids: [] });
    const after = await step('PATCH', `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { quantity: 2 });
    expect([after.discount_total, removed(after)]).toEqual([0, [['VIP20', 'customer_group']]]);
  });

  test('marketing segments: a customer the segment holds gets it; others and guests are refused; leaving it removes the code', async () => {
    const gold = await shop.ok('POST', '/admin/customer-groups', { name: 'Gold' }, 201);
    const segment = await shop.ok('POST', '/admin/segments', { name: 'Gold buyers', rules: { group_ids: [gold.id] } }, 201);
    const member = await signUp(shop);
    const other = await signUp(shop);
    await shop.ok('POST', `/admin/customers/${member.id}`, { group_ids: [gold.id] });
    await shop.ok('POST', '/admin/promotions', { code: 'GOLD5', type: 'percentage', value: 5, segment_ids: [segment.id] }, 201);

    const { cart, step } = await cartWith(member.token, [{ variant_id: mug.variant.id, quantity: 1 }]);
    expect((await enter(member.token, cart.id, 'GOLD5')).discount_total).toBe(50);
    const { cart: others } = await cartWith(other.token, [{ variant_id: mug.variant.id, quantity: 1 }]);
    expect(await enter(other.token, others.id, 'GOLD5')).toEqual(refusal('segment'));
    const { cart: guest } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 1 }]);
    expect(await enter(null, guest.id, 'GOLD5')).toEqual(refusal('segment'));

    await shop.ok('POST', `/admin/customers/${member.id}`, { group_ids: [] });
    const after = await step('PATCH', `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { quantity: 2 });
    expect([after.discount_total, removed(after)]).toEqual([0, [['GOLD5', 'segment']]]);
  });

  test('first order: a new email gets it; after an order (any case) it is refused or removed; a canceled order does not count', async () => {
    await shop.ok('POST', '/admin/promotions', { code: 'WELCOME', type: 'fixed', value: 300, currency_code: 'USD', first_order_only: true }, 201);
    const { cart, step } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 1 }], 'First.Timer@example.com');
    expect((await enter(null, cart.id, 'WELCOME')).discount_total).toBe(300);
    await step('POST', `/store/carts/${cart.id}`, { shipping_address: ADDRESS_US });
    const options = await step('GET', `/store/carts/${cart.id}/shipping-options`);
    await step('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
    await step('POST', `/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
    const order = await step('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
    expect(order.discount_total).toBe(300);

    const { cart: again } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 1 }], 'first.timer@EXAMPLE.com');
    expect(await enter(null, again.id, 'WELCOME')).toEqual(refusal('first_order'));
    // Entered under a new email, then the email changed to the one that ordered: removed.
    const { cart: switched, step: switchStep } = await cartWith(null, [{ variant_id: mug.variant.id, quantity: 1 }], 'someone.new@example.com');
    expect((await enter(null, switched.id, 'WELCOME')).discount_total).toBe(300);
    const after = await switchStep('POST', `/store/carts/${switched.id}`, { email: 'first.timer@example.com' });
    expect([after.discount_total, removed(after)]).toEqual([0, [['WELCOME', 'first_order']]]);

    await shop.ok('POST', `/admin/orders/${order.id}/cancel`, {});
    expect((await enter(null, again.id, 'WELCOME')).discount_total).toBe(300);
  });
});

describe('validation', () => {
  test('each condition names its field when it names nothing', async () => {
    const base = { code: 'BADREF', type: 'percentage', value: 10 };
    const cases: [object, string][] = [
      [{ variant_ids: ['var_01HZZZZZZZZZZZZZZZZZZZZZZZ'] }, 'body.variant_ids[0]'],
      [{ customer_group_ids: ['cgrp_01HZZZZZZZZZZZZZZZZZZZZZZZ'] }, 'body.customer_group_ids[0]'],
      [{ segment_ids: ['seg_01HZZZZZZZZZZZZZZZZZZZZZZZ'] }, 'body.segment_ids[0]'],
      [{ campaign_id: 'camp_01HZZZZZZZZZZZZZZZZZZZZZZZ' }, 'body.campaign_id'],
    ];
    for (const [fields, field] of cases) await shop.refused('POST', '/admin/promotions', { ...base, ...fields }, 400, 'invalid_reference', field);
    await shop.refused('POST', '/admin/promotions', { ...base, min_quantity: 0 }, 400, 'invalid_request', 'body.min_quantity');
    await shop.refused('POST', '/admin/promotions', { ...base, tags: [''] }, 400, 'invalid_request', 'body.tags[0]');
    expect(await shop.db.selectFrom('promotion').select('id').where('code', '=', 'BADREF').execute()).toEqual([]);
  });

  test('the admin read gives the conditions back as given', async () => {
    const group = await shop.ok('POST', '/admin/customer-groups', { name: 'Readers' }, 201);
    const created = await shop.ok('POST', '/admin/promotions', {
      code: 'READBACK', type: 'percentage', value: 10, variant_ids: [mug.variant.id], tags: ['summer'], customer_group_ids: [group.id], first_order_only: true, min_quantity: 2,
    }, 201);
    expect(await shop.ok('GET', `/admin/promotions/${created.id}`)).toMatchObject({
      variant_ids: [mug.variant.id], tags: ['summer'], customer_group_ids: [group.id], segment_ids: [], first_order_only: true, min_quantity: 2, campaign_id: null,
    });
    expect(await shop.ok('POST', `/admin/promotions/${created.id}`, { min_quantity: null, first_order_only: false })).toMatchObject({ min_quantity: null, first_order_only: false, tags: ['summer'] });
  });
});
