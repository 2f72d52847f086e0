import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { getLotSetting, updateLotSetting } from '../inventory/lot-settings.ts';
import { getLotOrThrow, listLots, traceLot, traceLotCsv } from './lot-views.ts';
import { marginReport, orderLots } from './margins.ts';
import {
  cancelPurchaseOrder, createPurchaseOrder, getPurchaseOrderOrThrow, listPurchaseOrders, placePurchaseOrder, updatePurchaseOrder,
} from './purchase-orders.ts';
import { receivePurchaseOrder } from './receiving.ts';
import {
  Lot, LotListQuery, PlaceInput, LotSetting, LotSettingUpdate, LotTrace, MarginReportQuery, MarginRow, OrderLots, PurchaseOrder, PurchaseOrderInput,
  PurchaseOrderListQuery, PurchaseOrderUpdate, Receipt, ReceiveInput, Supplier, SupplierInput, SupplierListQuery, SupplierUpdate, TraceQuery,
} from './shapes.ts';
import { createSupplier, deleteSupplier, getSupplierOrThrow, listSuppliers, updateSupplier } from './suppliers.ts';

const SupplierParams = Type.Object({ id: Id('sup') });
const OrderParams = Type.Object({ id: Id('po') });
const LotParams = Type.Object({ id: Id('lot') });

/**
 * Staff's purchasing (docs/purchasing.md): suppliers, purchase orders and their lifecycle, lots and
 * their trace (the recall report), the lots behind an order, and margins. Buying and receiving stock
 * is an inventory change (inventory:write); trace and margins read orders and customers (orders:read).
 */
export const adminPurchasingRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const tags = ['admin: purchasing'];

  app.get('/suppliers', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'List suppliers by name (q: name or code contains)', querystring: SupplierListQuery, response: { 200: ListOf(Supplier), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, q } = request.query;
    const page = await listSuppliers(db, { q }, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/suppliers', {
    config: { permission: 'inventory:write', idempotent: true },
    schema: { tags, summary: 'Create a supplier', body: SupplierInput, response: { 201: Supplier, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createSupplier(db, request.body)));
  app.get('/suppliers/:id', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'One supplier', params: SupplierParams, response: { 200: Supplier, ...errorResponses } },
  }, async (request) => getSupplierOrThrow(db, request.params.id));
  app.post('/suppliers/:id', {
    config: { permission: 'inventory:write' },
    schema: { tags, summary: 'Update a supplier', params: SupplierParams, body: SupplierUpdate, response: { 200: Supplier, ...errorResponses } },
  }, async (request) => updateSupplier(db, request.params.id, request.body));
  app.delete('/suppliers/:id', {
    config: { permission: 'inventory:write' },
    schema: { tags, summary: 'Delete a supplier with no purchase orders or lots', params: SupplierParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteSupplier(db, request.params.id);
    return { id: request.params.id, object: 'supplier', deleted: true };
  });

  app.get('/purchase-orders', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'List purchase orders, newest first', querystring: PurchaseOrderListQuery, response: { 200: ListOf(PurchaseOrder), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listPurchaseOrders(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/purchase-orders', {
    config: { permission: 'inventory:write', idempotent: true },
    schema: { tags, summary: 'Draft a purchase order (lines: variant, quantity, unit cost)', body: PurchaseOrderInput, response: { 201: PurchaseOrder, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createPurchaseOrder(db, request.body, request.admin!.id)));
  app.get('/purchase-orders/:id', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'One purchase order with its lines', params: OrderParams, response: { 200: PurchaseOrder, ...errorResponses } },
  }, async (request) => getPurchaseOrderOrThrow(db, request.params.id));
  app.post('/purchase-orders/:id', {
    config: { permission: 'inventory:write' },
    schema: { tags, summary: 'Update a purchase order (its lines only as a draft)', params: OrderParams, body: PurchaseOrderUpdate, response: { 200: PurchaseOrder, ...errorResponses } },
  }, async (request) => updatePurchaseOrder(db, request.params.id, request.body, request.admin!.id));
  app.post('/purchase-orders/:id/order', {
    config: { permission: 'inventory:write' },
    schema: {
      tags, summary: 'Place a draft with the supplier (and note its expected date): its units count as incoming at its location', params: OrderParams,
      body: PlaceInput, response: { 200: PurchaseOrder, ...errorResponses },
    },
  }, async (request) => placePurchaseOrder(db, request.params.id, request.body, request.admin!.id));
  app.post('/purchase-orders/:id/receive', {
    config: { permission: 'inventory:write', idempotent: true },
    schema: {
      tags, summary: 'Receive units (all or part of lines) as lots: lot number, expiry, unit cost per line', params: OrderParams, body: ReceiveInput,
      response: { 201: Receipt, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await receivePurchaseOrder(db, request.params.id, request.body, request.admin!.id)));
  app.post('/purchase-orders/:id/cancel', {
    config: { permission: 'inventory:write' },
    schema: { tags, summary: 'Cancel a purchase order not fully received: what is outstanding leaves incoming', params: OrderParams, response: { 200: PurchaseOrder, ...errorResponses } },
  }, async (request) => cancelPurchaseOrder(db, request.params.id, request.admin!.id));

  app.get('/lots', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'List lots, newest first (filter by variant, product, supplier, location, expiry)', querystring: LotListQuery, response: { 200: ListOf(Lot), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listLots(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.get('/lots/:id', {
    config: { permission: 'inventory:read' },
    schema: { tags, summary: 'One lot: where its units are, how many went to orders and came back', params: LotParams, response: { 200: Lot, ...errorResponses } },
  }, async (request) => getLotOrThrow(db, request.params.id));
  app.get('/lots/:id/trace', {
    config: { permission: 'orders:read' },
    schema: {
      tags, summary: 'Recall report: every order line and customer that took units of the lot (format=csv: as a CSV file)',
      params: LotParams, querystring: TraceQuery, response: { 200: LotTrace, ...errorResponses },
    },
  }, async (request, reply) => {
    if (request.query.format !== 'csv') return traceLot(db, request.params.id);
    // The schema is the JSON reply's; a string sent as text/csv goes out as it is, unserialized.
    const csv: unknown = await traceLotCsv(db, request.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="recall-${request.params.id}.csv"`).send(csv as never);
  });
  app.get('/products/:id/lot-settings', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'A product\'s lot settings: pick order (fefo/fifo) and public provenance', params: Type.Object({ id: Id('prod') }), response: { 200: LotSetting, ...errorResponses } },
  }, async (request) => getLotSetting(db, request.params.id));
  app.post('/products/:id/lot-settings', {
    config: { permission: 'products:write' },
    schema: {
      tags, summary: 'Set a product\'s pick order (fefo/fifo) and whether its lots\' provenance is public', params: Type.Object({ id: Id('prod') }),
      body: LotSettingUpdate, response: { 200: LotSetting, ...errorResponses },
    },
  }, async (request) => updateLotSetting(db, request.params.id, request.body));

  app.get('/orders/:id/lots', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'The lots and suppliers behind each line of an order, with cost of goods and margin', params: Type.Object({ id: Id('ord') }), response: { 200: OrderLots, ...errorResponses } },
  }, async (request) => orderLots(db, request.params.id));
  app.get('/reports/margins', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'Cost of goods and margin per product or per order, in one currency', querystring: MarginReportQuery, response: { 200: ListOf(MarginRow), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...query } = request.query;
    const page = await marginReport(db, query, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
};
