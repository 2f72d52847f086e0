import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFakeEasyPost, type FakeEasyPost } from '../../../test/fakes/fake-easypost.ts';
import { testLog } from '../../../test/helpers/background.ts';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { ADDRESS_US, createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { applyTrackingEvent } from '../shipments/tracking-events.ts';
import { processTrackingInboxOnce } from '../shipments/tracking-inbox.ts';

/**
 * The EasyPost carrier against a local fake of its API: calculated rates (and the fallback when it is
 * down), a label bought once even when its answer is lost, voided, and its signed tracker webhooks
 * shipping and delivering the order.
 */
const API_KEY = 'EZTK_test_key_0123';
const WEBHOOK_SECRET = 'easypost_webhook_secret';
let fake: FakeEasyPost;
let shop: TestShop;
let selling: Selling;
let variantId: string;
let option: any;

beforeAll(async () => {
  fake = await startFakeEasyPost(API_KEY);
  shop = await startTestShop({ easypostApiKey: API_KEY, easypostApiBase: fake.url, easypostWebhookSecret: WEBHOOK_SECRET, carrierTimeoutMs: 1000 });
  selling = await setUpSelling(shop);
  await shop.ok('POST', `/admin/inventory/locations/${selling.warehouse.id}`, { address: { address_1: '1 Dock Rd', city: 'Newark', province: 'NJ', postal_code: '07102', country_code: 'US' } });
  // 1200 g = 42.3 oz: 3 started pounds.
  const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 50, locationId: selling.warehouse.id, weight: 1200 });
  variantId = variant.id;
  option = await shop.ok('POST', '/admin/shipping-options', {
    region_id: selling.us.id, name: 'USPS Ground', price_type: 'calculated', carrier_id: 'easypost', carrier_service: 'GroundAdvantage', amount: 1200, rate_markup_amount: 100, position: 1,
  }, 201);
});
afterAll(async () => {
  await shop?.close();
  await fake?.close();
});

test('listed among the carriers, with what it can do', async () => {
  expect((await shop.ok('GET', '/admin/carriers')).data).toEqual([
    { id: 'manual', rates: false, labels: false, webhooks: false },
    { id: 'test_carrier', rates: true, labels: true, webhooks: true },
    { id: 'easypost', rates: true, labels: true, webhooks: true },
  ]);
});

test('rates: EasyPost’s GroundAdvantage rate plus the markup; the fallback while it is down', async () => {
  const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 });
  await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'buyer@example.com', shipping_address: ADDRESS_US });
  // 5.00 + 3 × 1.00 = 8.00, + 1.00 markup.
  expect((await shop.ok('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: option.id })).shipping_total).toBe(900);
  const sent = [...fake.shipments.values()].at(-1)!;
  expect([sent.parcel.weight, sent.to_address.zip, sent.from_address.zip, sent.from_address.state]).toEqual([42.3, '12345', '07102', 'NJ']);
  fake.down = true;
  try {
    expect((await shop.ok('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: option.id })).shipping_total).toBe(1200);
  } finally {
    fake.down = false;
  }
});

test('a label whose answer is lost is resumed, not bought again; voided; bought again', async () => {
  const order = await placeOrder(shop, [{ variant_id: variantId, quantity: 1 }]);
  const line = (await shop.ok('GET', `/admin/orders/${order.id}`)).items[0];
  const fulfillment = await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 1 }] }, 201);
  const labels = `/admin/orders/${order.id}/fulfillments/${fulfillment.id}/labels`;
  const before = fake.purchases;
  fake.loseNextBuyAnswer = true;
  await shop.refused('POST', labels, { carrier_id: 'easypost', service: 'Priority' }, 502, 'carrier_unavailable');
  const label = await shop.ok('POST', labels, { carrier_id: 'easypost', service: 'Priority' });
  expect(fake.purchases - before).toBe(1);
  const shipment = [...fake.shipments.values()].find((s) => s.reference === label.id)!;
  expect(label).toMatchObject({
    status: 'purchased', carrier_id: 'easypost', service: 'Priority', tracking_number: shipment.tracking_code,
    tracking_url: `https://track.easypost.example/${shipment.tracking_code}`, label_url: `https://easypost-files.example/${shipment.tracking_code}.pdf`,
    amount: 1350, currency_code: 'USD',
  });
  expect(await shop.ok('POST', labels, { carrier_id: 'easypost' })).toEqual(label);
  expect(await shop.ok('POST', `${labels}/${label.id}/cancel`)).toMatchObject({ id: label.id, status: 'canceled' });
  expect(fake.refunds).toEqual([shipment.id]);
  const second = await shop.ok('POST', labels, { carrier_id: 'easypost' });
  expect([second.status, second.service, second.amount, fake.purchases - before]).toEqual(['purchased', null, 800, 2]);

  // Its tracker webhooks, each replayed: shipped, then delivered, once each.
  const post = (event: { body: string; signature: string }) => shop.request('POST', '/store/webhooks/carriers/easypost', {
    token: null, body: event.body, headers: { 'content-type': 'application/json', 'x-hmac-signature': event.signature },
  });
  const drain = async () => {
    while (await processTrackingInboxOnce(shop.db, (event) => applyTrackingEvent(shop.db, event), testLog));
  };
  const inTransit = fake.trackerEvent(WEBHOOK_SECRET, { id: 'evt_1', tracking_code: second.tracking_number, status: 'in_transit', datetime: new Date(Date.now() - 60_000).toISOString() });
  for (const event of [inTransit, inTransit]) expect((await post(event)).status).toBe(200);
  await drain();
  expect((await shop.ok('GET', `/admin/orders/${order.id}`)).fulfillment_status).toBe('shipped');
  // Delivered after it shipped: the carrier's time is kept.
  const deliveredAt = new Date().toISOString();
  const delivered = fake.trackerEvent(WEBHOOK_SECRET, { id: 'evt_2', tracking_code: second.tracking_number, status: 'delivered', datetime: deliveredAt, message: 'Left at front door' });
  for (const event of [delivered, delivered, inTransit]) expect((await post(event)).status).toBe(200);
  const forged = await post({ body: delivered.body.replace('evt_2', 'evt_3'), signature: delivered.signature });
  expect([forged.status, forged.body.error.code]).toEqual([400, 'invalid_webhook_signature']);
  await drain();
  const after = await shop.ok('GET', `/admin/orders/${order.id}`);
  expect(after.fulfillment_status).toBe('delivered');
  expect(after.timeline.filter((e: any) => e.type === 'order.tracking_updated').map((e: any) => [e.data.status, e.data.description])).toEqual([
    ['in_transit', 'in_transit'], ['delivered', 'Left at front door'],
  ]);
  const fulfillments = (await shop.ok('GET', `/admin/orders/${order.id}/fulfillments`)).data;
  expect(fulfillments[0]).toMatchObject({ status: 'delivered', delivered_at: deliveredAt });
  const { n } = (await sql<{ n: number }>`select count(*)::int as n from event_outbox where type = 'order.delivered' and payload->>'order_id' = ${order.id}`.execute(shop.db)).rows[0];
  expect(n).toBe(1);
});
