import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FAST_WEBHOOKS, NO_JOBS, startTestBackground } from '../../../test/helpers/background.ts';
import { ADDRESS_US, complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { ADMIN, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { startReceiver, waitFor, type Received } from '../../../test/helpers/webhook-receiver.ts';
import type { BackgroundWork } from '../jobs/background-work.ts';

/**
 * Webhook delivery end to end: events recorded through the Admin API reach a real HTTP receiver on
 * loopback, signed, retried with backoff until it recovers, in order per resource, logged attempt by
 * attempt; a receiver that never recovers is dead-lettered and its endpoint disabled. Signatures are
 * checked with the verifier docs/webhooks.md publishes (its code block, run as is).
 */
let shop: TestShop;
let background: BackgroundWork;
let verify: (rawBody: Buffer | string, header: string | undefined, secret: string, toleranceSeconds?: number) => any;
let counter = 0;

beforeAll(async () => {
  // Retries from 100–200 ms: long enough that a backoff shows above the sender's own wake-up delay.
  shop = await startTestShop({ ...FAST_WEBHOOKS, webhookRetryBaseMs: 200, ...NO_JOBS });
  background = await startTestBackground(shop);
  // The documented verifier, exactly as docs/webhooks.md shows it.
  const doc = fs.readFileSync(new URL('../../../docs/webhooks.md', import.meta.url), 'utf8');
  const block = /<!-- verifier:[^>]*-->\s*```js\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/webhooks.md has no verifier block');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cw-verifier-')), 'verify.mjs');
  fs.writeFileSync(file, block[1]);
  verify = (await import(pathToFileURL(file).href)).verifyCartwrightWebhook;
});
afterAll(async () => {
  await background?.stop();
  await shop?.close();
});

async function createEndpoint(url: string, events: string[] = ['product.*']) {
  return shop.ok('POST', '/admin/webhooks', { url, events }, 201);
}

async function createProduct(title = `Hook product ${++counter}`) {
  return shop.ok('POST', '/admin/products', { title, handle: `hook-${++counter}-${Date.now()}`, status: 'draft', variants: [{ sku: `HOOK-${counter}-${Date.now()}`, prices: [] }] }, 201);
}

const signatureOf = (r: Received) => r.headers['cartwright-signature'] as string;

describe('a receiver that fails at first', () => {
  let received: Received[];
  let endpoint: any;
  let product: any;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver((_request, n) => (n < 3 ? 500 : 200));
    endpoint = await createEndpoint(receiver.url, ['product.created']);
    product = await createProduct();
    await waitFor(() => receiver.accepted().length === 1, 15_000, 'the delivery after three failures');
    // Recorded as delivered, it can never be claimed again: whatever was sent is all there will be.
    await waitFor(async () => (await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries`)).data[0]?.status === 'delivered', 5_000, 'the delivery recorded');
    received = receiver.received;
  });
  afterAll(() => receiver?.close());

  test('gets the event exactly when it recovers: three failures, then one accepted delivery, then nothing', async () => {
    expect(received.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    const event = await shop.db.selectFrom('event_outbox').select(['id', 'type', 'resource_id']).where('type', '=', 'product.created').where('resource_id', '=', product.id).executeTakeFirstOrThrow();
    for (const r of received) {
      expect(r.event).toMatchObject({ id: event.id, object: 'event', type: 'product.created', resource_type: 'product', resource_id: product.id, data: { id: product.id, title: product.title } });
      expect(r.headers['cartwright-event-id']).toBe(event.id);
    }
    expect(received.map((r) => r.headers['cartwright-attempt'])).toEqual(['1', '2', '3', '4']);
    // The same body every time; retries back off: the n-th never comes before base·2^(n−1) at its
    // earliest (jitter takes off up to half). A floor, not a duration: a slow machine only adds to it.
    expect(new Set(received.map((r) => r.rawBody.toString())).size).toBe(1);
    const gaps = received.slice(1).map((r, i) => r.at - received[i].at);
    const base = shop.config.webhookRetryBaseMs;
    gaps.forEach((gap, i) => expect(gap, `gap before attempt ${i + 2}`).toBeGreaterThanOrEqual((base * 2 ** i) / 2));
  });

  test('every attempt is signed with the endpoint secret, and the documented verifier accepts it', async () => {
    for (const r of received) expect(verify(r.rawBody, signatureOf(r), endpoint.secret)).toMatchObject({ id: r.event.id, type: 'product.created' });
  });

  test('a tampered body, another secret, an old timestamp or a missing header are rejected by the documented verifier', async () => {
    const r = received[3];
    const tampered = Buffer.from(r.rawBody.toString().replace(product.title, 'Free money'));
    expect(() => verify(tampered, signatureOf(r), endpoint.secret)).toThrow(/mismatch/);
    expect(() => verify(r.rawBody, signatureOf(r), 'whsec_not_the_secret')).toThrow(/mismatch/);
    expect(() => verify(r.rawBody, undefined, endpoint.secret)).toThrow(/malformed/);
    // A replay ten minutes later: the genuine signature of a genuine body, but old.
    const { createHmac } = await import('node:crypto');
    const old = Math.floor(Date.now() / 1000) - 600;
    const oldHeader = `t=${old},v1=${createHmac('sha256', endpoint.secret).update(`${old}.`).update(r.rawBody).digest('hex')}`;
    expect(() => verify(r.rawBody, oldHeader, endpoint.secret)).toThrow(/too old/);
    // …and a timestamp changed to look fresh no longer matches the signature.
    const fresh = Math.floor(Date.now() / 1000);
    expect(() => verify(r.rawBody, oldHeader.replace(`t=${old}`, `t=${fresh}`), endpoint.secret)).toThrow(/mismatch/);
  });

  test('staff see the delivery and each attempt: status, duration, the answer', async () => {
    const list = await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries`);
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ object: 'webhook_delivery', endpoint_id: endpoint.id, event_type: 'product.created', resource_id: product.id, status: 'delivered', attempts: 4, last_status_code: 200, next_attempt_at: null, redelivery_of: null });
    const detail = await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries/${list.data[0].id}`);
    expect(detail.log.map((a: any) => [a.attempt, a.status_code, a.error, a.response_snippet])).toEqual([
      [1, 500, 'HTTP 500', 'failing on purpose (500)'],
      [2, 500, 'HTTP 500', 'failing on purpose (500)'],
      [3, 500, 'HTTP 500', 'failing on purpose (500)'],
      [4, 200, null, 'ok'],
    ]);
    for (const a of detail.log) expect(Number.isInteger(a.duration_ms) && a.duration_ms >= 0).toBe(true);
    expect(detail.event).toEqual(received[0].event);
    const endpointNow = await shop.ok('GET', `/admin/webhooks/${endpoint.id}`);
    expect(endpointNow).toMatchObject({ enabled: true, disabled_reason: null });
    expect(endpointNow.last_success_at).not.toBeNull();
  });

  test('a redelivery sends the same event again, freshly signed, as a new delivery', async () => {
    const [delivery] = (await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries`)).data;
    const again = await shop.ok('POST', `/admin/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, undefined, 202);
    expect(again).toMatchObject({ status: 'pending', redelivery_of: delivery.id, event_id: delivery.event_id });
    expect(again.id).not.toBe(delivery.id);
    await waitFor(() => receiver.accepted().length === 2, 10_000, 'the redelivery');
    const r = receiver.accepted()[1];
    expect(r.event.id).toBe(delivery.event_id);
    expect(r.headers['cartwright-delivery-id']).toBe(again.id);
    expect(verify(r.rawBody, signatureOf(r), endpoint.secret).id).toBe(delivery.event_id);
    const original = await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries/${delivery.id}`);
    expect(original).toMatchObject({ status: 'delivered', attempts: 4 });
    await shop.refused('POST', `/admin/webhooks/${endpoint.id}/deliveries/whd_01NOTHERE/redeliver`, undefined, 404, 'webhook_delivery_not_found');
  });
});

test('one resource\'s events arrive in order, even while the first is retried; other resources do not wait', async () => {
  // The slow product's first event fails until the other product's event has been delivered.
  const receiver = await startReceiver((request) => {
    const fastSeen = receiver.received.some((r) => r.event.data.title === 'Fast' && r.status === 200);
    return request.event.data.title === 'Slow' && request.event.type === 'product.created' && !fastSeen ? 503 : 200;
  });
  await createEndpoint(receiver.url);
  const slow = await createProduct('Slow');
  await shop.ok('POST', `/admin/products/${slow.id}`, { description: 'first change' });
  await shop.ok('POST', `/admin/products/${slow.id}`, { description: 'second change' });
  const fast = await createProduct('Fast');
  await waitFor(() => receiver.accepted().length === 4, 15_000, 'four deliveries');

  const ofSlow = receiver.received.filter((r) => r.event.resource_id === slow.id);
  expect(ofSlow[0]).toMatchObject({ status: 503, event: { type: 'product.created' } });
  // Nothing about the slow product went out while its first event was failing.
  const failures = ofSlow.filter((r) => r.status === 503);
  expect(failures.every((r) => r.event.type === 'product.created')).toBe(true);
  expect(ofSlow.slice(failures.length).map((r) => [r.event.type, r.status])).toEqual([['product.created', 200], ['product.updated', 200], ['product.updated', 200]]);
  const outbox = await shop.db.selectFrom('event_outbox').select('id').where('resource_id', '=', slow.id).orderBy('seq').execute();
  expect(ofSlow.filter((r) => r.status === 200).map((r) => r.event.id)).toEqual(outbox.map((e) => e.id));
  // The other product was not held back behind the slow one's retries.
  const fastAt = receiver.received.findIndex((r) => r.event.resource_id === fast.id);
  expect(fastAt).toBeLessThan(receiver.received.findIndex((r) => r.event.resource_id === slow.id && r.status === 200));
  await receiver.close();
});

test('a receiver that never recovers: the delivery is dead-lettered, the endpoint disabled and its owner notified; enabling it again resumes', async () => {
  // Staff who manage webhooks through a custom role are told too; support staff, who do not, are not.
  await shop.ok('POST', '/admin/roles', { key: 'integrations', name: 'Integrations', permissions: ['webhooks:manage'] }, 201);
  await shop.ok('POST', '/admin/users', { email: 'hooks@test.local', password: 'integrations password', role: 'integrations' }, 201);
  await shop.ok('POST', '/admin/users', { email: 'support@test.local', password: 'support password 1', role: 'support' }, 201);
  let healthy = false;
  const receiver = await startReceiver(() => (healthy ? 200 : 500));
  const endpoint = await createEndpoint(receiver.url, ['collection.created']);
  const collection = await shop.ok('POST', '/admin/collections', { title: 'Doomed', handle: `doomed-${Date.now()}` }, 201);
  await waitFor(() => receiver.received.length >= 1, 10_000, 'a first attempt');
  // Closing the retry window now stands in for a day of failures.
  await shop.db.updateTable('webhook_delivery').set({ expires_at: new Date(Date.now() + 300) }).where('endpoint_id', '=', endpoint.id).execute();
  const dead = await waitFor(async () => (await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries?status=failed`)).data[0], 10_000, 'the dead letter');
  expect(dead).toMatchObject({ status: 'failed', resource_id: collection.id, last_status_code: 500, last_error: 'HTTP 500', next_attempt_at: null });

  const disabled = await shop.ok('GET', `/admin/webhooks/${endpoint.id}`);
  expect(disabled).toMatchObject({ enabled: false, disabled_reason: 'failing' });
  const notified = await shop.db.selectFrom('event_outbox').select(['type', 'resource_id', 'payload']).where('type', '=', 'webhook_endpoint.disabled').where('resource_id', '=', endpoint.id).execute();
  expect(notified).toHaveLength(1);
  expect(notified[0].payload).toMatchObject({ id: endpoint.id, url: receiver.url, reason: 'failing', delivery_id: dead.id, last_error: 'HTTP 500' });
  // The staff who manage webhooks get an email saying so.
  const alerts = await waitFor(async () => {
    const { data } = await shop.ok('GET', '/admin/notifications?template=webhook_disabled');
    return data.length === 2 ? data : null;
  }, 10_000, 'the emails to the staff who manage webhooks');
  const subject = `Webhook endpoint disabled: ${receiver.url}`;
  expect(alerts.map((a: any) => [a.recipient, a.subject]).sort()).toEqual([[ADMIN.email, subject], ['hooks@test.local', subject]].sort());
  expect((await shop.ok('GET', `/admin/notifications/${alerts[0].id}`)).text_body).toContain(`POST /admin/webhooks/${endpoint.id} {"enabled": true}`);

  // While disabled nothing is sent, new events are not queued for it, and a redelivery waits. A second
  // endpoint, on the same event, shows when the dispatcher and the sender have been past it: the
  // sender claims the oldest due delivery first, so the redelivery (queued earlier) would have gone.
  const attempts = receiver.received.length;
  const witness = await startReceiver();
  await createEndpoint(witness.url, ['collection.created']);
  const retry = await shop.ok('POST', `/admin/webhooks/${endpoint.id}/deliveries/${dead.id}/redeliver`, undefined, 202);
  const unheard = await shop.ok('POST', '/admin/collections', { title: 'Unheard', handle: `unheard-${Date.now()}` }, 201);
  await waitFor(() => witness.accepted().some((r) => r.event.resource_id === unheard.id), 10_000, 'the witness to get the event');
  expect(receiver.received.length).toBe(attempts);
  expect(await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries/${retry.id}`)).toMatchObject({ status: 'pending', attempts: 0 });
  expect((await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries`)).data.map((d: any) => d.resource_id).sort()).toEqual([collection.id, collection.id]);
  await witness.close();
  healthy = true;
  await shop.ok('POST', `/admin/webhooks/${endpoint.id}`, { enabled: true });
  await waitFor(() => receiver.accepted().length === 1, 10_000, 'the redelivery after enabling');
  expect(receiver.accepted()[0].event.resource_id).toBe(collection.id);
  // The receiver answers before the sender records the outcome.
  await waitFor(async () => (await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries/${retry.id}`)).status === 'delivered', 5_000, 'the redelivery recorded');
  expect((await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries`)).data).toHaveLength(2);
  await receiver.close();
});

