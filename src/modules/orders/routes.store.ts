import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { identifyCustomer } from '../../http/customer-auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { getOrderForBuyer } from './orders.ts';
import { Order } from './shapes.ts';

export const storeOrderRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.addHook('onRequest', identifyCustomer(db));
  app.get('/orders/:id', {
    schema: {
      tags: ['store: orders'],
      summary: 'An order, for its buyer: the signed-in customer it belongs to, or anyone with the X-Order-Token completing the cart returned',
      params: Type.Object({ id: Id('ord') }),
      headers: Type.Object({ 'x-order-token': Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: Order, ...errorResponses },
    },
  }, async (request) => getOrderForBuyer(db, request.params.id, { token: request.headers['x-order-token'], customerId: request.customer?.id ?? null }, config.orderNumberPrefix));
};
