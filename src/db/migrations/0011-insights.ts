/**
 * Insights (modules/insights, docs/insights.md): the shop's time zone for analytics, the
 * recommender's co-purchase and popularity scores, and the reorder suggestions the daily forecast
 * writes. Released: never edit, add a new migration.
 */
export const statements = [
  // Where the shop's days, weeks and months start (an IANA name, checked by the API).
  `alter table shop add column time_zone text not null default 'UTC'`,
  // Scores are sums of e^((placed_at − epoch) / τ): growing with time instead of decaying, so a new
  // order adds to them without rewriting the old ones, and their order is that of the decayed weights.
  `create table recommendation_pair (
    product_id text not null,
    other_product_id text not null,
    score double precision not null check (score > 0),
    orders integer not null check (orders > 0),
    updated_at timestamptz not null default now(),
    primary key (product_id, other_product_id),
    check (product_id <> other_product_id)
  )`,
  `create index recommendation_pair_rank_idx on recommendation_pair (product_id, score desc)`,
  `create table recommendation_popularity (
    product_id text primary key,
    score double precision not null check (score > 0),
    orders integer not null check (orders > 0),
    updated_at timestamptz not null default now()
  )`,
  `create index recommendation_popularity_rank_idx on recommendation_popularity (score desc)`,
  // Orders already counted: the subscriber is handed events at least once.
  `create table recommendation_order (
    order_id text primary key,
    counted_at timestamptz not null default now()
  )`,
  `create table reorder_suggestion (
    variant_id text not null,
    location_id text not null,
    available integer not null,
    mean_daily_demand double precision not null,
    lead_time_days integer not null,
    service_level double precision not null,
    safety_stock integer not null,
    reorder_point integer not null,
    suggested_quantity integer not null,
    days_of_cover double precision,
    below_reorder_point boolean not null,
    computed_at timestamptz not null default now(),
    primary key (variant_id, location_id)
  )`,
  `create index reorder_suggestion_due_idx on reorder_suggestion (days_of_cover) where below_reorder_point`,
];
