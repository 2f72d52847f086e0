import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAdminUser } from '../src/modules/users/admin-users.ts';
import { callJson, serveShop } from './helpers/processes.ts';
import { REMOTE_ADMIN, signIn, type Remote } from './helpers/remote-shop.ts';
import { ADDRESS_US, CARDS, createStockedProduct, level, setUpSelling, type Selling } from './helpers/selling.ts';
import { startTestShop, type TestShop } from './helpers/test-shop.ts';
import { waitFor } from './helpers/webhook-receiver.ts';

/**
 * The flash sale: 50 units, 200 buyers completing at once over real HTTP. Exactly 50 orders, never a
 * negative count. On the embedded database one process serves them; on PostgreSQL three
 * `cartwright start` processes share the database, so nothing can rely on one process's memory: not
 * the stock, not staff's stock changes racing the buyers, not the catalog cache.
 */
const STOCK = 50;
const BUYERS = 200;

let shop: TestShop;
let selling: Selling;
let served: Awaited<ReturnType<typeof serveShop>> | undefined;
let urls: string[] = [];
/** Staff signed in on each process. */
let staff: Remote[] = [];

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  await createAdminUser(shop.db, { ...REMOTE_ADMIN, name: 'Remote owner' });
  served = await serveShop(shop);
  urls = served.urls;
  staff = await Promise.all(urls.map((url) => signIn(url)));
}, 180_000);
afterAll(async () => {
  await served?.stop();
  await shop?.close();
});


/** One buyer's whole checkout; returns the status of the step that ended it. */
async function buyer(url: string, variantId: string, n: number): Promise<{ step: string; status: number; code?: string }> {
  const steps: [string, string, string, (cart: string) => unknown][] = [
    ['line', 'POST', '/line-items', () => ({ variant_id: variantId, quantity: 1 })],
    ['address', 'POST', '', () => ({ email: `buyer${n}@example.com`, shipping_address: ADDRESS_US })],
  ];
  const cart = await callJson(url, 'POST', '/store/carts', { currency_code: 'USD' });
  if (cart.status !== 201) return { step: 'cart', status: cart.status, code: cart.body.error?.code };
  const id = cart.body.id;
  for (const [step, method, path, body] of steps) {
    const res = await callJson(url, method, `/store/carts/${id}${path}`, body(id));
    if (res.status !== 200) return { step, status: res.status, code: res.body.error?.code };
  }
  const options = await callJson(url, 'GET', `/store/carts/${id}/shipping-options`);
  const method = await callJson(url, 'POST', `/store/carts/${id}/shipping-method`, { option_id: options.body.data[0].id });
  if (method.status !== 200) return { step: 'shipping', status: method.status };
  return checkout(url, id);
}

