import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { ADDRESS_US, CARDS, complete, createStockedProduct, level, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';

let shop: TestShop;
let selling: Selling;
beforeAll(async () => {
  shop = await startTestShop({ paymentTimeoutMs: 300 });
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

describe('a shopper goes from an empty cart to a paid order', () => {
  test('happy path: exact totals, stock committed, order readable with its token', async () => {
    const { product, variant } = await createStockedProduct(shop, { usd: 1999, stock: 10, locationId: selling.warehouse.id });
    const storeVariant = async () => (await shop.get(`/store/products/${product.handle}`)).body.variants[0];
    expect(await storeVariant()).toMatchObject({ in_stock: true, available_quantity: 10 });
    const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 2 }] });
    expect(cart).toMatchObject({ subtotal: 3998, shipping_total: 500, tax_total: 450, total: 4948, currency_code: 'USD' });
    const paying = await pay(shop, cart.id);
    expect(paying.status, paying.text).toBe(200);
    expect(paying.body.payment_session).toMatchObject({ provider_id: 'test_card', status: 'pending', amount: 4948 });
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 10, committed: 0, reserved: 2, available: 8 });
    // The storefront sees the hold at once (its cached page showing this variant was dropped).
    expect(await storeVariant()).toMatchObject({ in_stock: true, available_quantity: 8 });

    const placed = await complete(shop, cart.id, 'key-happy');
    expect(placed.status, placed.text).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'open', payment_status: 'captured', fulfillment_status: 'unfulfilled', email: 'buyer@example.com',
      subtotal: 3998, shipping_total: 500, tax_total: 450, total: 4948, currency_code: 'USD',
    });
    expect(placed.body.number).toBeGreaterThan(1000);
    expect(placed.body.items).toEqual([expect.objectContaining({ variant_id: variant.id, quantity: 2, unit_price: 1999, subtotal: 3998, tax_total: 400, total: 4398 })]);
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 10, committed: 2, reserved: 0, available: 8 });

    // The card number was never stored: the payment keeps the outcome, brand and last four digits.
    const stored = await shop.db.selectFrom('payment').select('data').where('cart_id', '=', cart.id).execute();
    expect(stored).toEqual([{ data: { outcome: 'succeeds', brand: 'visa', last4: '4242' } }]);
    const everything = JSON.stringify(await shop.db.selectFrom('payment_transaction').selectAll().execute()) + JSON.stringify(await shop.db.selectFrom('event_outbox').selectAll().execute());
    expect(everything).not.toContain('4242424242424242');

    // Every state change left its event in the outbox, in order.
    const events = await shop.db.selectFrom('event_outbox').select('type')
      .where('resource_id', 'in', [cart.id, placed.body.id, paying.body.payment_session.id]).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual([
      'inventory.reserved', 'inventory.committed', 'payment.authorized', 'payment.captured', 'order.placed', 'cart.completed',
    ]);

    const read = await shop.get(`/store/orders/${placed.body.id}`, { headers: { 'x-order-token': placed.body.access_token } });
    expect(read.status).toBe(200);
    expect(read.body.total).toBe(4948);
    expect((await shop.get(`/store/orders/${placed.body.id}`, { headers: { 'x-order-token': 'wrong' } })).status).toBe(404);

    const retry = await complete(shop, cart.id, 'key-happy');
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(placed.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const again = await complete(shop, cart.id, 'another-key');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('cart_completed');
  });

  test.each([
    ['declined', CARDS.declined, 402, 'payment_declined', 'card_declined'],
    ['insufficient funds', CARDS.insufficient, 402, 'payment_declined', 'insufficient_funds'],
    ['gateway 5xx', CARDS.gatewayError, 502, 'payment_provider_error', 'provider_error'],
    ['timeout', CARDS.timeout, 504, 'payment_timeout', 'timeout'],
  ])('%s card: no order, stock and holds exactly as before', async (_name, card, status, code, decline) => {
    const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 5, locationId: selling.warehouse.id });
    const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 3 }] });
    expect((await pay(shop, cart.id, card)).status).toBe(200);
    const before = await level(shop, variant.id, selling.warehouse.id);
    expect(before).toEqual({ on_hand: 5, committed: 0, reserved: 3, available: 2 });
    const ordersBefore = await shop.db.selectFrom('orders').select('id').execute();
    const res = await complete(shop, cart.id);
    expect(res.status, res.text).toBe(status);
    expect(res.body.error).toMatchObject({ code, details: { decline_code: decline } });
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual(before);
    expect(await shop.db.selectFrom('orders').select('id').execute()).toEqual(ordersBefore);
    const failure = await shop.db.selectFrom('payment_transaction as t').innerJoin('payment as p', 'p.id', 't.payment_id')
      .select(['t.kind', 't.error_code']).where('p.cart_id', '=', cart.id).execute();
    expect(failure).toEqual([{ kind: 'failure', error_code: decline }]);
    expect(await shop.db.selectFrom('event_outbox').select('type').where('type', '=', 'payment.failed')
      .where(sql<boolean>`payload->>'cart_id' = ${cart.id}`).execute()).toHaveLength(1);
    const after = await shop.get(`/store/carts/${cart.id}`);
    expect(after.body.completed_at).toBeNull();
    expect(after.body.payment_session).toBeNull();
    // A new card then works, with the stock still held.
    expect((await pay(shop, cart.id, CARDS.ok)).status).toBe(200);
    expect((await complete(shop, cart.id)).status).toBe(201);
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 5, committed: 3, reserved: 0, available: 2 });
  });
});

