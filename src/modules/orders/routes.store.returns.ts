import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { identifyCustomer } from '../../http/customer-auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { OrderParams, StoreReturnInput } from './admin-inputs.ts';
import { StoreReturn } from './admin-shapes.ts';
import { getOrderForBuyer } from './orders.ts';
import type { Actor } from './order-state.ts';
import { getReturnOrThrow, listReturns, requestReturn, type ReturnView } from './returns.ts';

const tags = ['store: orders'];
const BuyerHeaders = Type.Object({ 'x-order-token': Type.Optional(Type.String({ maxLength: 200 })) });

function storeView(ret: ReturnView) {
  return {
    id: ret.id, order_id: ret.order_id, status: ret.status, reason: ret.reason, created_at: ret.created_at, received_at: ret.received_at, refunded_at: ret.refunded_at,
    items: ret.items.map((i) => ({ line_item_id: i.line_item_id, quantity: i.quantity, received_quantity: i.received_quantity, reason: i.reason })),
  };
}

/**
 * Returns, for the buyer: the signed-in customer the order belongs to, or anyone with the order's
 * X-Order-Token (a wrong one is a 404, as for no order). Delivered units within RETURN_WINDOW_DAYS.
 */
export const storeReturnRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.addHook('onRequest', identifyCustomer(db));
  /** The caller as the order's buyer, or 404. */
  const buyer = async (request: FastifyRequest, orderId: string, token: string | undefined): Promise<Actor> => {
    await getOrderForBuyer(db, orderId, { token, customerId: request.customer?.id ?? null }, config.orderNumberPrefix);
    return { type: 'customer', id: request.customer?.id ?? null };
  };

  app.get('/orders/:id/returns', {
    schema: { tags, summary: 'The order’s returns', params: OrderParams, headers: BuyerHeaders, response: { 200: Type.Object({ data: Type.Array(StoreReturn) }), ...errorResponses } },
  }, async (request) => {
    await buyer(request, request.params.id, request.headers['x-order-token']);
    return { data: (await listReturns(db, request.params.id)).map(storeView) };
  });

  app.post('/orders/:id/returns', {
    config: { idempotent: true },
    schema: {
      tags, summary: `Ask to return delivered units (within the shop's return window)`,
      description: 'Send the X-Order-Token completing the cart returned (or be signed in as the order’s customer).',
      params: OrderParams, headers: BuyerHeaders, body: StoreReturnInput, response: { 201: StoreReturn, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = await buyer(request, request.params.id, request.headers['x-order-token']);
    const id = await requestReturn(db, request.params.id, { lines: request.body.lines, note: request.body.note }, {
      actor, source: 'customer', windowDays: config.returnWindowDays,
    });
    return reply.code(201).send(storeView(await getReturnOrThrow(db, request.params.id, id)));
  });
};
