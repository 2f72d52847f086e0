import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableTimestamp, Timestamp } from '../../db/column-types.ts';

/** Personal fields (email, names, phone) hold ciphertext; email_hash is the blind index to find one by email. */
export interface CustomerTable {
  id: string;
  email_hash: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  password_hash: string | null;
  email_verified_at: NullableTimestamp;
  anonymized_at: NullableTimestamp;
  metadata: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface CustomerSessionTable {
  id: string;
  customer_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export type CustomerTokenPurpose = 'password_reset' | 'email_verification';

/** Single-use, expiring tokens mailed to the customer; only their hash is kept. */
export interface CustomerTokenTable {
  id: string;
  customer_id: string;
  purpose: CustomerTokenPurpose;
  token_hash: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface CustomerAddressTable {
  id: string;
  customer_id: string;
  /** The address as encrypted JSON. */
  address: string;
  is_default_shipping: Generated<boolean>;
  is_default_billing: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface CustomerGroupTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface CustomerGroupMemberTable {
  group_id: string;
  customer_id: string;
}

export interface CustomersTables {
  customer: CustomerTable;
  customer_session: CustomerSessionTable;
  customer_token: CustomerTokenTable;
  customer_address: CustomerAddressTable;
  customer_group: CustomerGroupTable;
  customer_group_member: CustomerGroupMemberTable;
}

declare module '../../db/database.ts' {
  interface Database extends CustomersTables {}
}