test('an address outside the region is refused and changes nothing', async () => {
  const cart = (await shop.post('/store/carts', { currency_code: 'USD' })).body;
  const res = await shop.post(`/store/carts/${cart.id}`, { email: 'x@example.com', shipping_address: { ...ADDRESS_US, country_code: 'DE' } });
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ code: 'country_not_in_region', details: { field: 'body.shipping_address.country_code' } });
  expect((await shop.get(`/store/carts/${cart.id}`)).body).toMatchObject({ email: null, shipping_address: null });
});

test('with PAYMENT_CAPTURE=automatic a card is captured at checkout, but a manual payment (bank transfer) stays authorized until staff capture it', async () => {
  expect(shop.config.paymentCapture).toBe('automatic');
  const { variant } = await createStockedProduct(shop, { usd: 2500, stock: 5, locationId: selling.warehouse.id });
  const byCard = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
  expect((await pay(shop, byCard.id)).status).toBe(200);
  const card = await complete(shop, byCard.id);
  expect(card.body).toMatchObject({ payment_status: 'captured', total: 3300 });

  const byTransfer = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
  expect((await shop.post(`/store/carts/${byTransfer.id}/payment`, { provider_id: 'manual' })).status).toBe(200);
  const placed = await complete(shop, byTransfer.id);
  expect(placed.status, placed.text).toBe(201);
  expect(placed.body).toMatchObject({ status: 'open', payment_status: 'authorized', total: 3300 });
  const detail = await shop.ok('GET', `/admin/orders/${placed.body.id}`);
  expect(detail.payment_status).toBe('authorized');
  expect(detail.summary).toMatchObject({ authorized_total: 3300, capturable_total: 3300, captured_total: 0, paid_total: 0, balance: 3300 });
  expect(detail.payments).toEqual([expect.objectContaining({ provider_id: 'manual', status: 'authorized', authorized_amount: 3300, captured_amount: 0 })]);
  expect(await shop.db.selectFrom('payment_transaction as t').innerJoin('payment as p', 'p.id', 't.payment_id')
    .select('t.kind').where('p.order_id', '=', placed.body.id).execute()).toEqual([{ kind: 'authorization' }]);

  // The money arrives: staff capture it.
  const captured = await shop.ok('POST', `/admin/orders/${placed.body.id}/capture`, {});
  expect(captured.payment_status).toBe('captured');
  expect(captured.summary).toMatchObject({ captured_total: 3300, paid_total: 3300, balance: 0 });
});
