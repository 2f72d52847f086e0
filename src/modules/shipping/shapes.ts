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

const PriceType = Type.Union([Type.Literal('flat'), Type.Literal('weight'), Type.Literal('calculated')], {
  description: 'flat: one amount; weight: by weight bands; calculated: the carrier\'s live rate plus markup, `amount` when the carrier does not answer',
});

const optionFields = {
  name: Name,
  price_type: PriceType,
  amount: Type.Union([Amount, Type.Null()], { description: 'flat options: the price; calculated options: the fallback when the carrier is down or slow (required for both)' }),
  weight_bands: Type.Union([Type.Array(WeightBand, { minItems: 1, maxItems: 100 }), Type.Null()], {
    description: 'weight options only (required there): up_to_grams strictly increasing; a heavier cart cannot use the option',
  }),
  free_over_amount: Type.Union([Amount, Type.Null()], { description: 'free when the items subtotal after discounts reaches this amount' }),
  carrier_id: Type.Union([Type.String({ pattern: '^[a-z0-9_]{1,50}$' }), Type.Null()], { description: 'calculated options only (required there): the carrier whose rates price it' }),
  carrier_service: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description: 'calculated options: the carrier\'s service (ground, express…); null takes its cheapest' }),
  rate_markup_percent: Type.Number({ minimum: 0, maximum: 1000, multipleOf: 0.0001, description: 'calculated options: added to the carrier\'s rate (rounded half up)' }),
  rate_markup_amount: Amount,
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
    carrier_id: Type.Optional(optionFields.carrier_id),
    carrier_service: Type.Optional(optionFields.carrier_service),
    rate_markup_percent: Type.Optional(optionFields.rate_markup_percent),
    rate_markup_amount: Type.Optional(optionFields.rate_markup_amount),
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
  carrier_id: Type.Union([Type.String(), Type.Null()]),
  carrier_service: Type.Union([Type.String(), Type.Null()]),
  rate_markup_percent: Type.Number(),
  rate_markup_amount: Type.Integer(),
  active: Type.Boolean(),
  position: Type.Integer(),
  created_at: DateTime,
  updated_at: DateTime,
});

export const ShippingOptionListQuery = Type.Object({ ...ListQuery, region_id: Type.Optional(Id('reg')) }, { additionalProperties: false });
