import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testLog } from '../../../test/helpers/background.ts';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { ADDRESS_US, createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { signatureHeader } from '../webhooks/signature.ts';
import type { Carrier } from '../shipping/carrier.ts';
import { builtInCarriers } from '../shipping/carriers.ts';
import { createTestCarrier, testTrackingNumber } from '../shipping/carriers/test-carrier.ts';
import { applyTrackingEvent } from './tracking-events.ts';
import { processTrackingInboxOnce } from './tracking-inbox.ts';
import { errorCodesVaryByRun } from '../../../test/helpers/error-record.ts';

// Races: which refusals a run meets differs from run to run.
errorCodesVaryByRun();

/**
 * Labels bought from a carrier (a retry never buys two) and the carrier's tracking webhooks, through
 * a durable inbox (verified, stored once, replay-safe), moving the order to shipped and delivered.
 */
const SECRET = 'whsec_test_carrier_webhooks_0123';
const ORIGIN = { address_1: '1 Dock Rd', city: 'Newark', postal_code: '07102', country_code: 'US' };

// test_carrier, counting the labels it really sold (by idempotency key) and able to lose its answer once.
const base = createTestCarrier({ webhookSecret: SECRET });
const sold = new Set<string>();
let labelCalls = 0;
let loseNextAnswer = false;
const counting: Carrier = {
  ...base,
  async createLabel(input) {
    labelCalls++;
    const label = await base.createLabel!(input);
    sold.add(input.reference);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      // Bought at the carrier, but its answer never reaches us: our timeout ends the request.
      return new Promise(() => {});
    }
    return label;
  },
};

let shop: TestShop;
let selling: Selling;
let variantId: string;

beforeAll(async () => {
  const carriers = new Map(builtInCarriers({ testCarrierWebhookSecret: SECRET }));
  carriers.set('test_carrier', counting);
  shop = await startTestShop({ testCarrierWebhookSecret: SECRET, carrierTimeoutMs: 300 }, { carriers });
  selling = await setUpSelling(shop);
  await shop.ok('POST', `/admin/inventory/locations/${selling.warehouse.id}`, { address: ORIGIN });
  const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 100, locationId: selling.warehouse.id, weight: 1200 });
  variantId = variant.id;
});
afterAll(async () => shop?.close());

async function fulfilledOrder(address: object = ADDRESS_US) {
  const order = await placeOrder(shop, [{ variant_id: variantId, quantity: 2 }], { address });
  const line = (await shop.ok('GET', `/admin/orders/${order.id}`)).items[0];
  const fulfillment = await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 2 }] }, 201);
  return { orderId: order.id as string, fulfillmentId: fulfillment.id as string, labels: `/admin/orders/${order.id}/fulfillments/${fulfillment.id}/labels` };
}
const labelRows = (fulfillmentId: string) => shop.db.selectFrom('shipping_label').select(['id', 'status']).where('fulfillment_id', '=', fulfillmentId).orderBy('created_at').execute();

