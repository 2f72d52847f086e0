import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CARDS, complete, createStockedProduct, level, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import type { WorkLog } from '../../db/work-loop.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import { builtInPaymentProviders } from '../payments/providers.ts';
import { createTestCardProvider } from '../payments/providers/test-card.ts';
import { processInboxOnce } from '../payments/webhook-inbox-worker.ts';
import { rawBodyOf } from '../payments/webhook-inbox.ts';
import { signatureHeader } from '../webhooks/signature.ts';
import { reconcileGatewayEvent } from './gateway-events.ts';

/**
 * The payment-webhook inbox: POST /store/webhooks/payments/:provider verifies the gateway's signature,
 * stores the event once per gateway event id and answers 200; processing reconciles it with what
 * checkout concluded. Never money taken without an order, never an order without its payment.
 */
const SECRET = 'whsec_test_card_webhooks_0123456789';

// test_card, counting the voids and refunds it is asked for.
const gatewayCalls: { kind: string; provider_reference: string | null; reference: string }[] = [];
const base = createTestCardProvider({ webhookSecret: SECRET });
const testCard: PaymentProvider = {
  ...base,
  async cancel(input) {
    gatewayCalls.push({ kind: 'cancel', provider_reference: input.provider_reference, reference: input.reference });
  },
  async refund(input) {
    gatewayCalls.push({ kind: 'refund', provider_reference: input.provider_reference, reference: input.reference });
    return base.refund(input);
  },
};
// A gateway that stops answering mid-authorization, as if our process had died there.
let releaseAuthorization: ((outcome: 'authorized' | 'failed') => void) | undefined;
const stalling: PaymentProvider = {
  ...base,
  id: 'stalling',
  async initiate() { return { data: {} }; },
  authorize: ({ reference }) => new Promise((resolve, reject) => (releaseAuthorization = (outcome) => (outcome === 'authorized' ? resolve({ provider_reference: `st_${reference}` }) : reject(new Error('declined late'))))),
  async status() { return { status: 'not_found', provider_reference: null }; },
};
const providers = new Map([...builtInPaymentProviders(), ['test_card', testCard], ['stalling', stalling]]);

