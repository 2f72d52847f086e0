import type { CreatedAt, NullableTimestamp, Timestamp } from '../../db/column-types.ts';

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

export interface UsersTables {
  admin_user: AdminUserTable;
  admin_session: AdminSessionTable;
}
