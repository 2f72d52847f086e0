import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { ADMIN_COOKIE, bearerToken, csrfTokenFor } from '../../http/admin-auth.ts';
import { ErrorResponse, errorResponses } from '../../http/schemas.ts';
import { DateTime } from '../../shapes.ts';
import { loginAdmin, revokeAdminSession } from './admin-sessions.ts';
import { StaffUser } from './shapes.ts';

const tags = ['admin: auth'];

/** Sign-in: the one Admin API route open without a token. */
export const adminLoginRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.post('/auth/login', {
    config: { rateLimit: { max: config.rateLimitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Sign in with email and password; returns a bearer token',
      security: [],
      body: Type.Object({
        email: Type.String({ minLength: 3, maxLength: 320 }),
        password: Type.String({ minLength: 1, maxLength: 1024 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ token: Type.String(), csrf_token: Type.String(), expires_at: DateTime, user: StaffUser }), 429: ErrorResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const session = await loginAdmin(db, request.body, config.adminSessionHours);
    // Browsers (the admin app) get the session as an HttpOnly cookie, and send csrf_token back as
    // X-CSRF-Token on writes; API clients use the bearer token and need neither.
    reply.setCookie(ADMIN_COOKIE, session.token, { httpOnly: true, secure: config.secureCookies, sameSite: 'strict', path: '/admin', expires: session.expires_at });
    return { ...session, csrf_token: csrfTokenFor(session.token) };
  });
};

/** The signed-in user's own session. */
export const adminSessionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.post('/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'End this session (its token stops working)', response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    if (request.admin!.sessionId) await revokeAdminSession(db, request.admin!.sessionId);
    return reply.clearCookie(ADMIN_COOKIE, { path: '/admin' }).code(204).send(null);
  });

  app.get('/auth/session', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Who is calling: the staff member (or API key), their permissions and, for a cookie session, its CSRF token',
      response: {
        200: Type.Object({
          actor: Type.Object({ kind: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('system')]), id: Type.String() }),
          user: Type.Union([StaffUser, Type.Null()]),
          permissions: Type.Array(Type.String()),
          csrf_token: Type.Union([Type.String(), Type.Null()], { description: 'For a session sent as the cookie: the X-CSRF-Token its writes need (null otherwise)' }),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const actor = request.admin!;
    // The admin app keeps the CSRF token in memory only; after a reload it asks here again. Another
    // site's page can make the browser send the cookie but cannot read this answer (no CORS for it).
    const cookie = bearerToken(request) ? null : request.cookies[ADMIN_COOKIE] ?? null;
    return { actor: { kind: actor.kind, id: actor.id }, user: actor.user, permissions: [...actor.permissions].sort(), csrf_token: cookie ? csrfTokenFor(cookie) : null };
  });
};
