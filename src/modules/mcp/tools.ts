import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { queryProducts } from '../catalog/product-query.ts';
import { AdminProductListQuery } from '../catalog/shapes.ts';
import { resolveRange } from '../insights/analytics-range.ts';
import { forecastVariant } from '../insights/forecasts.ts';
import { salesReport } from '../insights/sales-analytics.ts';
import { ForecastQuery, SalesQuery } from '../insights/shapes.ts';
import { listLevels } from '../inventory/levels.ts';
import { LevelListQuery } from '../inventory/shapes.ts';
import { DraftOrderInput, OrderListQuery, RefundInput } from '../orders/admin-inputs.ts';
import { createDraftOrder, getDraftOrder } from '../orders/draft-orders.ts';
import { getOrderDetail } from '../orders/order-detail.ts';
import { listOrders } from '../orders/order-list.ts';
import type { Actor } from '../orders/order-state.ts';
import type { PaymentDeps } from '../orders/payment-operations.ts';
import { getRefund, refundOrder } from '../orders/refunds.ts';
import type { PaymentProviders } from '../payments/providers.ts';
import type { Permission } from '../users/permissions.ts';
import { Id } from '../../shapes.ts';

export interface McpDeps {
  db: Db;
  config: Config;
  paymentProviders: PaymentProviders;
}

/**
 * One agent tool: the Admin API call it mirrors decides its permission and, where there is one, its
 * input schema (the same TypeBox schema, so a tool and its route accept exactly the same input).
 */
export interface McpTool<T extends TObject = TObject> {
  name: string;
  description: string;
  /** The permission of the matching Admin API route. */
  permission: Permission;
  input: T;
  /** Reads change nothing; writes say so (a client may ask before running them) and take an `idempotency_key`. */
  readOnly: boolean;
  run(deps: McpDeps, args: Static<T>, actor: Actor): Promise<unknown>;
}

const tool = <T extends TObject>(definition: McpTool<T>) => definition as unknown as McpTool;

const GetOrderInput = Type.Object({
  order: Type.String({ minLength: 1, maxLength: 100, description: 'an order id (ord_…) or its number (1001 or #1001)' }),
}, { additionalProperties: false });

/** Writes take the Admin API's Idempotency-Key as an argument: an agent retrying a lost reply does nothing twice. */
const IdempotencyKey = Type.Optional(Type.String({
  pattern: '^[\\x21-\\x7e]{1,255}$', description: 'a key of your choice (printable ASCII, up to 255): a retry with the same key and arguments returns the first result and does nothing again',
}));

const DraftOrderToolInput = Type.Object({ ...DraftOrderInput.properties, idempotency_key: IdempotencyKey }, { additionalProperties: false });

const RefundOrderInput = Type.Object({ order_id: Id('ord'), ...RefundInput.properties, idempotency_key: IdempotencyKey }, {
  additionalProperties: false, description: 'Lines (their units’ value) and/or an amount in minor units on top, with a reason.',
});

/** `1001`, `#1001` or `ord_…` → the order's id; an unknown number is order_not_found like an unknown id. */
async function orderIdOf(deps: McpDeps, reference: string): Promise<string> {
  if (reference.startsWith('ord_')) return reference;
  const page = await listOrders(deps.db, { q: reference }, { limit: 2 }, deps.config.orderNumberPrefix);
  const digits = reference.replace(/^\D+/, '');
  const match = page.data.find((o) => String(o.number) === digits);
  if (!match) throw new AppError('order_not_found', { id: reference });
  return match.id;
}

export const MCP_TOOLS: McpTool[] = [
  tool({
    name: 'search_products',
    description: 'Search the catalog (any status): full-text q, collection, category, tags, price range in minor units. Products with variants, prices and SKUs.',
    permission: 'products:read',
    input: AdminProductListQuery,
    readOnly: true,
    async run({ db }, { limit, cursor, sort, tag, status, ...filter }) {
      const page = await queryProducts(db, { ...filter, tags: tag, statuses: status }, { sort, limit, after: decodeCursor(cursor) });
      return { data: page.products, next_cursor: encodeCursor(page.next) };
    },
  }),
  tool({
    name: 'list_orders',
    description: 'Placed orders, newest first; filter by status, payment or fulfillment status, dates, email, total (minor units) or q (a number, email or id).',
    permission: 'orders:read',
    input: OrderListQuery,
    readOnly: true,
    async run({ db, config }, { limit, cursor, ...filter }) {
      const page = await listOrders(db, filter, { limit, after: decodeCursor(cursor) }, config.orderNumberPrefix);
      return { data: page.data, next_cursor: encodeCursor(page.next) };
    },
  }),
  tool({
    name: 'get_order',
    description: 'One order by id or number: lines and their progress, money summary (minor units), payments, fulfillments, returns, refunds and timeline.',
    permission: 'orders:read',
    input: GetOrderInput,
    readOnly: true,
    async run(deps, { order }) {
      return getOrderDetail(deps.db, await orderIdOf(deps, order), deps.config.orderNumberPrefix);
    },
  }),
  tool({
    name: 'inventory_levels',
    description: 'Stock levels per location (on hand, committed, available, incoming, safety stock), by variant_id, sku or location, or only the low ones.',
    permission: 'inventory:read',
    input: LevelListQuery,
    readOnly: true,
    async run({ db }, { limit, cursor, ...filter }) {
      const page = await listLevels(db, filter, { limit, after: decodeCursor(cursor) });
      return { data: page.data, next_cursor: encodeCursor(page.next) };
    },
  }),
  tool({
    name: 'forecast',
    description: 'A variant’s daily demand forecast per location with its interval, and reorder advice (reorder point, suggested quantity, days of cover).',
    permission: 'inventory:read',
    input: ForecastQuery,
    readOnly: true,
    async run({ db, config }, q) {
      const settings = {
        leadTimeDays: q.lead_time_days ?? config.reorderLeadTimeDays, reviewDays: config.reorderReviewDays,
        serviceLevel: q.service_level ?? config.reorderServiceLevel,
      };
      return { data: await forecastVariant(db, { variantId: q.variant_id, locationId: q.location_id, horizon: q.horizon, settings }) };
    },
  }),
  tool({
    name: 'sales_summary',
    description: 'Sales per day, week or month and currency between two dates (YYYY-MM-DD, the shop’s time zone): orders, gross, discounts, refunds, net, shipping, tax, total, average order value (minor units).',
    permission: 'orders:read',
    input: SalesQuery,
    readOnly: true,
    async run({ db }, { granularity, currency_code, ...period }) {
      return salesReport(db, await resolveRange(db, period), { granularity, currency_code });
    },
  }),
  tool({
    name: 'create_draft_order',
    description: 'Create a draft order for a customer (email, shipping address, shipping option, lines with optional custom unit prices in minor units and a reason). Nothing is charged.',
    permission: 'orders:write',
    input: DraftOrderToolInput,
    readOnly: false,
    async run({ db }, { idempotency_key: _key, ...input }, actor) {
      return getDraftOrder(db, await createDraftOrder(db, input, actor));
    },
  }),
  tool({
    name: 'refund_order',
    description: 'Refund an order by lines and/or an amount in minor units, with a reason; never more than was captured and not yet refunded. Moves money through the payment gateway.',
    permission: 'orders:refund',
    input: RefundOrderInput,
    readOnly: false,
    async run({ db, paymentProviders }, { order_id, idempotency_key: _key, ...input }, actor) {
      const deps: PaymentDeps = { db, providers: paymentProviders };
      return getRefund(db, order_id, await refundOrder(deps, order_id, input, actor));
    },
  }),
];
