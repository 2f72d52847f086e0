import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import Mustache from 'mustache';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CUSTOMER_PASSWORD, emailsTo, uniqueEmail } from '../../../test/helpers/customers.ts';
import { requester, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import type { Config } from '../../config.ts';
import { decrypt } from '../../crypto/data-encryption.ts';
import { buildApp } from '../../http/app.ts';

/**
 * Password-reset and email-verification emails: rendered from templates EMAIL_TEMPLATES_DIR may
 * override, their links opening the storefront's pages (STOREFRONT_URL and the page paths), whose
 * token then works through the Store API. One database, one app per setting.
 */
let shop: TestShop;
const apps: FastifyInstance[] = [];
let templatesDir: string;

beforeAll(async () => {
  shop = await startTestShop();
  templatesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-templates-'));
  fs.writeFileSync(path.join(templatesDir, 'password_reset.txt'), 'Subject: {{first_name}}, your Walkers password\nNew password: {{link}}\nCode: {{token}} ({{expires_hours}} h)\n');
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await shop?.close();
  fs.rmSync(templatesDir, { recursive: true, force: true });
});

async function storeWith(settings: Partial<Config>) {
  const app = await buildApp({ db: shop.db, config: { ...shop.config, ...settings } });
  apps.push(app);
  return requester(app, () => shop.adminToken);
}

async function htmlOf(id: string) {
  const row = await shop.db.selectFrom('email_message').select('html_body').where('id', '=', id).executeTakeFirstOrThrow();
  return row.html_body === null ? null : decrypt(row.html_body);
}

test('links open the storefront’s pages (STOREFRONT_URL, default paths) and their tokens work', async () => {
  const store = await storeWith({ storefrontUrl: 'https://walkers.example', publicUrl: 'https://api.walkers.example' });
  const email = uniqueEmail('links');
  const registered = await store<any>('POST', '/store/customers', { body: { email, password: CUSTOMER_PASSWORD, first_name: 'Ada', last_name: 'Lovelace' } });
  expect(registered.status, registered.text).toBe(201);

  const [verification] = await emailsTo(shop, email, 'email_verification');
  expect(verification.subject).toBe('Confirm your email address');
  const verifyLink = /^https:\/\/walkers\.example\/account\/verify\?token=(emv_[\w-]{43})$/m.exec(verification.text);
  expect(verifyLink, verification.text).not.toBeNull();
  expect(verification.text).toBe(`Hello Ada,\n\nPlease confirm this is your email address within 48 hours:\n\n${verifyLink![0]}\n\nOrders you placed as a guest with this address then join your account.\n`);
  // In the HTML part the link is attribute-escaped (Mustache), as a browser reads it back.
  expect(await htmlOf(verification.id)).toContain(`<a href="${Mustache.escape(verifyLink![0])}">Confirm my email address</a>`);
  // What the storefront's page does with it: POST the token.
  expect((await store<any>('POST', '/store/auth/verify-email/confirm', { body: { token: verifyLink![1] } })).body).toEqual({ customer_id: registered.body.customer.id, claimed_orders: 0 });

  expect((await store('POST', '/store/auth/password-reset', { body: { email } })).status).toBe(202);
  const [reset] = await emailsTo(shop, email, 'password_reset');
  expect(reset.subject).toBe('Reset your password');
  const resetLink = /^https:\/\/walkers\.example\/account\/reset-password\?token=(pwr_[\w-]{43})$/m.exec(reset.text);
  expect(resetLink, reset.text).not.toBeNull();
  expect(reset.text).toContain('choose a new one here within 1 hour:\n\n');
  expect(reset.text).not.toContain('POST /store');
  expect((await store('POST', '/store/auth/password-reset/confirm', { body: { token: resetLink![1], password: 'a fresh passphrase 7' } })).status).toBe(204);
  expect((await store('POST', '/store/auth/login', { body: { email, password: 'a fresh passphrase 7' } })).status).toBe(200);
});

test('page paths are settings; a storefront under a path keeps it; without STOREFRONT_URL, PUBLIC_URL', async () => {
  const store = await storeWith({
    storefrontUrl: 'https://example.com/shop/', storefrontResetPasswordPath: '/login?view=reset', storefrontVerifyEmailPath: '/welcome',
  });
  const email = uniqueEmail('paths');
  expect((await store('POST', '/store/customers', { body: { email, password: CUSTOMER_PASSWORD, first_name: 'Bo', last_name: 'Ek' } })).status).toBe(201);
  expect((await store('POST', '/store/auth/password-reset', { body: { email } })).status).toBe(202);
  expect((await emailsTo(shop, email, 'email_verification'))[0].text).toMatch(/^https:\/\/example\.com\/shop\/welcome\?token=emv_[\w-]{43}$/m);
  expect((await emailsTo(shop, email, 'password_reset'))[0].text).toMatch(/^https:\/\/example\.com\/shop\/login\?view=reset&token=pwr_[\w-]{43}$/m);

  const bare = await storeWith({ storefrontUrl: null, publicUrl: 'https://api.example.com' });
  const other = uniqueEmail('bare');
  expect((await bare('POST', '/store/customers', { body: { email: other, password: CUSTOMER_PASSWORD, first_name: 'Cy', last_name: 'Ro' } })).status).toBe(201);
  expect((await emailsTo(shop, other, 'email_verification'))[0].text).toMatch(/^https:\/\/api\.example\.com\/account\/verify\?token=emv_[\w-]{43}$/m);
});

test('EMAIL_TEMPLATES_DIR overrides the password-reset email like any other', async () => {
  const store = await storeWith({ storefrontUrl: 'https://walkers.example', emailTemplatesDir: templatesDir });
  const email = uniqueEmail('custom');
  expect((await store('POST', '/store/customers', { body: { email, password: CUSTOMER_PASSWORD, first_name: 'Dee', last_name: 'Ng' } })).status).toBe(201);
  expect((await store('POST', '/store/auth/password-reset', { body: { email } })).status).toBe(202);
  const [reset] = await emailsTo(shop, email, 'password_reset');
  expect(reset.subject).toBe('Dee, your Walkers password');
  const token = /Code: (pwr_[\w-]{43}) \(1 h\)/.exec(reset.text)![1];
  expect(reset.text).toBe(`New password: https://walkers.example/account/reset-password?token=${token}\nCode: ${token} (1 h)\n`);
  // Not overridden: the verification email is the shipped one.
  expect((await emailsTo(shop, email, 'email_verification'))[0].subject).toBe('Confirm your email address');
});
