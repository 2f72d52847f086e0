import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signUp, type SignedUp } from '../../../test/helpers/customers.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { sendDueEmails } from './email-sender.ts';
import { createMailTransport } from './transports.ts';

/**
 * GET /admin/notifications and /admin/notifications/:id: the emails the shop queued and sent, for staff.
 * The mail here is real: sign-ups queue a verification email each, a password reset one more; a send
 * into the outbox folder marks some sent. Nothing runs in the background, so the queue holds still.
 */
let shop: TestShop;
let customers: SignedUp[];
let outbox: string;
beforeAll(async () => {
  shop = await startTestShop();
  customers = [];
  for (let i = 0; i < 4; i++) customers.push(await signUp(shop));
  for (const c of customers.slice(0, 2)) expect((await shop.post('/store/auth/password-reset', { email: c.email })).status).toBe(202);
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-notifications-'));
  expect(await sendDueEmails(shop.db, createMailTransport({ smtpUrl: null, outboxDir: outbox }), 'Shop <shop@test.local>', 3)).toEqual({ sent: 3, failed: 0 });
});
afterAll(async () => {
  await shop?.close();
  if (outbox) fs.rmSync(outbox, { recursive: true, force: true });
});

/** Every email matching `filter`, page by page (no page larger than asked for). */
async function everyEmail(limit: number, filter = ''): Promise<any[]> {
  const emails: any[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: any[]; next_cursor: string | null } = await shop.ok('GET', `/admin/notifications?limit=${limit}${filter}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.data.length).toBeLessThanOrEqual(limit);
    if (page.next_cursor) expect(page.data).toHaveLength(limit);
    emails.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return emails;
}

test('the list: every email once, newest first, recipients readable, filtered by template and status, paged', async () => {
  const all = await everyEmail(100);
  const rows = await shop.db.selectFrom('email_message').select(['id', 'template', 'status']).orderBy('id', 'desc').execute();
  expect(all.map((e) => [e.id, e.template, e.status])).toEqual(rows.map((r) => [r.id, r.template, r.status]));
  expect(all.map((e) => e.template).sort()).toEqual([...Array(4).fill('email_verification'), 'password_reset', 'password_reset']);
  expect(all.map((e) => e.recipient).sort()).toEqual([...customers.map((c) => c.email), customers[0].email, customers[1].email].sort());
  expect(all.filter((e) => e.status === 'sent')).toHaveLength(3);
  for (const e of all) {
    expect(e).toEqual({
      id: expect.stringMatching(/^email_/), template: e.template, recipient: e.recipient, subject: e.template === 'password_reset' ? 'Reset your password' : 'Confirm your email address',
      status: e.status, attempts: e.status === 'sent' ? 1 : 0, last_error: null, reference_type: 'customer', reference_id: customers.find((c) => c.email === e.recipient)!.id,
      created_at: expect.any(String), sent_at: e.status === 'sent' ? expect.any(String) : null,
    });
  }

  for (const size of [1, 2, 4]) expect((await everyEmail(size)).map((e) => e.id), `pages of ${size}`).toEqual(all.map((e) => e.id));
  const ids = (list: any[]) => list.map((e) => e.id);
  expect(ids(await everyEmail(2, '&template=password_reset'))).toEqual(ids(all.filter((e) => e.template === 'password_reset')));
  expect(ids(await everyEmail(2, '&status=sent'))).toEqual(ids(all.filter((e) => e.status === 'sent')));
  expect(ids(await everyEmail(2, '&status=pending&template=email_verification'))).toEqual(ids(all.filter((e) => e.status === 'pending' && e.template === 'email_verification')));
  expect(await everyEmail(2, '&status=failed')).toEqual([]);
  expect(await everyEmail(2, '&template=order_confirmation')).toEqual([]);
});

test('one email with its bodies; an unknown id is 404, a malformed one 400', async () => {
  const [newest] = (await shop.ok('GET', '/admin/notifications?limit=1')).data;
  const email = await shop.ok('GET', `/admin/notifications/${newest.id}`);
  expect(email).toEqual({ ...newest, text_body: expect.any(String), html_body: expect.any(String) });
  const token = newest.template === 'password_reset' ? /\bpwr_[\w-]{43}\b/ : /\bemv_[\w-]{43}\b/;
  expect(email.text_body).toMatch(token);
  expect(email.html_body).toMatch(token);
  await shop.refused('GET', '/admin/notifications/email_0NOTHERE', undefined, 404, 'email_not_found');
  await shop.refused('GET', '/admin/notifications/nope', undefined, 400, 'invalid_request', 'params.id');
});

test('bad list input is a 400 naming the field', async () => {
  for (const [query, field] of [
    ['status=bounced', 'querystring.status'], ['limit=0', 'querystring.limit'], ['limit=101', 'querystring.limit'], ['limit=many', 'querystring.limit'],
    [`template=${'x'.repeat(101)}`, 'querystring.template'], ['recipient=a@b.test', 'querystring.recipient'],
  ]) {
    await shop.refused('GET', `/admin/notifications?${query}`, undefined, 400, 'invalid_request', field);
  }
  for (const cursor of ['not-a-cursor', Buffer.from('{"id":1}').toString('base64url'), Buffer.from('[{"id":1}]').toString('base64url')]) {
    await shop.refused('GET', `/admin/notifications?cursor=${cursor}`, undefined, 400, 'invalid_cursor', 'querystring.cursor');
  }
});
