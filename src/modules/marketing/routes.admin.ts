import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { consentHistory, currentConsent, recordConsent } from './consent.ts';
import { ConsentInput, MarketingConsent } from './shapes.ts';

const tags = ['admin: customers'];
const CustomerParams = Type.Object({ id: Id('cus') });

/** Staff's view of a customer's marketing consent with its history, and consent recorded by staff (given by phone, in store). */
export const adminMarketingRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/customers/:id/marketing-consent', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'A customer’s marketing consent and its history', params: CustomerParams, response: { 200: MarketingConsent, ...errorResponses } },
  }, async (request) => {
    const exists = await db.selectFrom('customer').select('id').where('id', '=', request.params.id).executeTakeFirst();
    if (!exists) throw new AppError('customer_not_found', { id: request.params.id });
    return { ...(await currentConsent(db, request.params.id)), history: await consentHistory(db, request.params.id) };
  });

  app.post('/customers/:id/marketing-consent', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Record consent a customer gave or withdrew outside the storefront', params: CustomerParams, body: ConsentInput, response: { 200: MarketingConsent, ...errorResponses } },
  }, async (request) => {
    const { source, ...channels } = request.body;
    await recordConsent(db, request.params.id, { ...channels, source: source ?? 'admin' });
    return { ...(await currentConsent(db, request.params.id)), history: await consentHistory(db, request.params.id) };
  });
};
