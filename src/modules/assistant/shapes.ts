import { Type } from '@sinclair/typebox';
import { CurrencyCode, DateTime, Id } from '../../shapes.ts';
import { Product } from '../catalog/shapes.ts';
import { POLICY_TOPICS } from './schema.ts';

export const AssistantRequest = Type.Object({
  message: Type.String({ minLength: 1, maxLength: 2000 }),
  conversation_id: Type.Optional(Id('asst')),
  cart_id: Type.Optional(Id('cart')),
  currency_code: Type.Optional({ ...CurrencyCode, description: 'prices are compared in it (else the cart\'s, else the default region\'s), unless the message names one' }),
}, { additionalProperties: false });

const CartAction = Type.Object({
  type: Type.Literal('add_to_cart'),
  variant_id: Type.String(),
  quantity: Type.Integer(),
  cart_id: Type.Union([Type.String(), Type.Null()], { description: 'the cart_id sent; null: create a cart first' }),
}, { description: 'A proposal: the storefront applies it with POST /store/carts/:id/line-items' });

const OrderStatus = Type.Object({
  id: Type.String(),
  display_number: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  payment_status: Type.String(),
  fulfillment_status: Type.String(),
  placed_at: Type.Union([DateTime, Type.Null()]),
});

export const AssistantResponse = Type.Object({
  reply: Type.String(),
  intent: Type.String({ description: 'product_search, order_status, policy, add_to_cart, greeting or unknown' }),
  products: Type.Array(Product),
  actions: Type.Array(CartAction),
  order: Type.Union([OrderStatus, Type.Null()]),
  conversation_id: Type.String(),
});

const PolicyText = (topic: string) => Type.String({ maxLength: 4000, description: `what the assistant answers ${topic} questions with` });

export const AssistantSettings = Type.Object({
  policies: Type.Object(Object.fromEntries(POLICY_TOPICS.map((t) => [t, Type.Optional(PolicyText(t))]))),
});

export const AssistantSettingsUpdate = Type.Object({
  policies: Type.Object(Object.fromEntries(POLICY_TOPICS.map((t) => [t, Type.Optional(Type.Union([PolicyText(t), Type.Null()]))])), {
    additionalProperties: false, minProperties: 1, description: 'the topics given are set (null or empty: removed); the others stay',
  }),
}, { additionalProperties: false });
