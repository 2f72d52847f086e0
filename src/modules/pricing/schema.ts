import type { Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp } from '../../db/column-types.ts';

export type PriceListType = 'sale' | 'override';
export type PriceListStatus = 'active' | 'draft';

export interface PriceListTable {
  id: string;
  name: string;
  description: string | null;
  /** sale: its prices apply when lower than the original; override: its prices replace the base price. */
  type: PriceListType;
  status: Generated<PriceListStatus>;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  /** Empty: every buyer; otherwise only signed-in customers in one of these groups. */
  customer_group_ids: Generated<string[]>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PriceListPriceTable {
  id: string;
  price_list_id: string;
  variant_id: string;
  currency_code: string;
  amount: number;
  /** The price applies to a cart line of at least this many units (quantity tiers). */
  min_quantity: Generated<number>;
  created_at: CreatedAt;
}

export interface PricingTables {
  price_list: PriceListTable;
  price_list_price: PriceListPriceTable;
}

declare module '../../db/database.ts' {
  interface Database extends PricingTables {}
}
