import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { DateTime, Id, ListQuery } from '../../shapes.ts';
import { createAdminUser, deleteAdminUser, listAdminUsers, updateAdminUser } from './admin-users.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { listAudit } from './audit-log.ts';
import { PERMISSIONS } from './permissions.ts';
import { createRole, deleteRole, listRoles, updateRole } from './roles.ts';
import { StaffUser } from './shapes.ts';

const RoleKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,49}$' });
const Permission = Type.Union(PERMISSIONS.map((p) => Type.Literal(p)));
const Role = Type.Object({ key: Type.String(), name: Type.String(), permissions: Type.Array(Type.String()), built_in: Type.Boolean() });
const ApiKey = Type.Object({
  id: Type.String(), name: Type.String(), last4: Type.String(), permissions: Type.Array(Type.String()), created_by: Type.String(),
  created_at: DateTime, last_used_at: Type.Union([DateTime, Type.Null()]), revoked_at: Type.Union([DateTime, Type.Null()]),
});
const AuditEntry = Type.Object({
  id: Type.String(), actor_type: Type.String(), actor_id: Type.String(), action: Type.String(),
  resource_type: Type.Union([Type.String(), Type.Null()]), resource_id: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Record(Type.String(), Type.Unknown()), status: Type.Integer(), request_id: Type.String(), created_at: DateTime,
});

/** Staff accounts, roles, API keys and the audit log. */
export const adminStaffRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const manage = { permission: 'users:manage' } as const;
  const tags = ['admin: staff'];

  app.get('/users', { config: manage, schema: { tags, summary: 'Staff users', response: { 200: Type.Object({ data: Type.Array(StaffUser) }), ...errorResponses } } },
    async () => ({ data: await listAdminUsers(db) }));

  app.post('/users', {
    config: manage,
    schema: {
      tags, summary: 'Add a staff user with a role',
      body: Type.Object({
        email: Type.String({ format: 'email', maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 256 }),
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), role: RoleKey,
      }, { additionalProperties: false }),
      response: { 201: StaffUser, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createAdminUser(db, request.body, request.admin!)));

  app.post('/users/:id', {
    config: manage,
    schema: {
      tags, summary: 'Change a staff user’s name or role', params: Type.Object({ id: Id('usr') }),
      body: Type.Object({ name: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])), role: Type.Optional(RoleKey) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: StaffUser, ...errorResponses },
    },
  }, async (request) => updateAdminUser(db, request.params.id, request.body, request.admin!));

  app.delete('/users/:id', {
    config: manage,
    schema: { tags, summary: 'Remove a staff user (not the last owner)', params: Type.Object({ id: Id('usr') }), response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await deleteAdminUser(db, request.params.id, request.admin!);
    return reply.code(204).send(null);
  });

  app.get('/roles', { config: manage, schema: { tags, summary: 'Built-in and custom roles with their permissions', response: { 200: Type.Object({ data: Type.Array(Role) }), ...errorResponses } } },
    async () => ({ data: await listRoles(db) }));

  app.post('/roles', {
    config: manage,
    schema: {
      tags, summary: 'Create a custom role',
      body: Type.Object({ key: RoleKey, name: Type.String({ minLength: 1, maxLength: 100 }), permissions: Type.Array(Permission, { maxItems: 50 }) }, { additionalProperties: false }),
      response: { 201: Role, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createRole(db, request.body, request.admin!)));

  app.post('/roles/:key', {
    config: manage,
    schema: {
      tags, summary: 'Change a custom role', params: Type.Object({ key: RoleKey }),
      body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), permissions: Type.Optional(Type.Array(Permission, { maxItems: 50 })) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Role, ...errorResponses },
    },
  }, async (request) => updateRole(db, request.params.key, request.body, request.admin!));

  app.delete('/roles/:key', {
    config: manage,
    schema: { tags, summary: 'Delete a custom role no one has', params: Type.Object({ key: RoleKey }), response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await deleteRole(db, request.params.key);
    return reply.code(204).send(null);
  });

  app.get('/api-keys', { config: manage, schema: { tags, summary: 'API keys (never their tokens)', response: { 200: Type.Object({ data: Type.Array(ApiKey) }), ...errorResponses } } },
    async () => ({ data: await listApiKeys(db) }));

  app.post('/api-keys', {
    config: manage,
    schema: {
      tags, summary: 'Create an API key with some of your permissions; the token is shown this once',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), permissions: Type.Array(Type.String({ maxLength: 50 }), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ ...ApiKey.properties, token: Type.String() }), ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createApiKey(db, request.admin!, request.body)));

  app.post('/api-keys/:id/revoke', {
    config: manage,
    schema: { tags, summary: 'Revoke an API key (it stops working at once)', params: Type.Object({ id: Id('key') }), response: { 200: ApiKey, ...errorResponses } },
  }, async (request) => revokeApiKey(db, request.params.id));

  app.get('/audit-log', {
    config: { permission: 'audit:read' },
    schema: {
      tags, summary: 'Every Admin API write: who, what, which resource, before and after (append-only)',
      querystring: Type.Object({
        ...ListQuery,
        actor_id: Type.Optional(Type.String({ maxLength: 100 })), resource_type: Type.Optional(Type.String({ maxLength: 50 })),
        resource_id: Type.Optional(Type.String({ maxLength: 100 })), action: Type.Optional(Type.String({ maxLength: 200 })),
        since: Type.Optional(Type.String({ format: 'date-time' })), until: Type.Optional(Type.String({ format: 'date-time' })),
      }, { additionalProperties: false }),
      response: { 200: ListOf(AuditEntry), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listAudit(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
};
