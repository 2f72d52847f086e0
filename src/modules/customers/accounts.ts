import { storefrontLink, type StorefrontPages } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { decrypt, decryptNullable, emailHash, emailHashes, encrypt, encryptNullable } from '../../crypto/data-encryption.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { queueEmail } from '../notifications/email-queue.ts';
import { renderEmail } from '../notifications/templates.ts';
import { claimGuestOrders } from '../orders/order-customers.ts';
import { burnVerification, hashPassword, verifyPassword } from '../users/passwords.ts';
import { hashToken, newToken } from '../users/tokens.ts';
import { assertNotLocked, clearFailedLogins, recordFailedLogin } from '../users/login-throttle.ts';
import { assertStrongPassword } from './password-policy.ts';

/**
 * Customer accounts: registration, sign-in with revocable sessions (opaque tokens, stored hashed),
 * password reset and email verification by single-use expiring tokens sent by email. Answers never
 * tell whether an email has an account, except registering an email that has one (409, as it must).
 */
const REALM = 'customer';
const TOKEN_HOURS = { password_reset: 1, email_verification: 48 } as const;

/**
 * Where account emails come from: their templates (`password_reset`, `email_verification`, which
 * EMAIL_TEMPLATES_DIR may override) and the storefront pages their links open.
 */
export interface AccountEmails {
  templatesDir: string | null;
  storefront: StorefrontPages;
}

export interface CustomerSessionToken {
  token: string;
  expires_at: Date;
  customer_id: string;
}

async function openSession(db: Db, customerId: string, days: number): Promise<CustomerSessionToken> {
  const token = newToken('cws');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.insertInto('customer_session').values({ id: newId('cses'), customer_id: customerId, token_hash: hashToken(token), expires_at: expiresAt }).execute();
  return { token, expires_at: expiresAt, customer_id: customerId };
}

export async function registerCustomer(
  db: Db,
  input: { email: string; password: string; first_name: string; last_name: string; phone?: string | null },
  sessionDays: number,
  emails: AccountEmails,
): Promise<CustomerSessionToken> {
  assertStrongPassword(input.password, input.email, 'body.password');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const hash = emailHash(input.email);
    if (await tx.selectFrom('customer').select('id').where('email_hash', 'in', emailHashes(input.email)).executeTakeFirst()) {
      throw new AppError('customer_email_taken', { field: 'body.email' });
    }
    const id = newId('cus');
    await tx.insertInto('customer').values({
      id, email_hash: hash, email: encrypt(input.email.trim()), first_name: encrypt(input.first_name), last_name: encrypt(input.last_name),
      phone: encryptNullable(input.phone), password_hash: passwordHash, metadata: '{}',
    }).execute();
    await sendEmailVerification(tx, emails, { id, email: input.email.trim(), first_name: input.first_name });
    await recordEvents(tx, [{ type: 'customer.created', resource_type: 'customer', resource_id: id, payload: { id } }]);
    return openSession(tx, id, sessionDays);
  });
}

/** Signs in; a wrong password and an unknown email get the same answer after the same work. */
export async function loginCustomer(db: Db, input: { email: string; password: string }, sessionDays: number): Promise<CustomerSessionToken> {
  await assertNotLocked(db, REALM, input.email);
  const row = await db.selectFrom('customer').select(['id', 'password_hash'])
    .where('email_hash', 'in', emailHashes(input.email)).where('anonymized_at', 'is', null).executeTakeFirst();
  const ok = row?.password_hash ? await verifyPassword(row.password_hash, input.password) : (await burnVerification(input.password), false);
  if (!ok || !row) {
    await recordFailedLogin(db, REALM, input.email);
    throw new AppError('invalid_credentials');
  }
  await clearFailedLogins(db, REALM, input.email);
  return openSession(db, row.id, sessionDays);
}

/** The customer a session token belongs to, or null (unknown, expired, revoked, or another realm's token). */
export async function authenticateCustomer(db: Db, token: string): Promise<{ customerId: string; sessionId: string } | null> {
  if (!token.startsWith('cws_')) return null;
  const row = await db.selectFrom('customer_session as s').innerJoin('customer as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.customer_id'])
    .where('s.token_hash', '=', hashToken(token)).where('s.revoked_at', 'is', null).where('s.expires_at', '>', new Date())
    .where('c.anonymized_at', 'is', null)
    .executeTakeFirst();
  return row ? { customerId: row.customer_id, sessionId: row.id } : null;
}