let shop: TestShop;
let selling: Selling;
const quiet: WorkLog = { error: () => {}, warn: () => {} };
beforeAll(async () => {
  shop = await startTestShop({ testCardWebhookSecret: SECRET, paymentTimeoutMs: 200, paymentCapture: 'manual' }, { paymentProviders: providers });
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

let eventCounter = 0;
function gatewayEvent(type: string, reference: string, extra: Record<string, unknown> = {}) {
  return { id: `evt_tc_${++eventCounter}_${Date.now()}`, type, data: { reference, ...extra } };
}

async function postGatewayEvent(body: unknown, options: { provider?: string; secret?: string; timestamp?: number; header?: string | null } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const header = options.header === undefined ? signatureHeader(options.secret ?? SECRET, raw, options.timestamp) : options.header;
  return shop.request('POST', `/store/webhooks/payments/${options.provider ?? 'test_card'}`, {
    body: raw, headers: { 'content-type': 'application/json', ...(header ? { 'test-card-signature': header } : {}) },
  });
}

/** Runs the inbox as the worker does; `now` stands in for the clock (later: in-flight checkouts have ended). */
async function processInbox(now = new Date()) {
  while (await processInboxOnce(shop.db, (event) => reconcileGatewayEvent({ db: shop.db, providers, paymentTimeoutMs: shop.config.paymentTimeoutMs, orderNumberPrefix: shop.config.orderNumberPrefix }, event, now), quiet)) { /* drain */ }
}
const later = () => new Date(Date.now() + 5 * 60_000);

async function inbox(providerEventId: string) {
  return shop.db.selectFrom('payment_webhook_event').selectAll().where('provider_event_id', '=', providerEventId).execute();
}

async function paymentOf(cartId: string) {
  return shop.db.selectFrom('payment').select(['id', 'status', 'order_id', 'provider_reference']).where('cart_id', '=', cartId).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
}

async function transactionsOf(paymentId: string) {
  return (await shop.db.selectFrom('payment_transaction').select(['kind', 'error_code']).where('payment_id', '=', paymentId).orderBy('created_at').execute());
}

describe('receiving', () => {
  test('an unsigned, wrongly signed, old or malformed webhook is refused and nothing is stored', async () => {
    const body = gatewayEvent('payment.authorized', 'pay_nothing');
    const before = await shop.db.selectFrom('payment_webhook_event').select('id').execute();
    for (const [options, code] of [
      [{ header: null }, 'invalid_webhook_signature'],
      [{ secret: 'whsec_someone_else_entirely_000' }, 'invalid_webhook_signature'],
      [{ timestamp: Math.floor(Date.now() / 1000) - 3600 }, 'invalid_webhook_signature'],
      [{ header: 't=abc,v1=zz' }, 'invalid_webhook_signature'],
    ] as const) {
      const res = await postGatewayEvent(body, options);
      expect(res.status, JSON.stringify(options)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    const tampered = await postGatewayEvent(body, { header: signatureHeader(SECRET, JSON.stringify({ ...body, type: 'payment.failed' })) });
    expect(tampered.body.error.code).toBe('invalid_webhook_signature');
    expect((await postGatewayEvent('not json')).body.error.code).toBe('invalid_webhook_payload');
    expect((await postGatewayEvent({ id: 'evt_x', type: 'payment.authorized' })).body.error.code).toBe('invalid_webhook_payload');
    for (const provider of ['manual', 'nope']) {
      const res = await postGatewayEvent(body, { provider });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('payment_webhooks_not_supported');
    }
    expect(await shop.db.selectFrom('payment_webhook_event').select('id').execute()).toEqual(before);
  });

  test('a verified webhook is stored once and answered 200 at once; its raw body is kept, encrypted', async () => {
    const body = gatewayEvent('payment.refunded', 'pay_unknown', { amount: 5 });
    const raw = JSON.stringify(body);
    const first = await postGatewayEvent(raw);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, duplicate: false });
    expect((await postGatewayEvent(raw)).body).toEqual({ received: true, duplicate: true });
    const [row] = await inbox(body.id);
    expect(row).toMatchObject({ provider_id: 'test_card', type: 'payment.refunded', payment_reference: 'pay_unknown', amount: 5, status: 'pending' });
    expect(row.raw_body).not.toContain('pay_unknown');
    expect(await rawBodyOf(shop.db, row.id)).toBe(raw);
    await processInbox();
    expect((await inbox(body.id))[0]).toMatchObject({ status: 'processed', outcome: 'ignored' });
  });
});

test('the gateway authorizes after our timeout (we told the buyer nothing was charged): the authorization is voided, once, however often the webhook comes', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 1500, stock: 3, locationId: selling.warehouse.id });
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
  expect((await pay(shop, cart.id, CARDS.timeout)).status).toBe(200);
  const timedOut = await complete(shop, cart.id);
  expect(timedOut.status).toBe(504);
  const payment = await paymentOf(cart.id);
  expect(payment).toMatchObject({ status: 'failed', order_id: null });
  gatewayCalls.length = 0;

  const late = gatewayEvent('payment.authorized', payment.id, { provider_reference: `tc_${payment.id}`, amount: 1500 + 150 + 500 });
  for (let i = 0; i < 5; i++) {
    const res = await postGatewayEvent(late);
    expect(res.status).toBe(200);
    expect(res.body.duplicate).toBe(i > 0);
  }
  expect(await inbox(late.id)).toHaveLength(1);
  await processInbox();
  await processInbox();

  expect((await inbox(late.id))[0]).toMatchObject({ status: 'processed', outcome: 'payment_voided', attempts: 1 });
  expect(gatewayCalls).toEqual([{ kind: 'cancel', provider_reference: `tc_${payment.id}`, reference: payment.id }]);
  expect(await paymentOf(cart.id)).toMatchObject({ status: 'canceled', order_id: null, provider_reference: `tc_${payment.id}` });
  expect(await transactionsOf(payment.id)).toEqual([{ kind: 'failure', error_code: 'timeout' }, { kind: 'void', error_code: 'late_gateway_charge' }]);
  const voided = await shop.db.selectFrom('event_outbox').select('payload').where('type', '=', 'payment.voided').where('resource_id', '=', payment.id).execute();
  expect(voided).toHaveLength(1);
  expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', cart.id).execute()).toEqual([]);

  // The gateway then reports the capture too (another event id): the money is already returned.
  const captured = gatewayEvent('payment.captured', payment.id, { provider_reference: `tc_${payment.id}` });
  await postGatewayEvent(captured);
  await processInbox();
  expect((await inbox(captured.id))[0]).toMatchObject({ outcome: 'already_returned' });
  expect(gatewayCalls).toHaveLength(1);
  expect(await transactionsOf(payment.id)).toHaveLength(2);

  // The buyer, told nothing was charged, pays again: one order, one live payment.
  expect((await pay(shop, cart.id)).status).toBe(200);
  expect((await complete(shop, cart.id)).status).toBe(201);
  expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 1, available: 2 });
});

