import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireCustomer } from '../../http/customer-auth.ts';
import type { AppContext } from '../../http/context.ts';
import { ListOf, readErrorResponses } from '../../http/schemas.ts';
import { serveFromStoreCache } from '../../http/store-cache-replies.ts';
import { Product } from '../catalog/shapes.ts';
import { withDisplayedStock } from '../catalog/stock-display.ts';
import { RECOMMENDATION_SCORES_TOPIC } from './recommendation-scores.ts';
import { recommendForCustomer, recommendForProduct } from './recommendations.ts';

const tags = ['store: recommendations'];
const RecommendationQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
}, { additionalProperties: false });

/**
 * Recommendations for the storefront (docs/insights.md): published, in-stock products only, as a
 * product list, with base prices (no price list applies to them: the same for every buyer). A
 * product's are read from the replica when there is one; a customer's from the primary.
 */
export const storeRecommendationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, context) => {
  // A plugin of its own, so that only its route's requests look in the store cache (under this one's prefix).
  await app.register(productRecommendationRoutes, { ...context, prefix: '' });

  /**
   * Never cached: the answer follows the customer's own orders (placed, canceled) at once, and nothing
   * signals those; the recommender's counting comes later.
   */
  app.get('/customers/me/recommendations', {
    onRequest: requireCustomer(context.db),
    schema: {
      tags, summary: 'For the signed-in customer',
      querystring: RecommendationQuery, response: { 200: ListOf(Product), ...readErrorResponses },
    },
  }, async (request) => ({
    data: withDisplayedStock((await recommendForCustomer(context.db, request.customer!.id, request.query.limit)).products, context.config), next_cursor: null,
  }));
};

/**
 * Served from the store cache, keyed by the URL (product and limit): the answer is dropped when the
 * scores change (the recommender's writer signals RECOMMENDATION_SCORES_TOPIC), when the catalog
 * changes (a product published or not), and when the stock of a candidate it weighed moves — the
 * products shown, and every co-purchase or popular product refused before the list was full (one
 * coming back in stock would enter it). The asked-for product's own stock plays no part.
 */
const productRecommendationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { readDb, config, storeCache }) => {
  const cached = serveFromStoreCache(app, storeCache);
  app.get('/products/:id_or_handle/recommendations', {
    schema: {
      tags, summary: 'Frequently bought together',
      params: Type.Object({ id_or_handle: Type.String({ minLength: 1, maxLength: 200 }) }),
      querystring: RecommendationQuery, response: { 200: ListOf(Product), ...readErrorResponses },
    },
  }, (request, reply) => cached(request, reply, async (dependOn) => {
    const { products, watched } = await recommendForProduct(readDb, request.params.id_or_handle, request.query.limit);
    dependOn([RECOMMENDATION_SCORES_TOPIC, ...watched]);
    return { data: withDisplayedStock(products, config), next_cursor: null };
  }));
};
