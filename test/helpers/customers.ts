import { expect } from 'vitest';
import { decrypt, emailHash } from '../../src/crypto/data-encryption.ts';
import { ADDRESS_US, CARDS } from './selling.ts';
import type { TestShop } from './test-shop.ts';

/** Customer accounts through the Store API, and the mail the shop queued for them (decrypted). */

export const CUSTOMER_PASSWORD = 'plum orchard 42';

let counter = 0;

/** A unique email for this run (`<name>-<n>@customers.test`). */
export function uniqueEmail(name = 'buyer'): string {
  return `${name}-${++counter}-${Date.now().toString(36)}@customers.test`;
}

export interface SignedUp {
  token: string;
  id: string;
  email: string;
  password: string;
  customer: any;
}

/** Registers a customer (201 expected) and returns their bearer token. */
export async function signUp(shop: TestShop, fields: { email?: string; password?: string; first_name?: string; last_name?: string; phone?: string } = {}): Promise<SignedUp> {
  const body = { email: fields.email ?? uniqueEmail(), password: fields.password ?? CUSTOMER_PASSWORD, first_name: fields.first_name ?? 'Grace', last_name: fields.last_name ?? 'Hopper', ...(fields.phone ? { phone: fields.phone } : {}) };
  const res = await shop.post('/store/customers', body);
  expect(res.status, res.text).toBe(201);
  return { token: res.body.token, id: res.body.customer.id, email: body.email, password: body.password, customer: res.body.customer };
}

export async function logIn(shop: TestShop, email: string, password: string) {
  return shop.post('/store/auth/login', { email, password });
}

/**
 * A cart of `quantity` × the variant bought and completed through the Store API, as the customer whose
 * `token` is given (the cart is theirs) or as a guest (`token` null). Returns the placed order.
 */
export async function placeOrder(shop: TestShop, opts: { token: string | null; email: string; variantId: string; quantity?: number; address?: object; currency?: string; idempotencyKey?: string }) {
  const token = opts.token;
  const step = async (method: string, url: string, body?: unknown, status = 200) => {
    const headers: Record<string, string> = opts.idempotencyKey && url.endsWith('/complete') ? { 'idempotency-key': opts.idempotencyKey } : {};
    const res = await shop.request(method, url, { token, body, headers });
    expect(res.status, `${method} ${url}: ${res.text}`).toBe(status);
    return res.body;
  };
  const cart = await step('POST', '/store/carts', { currency_code: opts.currency ?? 'USD' }, 201);
  await step('POST', `/store/carts/${cart.id}/line-items`, { variant_id: opts.variantId, quantity: opts.quantity ?? 1 });
  await step('POST', `/store/carts/${cart.id}`, { email: opts.email, shipping_address: opts.address ?? ADDRESS_US });
  const options = await step('GET', `/store/carts/${cart.id}/shipping-options`);
  await step('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
  await step('POST', `/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
  return step('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
}

export interface QueuedEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  reference_id: string | null;
}

/** The emails queued for `to` (oldest first), decrypted. */
export async function emailsTo(shop: TestShop, to: string, template?: string): Promise<QueuedEmail[]> {
  const rows = await shop.db.selectFrom('email_message').select(['id', 'recipient', 'subject', 'text_body', 'template', 'reference_id', 'created_at'])
    .orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, to: decrypt(r.recipient), subject: r.subject, text: decrypt(r.text_body), template: r.template, reference_id: r.reference_id }))
    .filter((m) => m.to === to && (template === undefined || m.template === template));
}

/** The code in the newest email of `template` sent to `to`. */
export async function codeFromEmail(shop: TestShop, to: string, template: 'password_reset' | 'email_verification'): Promise<string> {
  const mails = await emailsTo(shop, to, template);
  expect(mails.length, `no ${template} email to ${to}`).toBeGreaterThan(0);
  const match = /\b((?:pwr|emv)_[\w-]{43})\b/.exec(mails[mails.length - 1].text);
  expect(match, mails[mails.length - 1].text).not.toBeNull();
  return match![1];
}

export { emailHash };
