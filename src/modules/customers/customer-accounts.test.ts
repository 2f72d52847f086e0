import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeFromEmail, CUSTOMER_PASSWORD, emailsTo, logIn, placeOrder, signUp, uniqueEmail } from '../../../test/helpers/customers.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

let shop: TestShop;
let selling: Selling;
let variantId: string;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  variantId = (await createStockedProduct(shop, { usd: 2500, stock: 100, locationId: selling.warehouse.id })).variant.id;
});
afterAll(async () => shop?.close());

const me = (token: string) => shop.get('/store/customers/me', { token });
const customerCount = async () => Number((await shop.db.selectFrom('customer').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : [raw]).filter(Boolean).map(String).find((c) => c.startsWith('cw_customer=')) ?? null;
};

describe('registration', () => {
  test('creates the account, signs in (bearer token and HttpOnly SameSite=Lax cookie) and mails a verification code', async () => {
    const email = uniqueEmail('register');
    const res = await shop.post('/store/customers', { email, password: CUSTOMER_PASSWORD, first_name: 'Ada', last_name: 'Lovelace', phone: '+44 20 7946 0000' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.token).toMatch(/^cws_[\w-]{43}$/);
    expect(new Date(res.body.expires_at).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(res.body.customer).toEqual({
      id: expect.stringMatching(/^cus_/), email, first_name: 'Ada', last_name: 'Lovelace', phone: '+44 20 7946 0000',
      email_verified: false, group_ids: [], metadata: {}, created_at: expect.any(String),
    });
    const cookie = cookieOf(res);
    expect(cookie).toMatch(new RegExp(`^cw_customer=${res.body.token}; Path=/store; Expires=[^;]+; HttpOnly; SameSite=Lax$`));
    expect((await me(res.body.token)).body.email).toBe(email);
    // The cookie alone signs the browser in.
    const byCookie = await shop.get('/store/customers/me', { headers: { cookie: `cw_customer=${res.body.token}` } });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.id).toBe(res.body.customer.id);

    const mails = await emailsTo(shop, email);
    expect(mails.map((m) => [m.template, m.subject, m.reference_id])).toEqual([['email_verification', 'Confirm your email address', res.body.customer.id]]);
    expect(mails[0].text).toMatch(/emv_[\w-]{43}/);
    // The password is stored only as an argon2id hash.
    const row = await shop.db.selectFrom('customer').select('password_hash').where('id', '=', res.body.customer.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  test('an email with an account is refused (409), whatever its case', async () => {
    const { email } = await signUp(shop);
    const before = await customerCount();
    for (const again of [email, email.toUpperCase()]) {
      const res = await shop.post('/store/customers', { email: again, password: 'another good one 7', first_name: 'X', last_name: 'Y' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'customer_email_taken', details: { field: 'body.email' } });
    }
    expect(await customerCount()).toBe(before);
  });

  test.each([
    ['too short', 'short1!', 'body.password must have at least 10 characters'],
    ['one character repeated', 'aaaaaaaaaaaa', 'body.password must use at least 4 different characters'],
    ['a common password', 'Password123', 'body.password is one of the most common passwords'],
    ['the email name', 'weakling-xyz-1', 'body.password must not contain your email name'],
    ['over 256 characters', 'abcd'.repeat(65), 'body.password must have at most 256 characters'],
  ])('a weak password (%s) is a 400 weak_password naming body.password; no account is made', async (_, password, message) => {
    const before = await customerCount();
    const res = await shop.post('/store/customers', { email: 'weakling@customers.test', password, first_name: 'W', last_name: 'P' });
    if (password.length > 256) {
      // Over the schema's limit: refused by validation, naming the field all the same.
      expect(res.status).toBe(400);
      expect(res.body.error.details.field).toBe('body.password');
    } else {
      expect(res.status, res.text).toBe(400);
      expect(res.body.error).toEqual({ code: 'weak_password', message, details: { field: 'body.password' } });
    }
    expect(await customerCount()).toBe(before);
  });

  test('bad input is a 400 naming the field', async () => {
    const base = { email: uniqueEmail(), password: CUSTOMER_PASSWORD, first_name: 'A', last_name: 'B' };
    const cases: [unknown, string][] = [
      [{ ...base, email: 'not-an-email' }, 'body.email'],
      [{ ...base, first_name: '' }, 'body.first_name'],
      [{ ...base, last_name: undefined }, 'body.last_name'],
      [{ ...base, phone: 'call me' }, 'body.phone'],
      [{ ...base, is_admin: true }, 'body.is_admin'],
      [{ ...base, password: 12345678901 }, 'body.password'],
    ];
    for (const [body, field] of cases) {
      const res = await shop.post('/store/customers', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', details: { field } });
    }
  });
});

describe('sign-in and sign-out', () => {
  test('login opens another session; a wrong password is 401 invalid_credentials', async () => {
    const { email, password, id } = await signUp(shop);
    const ok = await logIn(shop, email.toUpperCase(), password);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.token).toMatch(/^cws_[\w-]{43}$/);
    expect(ok.body.customer.id).toBe(id);
    expect(cookieOf(ok)).toMatch(/^cw_customer=cws_[\w-]{43}; Path=\/store; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const wrong = await logIn(shop, email, 'not my password at all');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is wrong.', details: {} } });
    expect(cookieOf(wrong)).toBeNull();
  });

  test('logout ends this session only: its token is refused after, others still work', async () => {
    const { email, password, token: first } = await signUp(shop);
    const second = (await logIn(shop, email, password)).body.token;
    const out = await shop.post('/store/auth/logout', undefined, { token: second });
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toBe('cw_customer=; Max-Age=0; Path=/store; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax');
    const refused = await me(second);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('customer_unauthorized');
    expect((await shop.post('/store/auth/logout', undefined, { token: second })).status).toBe(401);
    expect((await me(first)).status).toBe(200);
  });

  test('logout-all ends every session of the account, and no one else’s', async () => {
    const a = await signUp(shop);
    const other = await signUp(shop);
    const tokens = [a.token, (await logIn(shop, a.email, a.password)).body.token, (await logIn(shop, a.email, a.password)).body.token];
    const res = await shop.post('/store/auth/logout-all', undefined, { token: tokens[1] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessions_ended: 3 });
    for (const token of tokens) expect((await me(token)).status).toBe(401);
    expect((await me(other.token)).status).toBe(200);
    // Signing in again works.
    expect((await logIn(shop, a.email, a.password)).status).toBe(200);
  });

  test('the account routes need a customer session', async () => {
    for (const [method, url] of [['GET', '/store/customers/me'], ['PATCH', '/store/customers/me'], ['GET', '/store/customers/me/addresses'], ['GET', '/store/orders'], ['POST', '/store/auth/logout'], ['POST', '/store/auth/logout-all'], ['POST', '/store/auth/verify-email']]) {
      const res = await shop.request(method, url, { body: method === 'PATCH' ? { first_name: 'X' } : undefined });
      expect(res.status, `${method} ${url}`).toBe(401);
      expect(res.body.error.code).toBe('customer_unauthorized');
    }
  });
});

describe('profile', () => {
  test('GET and PATCH /store/customers/me', async () => {
    const { token, id, email } = await signUp(shop, { first_name: 'Grace', last_name: 'Hopper' });
    expect((await me(token)).body).toEqual({
      id, email, first_name: 'Grace', last_name: 'Hopper', phone: null, email_verified: false, group_ids: [], metadata: {}, created_at: expect.any(String),
    });
    const patched = await shop.request('PATCH', '/store/customers/me', { token, body: { first_name: 'Amazing', phone: '+1 555 0100', metadata: { newsletter: true } } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ id, email, first_name: 'Amazing', last_name: 'Hopper', phone: '+1 555 0100', metadata: { newsletter: true } });
    const cleared = await shop.request('PATCH', '/store/customers/me', { token, body: { phone: null } });
    expect(cleared.body.phone).toBeNull();
    expect((await me(token)).body).toMatchObject({ first_name: 'Amazing', last_name: 'Hopper', phone: null, metadata: { newsletter: true } });
  });

  test('the email, verification and groups cannot be changed here; bad values are refused and change nothing', async () => {
    const { token } = await signUp(shop, { first_name: 'Keep' });
    const before = (await me(token)).body;
    const cases: [unknown, string][] = [
      [{ email: 'new@customers.test' }, 'body.email'],
      [{ email_verified: true }, 'body.email_verified'],
      [{ group_ids: ['cgrp_x'] }, 'body.group_ids'],
      [{ first_name: '' }, 'body.first_name'],
      [{ first_name: 'x'.repeat(101) }, 'body.first_name'],
      [{ phone: 'not a phone' }, 'body.phone'],
      [{ first_name: 'Fine', last_name: 42 }, 'body.last_name'],
      [{}, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await shop.request('PATCH', '/store/customers/me', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', details: { field } });
    }
    expect((await me(token)).body).toEqual(before);
  });
});

describe('password reset', () => {
  const reset = (email: string) => shop.post('/store/auth/password-reset', { email });
  const confirm = (token: string, password: string) => shop.post('/store/auth/password-reset/confirm', { token, password });

  test('the mailed code sets a new password once, and ends every session', async () => {
    const account = await signUp(shop);
    const second = (await logIn(shop, account.email, account.password)).body.token;
    const asked = await reset(account.email);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'If an account has this email, a code is on its way.' });
    const mails = await emailsTo(shop, account.email, 'password_reset');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Reset your password', reference_id: account.id });
    const code = await codeFromEmail(shop, account.email, 'password_reset');
    expect(code).toMatch(/^pwr_/);

    // A weak new password is refused, and the code is not used up by it.
    const weak = await confirm(code, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'weak_password', details: { field: 'body.password' } });
    expect((await me(account.token)).status).toBe(200);

    const done = await confirm(code, 'a brand new passphrase');
    expect(done.status, done.text).toBe(204);
    // Every session ended, on every device.
    for (const token of [account.token, second]) expect((await me(token)).status).toBe(401);
    expect((await logIn(shop, account.email, account.password)).status).toBe(401);
    expect((await logIn(shop, account.email, 'a brand new passphrase')).status).toBe(200);

    // Single use.
    const again = await confirm(code, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.error).toEqual({ code: 'invalid_token', message: 'This link is invalid, used or expired; ask for a new one.', details: { field: 'body.token' } });
    expect((await logIn(shop, account.email, 'a brand new passphrase')).status).toBe(200);
  });

  test('an expired code is invalid_token and changes nothing', async () => {
    const account = await signUp(shop);
    await reset(account.email);
    const code = await codeFromEmail(shop, account.email, 'password_reset');
    await shop.db.updateTable('customer_token').set({ expires_at: new Date(Date.now() - 1000) })
      .where('customer_id', '=', account.id).where('purpose', '=', 'password_reset').execute();
    const res = await confirm(code, 'a brand new passphrase');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_token', details: { field: 'body.token' } });
    expect((await me(account.token)).status).toBe(200);
    expect((await logIn(shop, account.email, account.password)).status).toBe(200);
  });

  test('a code is good for one purpose only, and made-up codes are refused', async () => {
    const account = await signUp(shop);
    const verification = await codeFromEmail(shop, account.email, 'email_verification');
    for (const token of [verification, 'pwr_' + 'A'.repeat(43), `${verification.slice(0, -1)}x`]) {
      const res = await confirm(token, 'a brand new passphrase');
      expect(res.status, token).toBe(400);
      expect(res.body.error.code).toBe('invalid_token');
    }
    expect((await me(account.token)).status).toBe(200);
  });

  test('an unknown email is answered the same and mails nothing', async () => {
    const email = uniqueEmail('nobody');
    const res = await reset(email);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'If an account has this email, a code is on its way.' });
    expect(await emailsTo(shop, email)).toEqual([]);
  });
});

describe('email verification and guest orders', () => {
  test('verifying the email claims the guest orders placed with it, and no others', async () => {
    const email = uniqueEmail('claim');
    const guestOrder = await placeOrder(shop, { token: null, email, variantId });
    const otherGuest = await placeOrder(shop, { token: null, email: uniqueEmail('someone-else'), variantId });

    const account = await signUp(shop, { email: email.toUpperCase() });
    // Registering is not proof of owning the email: nothing is claimed yet.
    expect((await shop.get('/store/orders', { token: account.token })).body).toEqual({ data: [], next_cursor: null });
    expect((await shop.get(`/store/orders/${guestOrder.id}`, { token: account.token })).status).toBe(404);

    const code = await codeFromEmail(shop, email.toUpperCase(), 'email_verification');
    const verified = await shop.post('/store/auth/verify-email/confirm', { token: code });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body).toEqual({ customer_id: account.id, claimed_orders: 1 });
    expect((await me(account.token)).body.email_verified).toBe(true);

    const list = await shop.get('/store/orders', { token: account.token });
    expect(list.body).toEqual({
      data: [{
        id: guestOrder.id, number: guestOrder.number, status: 'open', payment_status: 'captured', fulfillment_status: 'unfulfilled',
        currency_code: 'USD', total: guestOrder.total, placed_at: expect.any(String),
      }],
      next_cursor: null,
    });
    const read = await shop.get(`/store/orders/${guestOrder.id}`, { token: account.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: guestOrder.id, email, total: guestOrder.total });
    expect((await shop.get(`/store/orders/${otherGuest.id}`, { token: account.token })).status).toBe(404);
    // The guest's own link keeps working.
    expect((await shop.get(`/store/orders/${guestOrder.id}`, { headers: { 'x-order-token': guestOrder.access_token } })).status).toBe(200);

    const event = await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', guestOrder.id).where('type', '=', 'order.claimed').execute();
    expect(event).toEqual([{ type: 'order.claimed', payload: { order_id: guestOrder.id, customer_id: account.id } }]);

    // Single use.
    const again = await shop.post('/store/auth/verify-email/confirm', { token: code });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
  });

  test('an order of another customer is never claimed, and a resent code works', async () => {
    const owner = await signUp(shop);
    const ownerOrder = await placeOrder(shop, { token: owner.token, email: 'shared@customers.test', variantId });
    const claimer = await signUp(shop, { email: 'shared@customers.test' });
    expect((await shop.post('/store/auth/verify-email', undefined, { token: claimer.token })).status).toBe(202);
    expect((await emailsTo(shop, 'shared@customers.test', 'email_verification'))).toHaveLength(2);
    const code = await codeFromEmail(shop, 'shared@customers.test', 'email_verification');
    expect((await shop.post('/store/auth/verify-email/confirm', { token: code })).body).toEqual({ customer_id: claimer.id, claimed_orders: 0 });
    expect((await shop.get('/store/orders', { token: claimer.token })).body.data).toEqual([]);
    expect((await shop.get('/store/orders', { token: owner.token })).body.data.map((o: any) => o.id)).toEqual([ownerOrder.id]);
    // Once verified, asking again mails nothing more.
    expect((await shop.post('/store/auth/verify-email', undefined, { token: claimer.token })).status).toBe(202);
    expect((await emailsTo(shop, 'shared@customers.test', 'email_verification'))).toHaveLength(2);
  });

  test('an expired verification code is invalid_token', async () => {
    const account = await signUp(shop);
    const code = await codeFromEmail(shop, account.email, 'email_verification');
    await shop.db.updateTable('customer_token').set({ expires_at: new Date(Date.now() - 1000) }).where('customer_id', '=', account.id).execute();
    const res = await shop.post('/store/auth/verify-email/confirm', { token: code });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
    expect((await me(account.token)).body.email_verified).toBe(false);
  });
});

describe('GET /store/orders', () => {
  test('lists only the caller’s orders, newest first, paged', async () => {
    const a = await signUp(shop);
    const b = await signUp(shop);
    const a1 = await placeOrder(shop, { token: a.token, email: a.email, variantId });
    const b1 = await placeOrder(shop, { token: b.token, email: b.email, variantId, quantity: 2 });
    const a2 = await placeOrder(shop, { token: a.token, email: a.email, variantId, quantity: 3 });
    await placeOrder(shop, { token: null, email: a.email, variantId }); // a guest order with A's email: not A's until verified

    const listA = await shop.get('/store/orders', { token: a.token });
    expect(listA.status).toBe(200);
    expect(listA.body.data.map((o: any) => [o.id, o.total])).toEqual([[a2.id, a2.total], [a1.id, a1.total]]);
    expect((await shop.get('/store/orders', { token: b.token })).body.data.map((o: any) => o.id)).toEqual([b1.id]);

    const page1 = await shop.get('/store/orders?limit=1', { token: a.token });
    expect(page1.body.data.map((o: any) => o.id)).toEqual([a2.id]);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await shop.get(`/store/orders?limit=1&cursor=${encodeURIComponent(page1.body.next_cursor)}`, { token: a.token });
    expect(page2.body).toEqual({ data: [expect.objectContaining({ id: a1.id })], next_cursor: null });

    // The signed-in owner reads their order without the guest token; no one else can.
    expect((await shop.get(`/store/orders/${a1.id}`, { token: a.token })).status).toBe(200);
    expect((await shop.get(`/store/orders/${a1.id}`, { token: b.token })).status).toBe(404);
    expect((await shop.get(`/store/orders/${a1.id}`)).status).toBe(404);
  });
});
