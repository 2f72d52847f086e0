import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableTimestamp, ReadOnly } from '../../db/column-types.ts';

export type ProductStatus = 'draft' | 'published' | 'archived';
export type Metadata = Record<string, unknown>;

export interface ProductTable {
  id: string;
  handle: string;
  title: string;
  /** The title folded for sorting (see sortableTitle): accents stripped, lower case. */
  sort_title: string;
  description: Generated<string>;
  status: Generated<ProductStatus>;
  tags: Generated<string[]>;
  images: Generated<string[]>;
  metadata: JsonWithDefault<Metadata>;
  collection_id: string | null;
  /** The tax class the product is taxed under; null means the region's standard rate. */
  tax_class: string | null;
  /** Sold as a gift card: each unit paid for issues a card (docs/gift-cards.md). */
  gift_card: Generated<boolean>;
  published_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  search_vector: ReadOnly<string | null>;
}

export interface ProductCollectionTable {
  id: string;
  title: string;
  handle: string;
  description: Generated<string>;
  metadata: JsonWithDefault<Metadata>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ProductCategoryTable {
  id: string;
  name: string;
  handle: string;
  description: Generated<string>;
  parent_id: string | null;
  position: Generated<number>;
  metadata: JsonWithDefault<Metadata>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ProductCategoryAssignmentTable {
  product_id: string;
  category_id: string;
}

export interface ProductOptionTable {
  id: string;
  product_id: string;
  title: string;
  position: number;
}

export interface ProductOptionValueTable {
  id: string;
  option_id: string;
  value: string;
  position: number;
}

export interface ProductVariantTable {
  id: string;
  product_id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  weight_grams: number | null;
  /** The packed item's size, for carriers' rates (shipping/carrier-rates.ts). */
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  position: number;
  metadata: JsonWithDefault<Metadata>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ProductVariantOptionTable {
  variant_id: string;
  option_id: string;
  option_value_id: string;
}

export interface ProductVariantPriceTable {
  variant_id: string;
  currency_code: string;
  amount: number;
}

/** Derived: a product's lowest variant price per currency, refreshed by every catalog write. */
export interface ProductFromPriceTable {
  product_id: string;
  currency_code: string;
  amount: number;
}

/** A word and what a search for it also finds (and the other way round). */
export interface SearchSynonymTable {
  id: string;
  word: string;
  synonyms: string[];
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface CatalogTables {
  product: ProductTable;
  product_collection: ProductCollectionTable;
  product_category: ProductCategoryTable;
  product_category_assignment: ProductCategoryAssignmentTable;
  product_option: ProductOptionTable;
  product_option_value: ProductOptionValueTable;
  product_variant: ProductVariantTable;
  product_variant_option: ProductVariantOptionTable;
  product_variant_price: ProductVariantPriceTable;
  product_from_price: ProductFromPriceTable;
  search_synonym: SearchSynonymTable;
}

declare module '../../db/database.ts' {
  interface Database extends CatalogTables {}
}
