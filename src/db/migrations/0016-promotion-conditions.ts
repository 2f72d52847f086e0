/**
 * Promotions gain conditions on variants, product tags, the buyer (customer groups, first order,
 * marketing segments) and a minimum quantity, and campaigns: promotions grouped under shared dates
 * and a shared budget per currency, counted at checkout like a promotion's own budget
 * (modules/promotions, docs/promotions.md). Released: never edit, add a new migration.
 */
export const statements = [
  `create table promotion_campaign (
    id text primary key,
    name text not null,
    description text,
    starts_at timestamptz,
    ends_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (ends_at is null or starts_at is null or ends_at > starts_at)
  )`,
  // One row per currency the campaign has a budget in; used is moved by checkout's conditional update.
  `create table promotion_campaign_budget (
    campaign_id text not null references promotion_campaign (id) on delete cascade,
    currency_code text not null,
    amount bigint not null check (amount > 0),
    used bigint not null default 0 check (used >= 0),
    primary key (campaign_id, currency_code),
    check (used <= amount)
  )`,
  `alter table promotion add column campaign_id text references promotion_campaign (id)`,
  `alter table promotion add column variant_ids text[] not null default '{}'`,
  `alter table promotion add column tags text[] not null default '{}'`,
  `alter table promotion add column customer_group_ids text[] not null default '{}'`,
  `alter table promotion add column segment_ids text[] not null default '{}'`,
  `alter table promotion add column first_order_only boolean not null default false`,
  `alter table promotion add column min_quantity integer check (min_quantity > 0)`,
  `create index promotion_campaign_idx on promotion (campaign_id) where campaign_id is not null`,
  // The campaign a use was counted against, so giving the use back returns it to the same budget
  // even if the promotion has since moved to another campaign.
  `alter table promotion_usage add column campaign_id text`,
];
