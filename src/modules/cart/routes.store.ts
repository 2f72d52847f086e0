import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { customerActor, identifyCustomer } from '../../http/customer-auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { loadCartState, toCartResponse } from './cart-query.ts';
import { addLineItem, createCart, removeLineItem, setShippingMethod, shippingOptionsForCart, updateCart, updateLineItem } from './carts.ts';
import { AddLineItemInput, Cart, CreateCartInput, ShippingOptionForCart, UpdateCartInput, UpdateLineItemInput } from './shapes.ts';

const CartParams = Type.Object({ id: Id('cart') });

const LineParams = Type.Object({ id: Id('cart'), line_id: Id('cali') });
const tags = ['store: carts'];

/**
 * The cart, for storefronts. The cart id is the buyer's key to it: ids are random and never listed.
 * Every answer is the whole cart with every amount computed by the server.
 */
export const storeCartRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, carriers, config }) => {
  const rates = { carriers, timeoutMs: config.carrierTimeoutMs };
  app.addHook('onRequest', identifyCustomer(db));

  app.post('/carts', {
    config: { idempotent: true },
    schema: { tags, summary: 'Create a cart in a region (or the region selling a currency, or the default region)', body: CreateCartInput, response: { 201: Cart, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(toCartResponse(await createCart(db, request.body ?? {}, customerActor(request)))));

  app.get('/carts/:id', {
    schema: { tags, summary: 'The cart with its computed totals', params: CartParams, response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await loadCartState(db, request.params.id, customerActor(request))));

  app.post('/carts/:id', {
    schema: { tags, summary: 'Set email, addresses or region', params: CartParams, body: UpdateCartInput, response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await updateCart(db, request.params.id, request.body, customerActor(request))));

  app.post('/carts/:id/line-items', {
    schema: { tags, summary: 'Add a variant (a variant already in the cart gets more quantity)', params: CartParams, body: AddLineItemInput, response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await addLineItem(db, request.params.id, request.body, customerActor(request))));

  app.patch('/carts/:id/line-items/:line_id', {
    schema: { tags, summary: 'Change a line’s quantity', params: LineParams, body: UpdateLineItemInput, response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await updateLineItem(db, request.params.id, request.params.line_id, request.body, customerActor(request))));

  app.delete('/carts/:id/line-items/:line_id', {
    schema: { tags, summary: 'Remove a line', params: LineParams, response: { 200: Cart, ...errorResponses } },
  }, async (request) => toCartResponse(await removeLineItem(db, request.params.id, request.params.line_id, customerActor(request))));

  app.get('/carts/:id/shipping-options', {
    schema: { tags, summary: 'Shipping options that apply to the cart, priced for it', params: CartParams, response: { 200: Type.Object({ data: Type.Array(ShippingOptionForCart) }), ...errorResponses } },
  }, async (request) => ({ data: await shippingOptionsForCart(db, request.params.id, customerActor(request), rates) }));

  app.post('/carts/:id/shipping-method', {
    schema: {
      tags, summary: 'Choose a shipping option', params: CartParams,
      body: Type.Object({ option_id: Id('so') }, { additionalProperties: false }),
      response: { 200: Cart, ...errorResponses },
    },
  }, async (request) => toCartResponse(await setShippingMethod(db, request.params.id, request.body.option_id, customerActor(request), rates)));
};
