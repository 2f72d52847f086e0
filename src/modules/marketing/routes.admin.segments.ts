import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { Deleted, errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { createSegment, deleteSegment, getSegmentOrThrow, listSegments, segmentMembers } from './segments.ts';
import { Segment, SegmentInput } from './shapes.ts';

const tags = ['admin: segments'];
const SegmentParams = Type.Object({ id: Id('seg') });

/** Staff's customer segments (docs/marketing.md): rules on customer data, members evaluated when asked. */
export const adminSegmentRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/segments', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'The segments, by name', response: { 200: Type.Object({ data: Type.Array(Segment) }), ...errorResponses } },
  }, async () => ({ data: await listSegments(db) }));

  app.post('/segments', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Define a segment', body: SegmentInput, response: { 201: Segment, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createSegment(db, request.body)));

  app.get('/segments/:id', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'One segment', params: SegmentParams, response: { 200: Segment, ...errorResponses } },
  }, async (request) => getSegmentOrThrow(db, request.params.id));

  app.get('/segments/:id/customers', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'The segment’s members now (customer ids, at most 10,000)', params: SegmentParams, response: { 200: Type.Object({ customer_ids: Type.Array(Type.String()) }), ...errorResponses } },
  }, async (request) => ({ customer_ids: await segmentMembers(db, request.params.id) }));

  app.delete('/segments/:id', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Delete a segment', params: SegmentParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteSegment(db, request.params.id);
    return { id: request.params.id, object: 'segment', deleted: true };
  });
};
