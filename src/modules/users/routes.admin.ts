import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { DateTime, errorResponses } from '../../http/schemas.ts';
import { loginAdmin, revokeAdminSession } from './admin-sessions.ts';

const AdminUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  created_at: DateTime,
  last_login_at: Type.Union([DateTime, Type.Null()]),
});

const tags = ['admin: auth'];

/** Sign-in: the one Admin API route open without a token. */
export const adminLoginRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.post('/auth/login', {
    schema: {
      tags,
      summary: 'Sign in with email and password; returns a bearer token',
      security: [],
      body: Type.Object({
        email: Type.String({ minLength: 3, maxLength: 320 }),
        password: Type.String({ minLength: 1, maxLength: 1024 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ token: Type.String(), expires_at: DateTime, user: AdminUser }), ...errorResponses },
    },
  }, async (request) => loginAdmin(db, request.body, config.adminSessionHours));
};

/** The signed-in user's own session. */
export const adminSessionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.post('/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'End this session (its token stops working)', response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await revokeAdminSession(db, request.admin!.sessionId!);
    return reply.code(204).send(null);
  });

  app.get('/auth/session', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Who is calling: the staff member (or API key) and their permissions',
      response: {
        200: Type.Object({
          actor: Type.Object({ kind: Type.Union([Type.Literal('user'), Type.Literal('api_key')]), id: Type.String() }),
          user: Type.Union([AdminUser, Type.Null()]),
          permissions: Type.Array(Type.String()),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const actor = request.admin!;
    return { actor: { kind: actor.kind, id: actor.id }, user: actor.user, permissions: [...actor.permissions].sort() };
  });
};
