import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableTimestamp, ReadOnly } from '../../db/column-types.ts';

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

/** Units received together (a purchase order line's receipt): what part of a level's on_hand they are. */
export interface LotTable {
  id: string;
  item_id: string;
  variant_id: string;
  lot_number: string;
  supplier_id: string | null;
  purchase_order_id: string | null;
  purchase_order_line_id: string | null;
  /** Where it was received (its units may since have moved: lot_stock). */
  location_id: string;
  quantity_received: number;
  /** Minor units of currency_code per unit; null when unknown. */
  unit_cost: number | null;
  currency_code: string | null;
  /** Landed costs (freight, duty…) its receipt spread onto it: minor units of currency_code for the whole lot. */
  landed_cost: Generated<number>;
  received_at: CreatedAt;
  expires_at: NullableTimestamp;
  created_at: CreatedAt;
}

/** A lot's units on hand at one location; per (item, location) they sum to at most the level's on_hand. */
export interface LotStockTable {
  lot_id: string;
  location_id: string;
  item_id: string;
  quantity: number;
}

/** Units an order line took off the shelf in a fulfillment, and from which lot (null: unlotted stock). */
export interface OrderLineLotTable {
  id: string;
  /** The order pieces were taken in (ids made in the same millisecond do not sort by creation). */
  seq: ReadOnly<number>;
  order_id: string;
  order_line_id: string;
  fulfillment_id: string;
  lot_id: string | null;
  item_id: string;
  location_id: string;
  quantity: number;
  returned_quantity: Generated<number>;
  created_at: CreatedAt;
}

export type PickOrder = 'fefo' | 'fifo';

/** A product's lot settings; a product without a row picks first-expiry-first-out and shows no provenance. */
export interface ProductLotSettingTable {
  product_id: string;
  pick_order: Generated<PickOrder>;
  public_provenance: Generated<boolean>;
  updated_at: CreatedAt;
}

export interface InventoryTables {
  stock_location: StockLocationTable;
  inventory_item: InventoryItemTable;
  inventory_level: InventoryLevelTable;
  inventory_reservation: InventoryReservationTable;
  inventory_movement: InventoryMovementTable;
  lot: LotTable;
  lot_stock: LotStockTable;
  order_line_lot: OrderLineLotTable;
  product_lot_setting: ProductLotSettingTable;
}

declare module '../../db/database.ts' {
  interface Database extends InventoryTables {}
}
