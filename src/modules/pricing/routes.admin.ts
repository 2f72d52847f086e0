import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { createPriceList, deletePriceList, getPriceListOrThrow, listPriceLists, removePriceListPrice, setPriceListPrices, updatePriceList } from './price-lists.ts';
import { PriceList, PriceListInput, PriceListListQuery, PriceListPricesInput, PriceListSummary, PriceListUpdate } from './shapes.ts';

const tags = ['admin: price lists'];
const PriceListParams = Type.Object({ id: Id('plist') });
const PriceParams = Type.Object({ id: Id('plist'), price_id: Id('plp') });

/** Staff's price lists: sales with a window, customer-group prices, quantity tiers (docs/price-lists.md). */
export const adminPriceListRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/price-lists', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'List price lists in creation order (without their prices)', querystring: PriceListListQuery, response: { 200: ListOf(PriceListSummary), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, status } = request.query;
    const page = await listPriceLists(db, { status }, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/price-lists', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Create a price list (draft unless status: active), with prices if given', body: PriceListInput, response: { 201: PriceList, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createPriceList(db, request.body)));
  app.get('/price-lists/:id', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'One price list with its prices', params: PriceListParams, response: { 200: PriceList, ...errorResponses } },
  }, async (request) => getPriceListOrThrow(db, request.params.id));
  app.post('/price-lists/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Update a price list (carts and the catalog price with it from now on)', params: PriceListParams, body: PriceListUpdate, response: { 200: PriceList, ...errorResponses } },
  }, async (request) => updatePriceList(db, request.params.id, request.body));
  app.delete('/price-lists/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Delete a price list and its prices (orders keep what they were charged)', params: PriceListParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deletePriceList(db, request.params.id);
    return { id: request.params.id, object: 'price_list', deleted: true };
  });
  app.post('/price-lists/:id/prices', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Add prices, or replace the list\'s price for the same variant, currency and min_quantity', params: PriceListParams, body: PriceListPricesInput, response: { 200: PriceList, ...errorResponses } },
  }, async (request) => setPriceListPrices(db, request.params.id, request.body.prices));
  app.delete('/price-lists/:id/prices/:price_id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Remove one price from a price list', params: PriceParams, response: { 200: PriceList, ...errorResponses } },
  }, async (request) => removePriceListPrice(db, request.params.id, request.params.price_id));
};
