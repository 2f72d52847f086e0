import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { emailHash } from '../../src/crypto/data-encryption.ts';
import { codeFromEmail, placeOrder, signUp } from '../helpers/customers.ts';
import { createStockedProduct, setUpSelling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';

/**
 * Personal data at rest: after a customer registers, keeps an address book, orders, is edited by staff
 * and asks for a password reset, no table holds their email, names, phone or street in clear; emails
 * are found through their keyed hash.
 */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

const PERSON = { email: 'Zephyrine.Quillfeather@example.org', first_name: 'Zephyrine', last_name: 'Quillfeather', phone: '+1 (555) 013-9876' };
const BOOK_ADDRESS = { first_name: 'Zephyrine', last_name: 'Quillfeather', address_1: '17 Obsidianwharf Lane', address_2: 'Flat Gloamwick', city: 'Vellumbridge', postal_code: '90210', country_code: 'US', phone: '+1 (555) 013-9876' };
const ORDER_EMAIL = 'ottoline.brassvane@example.net';
const SHIPPING = { first_name: 'Ottoline', last_name: 'Brassvane', company: 'Thimbleworth Ltd', address_1: '88 Marzipan Causeway', city: 'Quorlington', postal_code: '30301', province: 'Nethermoor', country_code: 'US', phone: '+1 (555) 014-2233' };
const GUEST = { email: 'cressida.umberline@example.com', address: { first_name: 'Cressida', last_name: 'Umberline', address_1: '5 Larkspurrow Yard', city: 'Ashenfold', postal_code: '10001', country_code: 'US' } };

const DISTINCTIVE = [
  PERSON.email, 'Zephyrine', 'Quillfeather', 'Zephyrina', '013-9876', 'Obsidianwharf', 'Gloamwick', 'Vellumbridge',
  ORDER_EMAIL, 'Ottoline', 'Brassvane', 'Thimbleworth', 'Marzipan', 'Quorlington', 'Nethermoor', '014-2233',
  GUEST.email, 'Cressida', 'Umberline', 'Larkspurrow', 'Ashenfold',
];
const MUST_CHECK = ['customer', 'customer_address', 'cart', 'orders', 'email_message', 'event_outbox', 'payment', 'audit_log', 'idempotency_key'];

test('no table holds personal data in clear; emails are found by their keyed hash', async () => {
  const selling = await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 4200, stock: 10, locationId: selling.warehouse.id });
  const customer = await signUp(shop, PERSON);
  expect((await shop.post('/store/customers/me/addresses', { address: BOOK_ADDRESS, is_default_shipping: true }, { token: customer.token })).status).toBe(201);
  const order = await placeOrder(shop, { token: customer.token, email: ORDER_EMAIL, variantId: variant.id, address: SHIPPING, idempotencyKey: 'checkout-zq-1' });
  // The stored answer that an Idempotency-Key retry replays is the order, token and all.
  const replay = await shop.request('POST', `/store/carts/${(await shop.db.selectFrom('orders').select('cart_id').where('id', '=', order.id).executeTakeFirstOrThrow()).cart_id}/complete`, { token: customer.token, headers: { 'idempotency-key': 'checkout-zq-1' } });
  expect(replay.status).toBe(201);
  expect(replay.headers['idempotent-replayed']).toBe('true');
  expect(replay.body).toEqual(order);
  const guestOrder = await placeOrder(shop, { token: null, email: GUEST.email, variantId: variant.id, address: GUEST.address });
  // Staff edit the customer (the audit log records it), and a password reset is mailed.
  expect((await shop.request('POST', `/admin/customers/${customer.id}`, { body: { first_name: 'Zephyrina', phone: '+1 (555) 013-9876' } })).status).toBe(200);
  // (The audit entry is written just after the response: wait for it, so the scan below sees it.)
  await vi.waitFor(async () => expect((await shop.get(`/admin/audit-log?resource_id=${customer.id}`)).body.data).toHaveLength(1), { timeout: 5000, interval: 20 });
  expect((await shop.post('/store/auth/password-reset', { email: PERSON.email })).status).toBe(202);
  expect(await codeFromEmail(shop, PERSON.email, 'password_reset')).toMatch(/^pwr_/);

  // Through the API, everything reads back in clear.
  expect((await shop.get('/store/customers/me', { token: customer.token })).body).toMatchObject({ email: PERSON.email, first_name: 'Zephyrina', last_name: 'Quillfeather', phone: PERSON.phone });
  expect((await shop.get(`/store/orders/${order.id}`, { token: customer.token })).body).toMatchObject({ email: ORDER_EMAIL, shipping_address: SHIPPING });

  const tables = (await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(shop.db)).rows.map((r) => r.table_name);
  for (const table of MUST_CHECK) expect(tables).toContain(table);
  const leaks: string[] = [];
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(shop.db)).rows;
    const text = JSON.stringify(rows).toLowerCase();
    if (MUST_CHECK.includes(table)) expect(rows.length, `${table} has rows to check`).toBeGreaterThan(0);
    for (const needle of DISTINCTIVE) if (text.includes(needle.toLowerCase())) leaks.push(`${table}: ${needle}`);
  }
  expect(leaks).toEqual([]);
  expect(JSON.stringify(await shop.db.selectFrom('idempotency_key').selectAll().execute())).not.toContain(order.access_token);

  // Found again by the blind index, case aside; the stored values are ciphertext.
  const byHash = await shop.db.selectFrom('customer').select(['id', 'email', 'first_name', 'phone']).where('email_hash', '=', emailHash(PERSON.email.toLowerCase())).execute();
  expect(byHash.map((r) => r.id)).toEqual([customer.id]);
  for (const value of [byHash[0].email, byHash[0].first_name, byHash[0].phone]) expect(value).toMatch(/^enc:v1:test:[\w-]+$/);
  const ordersByHash = await shop.db.selectFrom('orders').select(['id', 'email', 'shipping_address']).where('email_hash', '=', emailHash(ORDER_EMAIL.toUpperCase())).execute();
  expect(ordersByHash.map((r) => r.id)).toEqual([order.id]);
  expect(ordersByHash[0].shipping_address).toEqual({ enc: expect.stringMatching(/^enc:v1:test:/) });
  expect((await shop.db.selectFrom('orders').select('id').where('email_hash', '=', emailHash(GUEST.email)).execute()).map((r) => r.id)).toEqual([guestOrder.id]);
  const carts = await shop.db.selectFrom('cart').select(['email', 'shipping_address']).where('email', 'is not', null).execute();
  expect(carts.length).toBe(2);
  for (const cart of carts) expect(cart.email).toMatch(/^enc:v1:test:/);
});
