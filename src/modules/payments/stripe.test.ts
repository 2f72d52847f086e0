import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../../test/fakes/fake-stripe.ts';
import { complete, createStockedProduct, level, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { builtInPaymentProviders } from './providers.ts';
import { stripeProvider } from './providers/stripe.ts';

/** The Stripe provider, on the official SDK, against a local server speaking Stripe's API. */
let fake: FakeStripe;
let shop: TestShop;
let selling: Selling;
const WEBHOOK_SECRET = 'whsec_test_secret_123';
let provider: ReturnType<typeof stripeProvider>;

beforeAll(async () => {
  fake = await startFakeStripe();
  provider = stripeProvider({ secretKey: 'sk_test_fake', webhookSecret: WEBHOOK_SECRET, host: '127.0.0.1', port: fake.port, protocol: 'http' });
  shop = await startTestShop({ paymentCapture: 'manual' }, { paymentProviders: new Map([...builtInPaymentProviders(), ['stripe', provider]]) });
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
});

describe('the provider', () => {
  test('partial capture, partial refunds (never above what was captured), idempotent retries', async () => {
    const { data } = await provider.initiate({ amount: 5000, currency_code: 'EUR', data: { payment_method: 'pm_card_visa' } });
    const { provider_reference: ref } = await provider.authorize({ amount: 5000, currency_code: 'EUR', reference: 'pay_T1', data, signal: new AbortController().signal });
    expect(await provider.status({ provider_reference: ref, reference: 'pay_T1', data })).toBe('authorized');
    const effects = fake.effects;
    await provider.capture({ provider_reference: ref, amount: 3000, reference: 'pay_T1_cap' });
    await provider.capture({ provider_reference: ref, amount: 3000, reference: 'pay_T1_cap' }); // a retry: replayed, not done twice
    expect(fake.effects).toBe(effects + 1);
    expect(fake.intents.get(ref)).toMatchObject({ status: 'succeeded', amount_received: 3000 });
    expect(await provider.status({ provider_reference: ref, reference: 'pay_T1', data })).toBe('captured');
    await provider.refund({ provider_reference: ref, amount: 1000, reference: 'pay_T1_r1' });
    await provider.refund({ provider_reference: ref, amount: 2000, reference: 'pay_T1_r2' });
    await expect(provider.refund({ provider_reference: ref, amount: 1, reference: 'pay_T1_r3' })).rejects.toMatchObject({ code: 'invalid_payment_data' });
    expect(fake.refunds.filter((r) => r.payment_intent === ref).map((r) => r.amount)).toEqual([1000, 2000]);
  });

  test('cancel voids an authorization', async () => {
    const { data } = await provider.initiate({ amount: 800, currency_code: 'USD', data: { payment_method: 'pm_card_visa' } });
    const { provider_reference: ref } = await provider.authorize({ amount: 800, currency_code: 'USD', reference: 'pay_T2', data, signal: new AbortController().signal });
    await provider.cancel({ provider_reference: ref, reference: 'pay_T2', data });
    expect(await provider.status({ provider_reference: ref, reference: 'pay_T2', data })).toBe('canceled');
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
