import type { ShippingQuote } from '../shipping/carrier-rates.ts';
import type { CreatedAt, NullableJson, NullableTimestamp } from '../../db/column-types.ts';

export interface Address {
  first_name: string;
  last_name: string;
  company?: string | null;
  address_1: string;
  address_2?: string | null;
  city: string;
  postal_code: string;
  province?: string | null;
  country_code: string;
  phone?: string | null;
}

export interface CartTable {
  id: string;
  region_id: string;
  currency_code: string;
  email: string | null;
  shipping_address: NullableJson<Address>;
  billing_address: NullableJson<Address>;
  shipping_option_id: string | null;
  /** The carrier rate quoted when a calculated option was chosen (shipping/carrier-rates.ts). */
  shipping_quote: NullableJson<ShippingQuote>;
  customer_id: string | null;
  completed_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  /** Set on a draft order's cart (migration 0005): its lines are staff's, the buyer cannot change them. */
  draft_order_id: string | null;
  /** When the mark_abandoned_carts job last announced it (cart.abandoned); a change since makes it eligible again. */
  abandoned_at: NullableTimestamp;
}

/** Only the variant and quantity: prices, taxes and totals are computed on every read, never stored. */
export interface CartLineItemTable {
  id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  /** A draft order's custom price (staff only, with its reason), used instead of the catalog price. */
  unit_price_override: number | null;
  price_override_reason: string | null;
}

export interface CartTables {
  cart: CartTable;
  cart_line_item: CartLineItemTable;
}

declare module '../../db/database.ts' {
  interface Database extends CartTables {}
}
