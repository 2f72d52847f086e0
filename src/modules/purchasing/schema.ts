import type { Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp } from '../../db/column-types.ts';

export interface SupplierTable {
  id: string;
  name: string;
  /** Matched case-insensitively (unique on lower(code)). */
  code: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type PurchaseOrderStatus = 'draft' | 'ordered' | 'partially_received' | 'received' | 'canceled';

export interface PurchaseOrderTable {
  id: string;
  supplier_id: string;
  /** Where the units arrive: its levels' `incoming` counts them from ordering to receipt. */
  location_id: string;
  status: PurchaseOrderStatus;
  currency_code: string;
  /** The supplier's or the shop's own order number. */
  reference: string | null;
  expected_at: NullableTimestamp;
  note: string | null;
  created_by: string;
  ordered_at: NullableTimestamp;
  received_at: NullableTimestamp;
  canceled_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PurchaseOrderLineTable {
  id: string;
  purchase_order_id: string;
  /** Null once the variant is deleted (the line stays, with its sku). */
  variant_id: string | null;
  sku: string | null;
  position: number;
  quantity: number;
  quantity_received: Generated<number>;
  /** Minor units of the order's currency per unit. */
  unit_cost: number;
}

export interface PurchasingTables {
  supplier: SupplierTable;
  purchase_order: PurchaseOrderTable;
  purchase_order_line: PurchaseOrderLineTable;
}

declare module '../../db/database.ts' {
  interface Database extends PurchasingTables {}
}
