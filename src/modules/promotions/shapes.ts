import { Type, type Static } from '@sinclair/typebox';
import { Amount, CurrencyCode, DateTime, EXPECTED, Id, ListQuery } from '../../shapes.ts';

/** The Admin API shapes of promotions (docs/promotions.md). Amounts in minor units of their currency. */

export const PromotionCode = Type.String({
  minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$', description: 'letters, digits, - and _; matched case-insensitively', [EXPECTED]: 'letters, digits, - and _ only (no spaces)',
});

const CurrencyAmount = Type.Object({ currency_code: CurrencyCode, amount: Amount }, { additionalProperties: false });
const Ids = (prefix: string, description: string) => Type.Array(Id(prefix), { maxItems: 500, uniqueItems: true, description });
const Type_ = Type.Union([Type.Literal('percentage'), Type.Literal('fixed'), Type.Literal('free_shipping'), Type.Literal('buy_x_get_y')]);
const Target = Type.Union([Type.Literal('order'), Type.Literal('items'), Type.Literal('shipping')], {
  description: 'order (default): every line; items: the lines matching the conditions; shipping (free_shipping\'s only target): the shipping price',
});
const Limit = Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), Type.Null()]);

const fields = {
  code: Type.Union([PromotionCode, Type.Null()], { description: 'what buyers enter; null with automatic: true for a promotion that applies by itself' }),
  automatic: Type.Boolean({ description: 'true: no code, applies to every cart that meets its conditions' }),
  description: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  type: Type_,
  target: Target,
  value: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'percentage: the percent (10 is 10 %, at most 4 decimals); fixed: the amount off in minor units of currency_code; buy_x_get_y: the percent off the units got (default 100: free)',
  }),
  tiers: Type.Array(Type.Object({ currency_code: CurrencyCode, min_subtotal: Amount, value: Type.Number({ minimum: 0 }) }, { additionalProperties: false }), {
    maxItems: 100, description: 'tiered percentage or fixed: from min_subtotal (before discounts) in its currency, this value instead of value/amounts; the highest tier reached applies',
  }),
  buy_quantity: Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()], { description: 'buy_x_get_y: the units to buy (X)' }),
  get_quantity: Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()], { description: 'buy_x_get_y: the units got with them (Y), the cheapest matching ones' }),
  currency_code: Type.Union([CurrencyCode, Type.Null()], { description: 'fixed: the currency of value (or give amounts)' }),
  amounts: Type.Union([Type.Array(CurrencyAmount, { minItems: 1, maxItems: 200 }), Type.Null()], { description: 'fixed: the amount off in each currency it applies in' }),
  combinable: Type.Boolean({ description: 'whether it applies together with other combinable promotions (default false)' }),
  active: Type.Boolean(),
  product_ids: Ids('prod', 'the products it applies to (any listed product, collection or category matches)'),
  collection_ids: Ids('pcol', 'collections whose products match'),
  category_ids: Ids('pcat', 'categories whose products match (the category itself, not its subcategories)'),
  variant_ids: Ids('var', 'variants that match'),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, uniqueItems: true, description: 'product tags whose products match' }),
  customer_group_ids: Ids('cgrp', 'the signed-in customer must be in one of these groups'),
  segment_ids: Ids('seg', 'the signed-in customer must be in one of these marketing segments'),
  first_order_only: Type.Boolean({ description: 'only for a buyer (account or email) with no earlier placed order that was not canceled' }),
  min_quantity: Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()], { description: 'the matching units the cart must hold' }),
  campaign_id: Type.Union([Id('camp'), Type.Null()], { description: 'the campaign whose dates and budget it shares' }),
  min_subtotals: Type.Array(CurrencyAmount, { maxItems: 200, description: 'the cart subtotal (before discounts) needed, per currency; a currency not listed does not qualify' }),
  currency_codes: Type.Array(CurrencyCode, { maxItems: 200, uniqueItems: true, description: 'only carts in these currencies (empty: any)' }),
  region_ids: Ids('reg', 'only carts in these regions (empty: any)'),
  starts_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  ends_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'the promotion stops applying at this time' }),
  usage_limit: Limit,
  per_customer_limit: Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()], { description: 'uses per customer account, or per email for guests' }),
  budget: Type.Union([CurrencyAmount, Type.Null()], { description: 'the most discount it may give in total; it then applies only in that currency' }),
};

