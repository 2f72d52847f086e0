import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeFromEmail, logIn, placeOrder, signUp, type SignedUp } from '../helpers/customers.ts';
import { createStockedProduct, setUpSelling } from '../helpers/selling.ts';
import { ADMIN, startTestShop, type TestShop } from '../helpers/test-shop.ts';

/**
 * Tokens: expired, revoked, logged-out, tampered and other-realm tokens are refused, as bearer tokens
 * and as cookies. Customer tokens open nothing on the Admin API; admin tokens and API keys open no
 * customer account.
 */
let shop: TestShop;
let customer: SignedUp;
beforeAll(async () => {
  shop = await startTestShop();
  customer = await signUp(shop);
});
afterAll(async () => shop?.close());

const me = (token: string | null, headers: Record<string, string> = {}) => shop.get('/store/customers/me', { token, headers });
const expectCustomerRefused = async (token: string | null, headers: Record<string, string> = {}) => {
  const res = await me(token, headers);
  expect(res.status, `${token} ${JSON.stringify(headers)}`).toBe(401);
  expect(res.body).toEqual({ error: { code: 'customer_unauthorized', message: 'Sign in as a customer first.', details: {} } });
};
const expectAdminRefused = async (token: string | null, headers: Record<string, string> = {}) => {
  for (const url of ['/admin/products', '/admin/customers', '/admin/auth/session']) {
    const res = await shop.get(url, { token, headers });
    expect(res.status, `${url} ${token}`).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  }
};

/** One character changed, in the middle of the random part. */
const tamper = (token: string) => {
  const i = Math.floor(token.length / 2) + 2;
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
};

describe('customer sessions', () => {
  test('a live token works as a bearer token and as the cookie', async () => {
    expect((await me(customer.token)).status).toBe(200);
    expect((await me(null, { cookie: `cw_customer=${customer.token}` })).status).toBe(200);
  });

  test('tampered, truncated, extended and made-up tokens are refused', async () => {
    for (const token of [tamper(customer.token), customer.token.slice(0, -1), `${customer.token}A`, customer.token.toUpperCase(), 'cws_', `cws_${'A'.repeat(43)}`, customer.token.replace('cws_', 'cwa_'), customer.token.slice(4)]) {
      await expectCustomerRefused(token);
      await expectCustomerRefused(null, { cookie: `cw_customer=${token}` });
    }
    await expectCustomerRefused(null, { authorization: `Basic ${Buffer.from(`${customer.email}:${customer.password}`).toString('base64')}` });
    await expectCustomerRefused(null, { authorization: `Bearer ${'x'.repeat(5000)}` });
    await expectCustomerRefused(null, { authorization: 'Bearer' });
  });

  test('an expired session is refused', async () => {
    const { token } = (await logIn(shop, customer.email, customer.password)).body;
    expect((await me(token)).status).toBe(200);
    await shop.db.updateTable('customer_session').set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', shop.db.selectFrom('customer_session').select('id').where('customer_id', '=', customer.id).orderBy('created_at', 'desc').limit(1))
      .execute();
    await expectCustomerRefused(token);
    await expectCustomerRefused(null, { cookie: `cw_customer=${token}` });
    expect((await me(customer.token)).status).toBe(200);
  });

  test('a logged-out session and a revoked one (logout-all, password reset) are refused', async () => {
    const other = await signUp(shop);
    const loggedOut = (await logIn(shop, other.email, other.password)).body.token;
    expect((await shop.post('/store/auth/logout', undefined, { token: loggedOut })).status).toBe(204);
    await expectCustomerRefused(loggedOut);

    const beforeAll = (await logIn(shop, other.email, other.password)).body.token;
    await shop.post('/store/auth/logout-all', undefined, { token: beforeAll });
    await expectCustomerRefused(beforeAll);
    await expectCustomerRefused(other.token);

    const beforeReset = (await logIn(shop, other.email, other.password)).body.token;
    await shop.post('/store/auth/password-reset', { email: other.email });
    const code = await codeFromEmail(shop, other.email, 'password_reset');
    expect((await shop.post('/store/auth/password-reset/confirm', { token: code, password: 'entirely new secret 5' })).status).toBe(204);
    await expectCustomerRefused(beforeReset);
    // Codes from emails are not session tokens either.
    await expectCustomerRefused(code);
    await expectCustomerRefused(await codeFromEmail(shop, other.email, 'email_verification'));
  });

  test('the session of an anonymized customer is refused', async () => {
    const gone = await signUp(shop);
    expect((await shop.request('POST', `/admin/customers/${gone.id}/anonymize`)).status).toBe(204);
    await expectCustomerRefused(gone.token);
  });

  test('sessions are stored only as hashes', async () => {
    const rows = await shop.db.selectFrom('customer_session').select('token_hash').execute();
    expect(rows.length).toBeGreaterThan(3);
    expect(JSON.stringify(rows)).not.toContain(customer.token.slice(4));
  });
});

