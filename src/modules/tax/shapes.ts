import { Type, type Static } from '@sinclair/typebox';
import { CountryCode, DateTime, Name, Percent } from '../../shapes.ts';

/** The API shapes of a region's tax overrides. Rates are percents here, parts per million in the table. */

const TaxClass = Type.String({
  minLength: 1, maxLength: 100, pattern: '^\\S(.*\\S)?$', description: 'matches a product’s tax_class exactly (e.g. "reduced", "books")',
});

const taxRateFields = {
  country_code: Type.Union([CountryCode, Type.Null()], { description: 'one of the region’s countries; null: every country of the region' }),
  tax_class: Type.Union([TaxClass, Type.Null()], { description: 'null: every product' }),
  name: Name,
  rate: Percent,
};

export const TaxRateInput = Type.Object(
  {
    country_code: Type.Optional(taxRateFields.country_code),
    tax_class: Type.Optional(taxRateFields.tax_class),
    name: taxRateFields.name,
    rate: taxRateFields.rate,
  },
  { additionalProperties: false, description: 'at least one of country_code and tax_class' },
);
export type TaxRateInput = Static<typeof TaxRateInput>;

export const TaxRateUpdate = Type.Partial(Type.Object(taxRateFields), { additionalProperties: false, minProperties: 1 });
export type TaxRateUpdate = Static<typeof TaxRateUpdate>;

export const TaxRate = Type.Object({
  id: Type.String(),
  region_id: Type.String(),
  country_code: Type.Union([Type.String(), Type.Null()]),
  tax_class: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  rate: Type.Number({ description: 'percent' }),
  created_at: DateTime,
  updated_at: DateTime,
});