test('an endpoint receives only the events it subscribes to, and none from before it existed', async () => {
  await createProduct('Before the endpoint');
  const receiver = await startReceiver();
  const endpoint = await createEndpoint(receiver.url, ['category.created', 'region.*']);
  await createProduct('Not subscribed');
  const category = await shop.ok('POST', '/admin/categories', { name: 'Hooks', handle: `hooks-${Date.now()}` }, 201);
  const region = await shop.ok('POST', '/admin/regions', { name: `Hookland ${Date.now()}`, currency_code: 'CHF', countries: [] }, 201);
  await shop.ok('POST', `/admin/regions/${region.id}`, { name: `Hookland renamed ${Date.now()}` });
  // The region's update is the last event: once its delivery exists, every event before it was offered
  // to this endpoint (deliveries are made in event order), so the list is complete.
  const deliveries = await waitFor(async () => {
    const { data } = await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries`);
    return data.some((d: any) => d.event_type === 'region.updated') && data.every((d: any) => d.status === 'delivered') ? data : null;
  }, 10_000, 'the last delivery recorded');
  expect(deliveries.map((d: any) => [d.event_type, d.status]).sort()).toEqual([['category.created', 'delivered'], ['region.created', 'delivered'], ['region.updated', 'delivered']]);
  expect(receiver.received.map((r) => r.event.type)).toEqual(['category.created', 'region.created', 'region.updated']);
  expect(receiver.received[0].event.resource_id).toBe(category.id);
  await receiver.close();
});

test('order.placed (version 2) carries the order exactly as GET /admin/orders/:id returns it, stored encrypted until delivered', async () => {
  const selling = await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 2725, stock: 5, locationId: selling.warehouse.id });
  const receiver = await startReceiver();
  const endpoint = await createEndpoint(receiver.url, ['order.placed']);
  const address = { ...ADDRESS_US, first_name: 'Webhook', last_name: 'Receiver', province: 'NJ', city: 'Newark', postal_code: '07102' };
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 2 }], address, email: 'erp.buyer@example.com' });
  expect((await pay(shop, cart.id)).status).toBe(200);
  const placed = await complete(shop, cart.id);
  expect(placed.status, placed.text).toBe(201);
  await waitFor(() => receiver.accepted().length === 1, 10_000, 'the order.placed delivery');
  const { event } = receiver.accepted()[0];
  const order = await shop.ok('GET', `/admin/orders/${placed.body.id}`);
  expect(event).toMatchObject({ type: 'order.placed', resource_id: order.id, version: 2 });
  expect(event.data).toEqual({
    order_id: order.id, number: order.number, cart_id: cart.id, customer_id: null, total: 6545, currency_code: 'USD', order,
  });
  expect(event.data.order).toMatchObject({
    email: 'erp.buyer@example.com', shipping_address: address, total: 6545, payment_status: 'captured',
    items: [expect.objectContaining({ variant_id: variant.id, quantity: 2, unit_price: 2725, subtotal: 5450 })],
  });
  // The outbox keeps the order sealed: neither the email nor the address is readable there.
  const stored = await shop.db.selectFrom('event_outbox').select(['payload', 'sealed', 'version']).where('type', '=', 'order.placed').where('resource_id', '=', order.id).executeTakeFirstOrThrow();
  expect(stored.version).toBe(2);
  expect(stored.payload).toEqual({ order_id: order.id, number: order.number, cart_id: cart.id, customer_id: null, total: 6545, currency_code: 'USD' });
  expect(stored.sealed).toMatch(/^enc:v1:test:/);
  // The delivery's detail shows the event as it was sent.
  const [delivery] = (await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries`)).data;
  expect((await shop.ok('GET', `/admin/webhooks/${endpoint.id}/deliveries/${delivery.id}`)).event).toEqual(event);
  await receiver.close();
});