export const PromotionInput = Type.Object({
  code: Type.Optional(fields.code),
  automatic: Type.Optional(fields.automatic),
  description: Type.Optional(fields.description),
  type: fields.type,
  target: Type.Optional(fields.target),
  value: Type.Optional(fields.value),
  tiers: Type.Optional(fields.tiers),
  buy_quantity: Type.Optional(fields.buy_quantity),
  get_quantity: Type.Optional(fields.get_quantity),
  currency_code: Type.Optional(fields.currency_code),
  amounts: Type.Optional(fields.amounts),
  combinable: Type.Optional(fields.combinable),
  active: Type.Optional(fields.active),
  product_ids: Type.Optional(fields.product_ids),
  collection_ids: Type.Optional(fields.collection_ids),
  category_ids: Type.Optional(fields.category_ids),
  variant_ids: Type.Optional(fields.variant_ids),
  tags: Type.Optional(fields.tags),
  customer_group_ids: Type.Optional(fields.customer_group_ids),
  segment_ids: Type.Optional(fields.segment_ids),
  first_order_only: Type.Optional(fields.first_order_only),
  min_quantity: Type.Optional(fields.min_quantity),
  campaign_id: Type.Optional(fields.campaign_id),
  min_subtotals: Type.Optional(fields.min_subtotals),
  currency_codes: Type.Optional(fields.currency_codes),
  region_ids: Type.Optional(fields.region_ids),
  starts_at: Type.Optional(fields.starts_at),
  ends_at: Type.Optional(fields.ends_at),
  usage_limit: Type.Optional(fields.usage_limit),
  per_customer_limit: Type.Optional(fields.per_customer_limit),
  budget: Type.Optional(fields.budget),
}, { additionalProperties: false });
export type PromotionInput = Static<typeof PromotionInput>;

/** Any field but automatic (a code stays a code); the result is checked as a whole, like a new promotion. */
export const PromotionUpdate = Type.Partial(Type.Omit(PromotionInput, ['automatic']), { additionalProperties: false, minProperties: 1 });
export type PromotionUpdate = Static<typeof PromotionUpdate>;

const CurrencyAmountOut = Type.Object({ currency_code: Type.String(), amount: Type.Integer() });

export const Promotion = Type.Object({
  id: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  automatic: Type.Boolean(),
  description: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  target: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'percentage and buy_x_get_y: the percent' }),
  tiers: Type.Array(Type.Object({ currency_code: Type.String(), min_subtotal: Type.Integer(), value: Type.Number() })),
  buy_quantity: Type.Union([Type.Integer(), Type.Null()]),
  get_quantity: Type.Union([Type.Integer(), Type.Null()]),
  amounts: Type.Union([Type.Array(CurrencyAmountOut), Type.Null()]),
  combinable: Type.Boolean(),
  active: Type.Boolean(),
  product_ids: Type.Array(Type.String()),
  collection_ids: Type.Array(Type.String()),
  category_ids: Type.Array(Type.String()),
  variant_ids: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  customer_group_ids: Type.Array(Type.String()),
  segment_ids: Type.Array(Type.String()),
  first_order_only: Type.Boolean(),
  min_quantity: Type.Union([Type.Integer(), Type.Null()]),
  campaign_id: Type.Union([Type.String(), Type.Null()]),
  min_subtotals: Type.Array(CurrencyAmountOut),
  currency_codes: Type.Array(Type.String()),
  region_ids: Type.Array(Type.String()),
  starts_at: Type.Union([DateTime, Type.Null()]),
  ends_at: Type.Union([DateTime, Type.Null()]),
  usage_limit: Type.Union([Type.Integer(), Type.Null()]),
  usage_count: Type.Integer({ description: 'orders placed with it' }),
  per_customer_limit: Type.Union([Type.Integer(), Type.Null()]),
  budget: Type.Union([Type.Object({ currency_code: Type.String(), amount: Type.Integer(), used: Type.Integer() }), Type.Null()]),
  discount_given: Type.Array(CurrencyAmountOut, { description: 'the discount on orders placed with it, per currency' }),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Promotion = Static<typeof Promotion>;

export const PromotionListQuery = Type.Object({
  ...ListQuery,
  code: Type.Optional(Type.String({ maxLength: 100, description: 'the promotion with this code (any case)' })),
  automatic: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
