import { Type, type TSchema } from '@sinclair/typebox';
import { CurrencyCode, DateTime, Id } from '../../shapes.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Amount = Type.Integer({ description: 'minor units' });

/** The period of every analytics report. */
export const RangeQuery = {
  from: Type.Optional(Type.String({ maxLength: 10, description: 'first day (YYYY-MM-DD, in time_zone); default: 29 days before `to`' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'last day, included (YYYY-MM-DD); default: today' })),
  time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA name; default: the shop\'s (PATCH /admin/shop)' })),
};
export const Granularity = Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { default: 'day', description: 'weeks start on Monday' });

const Period = { from: Day, to: Day, time_zone: Type.String() };
const Report = <T extends TSchema>(item: T, extra: Record<string, TSchema> = {}) => Type.Object({ ...Period, ...extra, data: Type.Array(item) });

const salesFigures = {
  currency_code: Type.String(), orders: Type.Integer(),
  gross_sales: { ...Amount, description: 'Σ line subtotals, before discounts' }, discounts: Amount,
  refunds: { ...Amount, description: 'refunds that succeeded in the period' },
  net_sales: { ...Amount, description: 'gross_sales − discounts − refunds' }, shipping: Amount, tax: Amount,
  total_sales: { ...Amount, description: 'Σ order totals − refunds' },
  average_order_value: { ...Amount, description: 'Σ order totals / orders, rounded half up' },
};
export const SalesQuery = Type.Object({ ...RangeQuery, granularity: Granularity, currency_code: Type.Optional(CurrencyCode) }, { additionalProperties: false });
export const SalesReport = Report(Type.Object({ period: Day, ...salesFigures }), { granularity: Type.String(), totals: Type.Array(Type.Object(salesFigures)) });

export const ProductSalesQuery = Type.Object({
  ...RangeQuery,
  group_by: Type.Union([Type.Literal('product'), Type.Literal('variant'), Type.Literal('collection')], { default: 'product' }),
  currency_code: Type.Optional(CurrencyCode),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
}, { additionalProperties: false });
export const ProductSalesReport = Report(Type.Object({
  id: Type.Union([Type.String(), Type.Null()], { description: 'product, variant or collection id; null: products in no collection' }),
  title: Type.Union([Type.String(), Type.Null()]), sku: Type.Union([Type.String(), Type.Null()]), currency_code: Type.String(),
  orders: Type.Integer(), units: Type.Integer(), gross_sales: Amount, discounts: Amount, net_sales: Amount,
  returned_units: Type.Integer({ description: 'returned, or refunded without coming back' }),
}), { group_by: Type.String() });

export const CartQuery = Type.Object({
  ...RangeQuery, granularity: Granularity,
  abandoned_after_hours: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 24, description: 'a cart with items untouched this long, and no order, is abandoned' }),
}, { additionalProperties: false });
const cartFigures = { carts: Type.Integer(), carts_with_items: Type.Integer(), ordered: Type.Integer(), abandoned: Type.Integer(), conversion_rate: Type.Number({ description: 'ordered / carts_with_items' }) };
export const CartReport = Report(Type.Object({ period: Day, ...cartFigures }), { granularity: Type.String(), totals: Type.Object(cartFigures) });

export const CustomerQuery = Type.Object({ ...RangeQuery, granularity: Granularity }, { additionalProperties: false });
export const CustomerReport = Report(Type.Object({
  period: Day, customers: Type.Integer(), new_customers: Type.Integer(), returning_customers: Type.Integer(), orders_new: Type.Integer(), orders_returning: Type.Integer(),
}), {
  granularity: Type.String(), customers: Type.Integer(), repeat_customers: Type.Integer(),
  repeat_purchase_rate: Type.Number({ description: 'buyers in the period with 2+ orders by its end / buyers in the period' }),
});

export const CohortQuery = Type.Object(RangeQuery, { additionalProperties: false });
export const CohortReport = Report(Type.Object({
  cohort: Type.String({ description: 'YYYY-MM of the first order' }), customers: Type.Integer(),
  active: Type.Array(Type.Object({ month: Type.Integer({ description: 'months after the first' }), customers: Type.Integer() })),
}));

export const RefundQuery = Type.Object({ ...RangeQuery, currency_code: Type.Optional(CurrencyCode) }, { additionalProperties: false });
export const RefundReport = Type.Object({
  ...Period,
  refunds: Type.Array(Type.Object({ reason: Type.String(), currency_code: Type.String(), refunds: Type.Integer(), amount: Amount })),
  returns: Type.Array(Type.Object({ reason: Type.String(), returns: Type.Integer(), units: Type.Integer(), received_units: Type.Integer() })),
});

const reorderSettingsQuery = {
  lead_time_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'default: REORDER_LEAD_TIME_DAYS' })),
  review_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'default: REORDER_REVIEW_DAYS' })),
  service_level: Type.Optional(Type.Number({ minimum: 0.5, exclusiveMaximum: 1, description: 'default: REORDER_SERVICE_LEVEL' })),
};
export const ForecastQuery = Type.Object({
  variant_id: Id('var'), location_id: Type.Optional(Id('sloc')),
  horizon: Type.Integer({ minimum: 1, maximum: 90, default: 28, description: 'days forecast, from today' }),
  ...reorderSettingsQuery,
}, { additionalProperties: false });
const Reorder = Type.Object({
  mean_daily_demand: Type.Number(), safety_stock: Type.Integer(), reorder_point: Type.Integer(), suggested_quantity: Type.Integer(),
  days_of_cover: Type.Union([Type.Number(), Type.Null()]), below_reorder_point: Type.Boolean(),
  lead_time_days: Type.Integer(), review_days: Type.Integer(), service_level: Type.Number(),
});
export const VariantForecast = Type.Object({
  variant_id: Type.String(), location_id: Type.String(),
  method: Type.String({ description: 'holt_winters, or mean under two weeks of history' }),
  params: Type.Union([Type.Object({ alpha: Type.Number(), beta: Type.Number(), gamma: Type.Number(), phi: Type.Number() }), Type.Null()]),
  sigma: Type.Number({ description: 'standard deviation of the one-day-ahead errors on the history' }),
  coverage: Type.Number({ description: 'the intervals\' probability' }),
  history: Type.Array(Type.Object({ date: Day, units: Type.Integer() }), { description: 'the last eight weeks' }),
  forecast: Type.Array(Type.Object({ date: Day, mean: Type.Number(), lower: Type.Number(), upper: Type.Number() })),
  available: Type.Integer(),
  reorder: Reorder,
});

export const ReorderSuggestionQuery = Type.Object({
  all: Type.Boolean({ default: false, description: 'also the variants above their reorder point' }),
  location_id: Type.Optional(Id('sloc')),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
}, { additionalProperties: false });
export const ReorderSuggestion = Type.Object({
  variant_id: Type.String(), location_id: Type.String(), sku: Type.Union([Type.String(), Type.Null()]), product_id: Type.String(), title: Type.String(),
  available: Type.Integer(), mean_daily_demand: Type.Number(), lead_time_days: Type.Integer(), service_level: Type.Number(),
  safety_stock: Type.Integer(), reorder_point: Type.Integer(), suggested_quantity: Type.Integer(),
  days_of_cover: Type.Union([Type.Number(), Type.Null()]), below_reorder_point: Type.Boolean(), computed_at: DateTime,
});
