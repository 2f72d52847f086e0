import { Type, type Static } from '@sinclair/typebox';
import { Amount, CurrencyCode, DateTime, Id, ListQuery, Name } from '../../shapes.ts';

const PriceListType = Type.Union([Type.Literal('sale'), Type.Literal('override')], {
  description: 'sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant\'s own',
});
const PriceListStatus = Type.Union([Type.Literal('active'), Type.Literal('draft')], { description: 'only active lists apply' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const PriceListPriceInput = Type.Object({
  variant_id: Id('var'),
  currency_code: CurrencyCode,
  amount: Amount,
  min_quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'applies to cart lines of at least this many units (default 1)' })),
}, { additionalProperties: false });
export type PriceListPriceInput = Static<typeof PriceListPriceInput>;

const listFields = {
  name: Name,
  description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  type: PriceListType,
  status: Type.Optional(PriceListStatus),
  starts_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  ends_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  customer_group_ids: Type.Optional(Type.Array(Id('cgrp'), { maxItems: 50, description: 'only signed-in customers in one of these groups (empty: everybody)' })),
};

export const PriceListInput = Type.Object({
  ...listFields,
  prices: Type.Optional(Type.Array(PriceListPriceInput, { maxItems: 1000 })),
}, { additionalProperties: false });
export type PriceListInput = Static<typeof PriceListInput>;

export const PriceListUpdate = Type.Partial(Type.Object(listFields), { additionalProperties: false, minProperties: 1 });
export type PriceListUpdate = Static<typeof PriceListUpdate>;

export const PriceListPricesInput = Type.Object({
  prices: Type.Array(PriceListPriceInput, { minItems: 1, maxItems: 1000, description: 'added, or replacing the list\'s price for the same variant, currency and min_quantity' }),
}, { additionalProperties: false });

export const PriceListPrice = Type.Object({
  id: Type.String(), variant_id: Type.String(), currency_code: Type.String(), amount: Type.Integer(), min_quantity: Type.Integer(),
});

const summaryFields = {
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  type: PriceListType,
  status: PriceListStatus,
  starts_at: Type.Union([DateTime, Type.Null()]),
  ends_at: Type.Union([DateTime, Type.Null()]),
  customer_group_ids: Type.Array(Type.String()),
  price_count: Type.Integer(),
  created_at: DateTime,
  updated_at: DateTime,
};

export const PriceListSummary = Type.Object(summaryFields);
export type PriceListSummary = Static<typeof PriceListSummary>;

export const PriceList = Type.Object({ ...summaryFields, prices: Type.Array(PriceListPrice, { description: 'by variant, currency, then min_quantity' }) });
export type PriceList = Static<typeof PriceList>;

export const PriceListListQuery = Type.Object({
  ...ListQuery,
  status: Type.Optional(PriceListStatus),
}, { additionalProperties: false });
