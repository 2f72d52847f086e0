import type { CreatedAt } from '../../db/column-types.ts';

/** An override of a region's default rate, for a country, a product tax class, or both. */
export interface TaxRateTable {
  id: string;
  region_id: string;
  country_code: string | null;
  tax_class: string | null;
  name: string;
  /** Parts per million: 190000 is 19 %. */
  rate_ppm: number;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface TaxTables {
  tax_rate: TaxRateTable;
}

declare module '../../db/database.ts' {
  interface Database extends TaxTables {}
}
