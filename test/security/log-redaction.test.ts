import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp, logOptions } from '../../src/http/app.ts';
import { createAdminUser } from '../../src/modules/users/admin-users.ts';
import { CARDS } from '../helpers/selling.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { ADMIN, requester, TEST_DATA_KEY } from '../helpers/test-shop.ts';

/**
 * Logs: credentials, tokens, card numbers and personal data sent to the API never reach a log line,
 * with the app's own logger settings (logOptions) writing to a stream the test reads.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
const lines: string[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  const config = { ...loadConfig({}), logLevel: 'trace' as const, dataKey: TEST_DATA_KEY, secureCookies: false, rateLimitPerMinute: 1000 };
  const logger = pino(logOptions(config.logLevel), { write: (line: string) => lines.push(line) });
  app = await buildApp({ db: database.handle.db, config, logger });
  await createAdminUser(database.handle.db, ADMIN);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const SECRETS = {
  password: 'Hunter2-Correct-Horse-77',
  email: 'Secret.Shopper.Person@example.org',
  first_name: 'Leocadia',
  last_name: 'Vantablack',
  phone: '+1 (555) 019-7755',
  street: '4 Hushhush Mews',
  card: CARDS.ok,
};

test('no secret or personal value reaches the logs', async () => {
  const request = requester(app, () => null);
  const register = await request('POST', '/store/customers', { body: { email: SECRETS.email, password: SECRETS.password, first_name: SECRETS.first_name, last_name: SECRETS.last_name, phone: SECRETS.phone } });
  expect(register.status, register.text).toBe(201);
  const token = (register.body as any).token as string;
  const login = await request('POST', '/store/auth/login', { body: { email: SECRETS.email, password: SECRETS.password } });
  expect(login.status).toBe(200);
  await request('POST', '/store/auth/login', { body: { email: SECRETS.email, password: `${SECRETS.password}-wrong` } });
  await request('GET', '/store/customers/me', { token });
  await request('GET', '/store/customers/me', { token: null, headers: { cookie: `cw_customer=${token}` } });
  await request('POST', '/store/customers/me/addresses', { token, body: { address: { first_name: SECRETS.first_name, last_name: SECRETS.last_name, address_1: SECRETS.street, city: 'Springfield', postal_code: '12345', country_code: 'US', phone: SECRETS.phone } } });
  // Bad input echoing personal data back (an invalid field beside valid ones).
  await request('POST', '/store/customers', { body: { email: SECRETS.email, password: SECRETS.password, first_name: SECRETS.first_name, last_name: SECRETS.last_name, phone: 'call me' } });
  await request('POST', '/store/auth/password-reset', { body: { email: SECRETS.email } });

  const admin = await request('POST', '/admin/auth/login', { token: null, body: ADMIN });
  expect(admin.status).toBe(200);
  const adminToken = (admin.body as any).token as string;
  const csrf = (admin.body as any).csrf_token as string | undefined;
  await request('GET', `/admin/customers?email=${encodeURIComponent(SECRETS.email)}`, { token: adminToken });
  const key = await request('POST', '/admin/api-keys', { token: adminToken, body: { name: 'logged?', permissions: ['customers:read'] } });
  const apiKey = (key.body as any).token as string;
  await request('GET', `/admin/customers?email=${encodeURIComponent(SECRETS.email)}&limit=5`, { token: apiKey });
  await request('GET', '/admin/customers', { token: null, headers: { cookie: `cw_admin=${adminToken}`, ...(csrf ? { 'x-csrf-token': csrf } : {}) } });
  // A card number at checkout (the cart does not exist: refused, but the body was sent all the same).
  await request('POST', '/store/carts/cart_00000000000000000000000000/payment', { body: { provider_id: 'test_card', data: { card_number: SECRETS.card } } });
  await request('GET', '/store/orders/ord_00000000000000000000000000', { headers: { 'x-order-token': 'ordt_SecretOrderToken123' } });

  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(20);
  // The logs do record the requests (with their ids) — just not what must stay private.
  expect(log).toContain('"url":"/store/customers"');
  expect(log).toContain('"url":"/admin/customers?email=[redacted]&limit=5"');
  const leaked = Object.entries({ ...SECRETS, email_lower: SECRETS.email.toLowerCase(), token, adminToken, apiKey, order_token: 'ordt_SecretOrderToken123', ...(csrf ? { csrf } : {}) })
    .filter(([, value]) => log.includes(value) || log.includes(encodeURIComponent(value)))
    .map(([name]) => name);
  expect(leaked).toEqual([]);
});
