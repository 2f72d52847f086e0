import type { CreatedAt } from '../../db/column-types.ts';

/** How often two products were bought together: one row each way, scored with time decay (recommender-core.ts). */
export interface RecommendationPairTable {
  product_id: string;
  other_product_id: string;
  score: number;
  orders: number;
  updated_at: CreatedAt;
}

/** How often a product was bought, scored with the same time decay: the fallback when co-purchases run short. */
export interface RecommendationPopularityTable {
  product_id: string;
  score: number;
  orders: number;
  updated_at: CreatedAt;
}

/** Orders already counted into the scores (events are handed at least once). */
export interface RecommendationOrderTable {
  order_id: string;
  counted_at: CreatedAt;
}

/** The daily forecast's verdict per variant and location (reorder.ts). */
export interface ReorderSuggestionTable {
  variant_id: string;
  location_id: string;
  available: number;
  mean_daily_demand: number;
  lead_time_days: number;
  service_level: number;
  safety_stock: number;
  reorder_point: number;
  suggested_quantity: number;
  /** Days the available stock lasts at the forecast demand; null when no demand is forecast. */
  days_of_cover: number | null;
  below_reorder_point: boolean;
  computed_at: CreatedAt;
}

export interface InsightsTables {
  recommendation_pair: RecommendationPairTable;
  recommendation_popularity: RecommendationPopularityTable;
  recommendation_order: RecommendationOrderTable;
  reorder_suggestion: ReorderSuggestionTable;
}

declare module '../../db/database.ts' {
  interface Database extends InsightsTables {}
}
