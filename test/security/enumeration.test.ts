import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emailsTo, logIn, signUp, uniqueEmail } from '../helpers/customers.ts';
import { startTestShop, type Response, type TestShop } from '../helpers/test-shop.ts';

/**
 * Account enumeration: sign-in and password reset answer a known email exactly as an unknown one, and
 * repeated failures lock an email (429 too_many_attempts) whether or not it has an account.
 */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

/** What a client can see of an answer: status, body, and headers other than per-request ones (the rate-limit counters count the client's requests, whatever the email). */
function visible(res: Response) {
  const { date: _d, 'x-request-id': _r, ...headers } = res.headers;
  return { status: res.status, body: res.body, headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('x-ratelimit-'))) };
}

describe('answers do not tell which emails have accounts', () => {
  test('login: a wrong password and an unknown email get the same answer', async () => {
    const known = await signUp(shop);
    const wrong = await logIn(shop, known.email, 'not the password 1');
    const unknown = await logIn(shop, uniqueEmail('ghost'), 'not the password 1');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is wrong.', details: {} } });
    expect(visible(unknown)).toEqual(visible(wrong));
  });

  test('password reset: the same 202 and body for a known and an unknown email; only the known one gets mail', async () => {
    const known = await signUp(shop);
    const ghost = uniqueEmail('ghost');
    const a = await shop.post('/store/auth/password-reset', { email: known.email });
    const b = await shop.post('/store/auth/password-reset', { email: ghost });
    expect(a.status).toBe(202);
    expect(visible(b)).toEqual(visible(a));
    expect(await emailsTo(shop, known.email, 'password_reset')).toHaveLength(1);
    expect(await emailsTo(shop, ghost)).toEqual([]);
  });

  test('an anonymized account answers like one that never existed', async () => {
    const gone = await signUp(shop);
    await shop.request('POST', `/admin/customers/${gone.id}/anonymize`);
    const login = await logIn(shop, gone.email, gone.password);
    const never = await logIn(shop, uniqueEmail('never'), gone.password);
    expect(visible(login)).toEqual(visible(never));
  });
});

describe('repeated failed sign-ins lock the email', () => {
  const fail = (email: string) => logIn(shop, email, 'guessing wrong 123');

  test('after 5 failures: 429 too_many_attempts, even with the right password; unknown emails lock the same way', async () => {
    const known = await signUp(shop);
    const ghost = uniqueEmail('ghost');
    const knownAnswers: unknown[] = [];
    const ghostAnswers: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      knownAnswers.push(visible(await fail(i % 2 ? known.email.toUpperCase() : known.email)));
      ghostAnswers.push(visible(await fail(ghost)));
    }
    expect(knownAnswers.map((a: any) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(ghostAnswers).toEqual(knownAnswers);

    const locked = await logIn(shop, known.email, known.password);
    const ghostLocked = await fail(ghost);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toEqual({ code: 'too_many_attempts', message: 'Too many attempts; wait and try again.', details: { retry_after_seconds: expect.any(Number) } });
    expect(locked.body.error.details.retry_after_seconds).toBeGreaterThan(14 * 60);
    expect(locked.body.error.details.retry_after_seconds).toBeLessThanOrEqual(15 * 60);
    expect(ghostLocked.status).toBe(429);
    expect(ghostLocked.body.error.code).toBe('too_many_attempts');
    expect(Math.abs(ghostLocked.body.error.details.retry_after_seconds - locked.body.error.details.retry_after_seconds)).toBeLessThanOrEqual(5);
    // No session was opened while locked.
    expect(locked.body.token).toBeUndefined();

    // Another account is not affected.
    const other = await signUp(shop);
    expect((await logIn(shop, other.email, other.password)).status).toBe(200);
    // The account's existing sessions keep working (the lock stops guessing, not the owner's devices).
    expect((await shop.get('/store/customers/me', { token: known.token })).status).toBe(200);
  });

  test('once the lock has passed the right password works, and a success clears the count', async () => {
    const account = await signUp(shop);
    for (let i = 0; i < 5; i++) await fail(account.email);
    expect((await logIn(shop, account.email, account.password)).status).toBe(429);
    await shop.db.updateTable('login_attempt').set({ locked_until: new Date(Date.now() - 1000) }).where('realm', '=', 'customer').execute();
    expect((await logIn(shop, account.email, account.password)).status).toBe(200);
    const rows = await shop.db.selectFrom('login_attempt').select('failures').where('realm', '=', 'customer').where('email_hash', '=', (await shop.db.selectFrom('customer').select('email_hash').where('id', '=', account.id).executeTakeFirstOrThrow()).email_hash).execute();
    expect(rows).toEqual([]);
    // Four failures, then a success: still not locked.
    for (let i = 0; i < 4; i++) expect((await fail(account.email)).status).toBe(401);
    expect((await logIn(shop, account.email, account.password)).status).toBe(200);
    expect((await fail(account.email)).status).toBe(401);
  });

  test('a password reset lifts the lock', async () => {
    const account = await signUp(shop);
    for (let i = 0; i < 5; i++) await fail(account.email);
    expect((await logIn(shop, account.email, account.password)).status).toBe(429);
    await shop.post('/store/auth/password-reset', { email: account.email });
    const mail = (await emailsTo(shop, account.email, 'password_reset')).at(-1)!;
    const code = /pwr_[\w-]{43}/.exec(mail.text)![0];
    expect((await shop.post('/store/auth/password-reset/confirm', { token: code, password: 'recovered passphrase 2' })).status).toBe(204);
    expect((await logIn(shop, account.email, 'recovered passphrase 2')).status).toBe(200);
  });

  test('staff sign-in locks the same way, known and unknown emails alike', async () => {
    await shop.post('/admin/users', { email: 'target@staff.test', password: 'staff password 123', role: 'admin' });
    const adminLogin = (email: string, password: string) => shop.post('/admin/auth/login', { email, password }, { token: null });
    const answers: [unknown, unknown][] = [];
    for (let i = 0; i < 5; i++) answers.push([visible(await adminLogin('target@staff.test', 'wrong guess 123')), visible(await adminLogin('ghost@staff.test', 'wrong guess 123'))]);
    for (const [known, unknown] of answers) {
      expect((known as any).status).toBe(401);
      expect(unknown).toEqual(known);
    }
    const locked = await adminLogin('target@staff.test', 'staff password 123');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect((await adminLogin('ghost@staff.test', 'wrong guess 123')).status).toBe(429);
    // The customer realm is counted apart: a customer with the same email is not locked.
    const customer = await signUp(shop, { email: 'target@staff.test' });
    expect((await logIn(shop, customer.email, customer.password)).status).toBe(200);
  });

  test('attempts are counted by a keyed hash of the email, never the email', async () => {
    const email = uniqueEmail('counted');
    await fail(email);
    expect(JSON.stringify(await shop.db.selectFrom('login_attempt').selectAll().execute())).not.toContain(email.split('@')[0]);
  });
});
