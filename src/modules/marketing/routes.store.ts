import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { requireCustomer } from '../../http/customer-auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { currentConsent, recordConsent } from './consent.ts';
import { recordProductView } from './product-views.ts';
import { ConsentInput, MarketingConsent, ProductViewInput } from './shapes.ts';

const tags = ['store: customers'];

/** The signed-in customer's marketing consent: read it, grant or withdraw it (docs/marketing.md). */
export const storeMarketingRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const signedIn = requireCustomer(db);

  app.get('/customers/me/marketing-consent', {
    onRequest: signedIn,
    schema: { tags, summary: 'My marketing consent, per channel', response: { 200: MarketingConsent, ...errorResponses } },
  }, async (request) => currentConsent(db, request.customer!.id));

  app.post('/customers/me/marketing-consent', {
    onRequest: signedIn,
    schema: { tags, summary: 'Grant or withdraw marketing consent (email, sms)', body: ConsentInput, response: { 200: MarketingConsent, ...errorResponses } },
  }, async (request) => {
    const { source, ...channels } = request.body;
    return recordConsent(db, request.customer!.id, { ...channels, source: source ?? 'storefront' });
  });

  app.post('/customers/me/product-views', {
    onRequest: signedIn,
    schema: {
      tags, summary: 'Report that I viewed a product (kept for the marketing tool only if I consented to email marketing)', body: ProductViewInput,
      response: { 202: Type.Object({ recorded: Type.Boolean({ description: 'false: no email consent, nothing kept' }) }), ...errorResponses },
    },
  }, async (request, reply) => reply.code(202).send({ recorded: await recordProductView(db, request.customer!.id, request.body.product_id) }));
};
