import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { complete, createStockedProduct, level, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { errorCodesVaryByRun } from '../../../test/helpers/error-record.ts';

// Retries racing each other: which refusals a run meets differs from run to run.
errorCodesVaryByRun();

let shop: TestShop;
let selling: Selling;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

async function paidCart(stock = 10, quantity = 1) {
  const { variant } = await createStockedProduct(shop, { usd: 1200, stock, locationId: selling.warehouse.id });
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity }] });
  expect((await pay(shop, cart.id)).status).toBe(200);
  return { cart, variant };
}

async function ordersOf(cartId: string) {
  return shop.db.selectFrom('orders').select(['id', 'number']).where('cart_id', '=', cartId).execute();
}

async function authorizations(orderId: string) {
  return shop.db.selectFrom('payment_transaction as t').innerJoin('payment as p', 'p.id', 't.payment_id')
    .select(['t.kind', 't.amount']).where('p.order_id', '=', orderId).orderBy('t.created_at').execute();
}

test('a retry with the same Idempotency-Key returns the same order and does nothing twice', async () => {
  const { cart, variant } = await paidCart(10, 2);
  const first = await complete(shop, cart.id, 'retry-1');
  expect(first.status).toBe(201);
  for (let i = 0; i < 3; i++) {
    const again = await complete(shop, cart.id, 'retry-1');
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
  }
  expect(await ordersOf(cart.id)).toEqual([{ id: first.body.id, number: first.body.number }]);
  // 2 × 12.00 + 10 % tax + 5.00 shipping + 10 % tax on it = 31.90, authorized and captured once.
  expect(first.body.total).toBe(3190);
  expect(await authorizations(first.body.id)).toEqual([{ kind: 'authorization', amount: 3190 }, { kind: 'capture', amount: 3190 }]);
  expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 2, reserved: 0, available: 8 });
});

test('ten concurrent completes with one key: one order, one charge; the rest replay it or are told it is running', async () => {
  const { cart, variant } = await paidCart();
  const results = await Promise.all(Array.from({ length: 10 }, () => complete(shop, cart.id, 'same-key')));
  const created = results.filter((r) => r.status === 201);
  expect(created.length).toBeGreaterThanOrEqual(1);
  expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
  for (const r of results.filter((r) => r.status !== 201)) {
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('idempotency_key_in_use');
  }
  expect(await ordersOf(cart.id)).toHaveLength(1);
  expect((await authorizations(created[0].body.id)).filter((t) => t.kind === 'authorization')).toHaveLength(1);
  expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 1, reserved: 0 });
});

test('ten concurrent completes with different keys (or none): the cart completes once', async () => {
  const { cart, variant } = await paidCart();
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => complete(shop, cart.id, i % 2 ? `key-${i}` : undefined)));
  expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  for (const r of results.filter((r) => r.status !== 201)) {
    expect(r.status, r.text).toBe(409);
    expect(['cart_completed', 'checkout_in_progress']).toContain(r.body.error.code);
  }
  expect(await ordersOf(cart.id)).toHaveLength(1);
  expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 1, reserved: 0 });
});

test('the same key with a different request is refused; a malformed key too', async () => {
  const first = await shop.request('POST', '/store/carts', { body: { currency_code: 'USD' }, headers: { 'idempotency-key': 'cart-key' } });
  expect(first.status).toBe(201);
  const replay = await shop.request('POST', '/store/carts', { body: { currency_code: 'USD' }, headers: { 'idempotency-key': 'cart-key' } });
  expect(replay.body.id).toBe(first.body.id);
  const other = await shop.request('POST', '/store/carts', { body: { currency_code: 'EUR' }, headers: { 'idempotency-key': 'cart-key' } });
  expect(other.status).toBe(400);
  expect(other.body.error.code).toBe('idempotency_key_mismatch');
  const bad = await shop.request('POST', '/store/carts', { body: {}, headers: { 'idempotency-key': 'x'.repeat(300) } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('invalid_idempotency_key');
  expect(await shop.db.selectFrom('cart').select('id').where('currency_code', '=', 'EUR').execute()).toEqual([]);
});
