import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { decrypt, emailHash, isEncrypted, keyIdOf, useDataKeys } from '../../src/crypto/data-encryption.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/app.ts';
import { createAdminUser } from '../../src/modules/users/admin-users.ts';
import { codeFromEmail, placeOrder, signUp } from '../helpers/customers.ts';
import { runCli } from '../helpers/processes.ts';
import { createStockedProduct, setUpSelling } from '../helpers/selling.ts';
import { createTestDatabase, onServer, type TestDatabase } from '../helpers/test-database.ts';
import { ADMIN, requester, type TestShop } from '../helpers/test-shop.ts';

/**
 * `cartwright rotate-key`: with CARTWRIGHT_DATA_KEY = "k2:<new>,k1:<old>", every encrypted value is
 * rewritten under k2 and every blind index recomputed; afterwards k1 can go, and everything still
 * reads and signs in by email. While the new key is first but the rotation has not run, nothing breaks.
 */
const K1 = `k1:${randomBytes(32).toString('base64')}`;
const K2 = `k2:${randomBytes(32).toString('base64')}`;
const ROTATING = `${K2},${K1}`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-rotate-'));
let server: TestDatabase | undefined;
let handle: DatabaseHandle | undefined;
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
afterAll(async () => {
  await app?.close();
  if (server) await server.close();
  else await handle?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dataDir = path.join(dir, 'data');
const cliEnv = (): Record<string, string> => (onServer ? { DATABASE_URL: server!.url! } : { DATA_DIR: dataDir });

/** The database: the server's stays open; the embedded one is opened again after each release. */
async function openDb(): Promise<Db> {
  if (onServer) {
    server ??= await createTestDatabase();
    return server.handle.db;
  }
  handle = await openDatabase({ kind: 'embedded', dataDir });
  await migrateToLatest(handle.db);
  return handle.db;
}

/** Lets go of the database (the embedded one is locked by its one process) so the CLI can run. */
async function release() {
  await app?.close();
  app = undefined;
  if (!onServer) {
    await handle?.close();
    handle = undefined;
  }
}

/** A shop on `db` whose process holds `keys`, its owner signed in. */
async function shopOn(db: Db, keys: string): Promise<TestShop> {
  useDataKeys(keys);
  const config = { ...loadConfig({}), logLevel: 'silent' as const, dataKey: keys, secureCookies: false, rateLimitPerMinute: 1000 };
  app = await buildApp({ db, config });
  let adminToken = '';
  const request = requester(app, () => adminToken);
  if (!(await db.selectFrom('admin_user').select('id').executeTakeFirst())) await createAdminUser(db, ADMIN);
  adminToken = (await request<{ token: string }>('POST', '/admin/auth/login', { body: ADMIN, token: null })).body.token;
  return {
    app, db, config, adminToken, request, database: undefined as never,
    get: (url, options) => request('GET', url, options),
    post: (url, body, options) => request('POST', url, { ...options, body }),
    ok: async (method, url, body, status = 200) => {
      const res = await request(method, url, { body });
      expect(res.status, res.text).toBe(status);
      return res.body;
    },
    refused: () => { throw new Error('not used'); },
    close: release,
  };
}

/** Every encrypted value in the tables rotate-key covers: where it is, its key id, its plaintext. */
async function encryptedValues(db: Db) {
  const specs: [string, string[], string[]][] = [
    ['customer', ['email', 'first_name', 'last_name', 'phone'], []],
    ['customer_address', ['address'], []],
    ['cart', ['email'], ['shipping_address', 'billing_address']],
    ['orders', ['email'], ['shipping_address', 'billing_address']],
    ['email_message', ['recipient', 'text_body', 'html_body'], []],
    ['idempotency_key', ['response_body'], []],
    ['event_outbox', ['sealed'], []],
  ];
  const found: { where: string; keyId: string; plain: string }[] = [];
  for (const [table, text, json] of specs) {
    const rows = (await sql<Record<string, any>>`select * from ${sql.table(table)}`.execute(db)).rows;
    rows.forEach((row, i) => {
      for (const c of text) if (row[c] !== null) {
        expect(isEncrypted(row[c]), `${table}.${c} is encrypted`).toBe(true);
        found.push({ where: `${table}[${row.id ?? `${row.scope} ${row.key}`}].${c}`, keyId: keyIdOf(row[c]), plain: decrypt(row[c]) });
      }
      for (const c of json) if (row[c] !== null) found.push({ where: `${table}[${row.id ?? i}].${c}`, keyId: keyIdOf(row[c].enc), plain: decrypt(row[c].enc) });
    });
  }
  return found.sort((a, b) => a.where.localeCompare(b.where));
}

const counts = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').map((line) => {
  const [, table, n] = /^(\w+): (\d+) rows re-encrypted$/.exec(line)!;
  return [table, Number(n)];
}));

