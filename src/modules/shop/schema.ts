import type { Generated } from 'kysely';
import type { CreatedAt } from '../../db/column-types.ts';

/** The single row describing this shop; its presence marks the first start as done. */
export interface ShopTable {
  id: string;
  name: string;
  /** IANA name (Europe/Paris): where the shop's days start in analytics (migration 0011). */
  time_zone: Generated<string>;
  initialized_at: CreatedAt;
}

export interface ShopTables {
  shop: ShopTable;
}

declare module '../../db/database.ts' {
  interface Database extends ShopTables {}
}
