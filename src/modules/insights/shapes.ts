import { Type, type TSchema } from '@sinclair/typebox';
import { CurrencyCode, DateTime, Id } from '../../shapes.ts';

// Response fields are described in docs/insights.md, not here: /openapi.json has a size budget.
const Day = Type.String();
const Amount = Type.Integer();

/** The period of every analytics report. */
export const RangeQuery = {
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
};
export const Granularity = Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { default: 'day' });

const Period = { from: Day, to: Day, time_zone: Type.String() };
const Report = <T extends TSchema>(item: T, extra: Record<string, TSchema> = {}) => Type.Object({ ...Period, ...extra, data: Type.Array(item) });

const salesFigures = {
  currency_code: Type.String(), orders: Type.Integer(), gross_sales: Amount, discounts: Amount, refunds: Amount, net_sales: Amount,
  shipping: Amount, tax: Amount, total_sales: Amount, average_order_value: Amount,
};
export const SalesQuery = Type.Object({ ...RangeQuery, granularity: Granularity, currency_code: Type.Optional(CurrencyCode) }, { additionalProperties: false });
export const SalesReport = Report(Type.Object({ period: Day, ...salesFigures }), { granularity: Type.String() });

export const ProductSalesQuery = Type.Object({
  ...RangeQuery,
  group_by: Type.Union([Type.Literal('product'), Type.Literal('variant'), Type.Literal('collection')], { default: 'product' }),
  currency_code: Type.Optional(CurrencyCode),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
}, { additionalProperties: false });
export const ProductSalesReport = Report(Type.Object({
  id: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]), sku: Type.Union([Type.String(), Type.Null()]), currency_code: Type.String(),
  orders: Type.Integer(), units: Type.Integer(), gross_sales: Amount, discounts: Amount, net_sales: Amount,
  returned_units: Type.Integer(),
}), { group_by: Type.String() });

export const CartQuery = Type.Object({
  ...RangeQuery, granularity: Granularity,
  abandoned_after_hours: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 24 }),
}, { additionalProperties: false });
export const CartReport = Report(Type.Object({
  period: Day, carts: Type.Integer(), carts_with_items: Type.Integer(), ordered: Type.Integer(), abandoned: Type.Integer(), conversion_rate: Type.Number(),
}), { granularity: Type.String() });

export const CustomerQuery = Type.Object({ ...RangeQuery, granularity: Granularity }, { additionalProperties: false });
export const CustomerReport = Report(Type.Object({
  period: Day, customers: Type.Integer(), new_customers: Type.Integer(), returning_customers: Type.Integer(), orders_new: Type.Integer(), orders_returning: Type.Integer(),
}), {
  granularity: Type.String(), customers: Type.Integer(), repeat_customers: Type.Integer(), repeat_purchase_rate: Type.Number(),
  cohorts: Type.Array(Type.Object({
    cohort: Type.String(), customers: Type.Integer(), active: Type.Array(Type.Object({ month: Type.Integer(), customers: Type.Integer() })),
  })),
});

export const RefundQuery = Type.Object({ ...RangeQuery, currency_code: Type.Optional(CurrencyCode) }, { additionalProperties: false });
export const RefundReport = Type.Object({
  ...Period,
  refunds: Type.Array(Type.Object({ reason: Type.String(), currency_code: Type.String(), refunds: Type.Integer(), amount: Amount })),
  returns: Type.Array(Type.Object({ reason: Type.String(), returns: Type.Integer(), units: Type.Integer(), received_units: Type.Integer() })),
});

const reorderSettingsQuery = {
  lead_time_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  service_level: Type.Optional(Type.Number({ minimum: 0.5, exclusiveMaximum: 1 })),
};
export const ForecastQuery = Type.Object({
  variant_id: Id('var'), location_id: Type.Optional(Id('sloc')),
  horizon: Type.Integer({ minimum: 1, maximum: 90, default: 28 }),
  ...reorderSettingsQuery,
}, { additionalProperties: false });
const Reorder = Type.Object({
  mean_daily_demand: Type.Number(), safety_stock: Type.Integer(), reorder_point: Type.Integer(), suggested_quantity: Type.Integer(),
  days_of_cover: Type.Union([Type.Number(), Type.Null()]), below_reorder_point: Type.Boolean(),
  lead_time_days: Type.Integer(), service_level: Type.Number(),
});
export const VariantForecast = Type.Object({
  variant_id: Type.String(), location_id: Type.String(), method: Type.String(),
  params: Type.Union([Type.Object({ alpha: Type.Number(), beta: Type.Number(), gamma: Type.Number(), phi: Type.Number() }), Type.Null()]),
  sigma: Type.Number(),
  history: Type.Array(Type.Object({ date: Day, units: Type.Integer() })),
  forecast: Type.Array(Type.Object({ date: Day, mean: Type.Number(), lower: Type.Number(), upper: Type.Number() })),
  available: Type.Integer(),
  reorder: Reorder,
});

export const ReorderSuggestionQuery = Type.Object({
  all: Type.Boolean({ default: false }),
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
