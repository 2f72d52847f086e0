import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireCustomer } from '../../http/customer-auth.ts';
import type { AppContext } from '../../http/context.ts';
import { ListOf, readErrorResponses } from '../../http/schemas.ts';
import { Product } from '../catalog/shapes.ts';
import { withDisplayedStock } from '../catalog/stock-display.ts';
import { recommendForCustomer, recommendForProduct } from './recommendations.ts';

const tags = ['store: recommendations'];
const RecommendationQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
}, { additionalProperties: false });

/**
 * Recommendations for the storefront (docs/insights.md): published, in-stock products only, as a
 * product list. Never cached: they follow orders, which do not empty the store cache. A product's are
 * read from the replica when there is one; a customer's from the primary (they follow the customer's
 * own latest orders).
 */
export const storeRecommendationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, readDb, config }) => {
  app.get('/products/:id_or_handle/recommendations', {
    schema: {
      tags, summary: 'Frequently bought together',
      params: Type.Object({ id_or_handle: Type.String({ minLength: 1, maxLength: 200 }) }),
      querystring: RecommendationQuery, response: { 200: ListOf(Product), ...readErrorResponses },
    },
  }, async (request) => ({
    data: withDisplayedStock(await recommendForProduct(readDb, request.params.id_or_handle, request.query.limit), config), next_cursor: null,
  }));

  app.get('/customers/me/recommendations', {
    onRequest: requireCustomer(db),
    schema: {
      tags, summary: 'For the signed-in customer',
      querystring: RecommendationQuery, response: { 200: ListOf(Product), ...readErrorResponses },
    },
  }, async (request) => ({
    data: withDisplayedStock(await recommendForCustomer(db, request.customer!.id, request.query.limit), config), next_cursor: null,
  }));
};