describe('realms do not mix', () => {
  test('a customer token (bearer or cookie) opens nothing on the Admin API', async () => {
    await expectAdminRefused(customer.token);
    await expectAdminRefused(null, { cookie: `cw_customer=${customer.token}` });
    await expectAdminRefused(null, { cookie: `cw_admin=${customer.token}` });
  });

  test('an admin session token or API key opens no customer account', async () => {
    const key = (await shop.post('/admin/api-keys', { name: 'All customers', permissions: ['customers:read', 'customers:write'] })).body.token;
    for (const token of [shop.adminToken, key]) {
      await expectCustomerRefused(token);
      await expectCustomerRefused(null, { cookie: `cw_customer=${token}` });
      const res = await shop.get('/store/orders', { token });
      expect(res.status).toBe(401);
    }
  });

  test('an order access token is not a session on either side', async () => {
    const selling = await setUpSelling(shop);
    const { variant } = await createStockedProduct(shop, { usd: 100, stock: 5, locationId: selling.warehouse.id });
    const order = await placeOrder(shop, { token: null, email: customer.email, variantId: variant.id });
    expect(order.access_token).toMatch(/^ordt_/);
    await expectCustomerRefused(order.access_token);
    await expectCustomerRefused(null, { cookie: `cw_customer=${order.access_token}` });
    await expectAdminRefused(order.access_token);
  });
});

describe('admin sessions and API keys', () => {
  test('tampered, revoked and expired admin credentials are refused', async () => {
    const { token } = (await shop.post('/admin/auth/login', ADMIN, { token: null })).body;
    for (const fake of [tamper(token), token.slice(0, -1), `${token}A`, token.replace('cwa_', 'ck_'), token.replace('cwa_', 'cws_')]) await expectAdminRefused(fake);
    expect((await shop.post('/admin/auth/logout', undefined, { token })).status).toBe(204);
    await expectAdminRefused(token);

    const key = (await shop.post('/admin/api-keys', { name: 'Temp', permissions: ['products:read'] })).body;
    await expectAdminRefused(tamper(key.token));
    await shop.post(`/admin/api-keys/${key.id}/revoke`);
    for (const url of ['/admin/products', '/admin/auth/session']) expect((await shop.get(url, { token: key.token })).status).toBe(401);

    const expiring = (await shop.post('/admin/auth/login', ADMIN, { token: null })).body.token;
    await shop.db.updateTable('admin_session').set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', shop.db.selectFrom('admin_session').select('id').orderBy('created_at', 'desc').limit(1)).execute();
    await expectAdminRefused(expiring);
  });

  test('a staff member removed is refused at once, with every session', async () => {
    const user = (await shop.post('/admin/users', { email: 'leaver@staff.test', password: 'leaver password 1', role: 'admin' })).body;
    const token = (await shop.post('/admin/auth/login', { email: 'leaver@staff.test', password: 'leaver password 1' }, { token: null })).body.token;
    expect((await shop.get('/admin/products', { token })).status).toBe(200);
    expect((await shop.request('DELETE', `/admin/users/${user.id}`)).status).toBe(204);
    await expectAdminRefused(token);
  });
});
