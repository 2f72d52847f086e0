import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN, startTestShop, type TestShop } from '../helpers/test-shop.ts';

/**
 * CSRF: the admin app's session travels in the `cw_admin` cookie (SameSite=Strict), and a write made
 * with that cookie must carry the X-CSRF-Token returned at sign-in. Bearer tokens and API keys need none.
 */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

async function browserLogin() {
  const res = await shop.post('/admin/auth/login', ADMIN, { token: null });
  expect(res.status).toBe(200);
  expect(res.body.csrf_token).toMatch(/^[\w-]{43}$/);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  expect(cookie).toBe(`cw_admin=${res.body.token}`);
  return { cookie, csrf: res.body.csrf_token as string, token: res.body.token as string };
}
const groups = async () => (await shop.ok('GET', '/admin/customer-groups')).data.map((g: any) => g.name);

describe('cookie-authenticated admin writes', () => {
  test('without X-CSRF-Token: 403 csrf_failed and nothing written; with it: done', async () => {
    const { cookie, csrf } = await browserLogin();
    const write = (name: string, headers: Record<string, string>) => shop.request('POST', '/admin/customer-groups', { token: null, body: { name }, headers: { cookie, ...headers } });

    const missing = await write('Forged', {});
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual({ error: { code: 'csrf_failed', message: 'A cookie-authenticated write needs the X-CSRF-Token header from sign-in.', details: {} } });
    for (const wrong of ['', 'nope', csrf.slice(0, -1), csrf.toUpperCase(), `${csrf}x`]) {
      const res = await write('Forged', { 'x-csrf-token': wrong });
      expect(res.status, wrong).toBe(403);
      expect(res.body.error.code).toBe('csrf_failed');
    }
    expect(await groups()).not.toContain('Forged');

    const ok = await write('Browser made', { 'x-csrf-token': csrf });
    expect(ok.status, ok.text).toBe(201);
    expect(await groups()).toContain('Browser made');
    // Other writing methods too.
    const del = await shop.request('DELETE', `/admin/customer-groups/${ok.body.id}`, { token: null, headers: { cookie } });
    expect(del.status).toBe(403);
    expect((await shop.request('DELETE', `/admin/customer-groups/${ok.body.id}`, { token: null, headers: { cookie, 'x-csrf-token': csrf } })).status).toBe(204);
  });

  test('reads need no token; another session’s token does not fit', async () => {
    const one = await browserLogin();
    const two = await browserLogin();
    expect((await shop.get('/admin/customer-groups', { token: null, headers: { cookie: one.cookie } })).status).toBe(200);
    const crossed = await shop.request('POST', '/admin/customer-groups', { token: null, body: { name: 'Crossed' }, headers: { cookie: one.cookie, 'x-csrf-token': two.csrf } });
    expect(crossed.status).toBe(403);
    expect(crossed.body.error.code).toBe('csrf_failed');
  });

  test('bearer tokens and API keys need no CSRF token (a page of another site cannot send them)', async () => {
    const { token, cookie } = await browserLogin();
    expect((await shop.post('/admin/customer-groups', { name: 'By bearer' }, { token })).status).toBe(201);
    // Bearer and cookie both sent: the bearer token is what authenticates.
    expect((await shop.post('/admin/customer-groups', { name: 'Bearer and cookie' }, { token, headers: { cookie } })).status).toBe(201);
    const key = (await shop.post('/admin/api-keys', { name: 'Writer', permissions: ['customers:write'] })).body.token;
    expect((await shop.post('/admin/customer-groups', { name: 'By key' }, { token: key })).status).toBe(201);
  });

  test('the session read through the cookie gives the CSRF token back (the app reloads without it); a bearer read gets null', async () => {
    const { cookie, csrf, token } = await browserLogin();
    const byCookie = await shop.get('/admin/auth/session', { token: null, headers: { cookie } });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.csrf_token).toBe(csrf);
    expect(byCookie.body.user.email).toBe(ADMIN.email);
    expect((await shop.get('/admin/auth/session', { token })).body.csrf_token).toBeNull();
  });

  test('logout through the cookie needs the token too; then the cookie is refused', async () => {
    const { cookie, csrf } = await browserLogin();
    expect((await shop.post('/admin/auth/logout', undefined, { token: null, headers: { cookie } })).status).toBe(403);
    expect((await shop.get('/admin/auth/session', { token: null, headers: { cookie } })).status).toBe(200);
    const out = await shop.post('/admin/auth/logout', undefined, { token: null, headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^cw_admin=; Max-Age=0; Path=\/admin/);
    expect((await shop.get('/admin/auth/session', { token: null, headers: { cookie } })).status).toBe(401);
  });

  test('a customer cookie opens nothing on the Admin API', async () => {
    const customer = await shop.post('/store/customers', { email: 'csrf@customers.test', password: 'customer secret 1', first_name: 'C', last_name: 'S' });
    const res = await shop.request('POST', '/admin/customer-groups', { token: null, body: { name: 'Nope' }, headers: { cookie: `cw_customer=${customer.body.token}` } });
    expect(res.status).toBe(401);
  });
});
