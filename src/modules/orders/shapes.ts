import { Type, type Static } from '@sinclair/typebox';
import { DateTime } from '../../shapes.ts';
import { Address, CartLine } from '../cart/shapes.ts';

/** An order line is the cart line it was, frozen. */
export const OrderLine = Type.Omit(CartLine, ['purchasable']);

export const Order = Type.Object({
  id: Type.String(),
  number: Type.Union([Type.Integer(), Type.Null()]),
  display_number: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  payment_status: Type.String(),
  fulfillment_status: Type.String(),
  region_id: Type.String(),
  currency_code: Type.String(),
  tax_inclusive: Type.Boolean(),
  email: Type.String(),
  items: Type.Array(OrderLine),
  shipping_address: Type.Union([Address, Type.Null()]),
  billing_address: Type.Union([Address, Type.Null()]),
  shipping_method: Type.Union([Type.Object({ option_id: Type.String(), name: Type.String(), amount: Type.Integer(), tax_total: Type.Integer() }), Type.Null()]),
  subtotal: Type.Integer(),
  discount_total: Type.Integer(),
  shipping_total: Type.Integer(),
  tax_total: Type.Integer(),
  total: Type.Integer(),
  placed_at: Type.Union([DateTime, Type.Null()]),
  created_at: DateTime,
});
export type Order = Static<typeof Order>;

/** What completing a cart answers: the order and, once, the token a guest reads it with. */
export const PlacedOrder = Type.Object({ ...Order.properties, access_token: Type.String({ description: 'send as X-Order-Token to GET /store/orders/:id' }) });
export type PlacedOrder = Static<typeof PlacedOrder>;
