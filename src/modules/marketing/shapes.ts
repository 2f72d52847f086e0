import { Type } from '@sinclair/typebox';
import { DateTime } from '../../shapes.ts';

/** The API shapes of marketing consent. */
const ChannelConsent = Type.Object({
  granted: Type.Boolean(),
  source: Type.Union([Type.String(), Type.Null()], { description: 'where it was last given or withdrawn' }),
  recorded_at: Type.Union([DateTime, Type.Null()], { description: 'when; null: never asked (no consent)' }),
});

export const MarketingConsent = Type.Object({
  email: ChannelConsent,
  sms: ChannelConsent,
  history: Type.Optional(Type.Array(Type.Object({
    channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]), granted: Type.Boolean(), source: Type.String(), recorded_at: DateTime,
  }), { description: 'every grant and withdrawal, oldest first (staff only)' })),
});

export const ConsentInput = Type.Object({
  email: Type.Optional(Type.Boolean({ description: 'true grants, false withdraws' })),
  sms: Type.Optional(Type.Boolean()),
  source: Type.Optional(Type.String({ pattern: '^[a-z0-9_:.-]{1,50}$', description: 'where the customer gave it (storefront, checkout, newsletter_form…)' })),
}, { additionalProperties: false, minProperties: 1 });

const SegmentRulesShape = Type.Object({
  group_ids: Type.Optional(Type.Array(Type.String({ pattern: '^cgrp_[0-9A-Z]{26}$' }), { maxItems: 100, description: 'in any of these customer groups' })),
  min_total_spent: Type.Optional(Type.Object({
    currency_code: Type.String({ pattern: '^[A-Z]{3}$' }),
    amount: Type.Integer({ minimum: 0, maximum: 9_007_199_254_740_991 }),
  }, { additionalProperties: false, description: 'spent at least this much in placed orders not canceled, in this currency' })),
  ordered_within_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'placed an order in the last this-many days' })),
  product_ids: Type.Optional(Type.Array(Type.String({ pattern: '^prod_[0-9A-Z]{26}$' }), { maxItems: 100, description: 'bought any of these products' })),
}, { additionalProperties: false, description: 'every rule given must hold' });

export const SegmentInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, description: 'also the tag its members carry in the marketing tool' }),
  rules: SegmentRulesShape,
}, { additionalProperties: false });

export const Segment = Type.Object({ id: Type.String(), name: Type.String(), rules: SegmentRulesShape, created_at: DateTime, updated_at: DateTime });

export const MarketingDeadLetter = Type.Object({
  id: Type.String(),
  provider_id: Type.String({ description: 'the tool that refused it: webhook, klaviyo' }),
  event_id: Type.String({ description: 'the outbox event (evt_…)' }),
  event_type: Type.String(),
  customer_id: Type.Union([Type.String(), Type.Null()]),
  refs: Type.Object({
    order_id: Type.Optional(Type.String()), cart_id: Type.Optional(Type.String()), product_id: Type.Optional(Type.String()),
    value: Type.Optional(Type.Integer()), currency_code: Type.Optional(Type.String()),
  }, { description: 'what the event referred to: ids, and an abandoned cart’s value' }),
  occurred_at: DateTime,
  status: Type.Integer({ description: 'the tool’s HTTP status' }),
  error: Type.String({ description: 'the tool’s answer' }),
  attempts: Type.Integer({ description: 'how many times it was refused' }),
  created_at: DateTime,
  updated_at: DateTime,
});

export const ProductViewInput = Type.Object({ product_id: Type.String({ pattern: '^prod_[0-9A-Z]{26}$' }) }, { additionalProperties: false });