export async function logoutCustomer(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('customer_session').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every session of the customer (all devices). */
export async function logoutEverywhere(db: Db, customerId: string): Promise<number> {
  const result = await db.updateTable('customer_session').set({ revoked_at: new Date() })
    .where('customer_id', '=', customerId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function issueToken(tx: Db, customerId: string, purpose: keyof typeof TOKEN_HOURS): Promise<string> {
  const token = newToken(purpose === 'password_reset' ? 'pwr' : 'emv');
  await tx.insertInto('customer_token').values({
    id: newId('ctok'), customer_id: customerId, purpose, token_hash: hashToken(token),
    expires_at: new Date(Date.now() + TOKEN_HOURS[purpose] * 3_600_000),
  }).execute();
  return token;
}

/** Queues a token's email from its template, its link the storefront page that takes the token. */
async function mailToken(
  tx: Db,
  emails: AccountEmails,
  customer: { id: string; email: string; first_name: string | null },
  purpose: keyof typeof TOKEN_HOURS,
): Promise<void> {
  const token = await issueToken(tx, customer.id, purpose);
  const page = purpose === 'password_reset' ? 'resetPasswordPath' : 'verifyEmailPath';
  const hours = TOKEN_HOURS[purpose];
  const view = {
    first_name: customer.first_name, token, link: storefrontLink(emails.storefront, page, { token }),
    expires_hours: hours, expires_singular: hours === 1,
  };
  const email = renderEmail(purpose, view, emails.templatesDir);
  await queueEmail(tx, { to: customer.email, template: purpose, ...email, reference_type: 'customer', reference_id: customer.id });
}

async function sendEmailVerification(tx: Db, emails: AccountEmails, customer: { id: string; email: string; first_name: string | null }): Promise<void> {
  await mailToken(tx, emails, customer, 'email_verification');
}

/** Mails a reset token if the email has an account; answers the same either way. */
export async function requestPasswordReset(db: Db, email: string, emails: AccountEmails): Promise<void> {
  const row = await db.selectFrom('customer').select(['id', 'email', 'first_name']).where('email_hash', 'in', emailHashes(email)).where('anonymized_at', 'is', null).executeTakeFirst();
  if (!row) {
    await burnVerification(email); // about the time a hash and an insert take, so timing tells nothing
    return;
  }
  await inTransaction(db, (tx) => mailToken(tx, emails, { id: row.id, email: decrypt(row.email), first_name: decryptNullable(row.first_name) }, 'password_reset'));
}

/** Uses a token once: marks it used and returns its customer, or throws invalid_token. */
async function consumeToken(tx: Db, token: string, purpose: keyof typeof TOKEN_HOURS): Promise<string> {
  const row = await tx.updateTable('customer_token').set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token)).where('purpose', '=', purpose)
    .where('used_at', 'is', null).where('expires_at', '>', new Date())
    .returning('customer_id').executeTakeFirst();
  if (!row) throw new AppError('invalid_token', { field: 'body.token' });
  return row.customer_id;
}

/** Sets a new password from a reset token, and ends every session (whoever had them). */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const customerId = await consumeToken(tx, input.token, 'password_reset');
    const customer = await tx.selectFrom('customer').select('email').where('id', '=', customerId).executeTakeFirstOrThrow();
    assertStrongPassword(input.password, decrypt(customer.email), 'body.password');
    await tx.updateTable('customer').set({ password_hash: await hashPassword(input.password), updated_at: new Date() }).where('id', '=', customerId).execute();
    await logoutEverywhere(tx, customerId);
    await clearFailedLogins(tx, REALM, decrypt(customer.email));
    await recordEvents(tx, [{ type: 'customer.password_reset', resource_type: 'customer', resource_id: customerId, payload: { id: customerId } }]);
  });
}

export async function resendEmailVerification(db: Db, customerId: string, emails: AccountEmails): Promise<void> {
  await inTransaction(db, async (tx) => {
    const customer = await tx.selectFrom('customer').select(['email', 'first_name', 'email_verified_at']).where('id', '=', customerId).executeTakeFirstOrThrow();
    if (!customer.email_verified_at) {
      await sendEmailVerification(tx, emails, { id: customerId, email: decrypt(customer.email), first_name: decryptNullable(customer.first_name) });
    }
  });
}

/**
 * Confirms the email, and gives the account the guest orders placed with the same email: proving
 * the email is what proves those orders are theirs.
 */
export async function verifyEmail(db: Db, token: string): Promise<{ customer_id: string; claimed_orders: number }> {
  return inTransaction(db, async (tx) => {
    const customerId = await consumeToken(tx, token, 'email_verification');
    const customer = await tx.updateTable('customer').set({ email_verified_at: new Date() }).where('id', '=', customerId)
      .returning('email_hash').executeTakeFirstOrThrow();
    const claimed = await claimGuestOrders(tx, { customerId, emailHash: customer.email_hash });
    await recordEvents(tx, [{ type: 'customer.email_verified', resource_type: 'customer', resource_id: customerId, payload: { id: customerId } }]);
    return { customer_id: customerId, claimed_orders: claimed };
  });
}
