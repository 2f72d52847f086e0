import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { exportPriceListCsv, importPriceListCsv } from './price-list-csv.ts';
import { createPriceList, deletePriceList, getPriceListOrThrow, listPriceLists, removePriceListPrice, setPriceListPrices, updatePriceList } from './price-lists.ts';
import { PriceList, PriceListInput, PriceListListQuery, PriceListPricesInput, PriceListSummary, PriceListUpdate } from './shapes.ts';

const tags = ['admin: price lists'];
const PriceListParams = Type.Object({ id: Id('plist') });
const PriceListImportResult = Type.Object({
  prices: Type.Integer({ description: 'prices the list has after the import' }),
  removed: Type.Integer({ description: 'prices it had that the file does not hold' }),
  dry_run: Type.Boolean(),
});
const PriceParams = Type.Object({ id: Id('plist'), price_id: Id('plp') });

/** Staff's price lists: sales with a window, customer-group prices, quantity tiers (docs/price-lists.md). */
export const adminPriceListRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: config.importLimitBytes }, (_request, body, done) => done(null, body));
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
  app.post('/price-lists/:id/prices/import', {
    config: { permission: 'products:write' },
    bodyLimit: config.importLimitBytes,
    schema: {
      tags,
      summary: 'Replace the list\'s prices with a CSV file\'s (Content-Type: text/csv): all rows or, on any problem, none',
      description: 'Columns: variant_sku or variant_id, currency_code, amount, min_quantity (docs/csv-format.md). A 400 `csv_invalid` lists each problem as '
        + '`{ row, column, message }`. With `dry_run=true` nothing is written and the answer (200) says what the import would do.',
      params: PriceListParams,
      querystring: Type.Object({ dry_run: Type.Optional(Type.Boolean({ default: false, description: 'check and count, write nothing' })) }, { additionalProperties: false }),
      body: Type.String({ description: 'the CSV text' }),
      response: { 200: PriceListImportResult, 201: PriceListImportResult, ...errorResponses },
    },
  }, async (request, reply) => {
    const result = await importPriceListCsv(db, request.params.id, request.body, { dryRun: request.query.dry_run });
    return reply.code(result.dry_run ? 200 : 201).send(result);
  });
  app.get('/price-lists/:id/prices/export', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'The list\'s prices as CSV (import it back after editing)', params: PriceListParams, produces: ['text/csv'] },
  }, async (request, reply) => {
    const csv = await exportPriceListCsv(db, request.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.id}.csv"`).send(csv);
  });
  app.delete('/price-lists/:id/prices/:price_id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Remove one price from a price list', params: PriceParams, response: { 200: PriceList, ...errorResponses } },
  }, async (request) => removePriceListPrice(db, request.params.id, request.params.price_id));
};
