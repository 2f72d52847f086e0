import type { CreatedAt } from '../../db/column-types.ts';

export interface IdempotencyKeyTable {
  /** Who and where: the route and the caller (e.g. `POST /store/carts/:id/complete cart_…`). */
  scope: string;
  key: string;
  /** SHA-256 of the request body: the same key with another body is refused. */
  request_hash: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  response_content_type: string | null;
  locked_at: CreatedAt;
  created_at: CreatedAt;
}

export interface IdempotencyTables {
  idempotency_key: IdempotencyKeyTable;
}

declare module '../../db/database.ts' {
  interface Database extends IdempotencyTables {}
}
