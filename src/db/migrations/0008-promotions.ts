/**
 * Promotions: codes and automatic discounts, the codes a cart carries, and the uses counted at
 * checkout (modules/promotions, docs/promotions.md). Released: never edit, add a new migration.
 */
export const statements = [
  `create table promotion (
    id text primary key,
    code text,
    description text,
    type text not null check (type in ('percentage', 'fixed', 'free_shipping', 'buy_x_get_y')),
    target text not null check (target in ('order', 'items', 'shipping')),
    percent_ppm integer check (percent_ppm between 1 and 1000000),
    amounts jsonb,
    tiers jsonb not null default '[]',
    buy_quantity integer check (buy_quantity > 0),
    get_quantity integer check (get_quantity > 0),
    combinable boolean not null default false,
    active boolean not null default true,
    product_ids text[] not null default '{}',
    collection_ids text[] not null default '{}',
    category_ids text[] not null default '{}',
    min_subtotals jsonb not null default '[]',
    currency_codes text[] not null default '{}',
    region_ids text[] not null default '{}',
    starts_at timestamptz,
    ends_at timestamptz,
    usage_limit integer check (usage_limit > 0),
    usage_count integer not null default 0,
    per_customer_limit integer check (per_customer_limit > 0),
    budget_amount bigint check (budget_amount > 0),
    budget_currency_code text,
    budget_used bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (usage_limit is null or usage_count <= usage_limit),
    check (budget_amount is null or budget_used <= budget_amount)
  )`,
  // Codes are matched case-insensitively, so two codes differing only in case would be one code.
  `create unique index promotion_code_key on promotion (lower(code)) where code is not null`,
  `create index promotion_automatic_idx on promotion (created_at) where code is null and active`,
  // The codes a buyer entered on a cart. A code that stopped applying stays with the reason, so the
  // storefront can say why it went.
  `create table cart_promotion (
    cart_id text not null references cart (id) on delete cascade,
    promotion_id text not null references promotion (id) on delete cascade,
    removed_reason text,
    created_at timestamptz not null default now(),
    primary key (cart_id, promotion_id)
  )`,
  // One row per promotion on an order, written in checkout's reserve step with the counters; deleted
  // (and the counters given back) when that checkout is undone.
  `create table promotion_usage (
    promotion_id text not null references promotion (id),
    order_id text not null,
    customer_key text not null,
    currency_code text not null,
    amount bigint not null check (amount >= 0),
    created_at timestamptz not null default now(),
    primary key (promotion_id, order_id)
  )`,
  `create index promotion_usage_order_idx on promotion_usage (order_id)`,
  // Uses per customer (customer id, or a guest's email blind index), counted by a conditional upsert.
  `create table promotion_customer_use (
    promotion_id text not null references promotion (id) on delete cascade,
    customer_key text not null,
    uses integer not null check (uses >= 0),
    primary key (promotion_id, customer_key)
  )`,
];
