import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';

/** Security headers on every answer, and CORS only for the configured origins. */
let shop: TestShop;
let closed: TestShop;
beforeAll(async () => {
  shop = await startTestShop({ corsOrigins: ['https://shop.example'] });
  closed = await startTestShop();
});
afterAll(async () => {
  await shop?.close();
  await closed?.close();
});

describe('security headers (helmet)', () => {
  test('on Store and Admin answers, successes and errors alike', async () => {
    const answers = [
      await shop.get('/store/collections'),
      await shop.get('/admin/products'),
      await shop.get('/admin/products', { token: null }),
      await shop.get('/store/customers/me'),
      await shop.get('/store/nowhere'),
      await shop.post('/store/auth/login', { email: 'x' }),
      await shop.get('/health'),
    ];
    for (const res of answers) {
      expect(res.headers['x-content-type-options'], `${res.status}`).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
    }
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 401, 404, 400, 200]);
  });
});

describe('CORS', () => {
  const ALLOWED = 'https://shop.example';

  test('an allowed origin gets access-control-allow-origin (with credentials), simple and preflight', async () => {
    const simple = await shop.get('/store/collections', { headers: { origin: ALLOWED } });
    expect(simple.status).toBe(200);
    expect(simple.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(simple.headers['access-control-allow-credentials']).toBe('true');
    // Answers differ by origin, so caches must key on it.
    const login = await shop.request('POST', '/store/auth/login', { body: { email: 'a@b.test', password: 'x' }, headers: { origin: ALLOWED } });
    expect(login.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(login.headers.vary)).toMatch(/Origin/);

    const preflight = await shop.request('OPTIONS', '/store/auth/login', { headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
  });

  test('any other origin gets no CORS grant', async () => {
    for (const origin of ['https://evil.example', 'http://shop.example', 'https://shop.example.evil.example', 'https://evil.example/https://shop.example', 'null']) {
      const simple = await shop.get('/store/collections', { headers: { origin } });
      expect(simple.headers['access-control-allow-origin'], origin).toBeUndefined();
      const preflight = await shop.request('OPTIONS', '/admin/products', { headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  test('without CORS_ORIGINS no origin is granted', async () => {
    const res = await closed.get('/store/collections', { headers: { origin: ALLOWED } });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await closed.request('OPTIONS', '/store/auth/login', { headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('session cookies', () => {
  test('customer and admin cookies are HttpOnly, SameSite, scoped to their API, and Secure when configured', async () => {
    const secure = await startTestShop({ secureCookies: true });
    try {
      const customer = await secure.post('/store/customers', { email: 'cookie@customers.test', password: 'biscuit tin 12345', first_name: 'C', last_name: 'J' });
      expect(String(customer.headers['set-cookie'])).toMatch(/^cw_customer=cws_[\w-]+; Path=\/store; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
      const admin = await secure.post('/admin/auth/login', { email: 'owner@test.local', password: 'correct horse battery' }, { token: null });
      expect(String(admin.headers['set-cookie'])).toMatch(/^cw_admin=cwa_[\w-]+; Path=\/admin; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/);
    } finally {
      await secure.close();
    }
  });
});
