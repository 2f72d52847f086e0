import { Type, type Static } from '@sinclair/typebox';
import { Amount, CurrencyCode, DateTime } from '../../shapes.ts';

/** The Admin API shapes of campaigns (docs/promotions.md#campaigns). Amounts in minor units of their currency. */

const Budget = Type.Object({ currency_code: CurrencyCode, amount: Amount }, { additionalProperties: false });

export const CampaignInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  starts_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'its promotions apply from then (and from their own starts_at)' })),
  ends_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'its promotions stop applying then' })),
  budgets: Type.Optional(Type.Array(Budget, {
    maxItems: 200, description: 'the most discount its promotions may give together, per currency; with budgets, its promotions apply only in those currencies',
  })),
}, { additionalProperties: false });
export type CampaignInput = Static<typeof CampaignInput>;

/** Any field; budgets replaces the whole set. */
export const CampaignUpdate = Type.Partial(CampaignInput, { additionalProperties: false, minProperties: 1 });
export type CampaignUpdate = Static<typeof CampaignUpdate>;

const CurrencyAmountOut = Type.Object({ currency_code: Type.String(), amount: Type.Integer() });

export const Campaign = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  starts_at: Type.Union([DateTime, Type.Null()]),
  ends_at: Type.Union([DateTime, Type.Null()]),
  budgets: Type.Array(Type.Object({ currency_code: Type.String(), amount: Type.Integer(), used: Type.Integer() })),
  promotion_ids: Type.Array(Type.String()),
  usage_count: Type.Integer({ description: 'uses of its promotions counted against it (a canceled order gives its use back)' }),
  order_count: Type.Integer({ description: 'orders placed with one of its promotions' }),
  discount_given: Type.Array(CurrencyAmountOut, { description: 'the discount its promotions gave, per currency' }),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Campaign = Static<typeof Campaign>;
