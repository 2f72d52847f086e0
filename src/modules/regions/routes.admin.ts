import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { createRegion, deleteRegion, getRegionOrThrow, listRegions, updateRegion } from './regions.ts';
import { Region, RegionInput, RegionUpdate } from './shapes.ts';

const tags = ['admin: regions'];
const RegionParams = Type.Object({ id: Id('reg') });

/** Staff's management of regions: currency, countries and tax settings. */
export const adminRegionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/regions', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'List regions by name', querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(Region), ...errorResponses } },
  }, async (request) => {
    const page = await listRegions(db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/regions', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Create a region (default tax rate in percent)', body: RegionInput, response: { 201: Region, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createRegion(db, request.body)));
  app.get('/regions/:id', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'One region', params: RegionParams, response: { 200: Region, ...errorResponses } },
  }, async (request) => getRegionOrThrow(db, request.params.id));
  app.post('/regions/:id', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Update a region (countries given replace the set)', params: RegionParams, body: RegionUpdate, response: { 200: Region, ...errorResponses } },
  }, async (request) => updateRegion(db, request.params.id, request.body));
  app.delete('/regions/:id', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Delete a region no cart uses, with its tax rates and shipping options', params: RegionParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteRegion(db, request.params.id);
    return { id: request.params.id, object: 'region', deleted: true };
  });
};