describe('labels', () => {
  test('bought once: the tracking number, the label, on the timeline; the fulfillment ships with the first scan', async () => {
    const { orderId, fulfillmentId, labels } = await fulfilledOrder();
    const label = await shop.ok('POST', labels, { carrier_id: 'test_carrier', service: 'ground' });
    const tracking = testTrackingNumber(label.id);
    expect(label).toMatchObject({
      id: expect.stringMatching(/^lbl_/), order_id: orderId, fulfillment_id: fulfillmentId, carrier_id: 'test_carrier', service: 'ground', status: 'purchased',
      tracking_number: tracking, tracking_url: `https://track.test-carrier.invalid/${tracking}`, label_url: `https://labels.test-carrier.invalid/${tracking}.pdf`, amount: 600,
    });
    expect((await shop.ok('GET', `/admin/orders/${orderId}/labels`)).data).toEqual([label]);
    const order = await shop.ok('GET', `/admin/orders/${orderId}`);
    expect(order.fulfillment_status).toBe('fulfilled');
    expect(order.timeline.filter((e: any) => e.type === 'order.label_purchased').map((e: any) => e.data)).toEqual([
      { fulfillment_id: fulfillmentId, label_id: label.id, carrier: 'test_carrier', tracking_number: tracking, tracking_url: label.tracking_url },
    ]);
  });

  test('asked again, and five times at once: the same label, one bought', async () => {
    const { fulfillmentId, labels } = await fulfilledOrder();
    const before = sold.size;
    const first = await shop.ok('POST', labels, { carrier_id: 'test_carrier' });
    const again = await shop.ok('POST', labels, { carrier_id: 'test_carrier' });
    expect(again).toEqual(first);
    const { fulfillmentId: other, labels: otherLabels } = await fulfilledOrder();
    const racing = await Promise.all(Array.from({ length: 5 }, () => shop.request('POST', otherLabels, { body: { carrier_id: 'test_carrier' } })));
    // Each gets the label, or is told another request is buying it right now: never a second purchase.
    for (const r of racing) expect([200, 409]).toContain(r.status);
    expect(racing.filter((r) => r.status === 409).every((r) => r.body.error.code === 'label_purchase_in_progress')).toBe(true);
    const settled = await shop.ok('POST', otherLabels, { carrier_id: 'test_carrier' });
    expect(new Set([settled.id, ...racing.filter((r) => r.status === 200).map((r) => r.body.id)]).size).toBe(1);
    expect(sold.size - before).toBe(2);
    expect(await labelRows(fulfillmentId)).toEqual([{ id: first.id, status: 'purchased' }]);
    expect(await labelRows(other)).toEqual([{ id: settled.id, status: 'purchased' }]);
  });

  test('the carrier’s answer is lost: 502, and the retry resumes the same purchase (one label bought)', async () => {
    const { fulfillmentId, labels } = await fulfilledOrder();
    const before = sold.size;
    const callsBefore = labelCalls;
    loseNextAnswer = true;
    await shop.refused('POST', labels, { carrier_id: 'test_carrier' }, 502, 'carrier_unavailable');
    const [pending] = await labelRows(fulfillmentId);
    expect(pending.status).toBe('purchasing');
    const label = await shop.ok('POST', labels, { carrier_id: 'test_carrier' });
    expect([label.id, label.status, label.tracking_number]).toEqual([pending.id, 'purchased', testTrackingNumber(pending.id)]);
    expect([labelCalls - callsBefore, sold.size - before]).toEqual([2, 1]);
    expect(await labelRows(fulfillmentId)).toEqual([{ id: pending.id, status: 'purchased' }]);
  });

  test('refused by the carrier: 422, a failed label, and another can be tried', async () => {
    const { fulfillmentId, labels } = await fulfilledOrder({ ...ADDRESS_US, postal_code: '99997' });
    const error = await shop.refused('POST', labels, { carrier_id: 'test_carrier' }, 422, 'carrier_refused');
    expect(error.message).toBe('The carrier cannot deliver to this address.');
    await shop.refused('POST', labels, { carrier_id: 'test_carrier' }, 422, 'carrier_refused');
    expect((await labelRows(fulfillmentId)).map((l) => l.status)).toEqual(['failed', 'failed']);
  });

  test('voided before it ships; then a new one; refusals change nothing', async () => {
    const { orderId, fulfillmentId, labels } = await fulfilledOrder();
    const first = await shop.ok('POST', labels, { carrier_id: 'test_carrier' });
    const canceled = await shop.ok('POST', `${labels}/${first.id}/cancel`);
    expect(canceled).toEqual({ ...canceled, id: first.id, status: 'canceled' });
    expect(await shop.ok('POST', `${labels}/${first.id}/cancel`)).toEqual(canceled);
    const second = await shop.ok('POST', labels, { carrier_id: 'test_carrier' });
    expect(second.id).not.toBe(first.id);
    const before = await labelRows(fulfillmentId);
    await shop.refused('POST', labels, { carrier_id: 'manual' }, 400, 'carrier_buys_no_labels', 'body.carrier_id');
    await shop.refused('POST', labels, { carrier_id: 'fedex' }, 400, 'carrier_not_found', 'body.carrier_id');
    await shop.refused('POST', labels, { carrier_id: 'Bad Id' }, 400, 'invalid_request', 'body.carrier_id');
    await shop.refused('POST', labels, { carrier_id: 'test_carrier', extra: 1 }, 400, 'invalid_request');
    await shop.refused('POST', `/admin/orders/${orderId}/fulfillments/ful_00000000000000000000000000/labels`, { carrier_id: 'test_carrier' }, 404, 'fulfillment_not_found');
    await shop.refused('POST', `${labels}/lbl_00000000000000000000000000/cancel`, undefined, 404, 'label_not_found');
    expect(await labelRows(fulfillmentId)).toEqual(before);
    // Shipped by staff: no new label, and the live one cannot be voided any more.
    await shop.ok('POST', `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, { carrier: 'test_carrier', tracking_number: second.tracking_number });
    await shop.refused('POST', `${labels}/${second.id}/cancel`, undefined, 409, 'label_not_cancelable');
  });
});

describe('tracking webhooks', () => {
  const post = (body: object, secret = SECRET, carrier = 'test_carrier') => {
    const raw = JSON.stringify(body);
    return shop.request('POST', `/store/webhooks/carriers/${carrier}`, { token: null, body: raw, headers: { 'content-type': 'application/json', 'test-carrier-signature': signatureHeader(secret, raw) } });
  };
  const drain = async () => {
    while (await processTrackingInboxOnce(shop.db, (event) => applyTrackingEvent(shop.db, event), testLog));
  };
  const eventsOf = async (orderId: string, type: string) => (await sql<{ n: number }>`
    select count(*)::int as n from event_outbox where type = ${type} and payload->>'order_id' = ${orderId}`.execute(shop.db)).rows[0].n;

  test('each replayed 5×: shipped once, delivered once, every scan once on the timeline', async () => {
    const { orderId, fulfillmentId, labels } = await fulfilledOrder();
    const label = await shop.ok('POST', labels, { carrier_id: 'test_carrier' });
    const scan = (id: string, status: string, at: string) => ({ id, tracking_number: label.tracking_number, status, occurred_at: at, description: `${status} scan` });
    const inTransit = scan(`tev_${label.id}_1`, 'in_transit', new Date(Date.now() - 60_000).toISOString());
    const delivered = scan(`tev_${label.id}_2`, 'delivered', new Date().toISOString());
    for (const event of [inTransit, delivered]) {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await post(event));
      expect(answers.map((a) => [a.status, a.body.duplicate])).toEqual([[200, false], [200, true], [200, true], [200, true], [200, true]]);
    }
    // Applied concurrently by two workers: still one effect each.
    await Promise.all([drain(), drain()]);
    for (const event of [inTransit, delivered]) await post(event);
    await drain();
    const order = await shop.ok('GET', `/admin/orders/${orderId}`);
    expect(order.fulfillment_status).toBe('delivered');
    expect(order.items.map((i: any) => [i.shipped_quantity, i.delivered_quantity])).toEqual([[2, 2]]);
    expect([await eventsOf(orderId, 'order.shipped'), await eventsOf(orderId, 'order.delivered'), await eventsOf(orderId, 'order.tracking_updated')]).toEqual([1, 1, 2]);
    const tracked = order.timeline.filter((e: any) => ['order.tracking_updated', 'order.shipped', 'order.delivered'].includes(e.type));
    // Two workers may take the two scans at once and apply them in either order: each still counts once.
    expect(tracked.map((e: any) => `${e.type} ${e.data.status ?? ''}`).sort()).toEqual([
      'order.delivered ', 'order.shipped ', 'order.tracking_updated delivered', 'order.tracking_updated in_transit',
    ]);
    const fulfillment = (await shop.ok('GET', `/admin/orders/${orderId}/fulfillments`)).data.find((f: any) => f.id === fulfillmentId);
    expect(fulfillment).toMatchObject({ status: 'delivered', carrier: 'test_carrier', tracking_number: label.tracking_number, tracking_url: label.tracking_url });
    const outcomes = await shop.db.selectFrom('carrier_webhook_event').select(['provider_event_id', 'state', 'outcome'])
      .where('provider_event_id', 'in', [inTransit.id, delivered.id]).orderBy('occurred_at').execute();
    // In order, the first scan ships and the second delivers; the other way round, delivered does both.
    expect([
      [{ provider_event_id: inTransit.id, state: 'processed', outcome: 'shipped' }, { provider_event_id: delivered.id, state: 'processed', outcome: 'delivered' }],
      [{ provider_event_id: inTransit.id, state: 'processed', outcome: 'recorded' }, { provider_event_id: delivered.id, state: 'processed', outcome: 'shipped_and_delivered' }],
    ]).toContainEqual(outcomes);
  });

  test('delivered first (a missed scan): shipped and delivered; an exception is only recorded', async () => {
    const { orderId, labels } = await fulfilledOrder();
    const label = await shop.ok('POST', labels, { carrier_id: 'test_carrier' });
    await post({ id: `tev_${label.id}_x`, tracking_number: label.tracking_number, status: 'exception', occurred_at: new Date().toISOString(), description: 'address unclear' });
    await drain();
    expect((await shop.ok('GET', `/admin/orders/${orderId}`)).fulfillment_status).toBe('fulfilled');
    await post({ id: `tev_${label.id}_d`, tracking_number: label.tracking_number, status: 'delivered', occurred_at: new Date().toISOString() });
    await drain();
    expect((await shop.ok('GET', `/admin/orders/${orderId}`)).fulfillment_status).toBe('delivered');
    expect([await eventsOf(orderId, 'order.shipped'), await eventsOf(orderId, 'order.delivered')]).toEqual([1, 1]);
  });

  test('unknown tracking numbers are kept and settled; bad signatures, bodies and carriers are refused and store nothing', async () => {
    await post({ id: 'tev_unknown', tracking_number: 'TC000000000000', status: 'in_transit', occurred_at: new Date().toISOString() });
    await drain();
    expect(await shop.db.selectFrom('carrier_webhook_event').select(['state', 'outcome']).where('provider_event_id', '=', 'tev_unknown').executeTakeFirst())
      .toEqual({ state: 'processed', outcome: 'unknown_shipment' });
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from carrier_webhook_event`.execute(shop.db)).rows[0].n;
    const before = await count();
    const good = { id: 'tev_bad', tracking_number: 'TC1', status: 'in_transit', occurred_at: new Date().toISOString() };
    const wrongSecret = await post(good, 'whsec_some_other_secret_0123456');
    expect([wrongSecret.status, wrongSecret.body.error.code]).toEqual([400, 'invalid_webhook_signature']);
    for (const bad of [{ ...good, status: 'lost' }, { ...good, id: '' }, { ...good, occurred_at: 'yesterday' }]) {
      const answer = await post(bad);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_webhook_payload']);
    }
    for (const carrier of ['manual', 'fedex']) {
      const answer = await post(good, SECRET, carrier);
      expect([answer.status, answer.body.error.code]).toEqual([404, 'carrier_webhooks_not_supported']);
    }
    expect(await count()).toBe(before);
  });
});
