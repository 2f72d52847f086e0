import type { Generated } from 'kysely';
import type { CreatedAt, JsonWithDefault, NullableJson, NullableTimestamp } from '../../db/column-types.ts';

/** An amount in one currency (a fixed discount's, a minimum subtotal's). */
export interface CurrencyAmount {
  currency_code: string;
  amount: number;
}

/** A step of a tiered promotion: from this subtotal (before discounts) in this currency, this value. */
export interface PromotionTier {
  currency_code: string;
  min_subtotal: number;
  /** percentage: parts per million; fixed: the amount off in minor units. */
  value: number;
}

export type PromotionType = 'percentage' | 'fixed' | 'free_shipping' | 'buy_x_get_y';
export type PromotionTarget = 'order' | 'items' | 'shipping';

export interface PromotionTable {
  id: string;
  /** Null for an automatic promotion; matched case-insensitively (unique on lower(code)). */
  code: string | null;
  description: string | null;
  type: PromotionType;
  target: PromotionTarget;
  /** Percentage promotions: the percent in parts per million (10 % = 100000). */
  percent_ppm: number | null;
  /** Fixed promotions: the amount off in each currency it applies in. */
  amounts: NullableJson<CurrencyAmount[]>;
  /** Tiered: the highest tier the cart's subtotal reaches in its currency gives the value (percent_ppm or amounts unused). */
  tiers: JsonWithDefault<PromotionTier[]>;
  /** Buy X get Y: for every buy_quantity + get_quantity matching units, get_quantity of the cheapest are discounted by percent_ppm. */
  buy_quantity: number | null;
  get_quantity: number | null;
  combinable: Generated<boolean>;
  active: Generated<boolean>;
  product_ids: Generated<string[]>;
  collection_ids: Generated<string[]>;
  category_ids: Generated<string[]>;
  variant_ids: Generated<string[]>;
  /** Product tags: a line matches when its product carries one. */
  tags: Generated<string[]>;
  /** The cart's signed-in customer must be in one of these groups. */
  customer_group_ids: Generated<string[]>;
  /** The cart's signed-in customer must be in one of these marketing segments (marketing/segments.ts decides). */
  segment_ids: Generated<string[]>;
  /** Only for a buyer (account or email) with no earlier placed order that was not canceled. */
  first_order_only: Generated<boolean>;
  /** The matching units the cart must hold. */
  min_quantity: number | null;
  campaign_id: string | null;
  min_subtotals: JsonWithDefault<CurrencyAmount[]>;
  currency_codes: Generated<string[]>;
  region_ids: Generated<string[]>;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  usage_limit: number | null;
  /** Counted by checkout with a conditional update (redemptions.ts). */
  usage_count: Generated<number>;
  per_customer_limit: number | null;
  /** The most discount the promotion may give in budget_currency_code, counted like uses. */
  budget_amount: number | null;
  budget_currency_code: string | null;
  budget_used: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface CartPromotionTable {
  cart_id: string;
  promotion_id: string;
  /** Why the code stopped applying (docs/promotions.md lists the reasons); null while it applies. */
  removed_reason: string | null;
  created_at: CreatedAt;
}

export interface PromotionUsageTable {
  promotion_id: string;
  order_id: string;
  customer_key: string;
  currency_code: string;
  amount: number;
  /** The campaign whose budget the use was counted against, if any. */
  campaign_id: string | null;
  created_at: CreatedAt;
}

export interface PromotionCustomerUseTable {
  promotion_id: string;
  customer_key: string;
  uses: number;
}

/** Promotions grouped under shared dates and a shared budget per currency. */
export interface PromotionCampaignTable {
  id: string;
  name: string;
  description: string | null;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** A campaign's budget in one currency; `used` is counted by checkout with a conditional update. */
export interface PromotionCampaignBudgetTable {
  campaign_id: string;
  currency_code: string;
  amount: number;
  used: Generated<number>;
}

export interface PromotionTables {
  promotion_campaign: PromotionCampaignTable;
  promotion_campaign_budget: PromotionCampaignBudgetTable;
  promotion: PromotionTable;
  cart_promotion: CartPromotionTable;
  promotion_usage: PromotionUsageTable;
  promotion_customer_use: PromotionCustomerUseTable;
}

declare module '../../db/database.ts' {
  interface Database extends PromotionTables {}
}
