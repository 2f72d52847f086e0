import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { complete, createStockedProduct, level, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import type { GatewayStatus, PaymentProvider } from '../payments/provider.ts';
import { builtInPaymentProviders } from '../payments/providers.ts';
import { sweepCheckout } from './recovery.ts';

/**
 * A gateway that stops answering mid-authorization, as if our process had died there: the checkout is
 * left with a pending order. The sweep must settle it with what the gateway says happened.
 */
let gatewayStatus: GatewayStatus = 'authorized';
let releaseAuthorization: (() => void) | undefined;
const stalling: PaymentProvider = {
  id: 'stalling',
  async initiate() { return { data: {} }; },
  authorize: ({ reference }) => new Promise((resolve) => (releaseAuthorization = () => resolve({ provider_reference: `st_${reference}` }))),
  async capture({ provider_reference }) { return { provider_reference }; },
  async refund({ provider_reference }) { return { provider_reference }; },
  async cancel() { cancels++; },
  async status({ reference }) { return { status: gatewayStatus, provider_reference: `st_${reference}` }; },
};
let cancels = 0;

let shop: TestShop;
let selling: Selling;
const providers = new Map([...builtInPaymentProviders(), ['stalling', stalling]]);
beforeAll(async () => {
  shop = await startTestShop({ paymentCapture: 'manual' }, { paymentProviders: providers });
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

const later = () => new Date(Date.now() + 20 * 60_000);
const sweep = (now = later()) => sweepCheckout({ db: shop.db, providers, paymentTimeoutMs: shop.config.paymentTimeoutMs, orderNumberPrefix: shop.config.orderNumberPrefix }, now);

async function stalledCheckout(stock: number) {
  const { variant } = await createStockedProduct(shop, { usd: 1000, stock, locationId: selling.warehouse.id });
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 2 }] });
  expect((await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'stalling' })).status).toBe(200);
  const inFlight = complete(shop, cart.id);
  for (let i = 0; i < 100 && !releaseAuthorization; i++) await new Promise((r) => setTimeout(r, 20));
  return { variant, cart, inFlight };
}

test('the gateway authorized: the sweep confirms the order; the late answer finds it confirmed', async () => {
  gatewayStatus = 'authorized';
  const { variant, cart, inFlight } = await stalledCheckout(5);
  const pending = await shop.db.selectFrom('orders').select(['id', 'status', 'number']).where('cart_id', '=', cart.id).executeTakeFirstOrThrow();
  expect(pending).toMatchObject({ status: 'pending', number: null });
  expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 2, reserved: 0 });
  expect(await sweep(new Date())).toMatchObject({ orders_confirmed: 0, orders_undone: 0 }); // too young to be stale

  expect(await sweep()).toMatchObject({ orders_confirmed: 1, orders_undone: 0 });
  const order = await shop.db.selectFrom('orders').select(['status', 'payment_status', 'number']).where('id', '=', pending.id).executeTakeFirstOrThrow();
  expect(order).toMatchObject({ status: 'open', payment_status: 'authorized' });
  expect(order.number).toBeGreaterThan(1000);
  expect((await shop.get(`/store/carts/${cart.id}`)).body.completed_at).not.toBeNull();

  releaseAuthorization!();
  releaseAuthorization = undefined;
  const late = await inFlight;
  expect(late.status).toBe(201);
  expect(late.body).toMatchObject({ id: pending.id, number: order.number, payment_status: 'authorized' });
  expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', cart.id).execute()).toHaveLength(1);
  expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ committed: 2, available: 3 });
});

test('the gateway has no authorization: the sweep undoes the checkout and frees the stock; a late authorization is voided', async () => {
  gatewayStatus = 'not_found';
  cancels = 0;
  const { variant, cart, inFlight } = await stalledCheckout(4);
  expect(await sweep()).toMatchObject({ orders_confirmed: 0, orders_undone: 1 });
  expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', cart.id).execute()).toEqual([]);
  expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 4, committed: 0, reserved: 0, available: 4 });

  releaseAuthorization!();
  releaseAuthorization = undefined;
  const late = await inFlight;
  expect(late.status).toBe(504);
  expect(cancels).toBe(1);
  const payment = await shop.db.selectFrom('payment').select(['status']).where('cart_id', '=', cart.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  expect(payment.status).toBe('failed');
});

test('expired holds are released by the sweep; completing then takes stock directly if it is still there', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 3, locationId: selling.warehouse.id });
  const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 2 }] });
  expect((await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'manual' })).status).toBe(200);
  expect(await level(shop, variant.id, selling.warehouse.id)).toMatchObject({ reserved: 2, available: 1 });
  const swept = await sweep();
  expect(swept.holds_released).toBeGreaterThanOrEqual(1);
  expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 3, committed: 0, reserved: 0, available: 3 });
  expect((await shop.get(`/store/carts/${cart.id}`)).body.holds_expire_at).toBeNull();
  const placed = await complete(shop, cart.id);
  expect(placed.status).toBe(201);
  expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 3, committed: 2, reserved: 0, available: 1 });
});

test('an expired hold whose stock was sold meanwhile: completing is refused, nothing is written', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 2, locationId: selling.warehouse.id });
  const slow = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 2 }] });
  expect((await shop.post(`/store/carts/${slow.id}/payment`, { provider_id: 'manual' })).status).toBe(200);
  await sweep();
  const fast = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
  expect((await shop.post(`/store/carts/${fast.id}/payment`, { provider_id: 'manual' })).status).toBe(200);
  expect((await complete(shop, fast.id)).status).toBe(201);
  const refused = await complete(shop, slow.id);
  expect(refused.status).toBe(409);
  expect(refused.body.error).toMatchObject({ code: 'insufficient_inventory', details: { requested: 2, available: 1 } });
  expect(await shop.db.selectFrom('orders').select('id').where('cart_id', '=', slow.id).execute()).toEqual([]);
  expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: 2, committed: 1, reserved: 0, available: 1 });
});
