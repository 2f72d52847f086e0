import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CUSTOMER_PASSWORD, uniqueEmail } from '../helpers/customers.ts';
import { ADMIN, startTestShop, type Response, type TestShop } from '../helpers/test-shop.ts';

/** Sign-in, registration, password reset and the shopping assistant are rate limited per client: AUTH_RATE_LIMIT_PER_MINUTE. */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop({ rateLimitPerMinute: 3 });
});
afterAll(async () => shop?.close());

function expectLimited(res: Response) {
  expect(res.status, res.text).toBe(429);
  expect(res.body).toEqual({ error: { code: 'too_many_attempts', message: 'Too many attempts; wait and try again.', details: { retry_after_seconds: expect.any(Number) } } });
  expect(res.body.error.details.retry_after_seconds).toBeGreaterThan(0);
  expect(res.body.error.details.retry_after_seconds).toBeLessThanOrEqual(60);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.headers['x-ratelimit-remaining']).toBe('0');
}

describe('the 4th attempt in a minute is 429 too_many_attempts', () => {
  test('registration', async () => {
    const register = () => shop.post('/store/customers', { email: uniqueEmail('limited'), password: CUSTOMER_PASSWORD, first_name: 'R', last_name: 'L' });
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(201);
    const before = await shop.db.selectFrom('customer').select('id').execute();
    expectLimited(await register());
    expect(await shop.db.selectFrom('customer').select('id').execute()).toEqual(before);
  });

  test('customer sign-in, whichever email, and whatever X-Forwarded-For says', async () => {
    const login = (email: string, headers: Record<string, string> = {}) => shop.request('POST', '/store/auth/login', { body: { email, password: 'wrong password 1' }, headers });
    for (let i = 0; i < 3; i++) expect((await login(uniqueEmail('a'))).status).toBe(401);
    expectLimited(await login(uniqueEmail('b')));
    expectLimited(await login(uniqueEmail('c'), { 'x-forwarded-for': '203.0.113.7' }));
  });

  test('the shopping assistant; nothing is stored for the refused message', async () => {
    const ask = () => shop.post('/store/assistant', { message: 'hello' });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const before = await shop.db.selectFrom('assistant_conversation').select('id').execute();
    expectLimited(await ask());
    expect(await shop.db.selectFrom('assistant_conversation').select('id').execute()).toEqual(before);
  });

  test('password reset', async () => {
    const reset = () => shop.post('/store/auth/password-reset', { email: uniqueEmail('reset') });
    for (let i = 0; i < 3; i++) expect((await reset()).status).toBe(202);
    expectLimited(await reset());
  });

  test('password reset confirmation (guessing codes)', async () => {
    const confirm = () => shop.post('/store/auth/password-reset/confirm', { token: `pwr_${'A'.repeat(43)}`, password: 'new password 123' });
    for (let i = 0; i < 3; i++) expect((await confirm()).status).toBe(400);
    expectLimited(await confirm());
  });

  test('staff sign-in (the test shop signed in once already)', async () => {
    const login = () => shop.post('/admin/auth/login', { ...ADMIN, password: 'wrong password 1' }, { token: null });
    for (let i = 0; i < 2; i++) expect((await login()).status).toBe(401);
    expectLimited(await login());
    // Even the right password waits.
    expectLimited(await shop.post('/admin/auth/login', ADMIN, { token: null }));
  });

  test('other routes are not limited by the auth limit', async () => {
    for (let i = 0; i < 6; i++) expect((await shop.get('/admin/customers')).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await shop.get('/health')).status).toBe(200);
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  let proxied: TestShop;
  beforeAll(async () => {
    proxied = await startTestShop({ rateLimitPerMinute: 3, trustProxy: 1 });
  });
  afterAll(async () => proxied?.close());

  test('each client the proxy names in X-Forwarded-For has its own limit', async () => {
    const login = (client: string) => proxied.request('POST', '/store/auth/login', { body: { email: uniqueEmail('p'), password: 'wrong password 1' }, headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 3; i++) expect((await login('203.0.113.7')).status).toBe(401);
    expectLimited(await login('203.0.113.7'));
    expect((await login('203.0.113.8')).status).toBe(401);
  });
});
