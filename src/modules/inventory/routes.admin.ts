import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { adjustInventory } from './adjustments.ts';
import { getInventoryItemView, updateInventoryItem } from './items.ts';
import { setIncoming, setSafetyStock } from './level-settings.ts';
import { listLevels } from './levels.ts';
import { createLocation, deleteLocation, getLocationOrThrow, listLocations, updateLocation } from './locations.ts';
import { listMovements } from './movement-history.ts';
import {
  Adjustment, AdjustmentInput, IncomingInput, InventoryItem, ItemUpdate, Level, LevelListQuery, Location, LocationInput,
  LocationListQuery, LocationUpdate, Movement, MovementListQuery, SafetyStockInput, Transfer, TransferInput,
} from './shapes.ts';
import { transferInventory } from './transfers.ts';

const tags = ['admin: inventory'];
const LocationParams = Type.Object({ id: Id('sloc') });
const VariantParams = Type.Object({ variant_id: Id('var') });

/** Who is making the change, for the movement rows: the signed-in staff member. */
function actor(request: FastifyRequest): string {
  return request.admin!.id;
}

/** Staff's inventory: stock locations, items' settings, levels, adjustments, transfers and the movement history. */
export const adminInventoryRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/inventory/locations', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'List stock locations', querystring: LocationListQuery, response: { 200: ListOf(Location), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listLocations(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.post('/inventory/locations', {
    config: { permission: 'inventory:write', idempotent: true },
    schema: { tags, summary: 'Create a stock location', body: LocationInput, response: { 201: Location, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createLocation(db, request.body)));

  app.get('/inventory/locations/:id', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'One stock location', params: LocationParams, response: { 200: Location, ...errorResponses } },
  }, async (request) => getLocationOrThrow(db, request.params.id));

  app.post('/inventory/locations/:id', {
    config: { permission: 'inventory:write' },
    schema: { tags, summary: 'Update a stock location', params: LocationParams, body: LocationUpdate, response: { 200: Location, ...errorResponses } },
  }, async (request) => updateLocation(db, request.params.id, request.body));

  app.delete('/inventory/locations/:id', {
    config: { permission: 'inventory:write' },
    schema: {
      tags, summary: 'Delete a stock location that holds no stock and no reservations', params: LocationParams, response: { 200: Deleted, ...errorResponses },
    },
  }, async (request) => {
    await deleteLocation(db, request.params.id);
    return { id: request.params.id, object: 'stock_location', deleted: true };
  });

  app.get('/inventory/items/:variant_id', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'A variant’s inventory: settings, levels per location, totals', params: VariantParams, response: { 200: InventoryItem, ...errorResponses } },
  }, async (request) => getInventoryItemView(db, request.params.variant_id));

  app.post('/inventory/items/:variant_id', {
    config: { permission: 'inventory:write' },
    schema: {
      tags, summary: 'Set a variant’s tracking, backorders and low-stock threshold', params: VariantParams, body: ItemUpdate, response: { 200: InventoryItem, ...errorResponses },
    },
  }, async (request) => updateInventoryItem(db, request.params.variant_id, { ...request.body, actor: actor(request) }));

  app.get('/inventory/levels', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'List inventory levels with available quantities', querystring: LevelListQuery, response: { 200: ListOf(Level), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listLevels(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.post('/inventory/adjustments', {
    config: { permission: 'inventory:write', idempotent: true },
    schema: {
      tags, summary: 'Adjust on hand by a delta, or set it to a count, with a reason', body: AdjustmentInput, response: { 201: Adjustment, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await adjustInventory(db, { ...request.body, actor: actor(request) })));

  app.post('/inventory/transfers', {
    config: { permission: 'inventory:write', idempotent: true },
    schema: { tags, summary: 'Move stock on hand from one location to another', body: TransferInput, response: { 201: Transfer, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await transferInventory(db, { ...request.body, actor: actor(request) })));

  app.post('/inventory/safety-stock', {
    config: { permission: 'inventory:write' },
    schema: { tags, summary: 'Set the safety stock kept back at a location', body: SafetyStockInput, response: { 200: Level, ...errorResponses } },
  }, async (request) => setSafetyStock(db, { ...request.body, actor: actor(request) }));

  app.post('/inventory/incoming', {
    config: { permission: 'inventory:write' },
    schema: { tags, summary: 'Set the quantity on its way to a location', body: IncomingInput, response: { 200: Level, ...errorResponses } },
  }, async (request) => setIncoming(db, { ...request.body, actor: actor(request) }));

  app.get('/inventory/movements', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'The movement history, newest first', querystring: MovementListQuery, response: { 200: ListOf(Movement), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listMovements(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
};
