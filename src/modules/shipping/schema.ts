import type { Generated } from 'kysely';
import type { CreatedAt, NullableJson } from '../../db/column-types.ts';

export interface WeightBand {
  /** Carts weighing up to this many grams (inclusive) pay `amount`. */
  up_to_grams: number;
  amount: number;
}

export interface ShippingOptionTable {
  id: string;
  region_id: string;
  name: string;
  price_type: 'flat' | 'weight' | 'calculated';
  /** The price of a flat option, in the region's currency minor unit; a calculated option's fallback. */
  amount: number | null;
  /** For weight options: bands in increasing weight; a heavier cart cannot use the option. */
  weight_bands: NullableJson<WeightBand[]>;
  /** Free when the cart's item subtotal (after discounts) reaches this amount. */
  free_over_amount: number | null;
  /** Calculated options: the carrier whose rates price them, and its service (null: its cheapest). */
  carrier_id: string | null;
  carrier_service: string | null;
  /** Calculated options: added to the carrier's rate, a percentage (parts per million) then an amount. */
  rate_markup_ppm: Generated<number>;
  rate_markup_amount: Generated<number>;
  active: Generated<boolean>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ShippingTables {
  shipping_option: ShippingOptionTable;
}

declare module '../../db/database.ts' {
  interface Database extends ShippingTables {}
}
