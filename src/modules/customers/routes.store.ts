import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { storefrontPages } from '../../config.ts';
import type { AppContext } from '../../http/context.ts';
import { CUSTOMER_COOKIE, requireCustomer } from '../../http/customer-auth.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ErrorResponse, ListOf } from '../../http/schemas.ts';
import { DateTime, ListQuery } from '../../shapes.ts';
import { listCustomerOrders } from '../orders/order-customers.ts';
import { loginCustomer, logoutCustomer, logoutEverywhere, registerCustomer, requestPasswordReset, resendEmailVerification, resetPassword, verifyEmail, type CustomerSessionToken } from './accounts.ts';
import { addAddress, deleteAddress, listAddresses, updateAddress } from './addresses.ts';
import { exportCustomerData } from './data-export.ts';
import { getCustomerOrThrow, updateCustomerProfile } from './profile.ts';
import { AddressBookEntry, AddressBookEntryInput, AddressBookEntryUpdate, AddressParams, CustomerExport, LoginInput, ProfileUpdate, RegisterInput, Session } from './shapes.ts';

const tags = ['store: customers'];

/** Customer accounts for storefronts: sign-up and sign-in, the profile, the address book, order history. */
export const storeCustomerRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const signedIn = requireCustomer(db);
  const rateLimit = { max: config.rateLimitPerMinute, timeWindow: '1 minute' };
  const emails = { templatesDir: config.emailTemplatesDir, storefront: storefrontPages(config) };

  const withCookie = async (reply: FastifyReply, session: CustomerSessionToken, status: number) => {
    reply.setCookie(CUSTOMER_COOKIE, session.token, {
      httpOnly: true, secure: config.secureCookies, sameSite: 'lax', path: '/store', expires: session.expires_at,
    });
    return reply.code(status).send({ token: session.token, expires_at: session.expires_at, customer: await getCustomerOrThrow(db, session.customer_id) });
  };

  app.post('/customers', {
    config: { rateLimit },
    schema: { tags, summary: 'Register: creates the account, signs in, mails an email-verification code', body: RegisterInput, response: { 201: Session, 429: ErrorResponse, ...errorResponses } },
  }, async (request, reply) => withCookie(reply, await registerCustomer(db, request.body, config.customerSessionDays, emails), 201));

  app.post('/auth/login', {
    config: { rateLimit },
    schema: { tags, summary: 'Sign in: a bearer token, also set as an HttpOnly cookie', body: LoginInput, response: { 200: Session, 429: ErrorResponse, ...errorResponses } },
  }, async (request, reply) => withCookie(reply, await loginCustomer(db, request.body, config.customerSessionDays), 200));

  app.post('/auth/logout', {
    onRequest: signedIn,
    schema: { tags, summary: 'End this session', response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await logoutCustomer(db, request.customer!.sessionId);
    return reply.clearCookie(CUSTOMER_COOKIE, { path: '/store' }).code(204).send(null);
  });

  app.post('/auth/logout-all', {
    onRequest: signedIn,
    schema: { tags, summary: 'End every session of this account, on every device', response: { 200: Type.Object({ sessions_ended: Type.Integer() }), ...errorResponses } },
  }, async (request, reply) => {
    const ended = await logoutEverywhere(db, request.customer!.id);
    return reply.clearCookie(CUSTOMER_COOKIE, { path: '/store' }).send({ sessions_ended: ended });
  });

  app.post('/auth/password-reset', {
    config: { rateLimit },
    schema: {
      tags, summary: 'Mail a password-reset code (the same answer whether or not the email has an account)',
      body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }) }, { additionalProperties: false }),
      response: { 202: Type.Object({ status: Type.String() }), 429: ErrorResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    await requestPasswordReset(db, request.body.email, emails);
    return reply.code(202).send({ status: 'If an account has this email, a code is on its way.' });
  });

  app.post('/auth/password-reset/confirm', {
    config: { rateLimit },
    schema: {
      tags, summary: 'Set a new password with the code; ends every session',
      body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...errorResponses },
    },
  }, async (request, reply) => {
    await resetPassword(db, request.body);
    return reply.code(204).send(null);
  });

  app.post('/auth/verify-email', {
    onRequest: signedIn,
    schema: { tags, summary: 'Mail the email-verification code again', response: { 202: Type.Object({ status: Type.String() }), ...errorResponses } },
  }, async (request, reply) => {
    await resendEmailVerification(db, request.customer!.id, emails);
    return reply.code(202).send({ status: 'sent' });
  });

  app.post('/auth/verify-email/confirm', {
    schema: {
      tags, summary: 'Confirm the email with the code; guest orders placed with it join the account',
      body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ customer_id: Type.String(), claimed_orders: Type.Integer() }), ...errorResponses },
    },
  }, async (request) => verifyEmail(db, request.body.token));

  app.get('/customers/me', {
    onRequest: signedIn,
    schema: { tags, summary: 'The signed-in customer', response: { 200: Session.properties.customer, ...errorResponses } },
  }, async (request) => getCustomerOrThrow(db, request.customer!.id));

  app.patch('/customers/me', {
    onRequest: signedIn,
    schema: { tags, summary: 'Update name, phone or metadata', body: ProfileUpdate, response: { 200: Session.properties.customer, ...errorResponses } },
  }, async (request) => updateCustomerProfile(db, request.customer!.id, request.body));

  app.get('/customers/me/export', {
    onRequest: signedIn,
    schema: { tags, summary: 'Everything the shop holds about me: profile, addresses, marketing consent with its history, orders', response: { 200: CustomerExport, ...errorResponses } },
  }, async (request) => exportCustomerData(db, request.customer!.id, config.orderNumberPrefix));

  app.get('/customers/me/addresses', {
    onRequest: signedIn,
    schema: { tags, summary: 'The address book', response: { 200: Type.Object({ data: Type.Array(AddressBookEntry) }), ...errorResponses } },
  }, async (request) => ({ data: await listAddresses(db, request.customer!.id) }));

  app.post('/customers/me/addresses', {
    onRequest: signedIn,
    schema: { tags, summary: 'Add an address (optionally the default for shipping or billing)', body: AddressBookEntryInput, response: { 201: AddressBookEntry, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await addAddress(db, request.customer!.id, request.body)));

  app.patch('/customers/me/addresses/:address_id', {
    onRequest: signedIn,
    schema: { tags, summary: 'Change an address or its defaults', params: AddressParams, body: AddressBookEntryUpdate, response: { 200: AddressBookEntry, ...errorResponses } },
  }, async (request) => updateAddress(db, request.customer!.id, request.params.address_id, request.body));

  app.delete('/customers/me/addresses/:address_id', {
    onRequest: signedIn,
    schema: { tags, summary: 'Remove an address', params: AddressParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await deleteAddress(db, request.customer!.id, request.params.address_id);
    return reply.code(204).send(null);
  });

  app.get('/orders', {
    onRequest: signedIn,
    schema: {
      tags, summary: 'The signed-in customer’s orders, newest first',
      querystring: Type.Object(ListQuery, { additionalProperties: false }),
      response: {
        200: ListOf(Type.Object({
          id: Type.String(), number: Type.Union([Type.Integer(), Type.Null()]), status: Type.String(), payment_status: Type.String(),
          fulfillment_status: Type.String(), currency_code: Type.String(), total: Type.Integer(), placed_at: Type.Union([DateTime, Type.Null()]),
        })),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const page = await listCustomerOrders(db, request.customer!.id, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
};
