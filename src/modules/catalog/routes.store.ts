import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { serveFromStoreCache } from '../../http/store-cache-replies.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { getCategoryOrThrow, listCategories } from './categories.ts';
import { getCollectionOrThrow, listCollections } from './collections.ts';
import { getProductOrThrow, queryProducts } from './product-query.ts';
import { Category, Collection, Product, ProductList, StoreProductListQuery } from './shapes.ts';
import { withDisplayedStock } from './stock-display.ts';

const IdOrHandle = Type.Object({ id_or_handle: Type.String({ minLength: 1, maxLength: 200 }) });

/**
 * The storefront's catalog: published products only. Answers are served from the store cache, keyed by
 * the exact URL and emptied whenever the catalog changes, so repeated reads cost no query.
 */
export const storeCatalogRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, storeCache, config }) => {
  const cached = serveFromStoreCache(app, storeCache);

  app.get('/products', {
    schema: {
      tags: ['store: catalog'],
      summary: 'List published products: search, filter, sort, page',
      querystring: StoreProductListQuery,
      response: { 200: ProductList, ...errorResponses },
    },
  }, (request, reply) => cached(request, reply, async () => {
    const { limit, cursor, sort, tag, ...filter } = request.query;
    const page = await queryProducts(db, { ...filter, tags: tag, statuses: ['published'] }, { sort, limit, after: decodeCursor(cursor) });
    return { data: withDisplayedStock(page.products, config), next_cursor: encodeCursor(page.next), did_you_mean: page.did_you_mean };
  }));

  app.get('/products/:id_or_handle', {
    schema: {
      tags: ['store: catalog'],
      summary: 'One published product with its options, variants and prices',
      params: IdOrHandle,
      response: { 200: Product, ...errorResponses },
    },
  }, (request, reply) => cached(request, reply, async () => withDisplayedStock([await getProductOrThrow(db, request.params.id_or_handle, { anyStatus: false })], config)[0]));

  app.get('/collections', {
    schema: { tags: ['store: catalog'], summary: 'List collections', querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(Collection), ...errorResponses } },
  }, (request, reply) => cached(request, reply, async () => {
    const page = await listCollections(db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  }));

  app.get('/collections/:id_or_handle', {
    schema: { tags: ['store: catalog'], summary: 'One collection', params: IdOrHandle, response: { 200: Collection, ...errorResponses } },
  }, (request, reply) => cached(request, reply, () => getCollectionOrThrow(db, request.params.id_or_handle)));

  app.get('/categories', {
    schema: {
      tags: ['store: catalog'],
      summary: 'The category tree, depth first (parents before children)',
      querystring: Type.Object({ ...ListQuery, parent_id: Type.Optional(Id('pcat')) }, { additionalProperties: false }),
      response: { 200: ListOf(Category), ...errorResponses },
    },
  }, (request, reply) => cached(request, reply, async () => {
    const { limit, cursor, parent_id } = request.query;
    const page = await listCategories(db, { limit, parent_id, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  }));

  app.get('/categories/:id_or_handle', {
    schema: { tags: ['store: catalog'], summary: 'One category', params: IdOrHandle, response: { 200: Category, ...errorResponses } },
  }, (request, reply) => cached(request, reply, () => getCategoryOrThrow(db, request.params.id_or_handle)));
};
