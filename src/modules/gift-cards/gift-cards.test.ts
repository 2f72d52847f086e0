import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp } from '../../../test/helpers/customers.ts';
import { CARDS, complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { inTransaction } from '../../db/transaction.ts';
import { lockOrder, SYSTEM } from '../orders/order-state.ts';
import { resumePaymentOperations } from '../orders/payment-recovery.ts';
import { planRefund } from '../orders/refunds.ts';

/**
 * Gift cards and store credit through the HTTP API (docs/gift-cards.md): issuing, redeeming at checkout
 * (split with a card, the whole total, several cards), the database deciding the balance under a race,
 * undone checkouts giving it back, refunds going to the balances first, refusals that change nothing.
 * One line of 2000 USD: 200 tax, 500 shipping and 50 tax on it, so every cart's total is 2750.
 */
let shop: TestShop;
let variantId: string;
const TOTAL = 2750;

beforeAll(async () => {
  shop = await startTestShop();
  await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 2000, title: 'Gift Lamp' });
  variantId = variant.id;
  await shop.ok('POST', `/admin/inventory/items/${variant.id}`, { manage_inventory: false });
});
afterAll(async () => shop?.close());

const cart = (opts: { token?: string } = {}) => opts.token
  ? buyerCart(opts.token)
  : readyCart(shop, { lines: [{ variant_id: variantId, quantity: 1 }] });
const issue = (amount: number, extra: object = {}) => shop.ok('POST', '/admin/gift-cards', { currency_code: 'usd', amount, ...extra }, 201);
const applyCard = (cartId: string, code: string) => shop.post(`/store/carts/${cartId}/gift-cards`, { code });
const card = (id: string) => shop.ok('GET', `/admin/gift-cards/${id}`);
const movements = async (id: string) => (await card(id)).movements.map((m: any) => [m.kind, m.amount, m.balance_after]).reverse();
const orderPayments = async (orderId: string) => (await shop.ok('GET', `/admin/orders/${orderId}`)).payments
  .map((p: any) => [p.provider_id, p.status, p.captured_amount, p.refunded_amount]).sort();