test('rotate-key re-encrypts everything under the new key; sign-in by email works before, during and after', { timeout: 180_000 }, async () => {
  let db = await openDb();
  // Before: a shop under k1 with a customer, an address book, an order (with an Idempotency-Key) and mail.
  let shop = await shopOn(db, K1);
  const selling = await setUpSelling(shop);
  const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 10, locationId: selling.warehouse.id });
  const customer = await signUp(shop, { email: 'Rotating.Customer@example.org', first_name: 'Rotating', last_name: 'Customer', phone: '+1 555 0142' });
  await shop.post('/store/customers/me/addresses', { address: { first_name: 'R', last_name: 'C', address_1: '12 Cipher St', city: 'Keyport', postal_code: '12345', country_code: 'US' } }, { token: customer.token });
  const order = await placeOrder(shop, { token: customer.token, email: customer.email, variantId: variant.id, idempotencyKey: 'rotate-checkout' });
  const guest = await placeOrder(shop, { token: null, email: 'guest.rotation@example.org', variantId: variant.id });
  await shop.post('/store/auth/password-reset', { email: customer.email });
  const before = await encryptedValues(db);
  expect(new Set(before.map((v) => v.keyId))).toEqual(new Set(['k1']));
  expect(before.length).toBeGreaterThan(12);
  const cartId = (await db.selectFrom('orders').select('cart_id').where('id', '=', order.id).executeTakeFirstOrThrow()).cart_id;
  await release();

  // During: the new key is first, the rotation has not run. Customers still sign in by email and an
  // email with an account still cannot register again; new values are written under k2.
  db = await openDb();
  shop = await shopOn(db, ROTATING);
  expect((await shop.post('/store/auth/login', { email: customer.email, password: customer.password })).status).toBe(200);
  const again = await shop.post('/store/customers', { email: customer.email.toLowerCase(), password: 'another pass 123', first_name: 'Dup', last_name: 'Licate' });
  expect(again.status).toBe(409);
  expect((await shop.ok('GET', `/admin/customers?email=${encodeURIComponent(customer.email)}`)).data.map((c: any) => c.id)).toEqual([customer.id]);
  const newcomer = await signUp(shop, { email: 'during.rotation@example.org' });
  const replay = await shop.request('POST', `/store/carts/${cartId}/complete`, { token: customer.token, headers: { 'idempotency-key': 'rotate-checkout' } });
  expect(replay.body).toEqual(order);
  await release();

  const rotated = await runCli(['rotate-key'], { ...cliEnv(), CARTWRIGHT_DATA_KEY: ROTATING });
  expect(rotated.stderr).toBe('');
  expect(rotated.code).toBe(0);
  const done = counts(rotated.stdout);
  expect(Object.keys(done)).toEqual(['customer', 'customer_address', 'cart', 'orders', 'email_message', 'idempotency_key', 'event_outbox']);
  expect(done).toMatchObject({ customer: 1, customer_address: 1, cart: 2, orders: 2, idempotency_key: 1, event_outbox: 2 });
  expect(done.email_message).toBeGreaterThanOrEqual(2);
  // Running it again finds nothing left to do.
  const rerun = await runCli(['rotate-key'], { ...cliEnv(), CARTWRIGHT_DATA_KEY: ROTATING });
  expect(rerun.code).toBe(0);
  expect(Object.values(counts(rerun.stdout))).toEqual([0, 0, 0, 0, 0, 0, 0]);

  // After: k1 is dropped. Every value carries k2 and reads back as it was.
  const reopened = await openDb();
  shop = await shopOn(reopened, K2);
  const after = await encryptedValues(reopened);
  expect(new Set(after.map((v) => v.keyId))).toEqual(new Set(['k2']));
  // Each value from before is where it was, with the same plaintext (the rest came during the window).
  const afterByPlace = new Map(after.map((v) => [v.where, v.plain]));
  for (const value of before) expect(afterByPlace.get(value.where), value.where).toBe(value.plain);
  expect(after.length).toBeGreaterThan(before.length);
  // The blind indexes are the new key's.
  const hashes = await reopened.selectFrom('customer').select(['id', 'email_hash']).orderBy('id').execute();
  expect(hashes).toEqual([{ id: customer.id, email_hash: emailHash(customer.email) }, { id: newcomer.id, email_hash: emailHash(newcomer.email) }].sort((a, b) => a.id.localeCompare(b.id)));
  expect((await reopened.selectFrom('orders').select('id').where('email_hash', '=', emailHash('guest.rotation@example.org')).execute()).map((r) => r.id)).toEqual([guest.id]);

  const login = await shop.post('/store/auth/login', { email: customer.email.toUpperCase(), password: customer.password });
  expect(login.status, login.text).toBe(200);
  expect(login.body.customer).toMatchObject({ id: customer.id, email: customer.email, first_name: 'Rotating', last_name: 'Customer', phone: '+1 555 0142' });
  expect((await shop.post('/store/auth/login', { email: newcomer.email, password: newcomer.password })).status).toBe(200);
  expect((await shop.get(`/store/orders/${order.id}`, { token: login.body.token })).body).toMatchObject({ email: customer.email, total: order.total });
  expect((await shop.get(`/store/orders/${guest.id}`, { headers: { 'x-order-token': guest.access_token } })).body.email).toBe('guest.rotation@example.org');
  expect((await shop.get('/store/customers/me/addresses', { token: login.body.token })).body.data[0].address.address_1).toBe('12 Cipher St');
  expect((await shop.ok('GET', `/admin/customers?email=${encodeURIComponent(customer.email)}`)).data.map((c: any) => c.id)).toEqual([customer.id]);
  expect((await shop.post('/store/customers', { email: customer.email, password: 'another pass 123', first_name: 'D', last_name: 'L' })).status).toBe(409);
  const replayAfter = await shop.request('POST', `/store/carts/${cartId}/complete`, { token: login.body.token, headers: { 'idempotency-key': 'rotate-checkout' } });
  expect(replayAfter.status).toBe(201);
  expect(replayAfter.body).toEqual(order);
  // A mailed code sent before the rotation still reads and works.
  const code = await codeFromEmail(shop, customer.email, 'password_reset');
  expect((await shop.post('/store/auth/password-reset/confirm', { token: code, password: 'rotated password 1' })).status).toBe(204);
  expect((await shop.post('/store/auth/login', { email: customer.email, password: 'rotated password 1' })).status).toBe(200);
});
