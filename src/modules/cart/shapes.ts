import { Type, type Static } from '@sinclair/typebox';
import { CountryCode, CurrencyCode, DateTime, EXPECTED, Id } from '../../shapes.ts';

const Line = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const AddressInput = Type.Object(
  {
    first_name: Line(100),
    last_name: Line(100),
    company: Type.Optional(Type.Union([Line(200), Type.Null()])),
    address_1: Line(300),
    address_2: Type.Optional(Type.Union([Line(300), Type.Null()])),
    city: Line(100),
    postal_code: Line(20),
    province: Type.Optional(Type.Union([Line(100), Type.Null()])),
    country_code: CountryCode,
    phone: Type.Optional(Type.Union([Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+()./ -]+$', [EXPECTED]: 'a phone number: digits, spaces and + ( ) . / -' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type AddressInput = Static<typeof AddressInput>;

const Email = Type.String({ format: 'email', maxLength: 320 });

export const CreateCartInput = Type.Object(
  {
    region_id: Type.Optional(Id('reg')),
    currency_code: Type.Optional(CurrencyCode),
    email: Type.Optional(Email),
  },
  { additionalProperties: false },
);
export type CreateCartInput = Static<typeof CreateCartInput>;

export const UpdateCartInput = Type.Object(
  {
    region_id: Type.Optional(Id('reg')),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    shipping_address: Type.Optional(Type.Union([AddressInput, Type.Null()])),
    billing_address: Type.Optional(Type.Union([AddressInput, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCartInput = Static<typeof UpdateCartInput>;

export const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });

export const AddLineItemInput = Type.Object({ variant_id: Id('var'), quantity: Quantity }, { additionalProperties: false });
export const UpdateLineItemInput = Type.Object({ quantity: Quantity }, { additionalProperties: false });

export const Address = Type.Object({
  first_name: Type.String(),
  last_name: Type.String(),
  company: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  address_1: Type.String(),
  address_2: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  city: Type.String(),
  postal_code: Type.String(),
  province: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  country_code: Type.String(),
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const CartLine = Type.Object({
  id: Type.String(),
  variant_id: Type.String(),
  product_id: Type.String(),
  sku: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  variant_title: Type.String(),
  quantity: Type.Integer(),
  unit_price: Type.Integer(),
  subtotal: Type.Integer(),
  discount_total: Type.Integer(),
  tax_rate: Type.Number({ description: 'percent' }),
  tax_total: Type.Integer(),
  total: Type.Integer(),
  /** False when the product was unpublished or lost its price after the line was added. */
  purchasable: Type.Boolean(),
});

export const CartPromotion = Type.Object({
  promotion_id: Type.String(),
  code: Type.Union([Type.String(), Type.Null()], { description: 'null for an automatic promotion' }),
  type: Type.String({ description: 'percentage, fixed, free_shipping or buy_x_get_y' }),
  target: Type.String({ description: 'order, items or shipping' }),
  amount: Type.Integer({ description: 'what it took off, minor units' }),
});

export const RemovedPromotion = Type.Object({
  promotion_id: Type.String(),
  code: Type.String(),
  reason: Type.String({ description: 'inactive, not_started, expired, currency, region, minimum_subtotal, minimum_quantity, no_matching_items, exhausted, not_combinable (docs/promotions.md)' }),
});

export const Cart = Type.Object({
  id: Type.String(),
  region_id: Type.String(),
  currency_code: Type.String(),
  tax_inclusive: Type.Boolean(),
  email: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(CartLine),
  shipping_address: Type.Union([Address, Type.Null()]),
  billing_address: Type.Union([Address, Type.Null()]),
  shipping_method: Type.Union([Type.Object({ option_id: Type.String(), name: Type.String(), amount: Type.Integer() }), Type.Null()]),
  payment_session: Type.Union([Type.Object({ id: Type.String(), provider_id: Type.String(), status: Type.String(), amount: Type.Integer() }), Type.Null()]),
  holds_expire_at: Type.Union([DateTime, Type.Null()]),
  subtotal: Type.Integer(),
  discount_total: Type.Integer(),
  shipping_total: Type.Integer(),
  tax_total: Type.Integer(),
  total: Type.Integer(),
  gift_cards: Type.Array(Type.Object({
    last4: Type.String(), amount: Type.Integer(),
    problem: Type.Union([Type.String({ description: 'why it pays nothing: gift_card_disabled, gift_card_expired, gift_card_currency_mismatch, gift_card_insufficient_balance' }), Type.Null()]),
  }), { description: 'the gift cards applied, in the order entered, and what each pays' }),
  gift_card_total: Type.Integer({ description: 'what the gift cards pay' }),
  store_credit_total: Type.Integer({ description: 'what the signed-in buyer\'s store credit pays' }),
  amount_due: Type.Integer({ description: 'what is left to pay by card: total − gift_card_total − store_credit_total' }),
  weight_grams: Type.Integer(),
  promotions: Type.Array(CartPromotion, { description: 'the promotions that apply, in the order they were applied (docs/promotions.md)' }),
  removed_promotions: Type.Array(RemovedPromotion, { description: 'codes on the cart that no longer apply, with why; remove or keep them' }),
  completed_at: Type.Union([DateTime, Type.Null()]),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Cart = Static<typeof Cart>;

export const ShippingOptionForCart = Type.Object({ id: Type.String(), name: Type.String(), amount: Type.Integer() });
