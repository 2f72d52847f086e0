import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { customerActor, identifyCustomer } from '../../http/customer-auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { toCartResponse } from '../cart/cart-query.ts';
import { applyGiftCardCode, removeGiftCardCode, stopUsingStoreCredit, useStoreCredit } from '../cart/gift-card-codes.ts';
import { Cart } from '../cart/shapes.ts';
import { GiftCardCode, UseStoreCreditInput } from './shapes.ts';

const tags = ['store: carts'];
const CartParams = Type.Object({ id: Id('cart') });

/** Gift cards and store credit on a cart; the cart shows what each pays and the amount left to pay by card. */
export const storeGiftCardRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.addHook('onRequest', identifyCustomer(db));
  app.post('/carts/:id/gift-cards', {
    schema: {
      tags, summary: 'Apply a gift card (code in any case); 409 says why one cannot pay this cart',
      params: CartParams, body: Type.Object({ code: GiftCardCode }, { additionalProperties: false }), response: { 200: Cart, ...errorResponses },
    },
  }, async (request) => toCartResponse(await applyGiftCardCode(db, request.params.id, request.body.code, customerActor(request))));
  app.delete('/carts/:id/gift-cards/:code', {
    schema: { tags, summary: 'Take a gift card off the cart (its code, or the last four characters the cart shows)', params: Type.Object({ id: Id('cart'), code: GiftCardCode }), response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await removeGiftCardCode(db, request.params.id, request.params.code, customerActor(request))));
  app.post('/carts/:id/store-credit', {
    schema: { tags, summary: 'Spend the signed-in customer’s store credit on the cart (up to amount)', params: CartParams, body: UseStoreCreditInput, response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await useStoreCredit(db, request.params.id, request.body, customerActor(request))));
  app.delete('/carts/:id/store-credit', {
    schema: { tags, summary: 'Stop spending store credit on the cart', params: CartParams, response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await stopUsingStoreCredit(db, request.params.id, customerActor(request))));
};
