import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { ListOf, readErrorResponses } from '../../http/schemas.ts';
import { AppError } from '../../errors.ts';
import { resolveRange } from './analytics-range.ts';
import { cartReport } from './cart-analytics.ts';
import { customerReport } from './customer-analytics.ts';
import { forecastVariant } from './forecasts.ts';
import { productSalesReport } from './product-analytics.ts';
import { refundReport } from './refund-analytics.ts';
import { listReorderSuggestions } from './reorder-suggestions.ts';
import { salesReport } from './sales-analytics.ts';
import {
  CartQuery, CartReport, CustomerQuery, CustomerReport, ForecastQuery, ProductSalesQuery, ProductSalesReport,
  RefundQuery, RefundReport, ReorderSuggestion, ReorderSuggestionQuery, SalesQuery, SalesReport, VariantForecast,
} from './shapes.ts';
import { Type } from '@sinclair/typebox';

const analytics = ['admin: analytics'];
const forecasting = ['admin: forecasts'];

/** Analytics reports, demand forecasts and reorder suggestions (docs/insights.md). */
export const adminInsightRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.get('/analytics/sales', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Sales per period and currency', querystring: SalesQuery, response: { 200: SalesReport, ...readErrorResponses } },
  }, async (request) => {
    const { granularity, currency_code, ...period } = request.query;
    return salesReport(db, await resolveRange(db, period), { granularity, currency_code });
  });

  app.get('/analytics/products', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Sales per product, variant or collection', querystring: ProductSalesQuery, response: { 200: ProductSalesReport, ...readErrorResponses } },
  }, async (request) => {
    const { group_by, currency_code, limit, ...period } = request.query;
    const range = await resolveRange(db, period);
    return { from: range.from, to: range.to, time_zone: range.time_zone, group_by, data: await productSalesReport(db, range, { group_by, currency_code, limit }) };
  });

  app.get('/analytics/carts', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Cart conversion and abandoned carts', querystring: CartQuery, response: { 200: CartReport, ...readErrorResponses } },
  }, async (request) => {
    const { granularity, abandoned_after_hours, ...period } = request.query;
    return cartReport(db, await resolveRange(db, period), { granularity, abandoned_after_hours });
  });

  app.get('/analytics/customers', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'New and returning buyers, cohorts', querystring: CustomerQuery, response: { 200: CustomerReport, ...readErrorResponses } },
  }, async (request) => {
    const { granularity, ...period } = request.query;
    return customerReport(db, await resolveRange(db, period), { granularity });
  });

  app.get('/analytics/refunds', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Refunds and returns by reason', querystring: RefundQuery, response: { 200: RefundReport, ...readErrorResponses } },
  }, async (request) => {
    const { currency_code, ...period } = request.query;
    return refundReport(db, await resolveRange(db, period), { currency_code });
  });

  app.get('/forecasts', {
    config: { permission: 'inventory:read' },
    schema: {
      tags: forecasting, summary: 'A variant\'s daily demand forecast per location',
      querystring: ForecastQuery, response: { 200: Type.Object({ data: Type.Array(VariantForecast) }), ...readErrorResponses },
    },
  }, async (request) => {
    const q = request.query;
    const settings = {
      leadTimeDays: q.lead_time_days ?? config.reorderLeadTimeDays, reviewDays: config.reorderReviewDays,
      serviceLevel: q.service_level ?? config.reorderServiceLevel,
    };
    return { data: await forecastVariant(db, { variantId: q.variant_id, locationId: q.location_id, horizon: q.horizon, settings }) };
  });

  app.get('/reorder-suggestions', {
    config: { permission: 'inventory:read' },
    schema: {
      tags: forecasting, summary: 'What to reorder, most urgent first',
      querystring: ReorderSuggestionQuery, response: { 200: ListOf(ReorderSuggestion), ...readErrorResponses },
    },
  }, async (request) => {
    const { all, location_id, limit, cursor } = request.query;
    const offset = decodeCursor(cursor)?.[0] ?? 0;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    const rows = await listReorderSuggestions(db, { all, location_id, limit, offset });
    return { data: rows.slice(0, limit), next_cursor: encodeCursor(rows.length > limit ? [offset + limit] : null) };
  });
};
