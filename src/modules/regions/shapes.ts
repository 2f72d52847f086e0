import { Type, type Static } from '@sinclair/typebox';
import { DateTime } from '../../http/schemas.ts';

/** The API shapes of regions; the tax and shipping modules share the few below that are common. */

export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$', description: 'no leading or trailing spaces' });

/** Upper-case ISO 3166-1 alpha-2; the service also checks it is an assigned code (400 invalid_country). */
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case (DE, US)' });

/**
 * A tax rate as a percent: 8.875 is 8.875 %. At most 4 decimals (the service refuses more), because
 * rates are stored exactly as parts per million.
 */
export const Percent = Type.Number({ minimum: 0, maximum: 100, description: 'percent, 0–100, at most 4 decimals (8.875)' });

const regionFields = {
  name: Name,
  currency_code: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, upper case; prices and shipping amounts in the region use it' }),
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

export const Deleted = Type.Object({ id: Type.String(), object: Type.String(), deleted: Type.Boolean() });