async function buyerCart(token: string) {
  const step = async (method: string, url: string, body?: unknown, status = 200) => {
    const res = await shop.request(method, url, { token, body });
    expect(res.status, res.text).toBe(status);
    return res.body;
  };
  const created = await step('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await step('POST', `/store/carts/${created.id}/line-items`, { variant_id: variantId, quantity: 1 });
  await step('POST', `/store/carts/${created.id}`, { email: 'credit@example.com', shipping_address: { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Main St', city: 'Springfield', postal_code: '12345', country_code: 'US' } });
  const options = await step('GET', `/store/carts/${created.id}/shipping-options`);
  return step('POST', `/store/carts/${created.id}/shipping-method`, { option_id: options.data[0].id });
}

describe('issuing', () => {
  test('the code is shown once, kept only as a hash and last four, and found again in any case', async () => {
    const issued = await issue(5000, { note: 'Birthday' });
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(issued).toMatchObject({ currency_code: 'USD', initial_value: 5000, balance: 5000, status: 'active', last4: issued.code.slice(-4), note: 'Birthday' });
    const read = await card(issued.id);
    expect(read.code).toBeUndefined();
    expect(read.movements.map((m: any) => [m.kind, m.amount, m.balance_before, m.balance_after])).toEqual([['issue', 5000, 0, 5000]]);
    const stored = await shop.db.selectFrom('gift_card').selectAll().where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(issued.code.replaceAll('-', ''));
    const found = await shop.ok('GET', `/admin/gift-cards?code=${issued.code.toLowerCase().replaceAll('-', '')}`);
    expect(found.data.map((c: any) => c.id)).toEqual([issued.id]);
  });

  test('staff adjust with a reason; taking more than the balance is 409 and changes nothing', async () => {
    const issued = await issue(1000);
    const refused = await shop.refused('POST', `/admin/gift-cards/${issued.id}/adjustments`, { amount: -1001, reason: 'typo' }, 409, 'gift_card_insufficient_balance', 'body.amount');
    expect(refused.details).toEqual({ field: 'body.amount', balance: 1000, requested: 1001 });
    const adjusted = await shop.ok('POST', `/admin/gift-cards/${issued.id}/adjustments`, { amount: -400, reason: 'partly used in store' });
    expect([adjusted.balance, adjusted.movements[0].reason]).toEqual([600, 'partly used in store']);
    expect(await movements(issued.id)).toEqual([['issue', 1000, 1000], ['adjust', -400, 600]]);
  });
});

describe('at checkout', () => {
  test('a gift card and a card split the total; the order shows both payments', async () => {
    const issued = await issue(1000);
    const c = await cart();
    const applied = (await applyCard(c.id, issued.code.toLowerCase())).body;
    expect([applied.gift_cards, applied.gift_card_total, applied.amount_due, applied.total]).toEqual([[{ last4: issued.last4, amount: 1000, problem: null }], 1000, TOTAL - 1000, TOTAL]);
    expect((await pay(shop, c.id)).body.payment_session.amount).toBe(TOTAL - 1000);
    const placed = await complete(shop, c.id);
    expect([placed.status, placed.body.total, placed.body.payment_status]).toEqual([201, TOTAL, 'captured']);
    expect(await orderPayments(placed.body.id)).toEqual([['gift_card', 'captured', 1000, 0], ['test_card', 'captured', TOTAL - 1000, 0]]);
    expect((await shop.ok('GET', `/admin/orders/${placed.body.id}`)).summary).toMatchObject({ paid_total: TOTAL, balance: 0 });
    expect(await movements(issued.id)).toEqual([['issue', 1000, 1000], ['redeem', -1000, 0]]);
  });

  test('a declined card gives the gift card its balance back; another card then completes', async () => {
    const issued = await issue(1000);
    const c = await cart();
    await applyCard(c.id, issued.code);
    await pay(shop, c.id, CARDS.declined);
    const failed = await complete(shop, c.id);
    expect([failed.status, failed.body.error.code]).toEqual([402, 'payment_declined']);
    expect((await card(issued.id)).balance).toBe(1000);
    expect(await movements(issued.id)).toEqual([['issue', 1000, 1000], ['redeem', -1000, 0], ['restore', 1000, 1000]]);
    expect(await shop.db.selectFrom('payment').select('provider_id').where('provider_id', '=', 'gift_card').where('provider_reference', '=', issued.id).execute()).toEqual([]);
    await pay(shop, c.id);
    expect((await complete(shop, c.id)).status).toBe(201);
    expect((await card(issued.id)).balance).toBe(0);
  });

  test('gift cards covering the whole total need no card payment', async () => {
    const issued = await issue(5000);
    const c = await cart();
    expect((await applyCard(c.id, issued.code)).body.amount_due).toBe(0);
    const refused = await pay(shop, c.id);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'payment_not_required']);
    const placed = await complete(shop, c.id);
    expect([placed.status, placed.body.payment_status]).toEqual([201, 'captured']);
    expect(await orderPayments(placed.body.id)).toEqual([['gift_card', 'captured', TOTAL, 0]]);
    expect((await card(issued.id)).balance).toBe(5000 - TOTAL);
  });

  test('two gift cards pay in the order entered, the card the rest', async () => {
    const first = await issue(1000);
    const second = await issue(1500);
    const c = await cart();
    await applyCard(c.id, first.code);
    const both = (await applyCard(c.id, second.code)).body;
    expect([both.gift_cards.map((g: any) => [g.last4, g.amount]), both.gift_card_total, both.amount_due]).toEqual([[[first.last4, 1000], [second.last4, 1500]], 2500, 250]);
    expect((await pay(shop, c.id)).body.payment_session.amount).toBe(250);
    const placed = await complete(shop, c.id);
    expect(await orderPayments(placed.body.id)).toEqual([['gift_card', 'captured', 1000, 0], ['gift_card', 'captured', 1500, 0], ['test_card', 'captured', 250, 0]]);
    expect([(await card(first.id)).balance, (await card(second.id)).balance]).toEqual([0, 0]);
  });

  test('taking a card off the cart by its last four; applying or removing voids a payment started', async () => {
    const issued = await issue(700);
    const c = await cart();
    await pay(shop, c.id);
    const applied = (await applyCard(c.id, issued.code)).body;
    expect([applied.payment_session, applied.amount_due]).toEqual([null, TOTAL - 700]);
    const removed = await shop.ok('DELETE', `/store/carts/${c.id}/gift-cards/${issued.last4.toLowerCase()}`);
    expect([removed.gift_cards, removed.amount_due]).toEqual([[], TOTAL]);
    await shop.refused('DELETE', `/store/carts/${c.id}/gift-cards/${issued.code}`, undefined, 404, 'gift_card_not_found');
  });
});

describe('refusals change nothing', () => {
  test('unknown, expired, disabled and other-currency cards are refused when entered', async () => {
    const c = await cart();
    await shop.refused('POST', `/store/carts/${c.id}/gift-cards`, { code: 'AAAA-BBBB-CCCC-DDDD' }, 404, 'gift_card_not_found', 'body.code');
    const expired = await issue(1000, { expires_at: new Date(Date.now() - 60_000).toISOString() });
    await shop.refused('POST', `/store/carts/${c.id}/gift-cards`, { code: expired.code }, 409, 'gift_card_expired', 'body.code');
    const disabled = await issue(1000);
    await shop.ok('POST', `/admin/gift-cards/${disabled.id}`, { status: 'disabled' });
    await shop.refused('POST', `/store/carts/${c.id}/gift-cards`, { code: disabled.code }, 409, 'gift_card_disabled', 'body.code');
    const euros = await shop.ok('POST', '/admin/gift-cards', { currency_code: 'EUR', amount: 1000 }, 201);
    const mismatch = await shop.refused('POST', `/store/carts/${c.id}/gift-cards`, { code: euros.code }, 409, 'gift_card_currency_mismatch', 'body.code');
    expect(mismatch.details.currency_code).toBe('EUR');
    const after = await shop.ok('GET', `/store/carts/${c.id}`);
    expect([after.gift_cards, after.amount_due, after.updated_at]).toEqual([[], TOTAL, c.updated_at]);
    for (const id of [expired.id, disabled.id, euros.id]) expect((await card(id)).balance).toBe(1000);
  });

  test('a card disabled after payment started: completing is 409, nothing charged, balance kept', async () => {
    const issued = await issue(1000);
    const c = await cart();
    await applyCard(c.id, issued.code);
    await pay(shop, c.id);
    await shop.ok('POST', `/admin/gift-cards/${issued.id}`, { status: 'disabled' });
    const refused = await complete(shop, c.id);
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([409, 'gift_card_disabled', { kind: 'gift_card', last4: issued.last4 }]);
    expect(await movements(issued.id)).toEqual([['issue', 1000, 1000]]);
    expect(await shop.db.selectFrom('payment').select('status').where('cart_id', '=', c.id).execute()).toEqual([{ status: 'pending' }]);
    expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', c.id).execute()).toEqual([]);
  });
});

describe('racing one card', () => {
  test('20 checkouts at once on a card that pays for 5: exactly 5 orders, 15 × 409, nothing else charged', async () => {
    const issued = await issue(5 * TOTAL);
    const carts = [];
    for (let i = 0; i < 20; i++) {
      const c = await cart();
      expect((await applyCard(c.id, issued.code)).body.amount_due).toBe(0);
      carts.push(c);
    }
    const results = await Promise.all(carts.map((c) => complete(shop, c.id)));
    const statuses = results.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body.error.code}`)).sort();
    expect(statuses).toEqual([...Array(5).fill('201'), ...Array(15).fill('409 gift_card_insufficient_balance')]);
    expect((await card(issued.id)).balance).toBe(0);
    const redeemed = (await card(issued.id)).movements.filter((m: any) => m.kind === 'redeem');
    expect(redeemed.map((m: any) => m.amount)).toEqual(Array(5).fill(-TOTAL));
    const placed = results.filter((r) => r.status === 201).map((r) => r.body.id).sort();
    expect(redeemed.map((m: any) => m.order_id).sort()).toEqual(placed);
    const losers = carts.filter((_, i) => results[i].status !== 201).map((c) => c.id);
    expect(await shop.db.selectFrom('payment').select('id').where('cart_id', 'in', losers).execute()).toEqual([]);
    expect(await shop.db.selectFrom('orders').select('id').where('cart_id', 'in', losers).execute()).toEqual([]);
  });
});

describe('refunds', () => {
  test('go back to the gift card first, then to the card', async () => {
    const issued = await issue(1000);
    const c = await cart();
    await applyCard(c.id, issued.code);
    await pay(shop, c.id);
    const placed = (await complete(shop, c.id)).body;
    await shop.ok('POST', `/admin/orders/${placed.id}/refunds`, { amount: 1200, reason: 'goodwill' }, 201);
    expect(await orderPayments(placed.id)).toEqual([['gift_card', 'refunded', 1000, 1000], ['test_card', 'partially_refunded', TOTAL - 1000, 200]]);
    expect(await movements(issued.id)).toEqual([['issue', 1000, 1000], ['redeem', -1000, 0], ['refund', 1000, 1000]]);
    expect((await card(issued.id)).movements[0].order_id).toBe(placed.id);
    expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).summary).toMatchObject({ paid_total: TOTAL - 1200, refunded_total: 1200 });
  });
});

describe('store credit', () => {
  test('granted by staff, spent by its customer up to a cap, refunded to first; debits never go below zero', async () => {
    const buyer = await signUp(shop);
    const granted = await shop.ok('POST', `/admin/customers/${buyer.id}/store-credit`, { currency_code: 'usd', amount: 3000, reason: 'late delivery' });
    expect(granted.balances.map((b: any) => [b.currency_code, b.balance])).toEqual([['USD', 3000]]);
    await shop.refused('POST', `/admin/customers/${buyer.id}/store-credit`, { currency_code: 'USD', amount: -3001, reason: 'oops' }, 409, 'gift_card_insufficient_balance', 'body.amount');

    const c = await cart({ token: buyer.token });
    const using = await shop.request('POST', `/store/carts/${c.id}/store-credit`, { token: buyer.token, body: { amount: 500 } });
    expect([using.status, using.body.store_credit_total, using.body.amount_due]).toEqual([200, 500, TOTAL - 500]);
    await shop.request('POST', `/store/carts/${c.id}/payment`, { token: buyer.token, body: { provider_id: 'test_card', data: { card_number: CARDS.ok } } });
    const placed = await shop.request('POST', `/store/carts/${c.id}/complete`, { token: buyer.token });
    expect(placed.status, placed.text).toBe(201);
    expect(await orderPayments(placed.body.id)).toEqual([['store_credit', 'captured', 500, 0], ['test_card', 'captured', TOTAL - 500, 0]]);

    await shop.ok('POST', `/admin/orders/${placed.body.id}/refunds`, { amount: 700, reason: 'goodwill' }, 201);
    const after = await shop.ok('GET', `/admin/customers/${buyer.id}/store-credit`);
    expect(after.balances.map((b: any) => b.balance)).toEqual([3000]);
    expect(after.movements.map((m: any) => [m.kind, m.amount, m.balance_after, m.reason]).reverse()).toEqual([
      ['grant', 3000, 3000, 'late delivery'], ['redeem', -500, 2500, null], ['refund', 500, 3000, null],
    ]);
    expect(await orderPayments(placed.body.id)).toEqual([['store_credit', 'refunded', 500, 500], ['test_card', 'partially_refunded', TOTAL - 500, 200]]);
  });

  test('staff refund a customer\'s order as store credit: credited exactly, taken from the card payment, the order\'s totals as for any refund', async () => {
    const buyer = await signUp(shop);
    const c = await cart({ token: buyer.token });
    await shop.request('POST', `/store/carts/${c.id}/payment`, { token: buyer.token, body: { provider_id: 'test_card', data: { card_number: CARDS.ok } } });
    const placed = await shop.request('POST', `/store/carts/${c.id}/complete`, { token: buyer.token });
    expect(placed.status, placed.text).toBe(201);
    const refund = await shop.ok('POST', `/admin/orders/${placed.body.id}/refunds`, { amount: 1200, reason: 'goodwill', to: 'store_credit' }, 201);
    const credit = await shop.ok('GET', `/admin/customers/${buyer.id}/store-credit`);
    expect(credit.balances.map((b: any) => [b.id, b.currency_code, b.balance])).toEqual([[refund.store_credit_id, 'USD', 1200]]);
    expect(credit.movements.map((m: any) => [m.kind, m.amount, m.balance_after, m.order_id])).toEqual([['refund', 1200, 1200, placed.body.id]]);
    expect([refund.status, refund.amount]).toEqual(['succeeded', 1200]);
    expect(await orderPayments(placed.body.id)).toEqual([['test_card', 'partially_refunded', TOTAL, 1200]]);
    expect((await shop.ok('GET', `/admin/orders/${placed.body.id}`)).summary).toMatchObject({ paid_total: TOTAL - 1200, refunded_total: 1200 });
    // The rest can still go back to the card, and no more than was paid in all.
    await shop.refused('POST', `/admin/orders/${placed.body.id}/refunds`, { amount: TOTAL - 1199, reason: 'goodwill', to: 'store_credit' }, 400, 'refund_exceeds_captured', 'body.amount');
    await shop.ok('POST', `/admin/orders/${placed.body.id}/refunds`, { amount: TOTAL - 1200, reason: 'goodwill' }, 201);
    expect(await orderPayments(placed.body.id)).toEqual([['test_card', 'refunded', TOTAL, TOTAL]]);
    expect((await shop.ok('GET', `/admin/customers/${buyer.id}/store-credit`)).balances.map((b: any) => b.balance)).toEqual([1200]);
  });

  test('a store credit refund a crash left pending is credited once by the recovery sweep, no gateway asked', async () => {
    const buyer = await signUp(shop);
    const c = await cart({ token: buyer.token });
    await shop.request('POST', `/store/carts/${c.id}/payment`, { token: buyer.token, body: { provider_id: 'test_card', data: { card_number: CARDS.ok } } });
    const placed = (await shop.request('POST', `/store/carts/${c.id}/complete`, { token: buyer.token })).body;
    const account = (await shop.ok('POST', `/admin/customers/${buyer.id}/store-credit`, { currency_code: 'USD', amount: 100, reason: 'welcome' })).balances[0].id;
    // Planned, never sent: what a process that died before asking the "gateway" leaves behind.
    await inTransaction(shop.db, async (tx) => planRefund(tx, await lockOrder(tx, placed.id), {
      amount: 300, credit: 300, lines: [], reason: 'goodwill', note: null, returnId: null, actor: SYSTEM, field: 'body.amount', storeCreditId: account,
    }));
    const noGateways = { db: shop.db, providers: new Map() };
    expect(await resumePaymentOperations(noGateways, { olderThan: new Date(Date.now() + 1000) })).toBe(1);
    expect(await resumePaymentOperations(noGateways, { olderThan: new Date(Date.now() + 1000) })).toBe(0);
    const credit = await shop.ok('GET', `/admin/customers/${buyer.id}/store-credit`);
    expect(credit.movements.map((m: any) => [m.kind, m.amount, m.balance_after]).reverse()).toEqual([['grant', 100, 100], ['refund', 300, 400]]);
    expect((await shop.ok('GET', `/admin/orders/${placed.id}/refunds`)).data.map((r: any) => [r.status, r.amount, r.store_credit_id])).toEqual([['succeeded', 300, account]]);
    expect(await orderPayments(placed.id)).toEqual([['test_card', 'partially_refunded', TOTAL, 300]]);
  });

  test('a guest\'s order cannot be refunded as store credit: 409 naming it, nothing refunded', async () => {
    const c = await cart();
    await pay(shop, c.id);
    const placed = (await complete(shop, c.id)).body;
    const refused = await shop.refused('POST', `/admin/orders/${placed.id}/refunds`, { amount: 500, reason: 'goodwill', to: 'store_credit' }, 409, 'store_credit_refund_needs_customer', 'body.to');
    expect(refused.details).toEqual({ field: 'body.to', order_id: placed.id });
    expect((await shop.ok('GET', `/admin/orders/${placed.id}/refunds`)).data).toEqual([]);
    expect(await orderPayments(placed.id)).toEqual([['test_card', 'captured', TOTAL, 0]]);
    expect(await shop.db.selectFrom('order_payment_operation').select('id').where('order_id', '=', placed.id).where('kind', '=', 'refund').execute()).toEqual([]);
  });

  test('a guest has none to spend', async () => {
    const c = await cart();
    const refused = await shop.post(`/store/carts/${c.id}/store-credit`, {});
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([409, 'store_credit_not_available', { reason: 'not_signed_in' }]);
  });
});
