import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableTimestamp } from '../../db/column-types.ts';

export interface StockLocationTable {
  id: string;
  name: string;
  code: string;
  address: JsonWithDefault<Record<string, unknown>>;
  priority: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** One per variant; a variant without one is tracked and has no stock. */
export interface InventoryItemTable {
  id: string;
  variant_id: string;
  manage_inventory: Generated<boolean>;
  allow_backorder: Generated<boolean>;
  low_stock_threshold: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** Quantities of one item at one location; available = on_hand − committed − reserved − safety_stock. */
export interface InventoryLevelTable {
  item_id: string;
  location_id: string;
  on_hand: Generated<number>;
  committed: Generated<number>;
  reserved: Generated<number>;
  safety_stock: Generated<number>;
  incoming: Generated<number>;
  updated_at: CreatedAt;
}

export type ReservationKind = 'hold' | 'order';

export interface InventoryReservationTable {
  id: string;
  item_id: string;
  location_id: string;
  kind: ReservationKind;
  quantity: number;
  cart_id: string | null;
  order_id: string | null;
  order_line_id: string | null;
  expires_at: NullableTimestamp;
  created_at: CreatedAt;
}

export type InventoryField = 'on_hand' | 'committed' | 'reserved' | 'safety_stock' | 'incoming';

/** Who changed which quantity, why, from what to what. */
export interface InventoryMovementTable {
  id: string;
  item_id: string;
  location_id: string;
  field: InventoryField;
  before: number;
  after: number;
  /** Why: received, damaged, count_correction, transfer, safety_stock, order_committed, order_released… */
  reason: string;
  /** Who: an admin user id, `checkout`, `system`. */
  actor: string;
  reference_type: string | null;
  reference_id: string | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface InventoryTables {
  stock_location: StockLocationTable;
  inventory_item: InventoryItemTable;
  inventory_level: InventoryLevelTable;
  inventory_reservation: InventoryReservationTable;
  inventory_movement: InventoryMovementTable;
}

declare module '../../db/database.ts' {
  interface Database extends InventoryTables {}
}
