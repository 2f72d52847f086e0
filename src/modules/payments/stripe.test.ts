import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../../test/fakes/fake-stripe.ts';
import { NO_JOBS, startTestBackground } from '../../../test/helpers/background.ts';
import { complete, createStockedProduct, level, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import { SETTLE_MARGIN_MS, sweepCheckout } from '../checkout/recovery.ts';
import { builtInPaymentProviders, type PaymentProviders } from './providers.ts';
import { stripeProvider } from './providers/stripe.ts';

/** The Stripe provider, on the official SDK, against a local server speaking Stripe's API. */
let fake: FakeStripe;
let shop: TestShop;
let selling: Selling;
const WEBHOOK_SECRET = 'whsec_test_secret_123';
let provider: ReturnType<typeof stripeProvider>;
let providers: PaymentProviders;

beforeAll(async () => {
  fake = await startFakeStripe();
  provider = stripeProvider({ secretKey: 'sk_test_fake', webhookSecret: WEBHOOK_SECRET, host: '127.0.0.1', port: fake.port, protocol: 'http' });
  providers = new Map([...builtInPaymentProviders(), ['stripe', provider]]);
  // A long payment timeout: a checkout held at the gateway below must not give up while the test works.
  shop = await startTestShop({ paymentCapture: 'manual', paymentTimeoutMs: 60_000 }, { paymentProviders: providers });
  selling = await setUpSelling(shop);
});
afterAll(async () => {
  await shop?.close();
  await fake?.close();
});

async function stripeCheckout(paymentMethod: string) {
  const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 5, locationId: selling.warehouse.id });
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
  const started = await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'stripe', data: { payment_method: paymentMethod } });
  return { variant, cart, started, placed: started.status === 200 ? await complete(shop, cart.id, `stripe-${cart.id}`) : null };
}

