import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { Campaign, CampaignInput, CampaignUpdate } from './campaign-shapes.ts';
import { createCampaign, deleteCampaign, getCampaignOrThrow, listCampaigns, updateCampaign } from './campaigns.ts';

const tags = ['admin: promotions'];
const CampaignParams = Type.Object({ id: Id('camp') });

/** Staff's campaigns: promotions grouped under shared dates and a shared budget (docs/promotions.md#campaigns). */
export const adminCampaignRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/campaigns', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'List campaigns in creation order', querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(Campaign), ...errorResponses } },
  }, async (request) => {
    const page = await listCampaigns(db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/campaigns', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Create a campaign: shared dates and budgets for the promotions put in it (campaign_id)', body: CampaignInput, response: { 201: Campaign, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createCampaign(db, request.body)));
  app.get('/campaigns/:id', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'One campaign, with its uses, orders and the discount it gave', params: CampaignParams, response: { 200: Campaign, ...errorResponses } },
  }, async (request) => getCampaignOrThrow(db, request.params.id));
  app.post('/campaigns/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Update a campaign (budgets replaces the whole set; none below what was given)', params: CampaignParams, body: CampaignUpdate, response: { 200: Campaign, ...errorResponses } },
  }, async (request) => updateCampaign(db, request.params.id, request.body));
  app.delete('/campaigns/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Delete a campaign with no promotions and no uses', params: CampaignParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteCampaign(db, request.params.id);
    return { id: request.params.id, object: 'campaign', deleted: true };
  });
};
