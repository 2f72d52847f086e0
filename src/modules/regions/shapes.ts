import { Type, type Static } from '@sinclair/typebox';
import { CountryCode, CurrencyCode, DateTime, Name, Percent } from '../../shapes.ts';

/** The API shapes of regions. */

const regionFields = {
  name: Name,
  currency_code: Type.String({ ...CurrencyCode, description: 'ISO 4217 (USD), any case accepted; prices and shipping amounts in the region use it' }),
  tax_inclusive: Type.Boolean({ description: 'true: prices include tax (VAT style); false (default): tax is added on top' }),
  default_tax_rate: Percent,
  countries: Type.Array(CountryCode, { maxItems: 250, uniqueItems: true, description: 'a country belongs to at most one region' }),
};

export const RegionInput = Type.Object(
  {
    name: regionFields.name,
    currency_code: regionFields.currency_code,
    tax_inclusive: Type.Optional(regionFields.tax_inclusive),
    default_tax_rate: Type.Optional(regionFields.default_tax_rate),
    countries: Type.Optional(regionFields.countries),
  },
  { additionalProperties: false },
);
export type RegionInput = Static<typeof RegionInput>;

export const RegionUpdate = Type.Partial(Type.Object(regionFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type RegionUpdate = Static<typeof RegionUpdate>;

export const Region = Type.Object({
  id: Type.String(),
  name: Type.String(),
  currency_code: Type.String(),
  tax_inclusive: Type.Boolean(),
  default_tax_rate: Type.Number({ description: 'percent' }),
  countries: Type.Array(Type.String(), { description: 'sorted' }),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Region = Static<typeof Region>;

/** What a storefront needs for its country and currency picker: no tax rates, no timestamps. */
export const StoreRegion = Type.Object({
  id: Type.String(),
  name: Type.String(),
  currency_code: Type.String(),
  tax_inclusive: Type.Boolean({ description: 'true: prices include tax; false: tax is added at checkout' }),
  countries: Type.Array(Type.String(), { description: 'ISO 3166-1 alpha-2, sorted' }),
});
