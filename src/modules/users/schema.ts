import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableTimestamp, ReadOnly, Timestamp } from '../../db/column-types.ts';

export interface AdminUserTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string;
  role: string;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  last_login_at: NullableTimestamp;
}

/** Opaque admin session tokens; only the SHA-256 of a token is stored. */
export interface AdminSessionTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

/** A custom role; built-in roles live in code (permissions.ts). */
export interface AdminRoleTable {
  key: string;
  name: string;
  permissions: string[];
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** A key for an integration: `ck_…`, shown once; only its SHA-256 is stored. */
export interface ApiKeyTable {
  id: string;
  name: string;
  token_hash: string;
  last4: string;
  permissions: string[];
  created_by: string;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  seq: ReadOnly<number>;
  id: string;
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  changes: JsonWithDefault<Record<string, unknown>>;
  status: number;
  request_id: string;
  created_at: CreatedAt;
}

/** Failed sign-ins per email (known or not, alike): what slows and locks repeated guessing. */
export interface LoginAttemptTable {
  realm: string;
  email_hash: string;
  failures: Generated<number>;
  locked_until: NullableTimestamp;
  updated_at: CreatedAt;
}

export interface UsersTables {
  admin_user: AdminUserTable;
  admin_session: AdminSessionTable;
  admin_role: AdminRoleTable;
  api_key: ApiKeyTable;
  audit_log: AuditLogTable;
  login_attempt: LoginAttemptTable;
}

declare module '../../db/database.ts' {
  interface Database extends UsersTables {}
}
