import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { TaxRate, TaxRateInput, TaxRateUpdate } from './shapes.ts';
import { createTaxRate, deleteTaxRate, getTaxRateOrThrow, listTaxRates, updateTaxRate } from './tax-rates.ts';

const tags = ['admin: tax rates'];
const RegionParams = Type.Object({ region_id: Id('reg') });
const TaxRateParams = Type.Object({ region_id: Id('reg'), id: Id('txr') });

/** Staff's management of a region's tax overrides (per country, per product tax class, or both). */
export const adminTaxRateRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/regions/:region_id/tax-rates', {
    config: { permission: 'settings:read' },
    schema: {
      tags, summary: 'List a region’s tax rate overrides', params: RegionParams,
      querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(TaxRate), ...errorResponses },
    },
  }, async (request) => {
    const page = await listTaxRates(db, request.params.region_id, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/regions/:region_id/tax-rates', {
    config: { permission: 'settings:write' },
    schema: {
      tags, summary: 'Add a tax rate override for a country, a tax class or both (rate in percent)',
      params: RegionParams, body: TaxRateInput, response: { 201: TaxRate, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createTaxRate(db, request.params.region_id, request.body)));
  app.get('/regions/:region_id/tax-rates/:id', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'One tax rate override', params: TaxRateParams, response: { 200: TaxRate, ...errorResponses } },
  }, async (request) => getTaxRateOrThrow(db, request.params.region_id, request.params.id));
  app.post('/regions/:region_id/tax-rates/:id', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Update a tax rate override', params: TaxRateParams, body: TaxRateUpdate, response: { 200: TaxRate, ...errorResponses } },
  }, async (request) => updateTaxRate(db, request.params.region_id, request.params.id, request.body));
  app.delete('/regions/:region_id/tax-rates/:id', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Delete a tax rate override (the region’s default applies again)', params: TaxRateParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteTaxRate(db, request.params.region_id, request.params.id);
    return { id: request.params.id, object: 'tax_rate', deleted: true };
  });
};
