import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { createPromotion, deletePromotion, getPromotionOrThrow, listPromotions, updatePromotion } from './promotions.ts';
import { Promotion, PromotionInput, PromotionListQuery, PromotionUpdate } from './shapes.ts';

const tags = ['admin: promotions'];
const PromotionParams = Type.Object({ id: Id('promo') });

/** Staff's promotions: codes and automatic discounts, their conditions and limits (docs/promotions.md). */
export const adminPromotionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/promotions', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'List promotions in creation order (code finds one in any case)', querystring: PromotionListQuery, response: { 200: ListOf(Promotion), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, code, automatic } = request.query;
    const page = await listPromotions(db, { code, automatic }, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/promotions', {
    config: { permission: 'products:write' },
    schema: {
      tags, summary: 'Create a promotion: { "code": "SAVE10", "type": "percentage", "value": 10 } is 10 % off the order',
      body: PromotionInput, response: { 201: Promotion, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createPromotion(db, request.body)));
  app.get('/promotions/:id', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'One promotion, with its uses and the discount it gave', params: PromotionParams, response: { 200: Promotion, ...errorResponses } },
  }, async (request) => getPromotionOrThrow(db, request.params.id));
  app.post('/promotions/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Update a promotion (carts holding its code see the change on their next read)', params: PromotionParams, body: PromotionUpdate, response: { 200: Promotion, ...errorResponses } },
  }, async (request) => updatePromotion(db, request.params.id, request.body));
  app.delete('/promotions/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Delete a promotion no order used (deactivate a used one)', params: PromotionParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deletePromotion(db, request.params.id);
    return { id: request.params.id, object: 'promotion', deleted: true };
  });
};
