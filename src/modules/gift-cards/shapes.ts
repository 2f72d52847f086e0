import { Type } from '@sinclair/typebox';
import { Amount, CurrencyCode, DateTime, EXPECTED, Id, ListQuery } from '../../shapes.ts';

/** What a buyer or staff types: letters and digits, dashes and spaces allowed (ignored when matching). */
export const GiftCardCode = Type.String({
  minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9 -]+$', description: 'a gift card code, in any case, with or without dashes', [EXPECTED]: 'letters, digits, dashes and spaces only',
});
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Reason = Type.String({ minLength: 1, maxLength: 500, description: 'why (kept in the movement log)' });
const SignedAmount = Type.Integer({ minimum: -9_007_199_254_740_991, maximum: 9_007_199_254_740_991, not: { const: 0 }, description: 'minor units: positive adds, negative takes' });

export const Movement = Type.Object({
  id: Type.String(),
  gift_card_id: Type.String(),
  kind: Type.String({ description: 'issue, adjust, grant, debit, redeem, restore, refund' }),
  amount: Type.Integer({ description: 'signed, minor units' }),
  balance_before: Type.Integer(),
  balance_after: Type.Integer(),
  reason: Type.Union([Type.String(), Type.Null()]),
  order_id: Type.Union([Type.String(), Type.Null()]),
  actor: Type.String({ description: 'the staff id, or checkout / refund' }),
  created_at: DateTime,
});

export const GiftCard = Type.Object({
  id: Type.String(),
  last4: Type.String(),
  currency_code: Type.String(),
  initial_value: Type.Integer(),
  balance: Type.Integer(),
  status: Type.String({ description: 'active or disabled' }),
  expires_at: Type.Union([DateTime, Type.Null()]),
  customer_id: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  created_by: Type.String(),
  created_at: DateTime,
  updated_at: DateTime,
});

export const GiftCardDetail = Type.Composite([GiftCard, Type.Object({ movements: Type.Array(Movement, { description: 'newest first, the last 100' }) })]);
export const IssuedGiftCard = Type.Composite([GiftCard, Type.Object({ code: Type.String({ description: 'shown this once: only its hash is kept' }) })]);

export const IssueGiftCardInput = Type.Object({
  currency_code: CurrencyCode,
  amount: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991, description: 'the initial value, minor units' }),
  expires_at: Type.Optional(Type.Union([DateTime, Type.Null()])),
  customer_id: Type.Optional(Type.Union([Id('cus'), Type.Null()])),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false });

export const UpdateGiftCardInput = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  expires_at: Type.Optional(Type.Union([DateTime, Type.Null()])),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false });

export const AdjustBalanceInput = Type.Object({ amount: SignedAmount, reason: Reason }, { additionalProperties: false });

export const GiftCardListQuery = Type.Object({
  ...ListQuery,
  code: Type.Optional(GiftCardCode),
  customer_id: Type.Optional(Id('cus')),
});

export const StoreCredit = Type.Object({
  customer_id: Type.String(),
  balances: Type.Array(Type.Object({ id: Type.String(), currency_code: Type.String(), balance: Type.Integer(), updated_at: DateTime })),
  movements: Type.Array(Movement, { description: 'newest first, the last 100' }),
});

export const StoreCreditInput = Type.Object({ currency_code: CurrencyCode, amount: SignedAmount, reason: Reason }, { additionalProperties: false });

export const UseStoreCreditInput = Type.Object({
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: Amount.maximum, description: 'the most store credit to spend; omitted: as much as the total needs' })),
}, { additionalProperties: false });
