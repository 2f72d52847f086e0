import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServerProcess, type ServerProcess } from './helpers/processes.ts';
import { ADDRESS_US, CARDS, createStockedProduct, level, setUpSelling } from './helpers/selling.ts';
import { onServer } from './helpers/test-database.ts';
import { startTestShop, type TestShop } from './helpers/test-shop.ts';

/**
 * The flash sale: 50 units, 200 buyers completing at once over real HTTP. Exactly 50 orders, never a
 * negative count. On the embedded database one process serves them; on PostgreSQL three server
 * processes share the database, so nothing can rely on one process's memory.
 */
const STOCK = 50;
const BUYERS = 200;

let shop: TestShop;
let servers: ServerProcess[] = [];
let urls: string[] = [];

beforeAll(async () => {
  shop = await startTestShop();
  if (onServer) {
    servers = await Promise.all([1, 2, 3].map(() => startServerProcess({ DATABASE_URL: shop.database.url!, SEED_DEMO: 'false', SWEEP_INTERVAL_MS: '0' })));
    urls = servers.map((s) => s.url);
  } else {
    urls = [await shop.app.listen({ port: 0, host: '127.0.0.1' })];
  }
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await shop?.close();
});

async function call(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json() as any };
}

/** One buyer's whole checkout; returns the status of the step that ended it. */
async function buyer(url: string, variantId: string, n: number): Promise<{ step: string; status: number; code?: string }> {
  const steps: [string, string, string, (cart: string) => unknown][] = [
    ['line', 'POST', '/line-items', () => ({ variant_id: variantId, quantity: 1 })],
    ['address', 'POST', '', () => ({ email: `buyer${n}@example.com`, shipping_address: ADDRESS_US })],
  ];
  const cart = await call(url, 'POST', '/store/carts', { currency_code: 'USD' });
  if (cart.status !== 201) return { step: 'cart', status: cart.status, code: cart.body.error?.code };
  const id = cart.body.id;
  for (const [step, method, path, body] of steps) {
    const res = await call(url, method, `/store/carts/${id}${path}`, body(id));
    if (res.status !== 200) return { step, status: res.status, code: res.body.error?.code };
  }
  const options = await call(url, 'GET', `/store/carts/${id}/shipping-options`);
  const method = await call(url, 'POST', `/store/carts/${id}/shipping-method`, { option_id: options.body.data[0].id });
  if (method.status !== 200) return { step: 'shipping', status: method.status };
  const payment = await call(url, 'POST', `/store/carts/${id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
  if (payment.status !== 200) return { step: 'payment', status: payment.status, code: payment.body.error?.code };
  const done = await call(url, 'POST', `/store/carts/${id}/complete`);
  return { step: 'complete', status: done.status, code: done.body.error?.code };
}

test(`${BUYERS} buyers, ${STOCK} units: exactly ${STOCK} orders, committed ${STOCK}, available 0`, async () => {
  const selling = await setUpSelling(shop);
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
