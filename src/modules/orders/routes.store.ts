import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Id } from '../../http/schemas.ts';
import { getOrderForBuyer } from './orders.ts';
import { Order } from './shapes.ts';

export const storeOrderRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/orders/:id', {
    schema: {
      tags: ['store: orders'],
      summary: 'An order, for its buyer: send the access token completing the cart returned as X-Order-Token',
      params: Type.Object({ id: Id('ord') }),
      headers: Type.Object({ 'x-order-token': Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: Order, ...errorResponses },
    },
  }, async (request) => getOrderForBuyer(db, request.params.id, request.headers['x-order-token']));
};
