import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { ShippingOption, ShippingOptionInput, ShippingOptionListQuery, ShippingOptionUpdate } from './shapes.ts';
import { createShippingOption, deleteShippingOption, getShippingOptionOrThrow, listShippingOptions, shippingOptionView, updateShippingOption } from './shipping-options.ts';

const tags = ['admin: shipping options'];
const OptionParams = Type.Object({ id: Id('so') });

/** Staff's management of shipping options: flat rate, free over a threshold, or by weight bands, per region. */
export const adminShippingOptionRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, carriers }) => {
  app.get('/shipping-options', {
    config: { permission: 'settings:read' },
    schema: {
      tags, summary: 'List shipping options by position, then name (region_id filters)',
      querystring: ShippingOptionListQuery, response: { 200: ListOf(ShippingOption), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, region_id } = request.query;
    const page = await listShippingOptions(db, { region_id }, { limit, after: decodeCursor(cursor) });
    return { data: page.data.map(shippingOptionView), next_cursor: encodeCursor(page.next) };
  });
  app.post('/shipping-options', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Create a shipping option in a region (amounts in its currency’s minor unit)', body: ShippingOptionInput, response: { 201: ShippingOption, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(shippingOptionView(await createShippingOption(db, request.body, carriers))));
  app.get('/shipping-options/:id', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'One shipping option', params: OptionParams, response: { 200: ShippingOption, ...errorResponses } },
  }, async (request) => shippingOptionView(await getShippingOptionOrThrow(db, request.params.id)));
  app.post('/shipping-options/:id', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Update a shipping option', params: OptionParams, body: ShippingOptionUpdate, response: { 200: ShippingOption, ...errorResponses } },
  }, async (request) => shippingOptionView(await updateShippingOption(db, request.params.id, request.body, carriers)));
  app.delete('/shipping-options/:id', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Delete a shipping option', params: OptionParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteShippingOption(db, request.params.id);
    return { id: request.params.id, object: 'shipping_option', deleted: true };
  });
};
