import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { identifyCustomer } from '../../http/customer-auth.ts';
import { ErrorResponse, errorResponses } from '../../http/schemas.ts';
import { withDisplayedStock } from '../catalog/stock-display.ts';
import { converse } from './assistant.ts';
import { AssistantRequest, AssistantResponse } from './shapes.ts';

/**
 * The shopping assistant (docs/insights.md#shopping-assistant): a message in, a reply with products,
 * proposed cart actions and an order's status out. A session is optional: signed in, a customer may
 * ask about their orders; a guest, about the order whose X-Order-Token they send.
 */
export const storeAssistantRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.addHook('onRequest', identifyCustomer(db));
  app.post('/assistant', {
    config: { rateLimit: { max: config.rateLimitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['store: assistant'],
      summary: 'Ask the shopping assistant: find products, an order\'s status, the shop\'s policies, cart proposals',
      headers: Type.Object({ 'x-order-token': Type.Optional(Type.String({ maxLength: 200, description: 'a guest\'s order token: opens that order to questions' })) }),
      body: AssistantRequest,
      response: { 200: AssistantResponse, 429: ErrorResponse, ...errorResponses },
    },
  }, async (request) => {
    const answer = await converse({ db, config }, request.body, { customerId: request.customer?.id ?? null, orderToken: request.headers['x-order-token'] }, request.log);
    return { ...answer, products: withDisplayedStock(answer.products, config) };
  });
};
