import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { DateTime, Id, ListQuery } from '../../shapes.ts';
import { anonymizeCustomer, createCustomerGroup, deleteCustomerGroup, getCustomerDetail, listCustomerGroups, listCustomers, updateCustomerByStaff } from './admin-customers.ts';
import { exportCustomerData } from './data-export.ts';
import { Customer, CustomerDetail, CustomerExport, ProfileUpdate } from './shapes.ts';

const tags = ['admin: customers'];
const CustomerParams = Type.Object({ id: Id('cus') });
const Group = Type.Object({ id: Type.String(), name: Type.String(), member_count: Type.Integer(), created_at: DateTime });

export const adminCustomerRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.get('/customers', {
    config: { permission: 'customers:read' },
    schema: {
      tags, summary: 'List customers, newest first; find one by email (exact) or by group',
      querystring: Type.Object({ ...ListQuery, email: Type.Optional(Type.String({ maxLength: 320 })), group_id: Type.Optional(Id('cgrp')) }, { additionalProperties: false }),
      response: { 200: ListOf(Customer), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listCustomers(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.get('/customers/:id', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'A customer with recent orders and lifetime value per currency', params: CustomerParams, response: { 200: CustomerDetail, ...errorResponses } },
  }, async (request) => getCustomerDetail(db, request.params.id));

  app.post('/customers/:id', {
    config: { permission: 'customers:write' },
    schema: {
      tags, summary: 'Edit a customer; group_ids replaces their groups', params: CustomerParams,
      body: Type.Object({ ...ProfileUpdate.properties, group_ids: Type.Optional(Type.Array(Id('cgrp'), { maxItems: 50 })) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: CustomerDetail, ...errorResponses },
    },
  }, async (request) => updateCustomerByStaff(db, request.params.id, request.body));

  app.get('/customers/:id/export', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'Everything the shop holds about a customer, for a data-access or portability request (GDPR)', params: CustomerParams, response: { 200: CustomerExport, ...errorResponses } },
  }, async (request) => exportCustomerData(db, request.params.id, config.orderNumberPrefix));

  app.post('/customers/:id/anonymize', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Erase the customer’s personal data (GDPR); orders and totals stay', params: CustomerParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await anonymizeCustomer(db, request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/customer-groups', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'Customer groups', response: { 200: Type.Object({ data: Type.Array(Group) }), ...errorResponses } },
  }, async () => ({ data: (await listCustomerGroups(db)).map((g) => ({ ...g, member_count: Number(g.member_count ?? 0) })) }));

  app.post('/customer-groups', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Create a group (later issues price by group)', body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }), response: { 201: Group, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createCustomerGroup(db, request.body.name)));

  app.delete('/customer-groups/:id', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Delete a group (its members stay customers)', params: Type.Object({ id: Id('cgrp') }), response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await deleteCustomerGroup(db, request.params.id);
    return reply.code(204).send(null);
  });
};
