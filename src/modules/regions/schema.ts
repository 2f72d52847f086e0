import type { Generated } from 'kysely';
import type { CreatedAt } from '../../db/column-types.ts';

export interface RegionTable {
  id: string;
  name: string;
  currency_code: string;
  /** Whether prices in this region already include tax (EU VAT style) or tax is added on top (US style). */
  tax_inclusive: Generated<boolean>;
  /** Parts per million: 200000 is 20 %. */
  default_tax_rate_ppm: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** Each country belongs to at most one region. */
export interface RegionCountryTable {
  country_code: string;
  region_id: string;
}

export interface RegionsTables {
  region: RegionTable;
  region_country: RegionCountryTable;
}

declare module '../../db/database.ts' {
  interface Database extends RegionsTables {}
}
