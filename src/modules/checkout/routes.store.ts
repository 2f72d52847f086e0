import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { customerActor, identifyCustomer } from '../../http/customer-auth.ts';
import { errorResponses, ErrorResponse } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { toCartResponse } from '../cart/cart-query.ts';
import { Cart } from '../cart/shapes.ts';
import { PlacedOrder } from '../orders/shapes.ts';
import { completeCart } from './complete-cart.ts';
import { startPayment, type CheckoutDeps } from './start-payment.ts';

const CartParams = Type.Object({ id: Id('cart') });
const tags = ['store: checkout'];

export const storeCheckoutRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config, paymentProviders }) => {
  const deps: CheckoutDeps = { db, providers: paymentProviders, config };
  app.addHook('onRequest', identifyCustomer(db));

  app.post('/carts/:id/payment', {
    schema: {
      tags,
      summary: 'Start payment: choose a provider, give its data; the cart’s stock is held while the buyer pays',
      description: 'For `test_card`, `data.card_number` picks the outcome (docs/payments.md). The number is not stored.',
      params: CartParams,
      body: Type.Object({
        provider_id: Type.String({ minLength: 1, maxLength: 50 }),
        data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 20 })),
      }, { additionalProperties: false }),
      response: { 200: Cart, ...errorResponses },
    },
  }, async (request) => toCartResponse(await startPayment(deps, request.params.id, request.body, customerActor(request))));

  app.post('/carts/:id/complete', {
    config: { idempotent: true },
    schema: {
      tags,
      summary: 'Complete the cart: commit its stock, authorize the payment, place the order',
      description: 'Send an `Idempotency-Key` header: a retry with the same key returns the same order and does nothing twice.',
      params: CartParams,
      response: { 201: PlacedOrder, 402: ErrorResponse, 502: ErrorResponse, 504: ErrorResponse, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await completeCart(deps, request.params.id, customerActor(request))));
};
