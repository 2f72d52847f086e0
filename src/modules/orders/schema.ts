import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, JsonWithDefault, NullableJson, NullableTimestamp, ReadOnly } from '../../db/column-types.ts';
import type { Address } from '../cart/schema.ts';

export type OrderStatus = 'pending' | 'open' | 'completed' | 'canceled';

export interface ShippingMethodSnapshot {
  option_id: string;
  name: string;
  amount: number;
  tax_total: number;
  tax_rate_ppm: number;
}

/**
 * An order is a snapshot: lines, prices, taxes, addresses and totals as they were when the cart was
 * completed. `number` is given when the order is confirmed (paid or authorized), never before.
 */
export interface OrdersTable {
  id: string;
  number: number | null;
  cart_id: string;
  status: OrderStatus;
  payment_status: string;
  fulfillment_status: string;
  region_id: string;
  currency_code: string;
  /** Encrypted; found through email_hash. */
  email: string;
  email_hash: string | null;
  customer_id: string | null;
  tax_inclusive: boolean;
  shipping_address: NullableJson<Address>;
  billing_address: NullableJson<Address>;
  shipping_method: ColumnType<ShippingMethodSnapshot | null, string | null, string | null>;
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  tax_total: number;
  total: number;
  access_token_hash: string;
  placed_at: NullableTimestamp;
  metadata: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface OrderLineItemTable {
  id: string;
  order_id: string;
  variant_id: string;
  product_id: string;
  sku: string | null;
  title: string;
  variant_title: string;
  quantity: number;
  unit_price: number;
  subtotal: number;
  discount_total: number;
  tax_rate_ppm: number;
  tax_total: number;
  total: number;
  position: number;
}

export interface OrderNumberCounterTable {
  id: string;
  last_number: number;
}

export interface OrdersTables {
  orders: OrdersTable & OrderVersionColumn;
  order_line_item: OrderLineItemTable & OrderLineProgressColumns;
  order_number_counter: OrderNumberCounterTable;
  order_fulfillment: OrderFulfillmentTable;
  order_fulfillment_item: OrderFulfillmentItemTable;
  order_return: OrderReturnTable;
  order_return_item: OrderReturnItemTable;
  order_refund: OrderRefundTable;
  order_payment_operation: OrderPaymentOperationTable;
  order_edit: OrderEditTable;
  order_activity: OrderActivityTable;
  draft_order: DraftOrderTable;
}

// Order operations (migration 0005): fulfillment, returns, refunds, edits, the timeline, draft orders.

/** Bumped by every order edit; the edit history keeps each version. */
export interface OrderVersionColumn {
  version: Generated<number>;
}

export type LineOrigin = 'order' | 'edit' | 'exchange';

/**
 * What has happened to each line's units, counted by the operations under the order's lock and kept in
 * order by a CHECK: returned ≤ delivered ≤ shipped ≤ fulfilled ≤ quantity, returned + refunded ≤ shipped.
 */
export interface OrderLineProgressColumns {
  fulfilled_quantity: Generated<number>;
  shipped_quantity: Generated<number>;
  delivered_quantity: Generated<number>;
  /** Units received back on returns. */
  returned_quantity: Generated<number>;
  /** Units refunded by line without coming back (lost, damaged in transit, kept by the customer). */
  refunded_quantity: Generated<number>;
  origin: Generated<LineOrigin>;
  /** For a replacement line: the return (exchange) it was added by. */
  return_id: string | null;
}

export type FulfillmentStatus = 'fulfilled' | 'shipped' | 'delivered' | 'canceled';

export interface OrderFulfillmentTable {
  id: string;
  order_id: string;
  location_id: string;
  status: FulfillmentStatus;
  carrier: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
  shipped_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  canceled_at: NullableTimestamp;
}

export interface OrderFulfillmentItemTable {
  fulfillment_id: string;
  line_item_id: string;
  quantity: number;
}

export type ReturnStatus = 'requested' | 'received' | 'refunded' | 'canceled';
export type ReturnCondition = 'new' | 'opened' | 'damaged';
export type ReturnDisposition = 'restock' | 'write_off';

export interface OrderReturnTable {
  id: string;
  order_id: string;
  status: ReturnStatus;
  source: 'staff' | 'customer';
  reason: string | null;
  note: string | null;
  location_id: string | null;
  /** The value of the units received back: what the customer is owed for them. */
  credit_amount: Generated<number>;
  refund_id: string | null;
  created_by: string;
  created_at: CreatedAt;
  received_at: NullableTimestamp;
  refunded_at: NullableTimestamp;
  canceled_at: NullableTimestamp;
}

export interface OrderReturnItemTable {
  return_id: string;
  line_item_id: string;
  quantity: number;
  received_quantity: Generated<number>;
  reason: string | null;
  condition: ReturnCondition | null;
  disposition: ReturnDisposition | null;
  location_id: string | null;
}

export type MoneyOperationStatus = 'pending' | 'succeeded' | 'failed';

export interface RefundLine {
  line_item_id: string;
  quantity: number;
  amount: number;
}

export interface OrderRefundTable {
  id: string;
  order_id: string;
  return_id: string | null;
  amount: number;
  /** The part of the amount that lowers what the customer owes (the rest settles what the shop owed). */
  credit_amount: Generated<number>;
  reason: string;
  note: string | null;
  lines: JsonWithDefault<RefundLine[]>;
  status: MoneyOperationStatus;
  error_code: string | null;
  /** The customer's store credit the refund was paid to instead of the order's payments (migration 0019). */
  store_credit_id: string | null;
  created_by: string;
  created_at: CreatedAt;
  settled_at: NullableTimestamp;
}

export type PaymentOperationKind = 'capture' | 'refund' | 'void';

export interface OrderPaymentOperationTable {
  id: string;
  order_id: string;
  payment_id: string;
  kind: PaymentOperationKind;
  amount: number;
  refund_id: string | null;
  status: MoneyOperationStatus;
  provider_reference: string | null;
  error_code: string | null;
  created_by: string;
  created_at: CreatedAt;
  settled_at: NullableTimestamp;
}

export interface OrderEditTable {
  id: string;
  order_id: string;
  version: number;
  changes: Json<unknown[]>;
  note: string | null;
  total_before: number;
  total_after: number;
  balance_after: number;
  created_by: string;
  created_at: CreatedAt;
}

export type ActorType = 'user' | 'api_key' | 'customer' | 'system';

export interface OrderActivityTable {
  seq: ReadOnly<number>;
  id: string;
  order_id: string;
  type: string;
  actor_type: ActorType;
  actor_id: string | null;
  data: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
}

export type DraftOrderStatus = 'open' | 'sent' | 'completed' | 'canceled';

export interface DraftOrderTable {
  id: string;
  cart_id: string;
  status: DraftOrderStatus;
  note: string | null;
  created_by: string;
  order_id: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  sent_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  canceled_at: NullableTimestamp;
}

declare module '../../db/database.ts' {
  interface Database extends OrdersTables {}
}
