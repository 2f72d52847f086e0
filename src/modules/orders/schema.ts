import type { ColumnType } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp } from '../../db/column-types.ts';
import type { Address } from '../cart/schema.ts';

export type OrderStatus = 'pending' | 'open' | 'completed' | 'canceled';

export interface ShippingMethodSnapshot {
  option_id: string;
  name: string;
  amount: number;
  tax_total: number;
  tax_rate_ppm: number;
}

type AddressColumn = ColumnType<Address | null, string | null | undefined, string | null>;

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
  email: string;
  tax_inclusive: boolean;
  shipping_address: AddressColumn;
  billing_address: AddressColumn;
  shipping_method: ColumnType<ShippingMethodSnapshot | null, string | null, string | null>;
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  tax_total: number;
  total: number;
  access_token_hash: string;
  placed_at: NullableTimestamp;
  metadata: Json<Record<string, unknown>>;
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
  orders: OrdersTable;
  order_line_item: OrderLineItemTable;
  order_number_counter: OrderNumberCounterTable;
}
