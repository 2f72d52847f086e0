import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { customerActor, identifyCustomer } from '../../http/customer-auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { toCartResponse } from '../cart/cart-query.ts';
import { applyPromotionCode, removePromotionCode } from '../cart/promotion-codes.ts';
import { Cart } from '../cart/shapes.ts';
import { PromotionCode } from './shapes.ts';

const tags = ['store: carts'];

/** Promotion codes on a cart; the cart's answer shows what each took off and the codes that no longer apply. */
export const storePromotionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.addHook('onRequest', identifyCustomer(db));
  app.post('/carts/:id/promotions', {
    schema: {
      tags, summary: 'Enter a promotion code (any case); 409 promotion_not_applicable says why one does not apply',
      params: Type.Object({ id: Id('cart') }),
      body: Type.Object({ code: PromotionCode }, { additionalProperties: false }),
      response: { 200: Cart, ...errorResponses },
    },
  }, async (request) => toCartResponse(await applyPromotionCode(db, request.params.id, request.body.code, customerActor(request))));
  app.delete('/carts/:id/promotions/:code', {
    schema: { tags, summary: 'Remove a promotion code from the cart', params: Type.Object({ id: Id('cart'), code: PromotionCode }), response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await removePromotionCode(db, request.params.id, request.params.code, customerActor(request))));
};
