import { Type, type Static } from '@sinclair/typebox';
import { Amount, DateTime, Id, ListQuery, Name } from '../../shapes.ts';

/** The API shapes of shipping options. Amounts are integers in the minor unit of the region's currency. */

export const WeightBand = Type.Object(
  {
    up_to_grams: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'carts up to this weight (inclusive) pay amount' }),
    amount: Amount,
  },
  { additionalProperties: false },
);

const PriceType = Type.Union([Type.Literal('flat'), Type.Literal('weight')], { description: 'flat: one amount; weight: by weight bands' });

const optionFields = {
  name: Name,
  price_type: PriceType,
  amount: Type.Union([Amount, Type.Null()], { description: 'flat options only (required there)' }),
  weight_bands: Type.Union([Type.Array(WeightBand, { minItems: 1, maxItems: 100 }), Type.Null()], {
    description: 'weight options only (required there): up_to_grams strictly increasing; a heavier cart cannot use the option',
  }),
  free_over_amount: Type.Union([Amount, Type.Null()], { description: 'free when the items subtotal after discounts reaches this amount' }),
  active: Type.Boolean({ description: 'inactive options are not offered to carts' }),
  position: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'carts list options by position, then name' }),
};

export const ShippingOptionInput = Type.Object(
  {
    region_id: Id('reg'),
    name: optionFields.name,
    price_type: optionFields.price_type,
    amount: Type.Optional(optionFields.amount),
    weight_bands: Type.Optional(optionFields.weight_bands),
    free_over_amount: Type.Optional(optionFields.free_over_amount),
    active: Type.Optional(optionFields.active),
    position: Type.Optional(optionFields.position),
  },
  { additionalProperties: false },
);
export type ShippingOptionInput = Static<typeof ShippingOptionInput>;

/** Everything but the region: its amounts are in the region's currency, so an option never moves. */
export const ShippingOptionUpdate = Type.Partial(Type.Object(optionFields), { additionalProperties: false, minProperties: 1 });
export type ShippingOptionUpdate = Static<typeof ShippingOptionUpdate>;

export const ShippingOption = Type.Object({
  id: Type.String(),
  region_id: Type.String(),
  currency_code: Type.String({ description: 'the region’s currency, which the amounts are in' }),
  name: Type.String(),
  price_type: PriceType,
  amount: Type.Union([Type.Integer(), Type.Null()]),
  weight_bands: Type.Union([Type.Array(Type.Object({ up_to_grams: Type.Integer(), amount: Type.Integer() })), Type.Null()]),
  free_over_amount: Type.Union([Type.Integer(), Type.Null()]),
  active: Type.Boolean(),
  position: Type.Integer(),
  created_at: DateTime,
  updated_at: DateTime,
});

export const ShippingOptionListQuery = Type.Object({ ...ListQuery, region_id: Type.Optional(Id('reg')) }, { additionalProperties: false });
