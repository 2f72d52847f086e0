import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { AppError } from '../../errors.ts';
import { resolveRange } from './analytics-range.ts';
import { cartReport } from './cart-analytics.ts';
import { cohortReport, customerReport } from './customer-analytics.ts';
import { forecastVariant } from './forecasts.ts';
import { productSalesReport } from './product-analytics.ts';
import { refundReport } from './refund-analytics.ts';
import { listReorderSuggestions } from './reorder-suggestions.ts';
import { salesReport } from './sales-analytics.ts';
import {
  CartQuery, CartReport, CohortQuery, CohortReport, CustomerQuery, CustomerReport, ForecastQuery, ProductSalesQuery, ProductSalesReport,
  RefundQuery, RefundReport, ReorderSuggestion, ReorderSuggestionQuery, SalesQuery, SalesReport, VariantForecast,
} from './shapes.ts';
import { Type } from '@sinclair/typebox';

const analytics = ['admin: analytics'];
const forecasting = ['admin: forecasts'];

/** Analytics reports, demand forecasts and reorder suggestions (docs/insights.md). */
export const adminInsightRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.get('/analytics/sales', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Sales per day, week or month and currency: gross, discounts, refunds, net, shipping, tax, orders, average order value', querystring: SalesQuery, response: { 200: SalesReport, ...errorResponses } },
  }, async (request) => {
    const { granularity, currency_code, ...period } = request.query;
    return salesReport(db, await resolveRange(db, period), { granularity, currency_code });
  });

  app.get('/analytics/products', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Units and revenue per product, variant or collection, best sellers first', querystring: ProductSalesQuery, response: { 200: ProductSalesReport, ...errorResponses } },
  }, async (request) => {
    const { group_by, currency_code, limit, ...period } = request.query;
    const range = await resolveRange(db, period);
    return { from: range.from, to: range.to, time_zone: range.time_zone, group_by, data: await productSalesReport(db, range, { group_by, currency_code, limit }) };
  });

  app.get('/analytics/carts', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Cart-to-order conversion and abandoned carts, per period the carts were started', querystring: CartQuery, response: { 200: CartReport, ...errorResponses } },
  }, async (request) => {
    const { granularity, abandoned_after_hours, ...period } = request.query;
    return cartReport(db, await resolveRange(db, period), { granularity, abandoned_after_hours });
  });

  app.get('/analytics/customers', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'New and returning buyers per period, and the repeat-purchase rate', querystring: CustomerQuery, response: { 200: CustomerReport, ...errorResponses } },
  }, async (request) => {
    const { granularity, ...period } = request.query;
    return customerReport(db, await resolveRange(db, period), { granularity });
  });

  app.get('/analytics/cohorts', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Monthly cohorts of buyers by first order, and how many ordered in each month after', querystring: CohortQuery, response: { 200: CohortReport, ...errorResponses } },
  }, async (request) => cohortReport(db, await resolveRange(db, request.query)));

  app.get('/analytics/refunds', {
    config: { permission: 'orders:read' },
    schema: { tags: analytics, summary: 'Refunds by reason and currency; returns by reason', querystring: RefundQuery, response: { 200: RefundReport, ...errorResponses } },
  }, async (request) => {
    const { currency_code, ...period } = request.query;
    return refundReport(db, await resolveRange(db, period), { currency_code });
  });

  app.get('/forecasts', {
    config: { permission: 'inventory:read' },
    schema: {
      tags: forecasting, summary: 'A variant\'s daily demand forecast at each of its locations (or one), with intervals and reorder advice',
      querystring: ForecastQuery, response: { 200: Type.Object({ data: Type.Array(VariantForecast) }), ...errorResponses },
    },
  }, async (request) => {
    const q = request.query;
    const settings = {
      leadTimeDays: q.lead_time_days ?? config.reorderLeadTimeDays, reviewDays: q.review_days ?? config.reorderReviewDays,
      serviceLevel: q.service_level ?? config.reorderServiceLevel,
    };
    return { data: await forecastVariant(db, { variantId: q.variant_id, locationId: q.location_id, horizon: q.horizon, settings }) };
  });

  app.get('/reorder-suggestions', {
    config: { permission: 'inventory:read' },
    schema: {
      tags: forecasting, summary: 'What to reorder, most urgent first (from the daily forecast job, reorder_suggestions)',
      querystring: ReorderSuggestionQuery, response: { 200: ListOf(ReorderSuggestion), ...errorResponses },
    },
  }, async (request) => {
    const { all, location_id, limit, cursor } = request.query;
    const offset = decodeCursor(cursor)?.[0] ?? 0;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    const rows = await listReorderSuggestions(db, { all, location_id, limit, offset });
    return { data: rows.slice(0, limit), next_cursor: encodeCursor(rows.length > limit ? [offset + limit] : null) };
  });
};