describe('checkout with Stripe', () => {
  test('a card that authorizes: one PaymentIntent, confirmed, awaiting capture; the order is placed', async () => {
    const { started, placed, variant } = await stripeCheckout('pm_card_visa');
    expect(started.status).toBe(200);
    expect(placed!.status, placed!.text).toBe(201);
    expect(placed!.body).toMatchObject({ status: 'open', payment_status: 'authorized', total: 2000 + 200 + 500 + 50 });
    const payment = await shop.db.selectFrom('payment').select(['provider_reference', 'status', 'data']).where('order_id', '=', placed!.body.id).executeTakeFirstOrThrow();
    const intent = fake.intents.get(payment.provider_reference!)!;
    expect(intent).toMatchObject({ status: 'requires_capture', amount: 2750, currency: 'usd', capture_method: 'manual' });
    expect(intent.metadata.cartwright_payment_id).toMatch(/^pay_/);
    expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 1 });
  });

  test.each([
    ['pm_card_chargeDeclined', 402, 'payment_declined', 'card_declined'],
    ['pm_card_chargeDeclinedInsufficientFunds', 402, 'payment_declined', 'insufficient_funds'],
    ['pm_card_fail_500', 502, 'payment_provider_error', 'provider_error'],
  ])('%s: %i %s, no order, the stock still held', async (method, status, code, decline) => {
    const { placed, cart, variant } = await stripeCheckout(method);
    expect(placed!.status).toBe(status);
    expect(placed!.body.error).toMatchObject({ code, details: { decline_code: decline } });
    expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', cart.id).execute()).toEqual([]);
    expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 0, reserved: 1 });
  });

  test('a payment method that is not a Stripe one is refused when payment starts', async () => {
    const { started } = await stripeCheckout('4242424242424242');
    expect(started.status).toBe(400);
    expect(started.body.error.code).toBe('invalid_payment_data');
  });

  test('refunds never above what was captured: Cartwright refuses before Stripe is asked', async () => {
    const { placed } = await stripeCheckout('pm_card_visa');
    const orderId = placed!.body.id;
    const intentId = (await shop.db.selectFrom('payment').select('provider_reference').where('order_id', '=', orderId).executeTakeFirstOrThrow()).provider_reference!;
    // Our guard, not Stripe's: this gateway would refund whatever it is asked for.
    fake.checksRefunds = false;
    try {
      expect(await shop.ok('POST', `/admin/orders/${orderId}/capture`, { amount: 2000 })).toMatchObject({ summary: { captured_total: 2000, capturable_total: 750 } });
      await shop.ok('POST', `/admin/orders/${orderId}/refunds`, { amount: 1500, reason: 'goodwill' }, 201);
      const asked = fake.requests.length;
      const over = await shop.refused('POST', `/admin/orders/${orderId}/refunds`, { amount: 501, reason: 'goodwill' }, 400, 'refund_exceeds_captured', 'body.amount');
      expect(over.details).toMatchObject({ requested: 501, max: 500 });
      // Money not captured yet cannot be refunded either.
      await shop.refused('POST', `/admin/orders/${orderId}/refunds`, { amount: 1250, reason: 'goodwill' }, 400, 'refund_exceeds_captured', 'body.amount');
      expect(fake.requests.length).toBe(asked);
      await shop.ok('POST', `/admin/orders/${orderId}/refunds`, { amount: 500, reason: 'goodwill' }, 201);
      await shop.refused('POST', `/admin/orders/${orderId}/refunds`, { amount: 1, reason: 'goodwill' }, 400, 'refund_exceeds_captured', 'body.amount');
      expect(fake.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([1500, 500]);
      const order = await shop.ok('GET', `/admin/orders/${orderId}`);
      expect(order.summary).toMatchObject({ authorized_total: 2750, captured_total: 2000, refunded_total: 2000, capturable_total: 750, paid_total: 0 });
      expect(order.payments).toEqual([expect.objectContaining({ provider_id: 'stripe', authorized_amount: 2750, captured_amount: 2000, refunded_amount: 2000 })]);
    } finally {
      fake.checksRefunds = true;
    }
  });

  test('a Stripe webhook, signed with the SDK, confirms the order of a checkout interrupted at the gateway', async () => {
    // Stripe authorizes, but its answer never comes back: checkout is left waiting, its order pending.
    const { variant, cart, hold, inFlight, payment, intentId } = await checkoutHeldAtStripe('held');
    const background = await startTestBackground(shop, { ...NO_JOBS, dispatchIntervalMs: 50 }, providers);
    try {
      const payload = JSON.stringify({
        id: `evt_held_${cart.id}`, object: 'event', type: 'payment_intent.amount_capturable_updated',
        data: { object: { id: intentId, object: 'payment_intent', amount: 2750, amount_capturable: 2750, metadata: { cartwright_payment_id: payment.id } } },
      });
      const send = () => shop.request('POST', '/store/webhooks/payments/stripe', {
        body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
      });
      expect((await send()).body).toEqual({ received: true, duplicate: false });
      expect((await send()).body).toEqual({ received: true, duplicate: true });
      const inbox = () => shop.db.selectFrom('payment_webhook_event').select(['id', 'status', 'outcome', 'payment_reference']).where('provider_event_id', '=', `evt_held_${cart.id}`).execute();
      // The checkout may still be running: the inbox waits for it…
      await waitFor(async () => (await inbox())[0]?.outcome === 'deferred', 10_000, 'the event deferred');
      // …until it must have ended (time passing, brought forward).
      const stale = new Date(Date.now() - shop.config.paymentTimeoutMs - SETTLE_MARGIN_MS - 1000);
      await shop.db.updateTable('orders').set({ created_at: stale }).where('id', '=', payment.order_id!).execute();
      await shop.db.updateTable('payment_webhook_event').set({ next_attempt_at: new Date() }).where('provider_event_id', '=', `evt_held_${cart.id}`).execute();
      await waitFor(async () => (await inbox())[0]?.status === 'processed', 10_000, 'the event processed');
      expect(await inbox()).toEqual([expect.objectContaining({ status: 'processed', outcome: 'order_confirmed', payment_reference: payment.id })]);

      const order = await shop.ok('GET', `/admin/orders/${payment.order_id}`);
      expect(order).toMatchObject({ status: 'open', payment_status: 'authorized', total: 2750, summary: { authorized_total: 2750, captured_total: 0 } });
      expect(order.payments).toEqual([expect.objectContaining({ id: payment.id, provider_id: 'stripe', status: 'authorized', authorized_amount: 2750, captured_amount: 0 })]);
      expect(await shop.db.selectFrom('payment').select(['status', 'provider_reference']).where('id', '=', payment.id).executeTakeFirstOrThrow()).toEqual({ status: 'authorized', provider_reference: intentId });
      expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 5, committed: 1, reserved: 0, available: 4 });

      // Stripe's answer finally arrives: the buyer gets the same order, placed once.
      hold.release();
      const answered = await inFlight;
      expect(answered.status, answered.text).toBe(201);
      expect(answered.body).toMatchObject({ id: payment.order_id, number: order.number, payment_status: 'authorized' });
      expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', cart.id).execute()).toEqual([{ id: payment.order_id }]);
      expect([...fake.intents.values()].filter((i) => i.metadata.cartwright_payment_id === payment.id)).toHaveLength(1);
    } finally {
      hold.release();
      await background.stop();
    }
  });
});

/**
 * A card checkout whose authorization reached Stripe but whose answer is held back: the complete is
 * still in flight and its payment `authorizing` (release `hold` to let the answer through).
 */
async function checkoutHeldAtStripe(tag: string) {
  const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 5, locationId: selling.warehouse.id });
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
  expect((await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'stripe', data: { payment_method: 'pm_card_visa' } })).status).toBe(200);
  const hold = fake.holdConfirms();
  const inFlight = complete(shop, cart.id, `stripe-${tag}-${cart.id}`);
  const payment = await waitFor(async () => {
    const row = await shop.db.selectFrom('payment').select(['id', 'status', 'order_id', 'data']).where('cart_id', '=', cart.id).executeTakeFirst();
    const intent = row && fake.intents.get(row.data.payment_intent_id as string);
    return row?.status === 'authorizing' && intent?.status === 'requires_capture' ? row : null;
  }, 10_000, 'the authorization to reach Stripe');
  return { variant, cart, hold, inFlight, payment, intentId: payment.data.payment_intent_id as string };
}