/** Pays for a cart that is ready (its stock is held then) and completes it. */
async function checkout(url: string, cartId: string, alreadyPaid = false): Promise<{ step: string; status: number; code?: string }> {
  if (!alreadyPaid) {
    const payment = await callJson(url, 'POST', `/store/carts/${cartId}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
    if (payment.status !== 200) return { step: 'payment', status: payment.status, code: payment.body.error?.code };
  }
  const done = await callJson(url, 'POST', `/store/carts/${cartId}/complete`);
  return { step: 'complete', status: done.status, code: done.body.error?.code };
}

test(`${BUYERS} buyers, ${STOCK} units: exactly ${STOCK} orders, committed ${STOCK}, available 0`, async () => {
  const { variant } = await createStockedProduct(shop, { usd: 2500, stock: STOCK, locationId: selling.warehouse.id, title: 'Flash Sale Sneaker' });

  const results = await Promise.all(Array.from({ length: BUYERS }, (_, n) => buyer(urls[n % urls.length], variant.id, n)));

  const placed = results.filter((r) => r.step === 'complete' && r.status === 201);
  const refused = results.filter((r) => !(r.step === 'complete' && r.status === 201));
  expect(placed).toHaveLength(STOCK);
  // Everyone else was told the stock ran out, at whichever step they reached when it did.
  for (const r of refused) expect(r, JSON.stringify(r)).toMatchObject({ status: 409, code: 'insufficient_inventory' });

  const orders = await shop.db.selectFrom('orders').select(['status', 'number']).execute();
  expect(orders).toHaveLength(STOCK);
  expect(orders.every((o) => o.status === 'open')).toBe(true);
  // Order numbers: 1001…1050, no gaps, no repeats, whichever process placed them.
  expect(orders.map((o) => o.number).sort()).toEqual(Array.from({ length: STOCK }, (_, i) => 1001 + i));
  expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: STOCK, committed: STOCK, reserved: 0, available: 0 });
  const lines = await shop.db.selectFrom('order_line_item').select((eb) => eb.fn.sum<number>('quantity').as('units')).executeTakeFirstOrThrow();
  expect(Number(lines.units)).toBe(STOCK);
}, 180_000);

test('staff decrements and checkouts at once, spread over the processes: exactly the stock is taken, once', async () => {
  const stock = 20;
  const { variant } = await createStockedProduct(shop, { usd: 1500, stock, locationId: selling.warehouse.id, title: 'Contested Lamp' });
  const url = (n: number) => urls[n % urls.length];
  const carts = await Promise.all(Array.from({ length: 24 }, async (_, n) => {
    const cart = await callJson(url(n), 'POST', '/store/carts', { currency_code: 'USD' });
    await callJson(url(n), 'POST', `/store/carts/${cart.body.id}/line-items`, { variant_id: variant.id, quantity: 1 });
    await callJson(url(n), 'POST', `/store/carts/${cart.body.id}`, { email: `contested${n}@example.com`, shipping_address: ADDRESS_US });
    const options = await callJson(url(n), 'GET', `/store/carts/${cart.body.id}/shipping-options`);
    expect((await callJson(url(n), 'POST', `/store/carts/${cart.body.id}/shipping-method`, { option_id: options.body.data[0].id })).status).toBe(200);
    return cart.body.id as string;
  }));
  // Eight buyers are paying when the race begins (their units held); the others start paying with it.
  for (const [n, cart] of carts.slice(0, 8).entries()) {
    expect((await callJson(url(n), 'POST', `/store/carts/${cart}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } })).status).toBe(200);
  }
  const decrement = { variant_id: variant.id, location_id: selling.warehouse.id, delta: -1, reason: 'damaged' };
  const [admin, buyers] = await Promise.all([
    Promise.all(Array.from({ length: 20 }, (_, n) => staff[n % staff.length].call('POST', '/admin/inventory/adjustments', decrement))),
    Promise.all(carts.map((cart, n) => checkout(url(n + 1), cart, n < 8))),
  ]);
  const adminWins = admin.filter((r) => r.status === 201).length;
  const placed = buyers.filter((r) => r.step === 'complete' && r.status === 201).length;
  for (const r of admin.filter((r) => r.status !== 201)) expect([r.status, r.body.error.code]).toEqual([409, 'inventory_would_go_negative']);
  for (const r of buyers.filter((r) => !(r.step === 'complete' && r.status === 201))) expect(r, JSON.stringify(r)).toMatchObject({ status: 409, code: 'insufficient_inventory' });
  // The held units were never staff's to take.
  expect(buyers.slice(0, 8).map((r) => r.status)).toEqual(Array(8).fill(201));
  expect(adminWins + placed).toBe(stock);
  expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ on_hand: stock - adminWins, committed: placed, reserved: 0, available: 0 });
  // Every unit accounted for: one movement per staff decrement, one order line per buyer who got one.
  const damaged = await staff[0].ok('GET', `/admin/inventory/movements?variant_id=${variant.id}&reason=damaged&limit=100`);
  expect(damaged.data).toHaveLength(adminWins);
  const lines = await shop.db.selectFrom('order_line_item').select('quantity').where('variant_id', '=', variant.id).execute();
  expect(lines.map((l) => l.quantity)).toEqual(Array(placed).fill(1));
}, 120_000);

test('a catalog change through one process reaches every process\'s cache', async () => {
  const { product } = await createStockedProduct(shop, { usd: 900, stock: 3, locationId: selling.warehouse.id, title: 'Cached Vase' });
  const titles = () => Promise.all(urls.map(async (url) => (await (await fetch(`${url}/store/products/${product.handle}`)).json() as any).title));
  expect(await titles()).toEqual(urls.map(() => 'Cached Vase')); // now cached in each process
  await staff[0].ok('POST', `/admin/products/${product.id}`, { title: 'Renamed Vase' });
  await waitFor(async () => (await titles()).every((t) => t === 'Renamed Vase'), 10_000, 'every process to show the new title');
}, 60_000);
