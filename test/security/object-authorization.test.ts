import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder, signUp, type SignedUp } from '../helpers/customers.ts';
import { CARDS, createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { countOrdersIntoScores } from '../../src/modules/insights/recommendation-scores.ts';

/**
 * Broken object-level authorization: with the id of customer A's cart, order or address, customer B
 * (or someone not signed in) gets a 404, exactly as for an id that does not exist, on every route that
 * takes one; and A's data is as it was.
 */
let shop: TestShop;
let selling: Selling;
let variantId: string;
let a: SignedUp;
let b: SignedUp;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  variantId = (await createStockedProduct(shop, { usd: 1500, stock: 100, locationId: selling.warehouse.id })).variant.id;
  a = await signUp(shop, { first_name: 'Alice' });
  b = await signUp(shop, { first_name: 'Bob' });
});
afterAll(async () => shop?.close());

const attackers = () => [{ name: 'customer B', token: b.token }, { name: 'no one signed in', token: null }];

async function storeOperations(prefix: string): Promise<{ method: string; path: string }[]> {
  const spec = (await shop.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
}

/** A's cart with a line, an address and a shipping method; returns it as A sees it. */
async function cartOfA() {
  const step = async (method: string, url: string, body?: unknown, status = 200) => {
    const res = await shop.request(method, url, { token: a.token, body });
    expect(res.status, `${method} ${url}: ${res.text}`).toBe(status);
    return res.body;
  };
  const cart = await step('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await step('POST', `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 2 });
  await step('POST', `/store/carts/${cart.id}`, { email: a.email, shipping_address: { first_name: 'Alice', last_name: 'A', address_1: '1 Private Rd', city: 'Springfield', postal_code: '12345', country_code: 'US' } });
  await step('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: selling.usStandard.id });
  return step('GET', `/store/carts/${cart.id}`);
}

describe('carts', () => {
  test('every cart route refuses another customer’s cart with 404 cart_not_found, and changes nothing', async () => {
    const cart = await cartOfA();
    const lineId = cart.items[0].id;
    const bodies: Record<string, unknown> = {
      'GET /store/carts/{id}': undefined,
      'POST /store/carts/{id}': { email: 'attacker@evil.test' },
      'POST /store/carts/{id}/line-items': { variant_id: variantId, quantity: 1 },
      'PATCH /store/carts/{id}/line-items/{line_id}': { quantity: 9 },
      'DELETE /store/carts/{id}/line-items/{line_id}': undefined,
      'GET /store/carts/{id}/shipping-options': undefined,
      'POST /store/carts/{id}/shipping-method': { option_id: selling.usStandard.id },
      'POST /store/carts/{id}/payment': { provider_id: 'test_card', data: { card_number: CARDS.ok } },
      'POST /store/carts/{id}/complete': undefined,
      'POST /store/carts/{id}/promotions': { code: 'SAVE10' },
      'DELETE /store/carts/{id}/promotions/{code}': undefined,
      'POST /store/carts/{id}/gift-cards': { code: 'SAVE-1234' },
      'DELETE /store/carts/{id}/gift-cards/{code}': undefined,
      'POST /store/carts/{id}/store-credit': { amount: 100 },
      'DELETE /store/carts/{id}/store-credit': undefined,
    };
    const operations = await storeOperations('/store/carts/{id}');
    // A new cart route must be added here (and so be checked).
    expect(operations.map((op) => `${op.method} ${op.path}`).sort()).toEqual(Object.keys(bodies).sort());
    for (const attacker of attackers()) {
      for (const { method, path } of operations) {
        const url = path.replace('{id}', cart.id).replace('{line_id}', lineId).replace('{code}', 'SAVE10');
        for (const headers of [{}, { 'idempotency-key': `attack-${method}-${path}` }] as Record<string, string>[]) {
          const res = await shop.request(method, url, { token: attacker.token, body: bodies[`${method} ${path}`], headers });
          expect(res.status, `${attacker.name}: ${method} ${path}: ${res.text}`).toBe(404);
          expect(res.body.error).toEqual({ code: 'cart_not_found', message: 'No cart with this id.', details: { id: cart.id } });
        }
      }
    }
    // As A left it, and A can still check out.
    expect((await shop.get(`/store/carts/${cart.id}`, { token: a.token })).body).toEqual(cart);
    expect((await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } }, { token: a.token })).status).toBe(200);
    const placed = await shop.request('POST', `/store/carts/${cart.id}/complete`, { token: a.token });
    expect(placed.status, placed.text).toBe(201);
    expect(placed.body).toMatchObject({ email: a.email, items: [expect.objectContaining({ quantity: 2 })] });
  });

  test('an Idempotency-Key A used does not replay A’s answer to anyone else', async () => {
    const cart = await cartOfA();
    await shop.post(`/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } }, { token: a.token });
    const placed = await shop.request('POST', `/store/carts/${cart.id}/complete`, { token: a.token, headers: { 'idempotency-key': 'alice-checkout-1' } });
    expect(placed.status).toBe(201);
    for (const attacker of attackers()) {
      const res = await shop.request('POST', `/store/carts/${cart.id}/complete`, { token: attacker.token, headers: { 'idempotency-key': 'alice-checkout-1' } });
      expect(res.status, `${attacker.name}: ${res.text}`).toBe(404);
      expect(res.text).not.toContain(placed.body.access_token);
    }
    // A's own retry still replays.
    const retry = await shop.request('POST', `/store/carts/${cart.id}/complete`, { token: a.token, headers: { 'idempotency-key': 'alice-checkout-1' } });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(placed.body.id);

    // Creating a cart: A's key gives others a cart of their own, never A's.
    const mine = await shop.request('POST', '/store/carts', { token: a.token, body: { email: a.email }, headers: { 'idempotency-key': 'alice-new-cart' } });
    expect(mine.status).toBe(201);
    for (const attacker of attackers()) {
      const theirs = await shop.request('POST', '/store/carts', { token: attacker.token, body: { email: a.email }, headers: { 'idempotency-key': 'alice-new-cart' } });
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
    }
  });

  test('a cart cannot be given an owner through its body', async () => {
    const res = await shop.post('/store/carts', { currency_code: 'USD', customer_id: a.id }, { token: b.token });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('body.customer_id');
    const cart = (await shop.post('/store/carts', { currency_code: 'USD' }, { token: b.token })).body;
    const update = await shop.post(`/store/carts/${cart.id}`, { customer_id: a.id }, { token: b.token });
    expect(update.status).toBe(400);
    expect((await shop.get(`/store/carts/${cart.id}`, { token: a.token })).status).toBe(404);
  });
});

describe('orders', () => {
  test('another customer’s order is 404 on every order route; the owner and the order token get it', async () => {
    const order = await placeOrder(shop, { token: a.token, email: a.email, variantId });
    const bodies: Record<string, unknown> = {
      'GET /store/orders/{id}': undefined,
      'GET /store/orders/{id}/returns': undefined,
      'POST /store/orders/{id}/returns': { lines: [{ line_item_id: order.items[0].id, quantity: 1 }] },
    };
    const operations = await storeOperations('/store/orders/{id}');
    expect(operations.map((op) => `${op.method} ${op.path}`).sort()).toEqual(Object.keys(bodies).sort());
    const forged: Record<string, string>[] = [{}, { 'x-order-token': 'not-the-token' }, { 'x-order-token': order.access_token.slice(0, -1) }];
    for (const attacker of attackers()) {
      for (const { method, path } of operations) {
        for (const headers of forged) {
          const res = await shop.request(method, path.replace('{id}', order.id), { token: attacker.token, body: bodies[`${method} ${path}`], headers });
          expect(res.status, `${attacker.name}: ${method} ${path} ${JSON.stringify(headers)}`).toBe(404);
          expect(res.body.error).toMatchObject({ code: 'order_not_found', details: { id: order.id } });
        }
      }
    }
    expect((await shop.get(`/store/orders/${order.id}`, { token: a.token })).body).toMatchObject({ id: order.id, email: a.email });
    expect((await shop.get(`/store/orders/${order.id}`, { headers: { 'x-order-token': order.access_token } })).status).toBe(200);
    expect((await shop.get(`/store/orders/${order.id}/returns`, { token: a.token })).body).toEqual({ data: [] });
    expect((await shop.get('/store/orders', { token: b.token })).body.data.map((o: any) => o.id)).not.toContain(order.id);
    // An unknown order answers the same.
    const unknown = await shop.get('/store/orders/ord_00000000000000000000000000', { token: b.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('order_not_found');
  });
});

describe('the address book and profile', () => {
  test('another customer’s address is 404 address_not_found, and stays as it was', async () => {
    const entry = (await shop.post('/store/customers/me/addresses', {
      address: { first_name: 'Alice', last_name: 'A', address_1: '9 Secret Way', city: 'Springfield', postal_code: '12345', country_code: 'US' }, is_default_shipping: true,
    }, { token: a.token })).body;
    const cases: [string, unknown][] = [['PATCH', { address: { first_name: 'B', last_name: 'B', address_1: 'Evil St', city: 'X', postal_code: '1', country_code: 'US' } }], ['PATCH', { is_default_billing: true }], ['DELETE', undefined]];
    for (const [method, body] of cases) {
      const res = await shop.request(method, `/store/customers/me/addresses/${entry.id}`, { token: b.token, body });
      expect(res.status, `${method} ${res.text}`).toBe(404);
      expect(res.body.error).toEqual({ code: 'address_not_found', message: 'No address with this id in your address book.', details: { id: entry.id } });
      const anonymous = await shop.request(method, `/store/customers/me/addresses/${entry.id}`, { token: null, body });
      expect(anonymous.status).toBe(401);
    }
    expect((await shop.get('/store/customers/me/addresses', { token: a.token })).body.data).toEqual([entry]);
    expect((await shop.get('/store/customers/me/addresses', { token: b.token })).body.data).toEqual([]);
  });

  test('a profile is only ever the caller’s own: ids in the body are refused', async () => {
    for (const body of [{ id: a.id, first_name: 'Mallory' }, { customer_id: a.id, first_name: 'Mallory' }]) {
      const res = await shop.request('PATCH', '/store/customers/me', { token: b.token, body });
      expect(res.status).toBe(400);
    }
    expect((await shop.get('/store/customers/me', { token: a.token })).body.first_name).toBe('Alice');
    expect((await shop.get('/store/customers/me', { token: b.token })).body).toMatchObject({ id: b.id, first_name: 'Bob' });
    // The profile route takes no id: another customer's id in the path is no route at all.
    expect((await shop.get(`/store/customers/${a.id}`, { token: b.token })).status).toBe(404);
  });
});

describe('lot provenance', () => {
  test('a lot whose product keeps provenance private is 404 exactly like a lot that does not exist, to anyone; a public one tells no customer, order or cost', async () => {
    const { product, variant } = await createStockedProduct(shop, { usd: 1500 });
    const supplier = await shop.ok('POST', '/admin/suppliers', { name: 'Orchard' }, 201);
    const po = await shop.ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: variant.id, quantity: 2, unit_cost: 700 }],
    }, 201);
    await shop.ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
    const [lotId] = (await shop.ok('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 2, lot_number: 'P-1' }] }, 201)).lot_ids;
    const unknown = 'lot_01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const answers = async (id: string) => Promise.all([a.token, null].map(async (token) => {
      const res = await shop.get(`/store/provenance/${id}`, { token });
      return [res.status, res.body.error?.code, Object.keys(res.body.error?.details ?? {})];
    }));
    expect(await answers(lotId)).toEqual(await answers(unknown));
    expect((await answers(unknown))[0]).toEqual([404, 'lot_not_found', ['id']]);

    await shop.ok('POST', `/admin/products/${product.id}/lot-settings`, { public_provenance: true });
    const journey = await shop.get(`/store/provenance/${lotId}`, { token: null });
    expect(journey.status).toBe(200);
    expect(Object.keys(journey.body).sort()).toEqual(['expires_at', 'lot_id', 'lot_number', 'product_id', 'product_title', 'proof', 'quantity_on_hand',
      'quantity_received', 'quantity_shipped', 'received_at', 'supplier', 'variant_title']);
    expect(journey.body.supplier).toEqual({ name: 'Orchard' });
    // Unpublishing the product hides its lots again.
    await shop.ok('POST', `/admin/products/${product.id}`, { status: 'draft' });
    expect((await shop.get(`/store/provenance/${lotId}`, { token: null })).status).toBe(404);
  });
});

describe('recommendations', () => {
  test('a customer\'s are built from their own purchases only; no one else\'s can be asked for', async () => {
    const bought = await createStockedProduct(shop, { usd: 900, stock: 10, locationId: selling.warehouse.id });
    const order = await placeOrder(shop, { token: a.token, email: a.email, variantId: bought.variant.id });
    await countOrdersIntoScores(shop.db, [order.id]);
    const mine = await shop.get('/store/customers/me/recommendations', { token: a.token });
    expect(mine.status, mine.text).toBe(200);
    // A has it: never recommended to her. B has bought nothing: A's purchase is not his history.
    expect(mine.body.data.map((p: any) => p.id)).not.toContain(bought.product.id);
    const theirs = await shop.get('/store/customers/me/recommendations', { token: b.token });
    expect(theirs.body.data.map((p: any) => p.id)).toContain(bought.product.id);
    for (const query of [`customer_id=${a.id}`, `id=${a.id}`]) {
      expect((await shop.get(`/store/customers/me/recommendations?${query}`, { token: b.token })).status).toBe(400);
    }
    expect((await shop.get(`/store/customers/${a.id}/recommendations`, { token: b.token })).status).toBe(404);
    expect((await shop.get('/store/customers/me/recommendations', { token: null })).status).toBe(401);
  });
});