test('a late capture without an order is refunded', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 800, stock: 2, locationId: selling.warehouse.id });
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
  await pay(shop, cart.id, CARDS.timeout);
  expect((await complete(shop, cart.id)).status).toBe(504);
  const payment = await paymentOf(cart.id);
  gatewayCalls.length = 0;
  const captured = gatewayEvent('payment.captured', payment.id, { provider_reference: `tc_${payment.id}`, amount: 1380 });
  await postGatewayEvent(captured);
  await processInbox();
  expect((await inbox(captured.id))[0].outcome).toBe('payment_refunded');
  expect(gatewayCalls).toEqual([{ kind: 'refund', provider_reference: `tc_${payment.id}`, reference: `${payment.id}_late_refund` }]);
  const row = await shop.db.selectFrom('payment').select(['status', 'authorized_amount', 'captured_amount', 'refunded_amount']).where('id', '=', payment.id).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'refunded', authorized_amount: 1380, captured_amount: 1380, refunded_amount: 1380 });
});

describe('a checkout interrupted between its steps (its process died while the gateway worked)', () => {
  async function stalledCheckout(stock: number) {
    const { variant } = await createStockedProduct(shop, { usd: 1000, stock, locationId: selling.warehouse.id });
    const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 2 }] });
    expect((await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'stalling' })).status).toBe(200);
    releaseAuthorization = undefined;
    const inFlight = complete(shop, cart.id);
    for (let i = 0; i < 100 && !releaseAuthorization; i++) await new Promise((r) => setTimeout(r, 20));
    const payment = await paymentOf(cart.id);
    expect(payment.status).toBe('authorizing');
    return { variant, cart, payment, inFlight };
  }

  test('the gateway says authorized: while checkout may still be running the event waits; then the order is confirmed, once', async () => {
    const { variant, cart, payment, inFlight } = await stalledCheckout(5);
    const event = gatewayEvent('payment.authorized', payment.id, { provider_reference: `st_${payment.id}` });
    for (let i = 0; i < 5; i++) expect((await postGatewayEvent(event, { provider: 'stalling' })).status).toBe(200);
    await processInbox(new Date());
    const waiting = (await inbox(event.id))[0];
    expect(waiting).toMatchObject({ status: 'pending', outcome: 'deferred', last_error: 'checkout still running' });
    expect(waiting.next_attempt_at.getTime()).toBeGreaterThan(Date.now());

    await shop.db.updateTable('payment_webhook_event').set({ next_attempt_at: new Date(0) }).where('id', '=', waiting.id).execute();
    await processInbox(later());
    expect((await inbox(event.id))[0]).toMatchObject({ status: 'processed', outcome: 'order_confirmed' });
    const order = await shop.db.selectFrom('orders').select(['id', 'status', 'payment_status', 'number']).where('cart_id', '=', cart.id).executeTakeFirstOrThrow();
    expect(order).toMatchObject({ status: 'open', payment_status: 'authorized' });
    expect(await paymentOf(cart.id)).toMatchObject({ status: 'authorized', order_id: order.id, provider_reference: `st_${payment.id}` });
    expect(await shop.db.selectFrom('event_outbox').select('id').where('type', '=', 'order.placed').where('resource_id', '=', order.id).execute()).toHaveLength(1);

    // Replays and the gateway's own late answer change nothing more.
    const replay = gatewayEvent('payment.authorized', payment.id);
    await postGatewayEvent(replay, { provider: 'stalling' });
    await processInbox(later());
    expect((await inbox(replay.id))[0].outcome).toBe('already_settled');
    releaseAuthorization!('authorized');
    const answered = await inFlight;
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ id: order.id, number: order.number });
    expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', cart.id).execute()).toHaveLength(1);
    expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 2, available: 3 });
  });

  test('the gateway says failed: the checkout is undone and its stock released', async () => {
    const { variant, cart, payment, inFlight } = await stalledCheckout(4);
    const event = gatewayEvent('payment.failed', payment.id);
    await postGatewayEvent(event, { provider: 'stalling' });
    await processInbox(later());
    expect((await inbox(event.id))[0]).toMatchObject({ status: 'processed', outcome: 'order_undone' });
    expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', cart.id).execute()).toEqual([]);
    expect(await paymentOf(cart.id)).toMatchObject({ status: 'failed', order_id: null });
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 4, committed: 0, reserved: 0, available: 4 });
    releaseAuthorization!('failed');
    expect((await inFlight).status).toBe(502);
  });
});

test('an event whose processing crashed is processed again when its lease runs out', async () => {
  const event = gatewayEvent('payment.authorized', 'pay_does_not_exist');
  await postGatewayEvent(event);
  // A process claimed it and died.
  await shop.db.updateTable('payment_webhook_event').set({ locked_until: new Date(Date.now() + 60_000), attempts: 1 }).where('provider_event_id', '=', event.id).execute();
  await processInbox();
  expect((await inbox(event.id))[0].status).toBe('pending');
  await shop.db.updateTable('payment_webhook_event').set({ locked_until: new Date(Date.now() - 1) }).where('provider_event_id', '=', event.id).execute();
  await processInbox();
  expect((await inbox(event.id))[0]).toMatchObject({ status: 'processed', outcome: 'unknown_payment', attempts: 2 });
});
