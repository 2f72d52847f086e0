import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { DateTime, Id, ListQuery } from '../../shapes.ts';
import { anonymizeCustomer, createCustomerGroup, deleteCustomerGroup, getCustomerDetail, listCustomerGroups, listCustomers, updateCustomerByStaff } from './admin-customers.ts';
import { bulkChangeCustomerGroup } from './customer-bulk.ts';
import { exportCustomerData } from './data-export.ts';
import { Customer, CustomerDetail, CustomerExport, ProfileUpdate } from './shapes.ts';

const tags = ['admin: customers'];
const CustomerParams = Type.Object({ id: Id('cus') });
const CustomerFilter = Type.Object(
  { email: Type.Optional(Type.String({ maxLength: 320 })), group_id: Type.Optional(Id('cgrp')) },
  { additionalProperties: false, description: 'the customers to change: the fields of `GET /admin/customers` (`{}` is every customer)' },
);
const CustomerBulkInput = Type.Object({
  filter: CustomerFilter,
  action: Type.Union([Type.Literal('add_to_group'), Type.Literal('remove_from_group')]),
  group_id: Id('cgrp'),
  expected_count: Type.Optional(Type.Integer({ minimum: 0, description: 'how many customers the caller was shown as matching; another count refuses the action (409 `bulk_count_changed`)' })),
  dry_run: Type.Optional(Type.Boolean({ default: false, description: 'count and say what would change, change nothing' })),
}, { additionalProperties: false });
const CustomerBulkResult = Type.Object({
  action: Type.String(),
  matched: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer({ description: 'already in (or out of) the group: no change, no event' }),
  changed_ids: Type.Array(Type.String()),
  dry_run: Type.Boolean(),
});
const Group = Type.Object({ id: Type.String(), name: Type.String(), member_count: Type.Integer(), created_at: DateTime });

export const adminCustomerRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.get('/customers', {
    config: { permission: 'customers:read' },
    schema: {
      tags, summary: 'List customers, newest first; find one by email (exact) or by group',
      querystring: Type.Object({ ...ListQuery, ...CustomerFilter.properties }, { additionalProperties: false }),
      response: { 200: ListOf(Customer), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listCustomers(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.post('/customers/bulk', {
    config: { permission: 'customers:write', idempotent: true },
    schema: {
      tags,
      summary: 'Add every customer a filter matches to a group, or take them out of it: all of them or none',
      description: 'The filter takes the fields of `GET /admin/customers`. At most 1,000 customers (400 `bulk_too_many`); with '
        + '`expected_count` another count refuses the action (409 `bulk_count_changed`). Accepts an `Idempotency-Key`.',
      body: CustomerBulkInput,
      response: { 200: CustomerBulkResult, ...errorResponses },
    },
  }, async (request) => {
    const { filter, action, group_id, expected_count, dry_run } = request.body;
    return bulkChangeCustomerGroup(db, { filter, action, groupId: group_id, expectedCount: expected_count, dryRun: dry_run });
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
