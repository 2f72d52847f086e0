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
