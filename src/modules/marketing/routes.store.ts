import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';
import { requireCustomer } from '../../http/customer-auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { currentConsent, recordConsent } from './consent.ts';
import { ConsentInput, MarketingConsent } from './shapes.ts';

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
};
