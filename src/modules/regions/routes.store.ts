import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { serveFromStoreCache } from '../../http/store-cache-replies.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { getRegionOrThrow, listRegions } from './regions.ts';
import { StoreRegion } from './shapes.ts';

const tags = ['store: regions'];

/**
 * The regions a storefront offers (its country and currency picker), without a token. Served from the
 * store cache like the catalog, and dropped from it whenever a region changes. Read from the replica
 * when there is one (AppContext.readDb).
 */
export const storeRegionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { readDb, storeCache }) => {
  const cached = serveFromStoreCache(app, storeCache);

  app.get('/regions', {
    schema: {
      tags, summary: 'List regions by name: currency, tax mode, countries',
      querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(StoreRegion), ...errorResponses },
    },
  }, (request, reply) => cached(request, reply, async () => {
    const page = await listRegions(readDb, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  }));

  app.get('/regions/:id', {
    schema: { tags, summary: 'One region', params: Type.Object({ id: Id('reg') }), response: { 200: StoreRegion, ...errorResponses } },
  }, (request, reply) => cached(request, reply, () => getRegionOrThrow(readDb, request.params.id)));
};