describe('the provider', () => {
  test('the sweep confirms a checkout interrupted at the gateway with Stripe\'s PaymentIntent as its reference: staff can capture it', async () => {
    // Stripe authorizes, its answer never comes: no webhook either, so the sweep asks Stripe.
    const { hold, inFlight, payment, intentId } = await checkoutHeldAtStripe('swept');
    try {
      const later = new Date(Date.now() + shop.config.paymentTimeoutMs + SETTLE_MARGIN_MS + 1000);
      const swept = await sweepCheckout({ db: shop.db, providers, paymentTimeoutMs: shop.config.paymentTimeoutMs, orderNumberPrefix: shop.config.orderNumberPrefix }, later);
      expect(swept).toMatchObject({ orders_confirmed: 1, orders_undone: 0 });
      expect(await shop.ok('GET', `/admin/orders/${payment.order_id}`)).toMatchObject({ status: 'open', payment_status: 'authorized' });

      const captured = await shop.post(`/admin/orders/${payment.order_id}/capture`, {});
      expect(captured.status, captured.text).toBe(200);
      expect(captured.body).toMatchObject({ payment_status: 'captured', summary: { captured_total: 2750 } });
      expect(fake.intents.get(intentId)).toMatchObject({ status: 'succeeded', amount_received: 2750 });
    } finally {
      hold.release();
    }
    expect((await inFlight).status).toBe(201);
  });

  test('partial capture, partial refunds, idempotent retries; a refund Stripe refuses is invalid_payment_data', async () => {
    const { data } = await provider.initiate({ amount: 5000, currency_code: 'EUR', data: { payment_method: 'pm_card_visa' } });
    const { provider_reference: ref } = await provider.authorize({ amount: 5000, currency_code: 'EUR', reference: 'pay_T1', data, signal: new AbortController().signal });
    expect(await provider.status({ provider_reference: ref, reference: 'pay_T1', data })).toEqual({ status: 'authorized', provider_reference: ref });
    const effects = fake.effects;
    await provider.capture({ provider_reference: ref, amount: 3000, reference: 'pay_T1_cap' });
    await provider.capture({ provider_reference: ref, amount: 3000, reference: 'pay_T1_cap' }); // a retry: replayed, not done twice
    expect(fake.effects).toBe(effects + 1);
    expect(fake.intents.get(ref)).toMatchObject({ status: 'succeeded', amount_received: 3000 });
    expect(await provider.status({ provider_reference: ref, reference: 'pay_T1', data })).toEqual({ status: 'captured', provider_reference: ref });
    await provider.refund({ provider_reference: ref, amount: 1000, reference: 'pay_T1_r1' });
    await provider.refund({ provider_reference: ref, amount: 2000, reference: 'pay_T1_r2' });
    await expect(provider.refund({ provider_reference: ref, amount: 1, reference: 'pay_T1_r3' })).rejects.toMatchObject({ code: 'invalid_payment_data' });
    expect(fake.refunds.filter((r) => r.payment_intent === ref).map((r) => r.amount)).toEqual([1000, 2000]);
  });

  test('cancel voids an authorization', async () => {
    const { data } = await provider.initiate({ amount: 800, currency_code: 'USD', data: { payment_method: 'pm_card_visa' } });
    const { provider_reference: ref } = await provider.authorize({ amount: 800, currency_code: 'USD', reference: 'pay_T2', data, signal: new AbortController().signal });
    await provider.cancel({ provider_reference: ref, reference: 'pay_T2', data });
    expect(await provider.status({ provider_reference: ref, reference: 'pay_T2', data })).toEqual({ status: 'canceled', provider_reference: ref });
  });

  test('webhooks: verified with the SDK; a tampered or unsigned one is refused', () => {
    const payload = JSON.stringify({
      id: 'evt_1', object: 'event', type: 'payment_intent.amount_capturable_updated',
      data: { object: { id: 'pi_9', object: 'payment_intent', amount: 700, metadata: { cartwright_payment_id: 'pay_X' } } },
    });
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    expect(provider.parseWebhook!({ 'stripe-signature': header }, Buffer.from(payload))).toEqual({
      id: 'evt_1', type: 'payment.authorized', payment_reference: 'pay_X', provider_reference: 'pi_9', amount: 700,
    });
    expect(() => provider.parseWebhook!({ 'stripe-signature': header }, Buffer.from(payload.replace('700', '70000')))).toThrow(/signature/i);
    expect(() => provider.parseWebhook!({}, Buffer.from(payload))).toThrow(/Stripe-Signature/);
  });
});
