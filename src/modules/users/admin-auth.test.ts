import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

const login = (body: unknown) => shop.request('POST', '/admin/auth/login', { body, token: null });

/** Every Admin API operation in the OpenAPI document, with its path parameters filled in. */
async function adminOperations(): Promise<{ method: string; url: string }[]> {
  const spec = (await shop.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const sample: Record<string, string> = { id: 'prod_X', option_id: 'opt_X', variant_id: 'var_X', currency_code: 'USD' };
  return Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/admin') && path !== '/admin/auth/login')
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? 'x_X'),
    })));
}

describe('admin sign-in', () => {
  test('the right password opens a session', async () => {
    const res = await login(ADMIN);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^cwa_[\w-]{43}$/);
    expect(res.body.user).toMatchObject({ email: ADMIN.email, name: 'Test Owner', role: 'owner' });
    expect(new Date(res.body.expires_at).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const me = await shop.get('/admin/auth/session', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ADMIN.email);
  });

  test('the email is case-insensitive', async () => {
    expect((await login({ ...ADMIN, email: ADMIN.email.toUpperCase() })).status).toBe(200);
  });

  test('a wrong password and an unknown email get the same answer', async () => {
    const wrong = await login({ ...ADMIN, password: 'wrong password!' });
    const unknown = await login({ email: 'nobody@test.local', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is wrong.', details: {} } });
    expect(unknown.body).toEqual(wrong.body);
  });

  test('a login without a password is a 400 naming it', async () => {
    const res = await login({ email: ADMIN.email });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('body.password');
  });
});

describe('every admin route needs a live token', () => {
  test('without a token, with a garbage token, or with a wrong scheme: 401 on every route', async () => {
    const operations = await adminOperations();
    expect(operations.length).toBeGreaterThan(25);
    for (const token of [null, 'cwa_notarealtoken', 'garbage']) {
      for (const { method, url } of operations) {
        const res = await shop.request(method, url, { token, body: method === 'POST' ? {} : undefined });
        expect(res.status, `${method} ${url} with ${token}`).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      }
    }
    const basic = await shop.get('/admin/products', { token: null, headers: { authorization: 'Basic b3duZXI6cHc=' } });
    expect(basic.status).toBe(401);
  });

  test('after logout the token is refused everywhere', async () => {
    const { token } = (await login(ADMIN)).body;
    expect((await shop.get('/admin/products', { token })).status).toBe(200);
    expect((await shop.post('/admin/auth/logout', undefined, { token })).status).toBe(204);
    for (const { method, url } of await adminOperations()) {
      expect((await shop.request(method, url, { token })).status, `${method} ${url}`).toBe(401);
    }
    // Other sessions of the same user are untouched.
    expect((await shop.get('/admin/products')).status).toBe(200);
  });

  test('an expired session is refused', async () => {
    const { token } = (await login(ADMIN)).body;
    await shop.db.updateTable('admin_session').set({ expires_at: new Date(Date.now() - 1000) })
      .where('expires_at', '>', new Date()).where('revoked_at', 'is', null)
      .where('id', 'in', shop.db.selectFrom('admin_session').select('id').orderBy('created_at', 'desc').limit(1))
      .execute();
    expect((await shop.get('/admin/products', { token })).status).toBe(401);
  });

  test('tokens are stored only as hashes', async () => {
    const { token } = (await login(ADMIN)).body;
    const rows = await shop.db.selectFrom('admin_session').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token || r.token_hash.includes(token.slice(4)))).toBe(false);
    const users = await shop.db.selectFrom('admin_user').select('password_hash').execute();
    expect(users[0].password_hash).toMatch(/^\$argon2id\$/);
  });
});
