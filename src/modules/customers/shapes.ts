import { Type, type Static } from '@sinclair/typebox';
import { DateTime, EXPECTED, Id } from '../../shapes.ts';
import { Address, AddressInput } from '../cart/shapes.ts';
import { MarketingConsent } from '../marketing/shapes.ts';
import { Order } from '../orders/shapes.ts';

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Email = Type.String({ format: 'email', maxLength: 320 });
const Phone = Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+()./ -]+$', [EXPECTED]: 'a phone number: digits, spaces and + ( ) . / -' });

export const RegisterInput = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }), first_name: Name, last_name: Name, phone: Type.Optional(Type.Union([Phone, Type.Null()])) },
  { additionalProperties: false },
);
export const LoginInput = Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });
export const ProfileUpdate = Type.Object(
  { first_name: Type.Optional(Name), last_name: Type.Optional(Name), phone: Type.Optional(Type.Union([Phone, Type.Null()])), metadata: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 50 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type ProfileUpdate = Static<typeof ProfileUpdate>;

export const Customer = Type.Object({
  id: Type.String(),
  email: Type.String(),
  first_name: Type.Union([Type.String(), Type.Null()]),
  last_name: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email_verified: Type.Boolean(),
  group_ids: Type.Array(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  created_at: DateTime,
});
export type Customer = Static<typeof Customer>;

export const Session = Type.Object({ token: Type.String(), expires_at: DateTime, customer: Customer });

export const AddressBookEntryInput = Type.Object(
  { address: AddressInput, is_default_shipping: Type.Optional(Type.Boolean()), is_default_billing: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type AddressBookEntryInput = Static<typeof AddressBookEntryInput>;
export const AddressBookEntryUpdate = Type.Partial(AddressBookEntryInput, { additionalProperties: false, minProperties: 1 });
export type AddressBookEntryUpdate = Static<typeof AddressBookEntryUpdate>;

export const AddressBookEntry = Type.Object({
  id: Type.String(),
  address: Address,
  is_default_shipping: Type.Boolean(),
  is_default_billing: Type.Boolean(),
  created_at: DateTime,
});

export const AddressParams = Type.Object({ address_id: Id('caddr') });

/** A customer as staff see one: the account, its orders and what it has spent per currency. */
export const CustomerDetail = Type.Object({
  ...Customer.properties,
  orders: Type.Array(Type.Object({
    id: Type.String(), number: Type.Union([Type.Integer(), Type.Null()]), status: Type.String(), payment_status: Type.String(),
    fulfillment_status: Type.String(), currency_code: Type.String(), total: Type.Integer(), placed_at: Type.Union([DateTime, Type.Null()]),
  })),
  lifetime_value: Type.Array(Type.Object({ currency_code: Type.String(), orders: Type.Integer(), total: Type.Integer() })),
});

export const CustomerExport = Type.Object({
  format: Type.Literal('cartwright.customer_export'),
  version: Type.Integer({ description: 'of this document’s layout: 1' }),
  exported_at: DateTime,
  customer: Customer,
  addresses: Type.Array(AddressBookEntry),
  marketing_consent: MarketingConsent,
  orders: Type.Array(Order, { description: 'every order placed, oldest first, as GET /store/orders/:id returns it' }),
}, { description: 'Everything the shop holds about a customer (GDPR access and portability)' });
