import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { customerToken, identifyCustomer } from '../../http/customer-auth.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { serveFromStoreCache } from '../../http/store-cache-replies.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { applyingPriceLists, applyPriceLists, pricedGroupsOf } from '../pricing/applicable-prices.ts';
import { getCategoryOrThrow, listCategories } from './categories.ts';
import { getCollectionOrThrow, listCollections } from './collections.ts';
import { getProductOrThrow, queryProducts } from './product-query.ts';
import { Category, Collection, Product, ProductList, StoreProductListQuery } from './shapes.ts';
import { withDisplayedStock } from './stock-display.ts';

const IdOrHandle = Type.Object({ id_or_handle: Type.String({ minLength: 1, maxLength: 200 }) });

/**
 * The storefront's catalog: published products only, priced for the buyer (price lists). Answers are
 * served from the store cache, keyed by the exact URL and the buyer's price context (the customer
 * groups some price list names, none for guests), emptied whenever the catalog or a price list
 * changes and when a price list starts or ends, so repeated reads cost no query. The catalog is read
 * from the replica when there is one (AppContext.readDb), which never refills the cache with what a
 * change replaced (ReplicaRouter); who the buyer is and their groups come from the primary (a session
 * just begun must be found).
 */
export const storeCatalogRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, readDb, storeCache, config }) => {
  const identify = identifyCustomer(db);
  const groups = new WeakMap<FastifyRequest, string[]>();
  const cached = serveFromStoreCache(app, storeCache, {
    context: (request) => {
      if (!customerToken(request)) return '';
      return identify(request).then(async () => {
        const ids = request.customer ? await pricedGroupsOf(db, request.customer.id) : [];
        groups.set(request, ids);
        return ids.length ? `#groups=${ids.join(',')}` : '';
      });
    },
  });
  /** The products with the buyer's price lists applied; the cache drops them when a list starts or ends. */
  const priced = async <T extends Parameters<typeof applyPriceLists>[1]>(request: FastifyRequest, products: T): Promise<T> => {
    const nextChange = await applyPriceLists(readDb, products, { groupIds: groups.get(request) ?? [], now: new Date() });
    if (nextChange) storeCache.expireAt(nextChange);
    return products;
  };

  app.get('/products', {
    schema: {
      tags: ['store: catalog'],
      summary: 'List published products: search, filter, sort, page',
      querystring: StoreProductListQuery,
      response: { 200: ProductList, ...errorResponses },
    },
  }, (request, reply) => cached(request, reply, async () => {
    const { limit, cursor, sort, tag, ...filter } = request.query;
    // Price filters and sorts use the price this buyer sees (the cache key holds their price context).
    const lists = filter.currency_code ? await applyingPriceLists(readDb, { groupIds: groups.get(request) ?? [], now: new Date() }) : null;
    if (lists?.nextChange) storeCache.expireAt(lists.nextChange);
    const page = await queryProducts(readDb, { ...filter, tags: tag, statuses: ['published'], price_lists: lists?.applying }, { sort, limit, after: decodeCursor(cursor) });
    return { data: withDisplayedStock(await priced(request, page.products), config), next_cursor: encodeCursor(page.next), did_you_mean: page.did_you_mean };
  }));

  app.get('/products/:id_or_handle', {
    schema: {
      tags: ['store: catalog'],
      summary: 'One published product with its options, variants and prices',
      params: IdOrHandle,
      response: { 200: Product, ...errorResponses },
    },
  }, (request, reply) => cached(request, reply, async () => withDisplayedStock(await priced(request, [await getProductOrThrow(readDb, request.params.id_or_handle, { anyStatus: false })]), config)[0]));

  app.get('/collections', {
    schema: { tags: ['store: catalog'], summary: 'List collections', querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(Collection), ...errorResponses } },
  }, (request, reply) => cached(request, reply, async () => {
    const page = await listCollections(readDb, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  }));

  app.get('/collections/:id_or_handle', {
    schema: { tags: ['store: catalog'], summary: 'One collection', params: IdOrHandle, response: { 200: Collection, ...errorResponses } },
  }, (request, reply) => cached(request, reply, () => getCollectionOrThrow(readDb, request.params.id_or_handle)));

  app.get('/categories', {
    schema: {
      tags: ['store: catalog'],
      summary: 'The category tree, depth first (parents before children)',
      querystring: Type.Object({ ...ListQuery, parent_id: Type.Optional(Id('pcat')) }, { additionalProperties: false }),
      response: { 200: ListOf(Category), ...errorResponses },
    },
  }, (request, reply) => cached(request, reply, async () => {
    const { limit, cursor, parent_id } = request.query;
    const page = await listCategories(readDb, { limit, parent_id, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  }));

  app.get('/categories/:id_or_handle', {
    schema: { tags: ['store: catalog'], summary: 'One category', params: IdOrHandle, response: { 200: Category, ...errorResponses } },
  }, (request, reply) => cached(request, reply, () => getCategoryOrThrow(readDb, request.params.id_or_handle)));
};
