/**
 * Price lists: sale prices with a window, customer-group prices and quantity tiers, applied by the
 * Store API's catalog and the cart read (modules/pricing, docs/price-lists.md). Released: never edit,
 * add a new migration.
 */
export const statements = [
  `create table price_list (
    id text primary key,
    name text not null,
    description text,
    type text not null check (type in ('sale', 'override')),
    status text not null default 'draft' check (status in ('active', 'draft')),
    starts_at timestamptz,
    ends_at timestamptz,
    customer_group_ids text[] not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (starts_at is null or ends_at is null or ends_at > starts_at)
  )`,
  `create table price_list_price (
    id text primary key,
    price_list_id text not null references price_list (id) on delete cascade,
    variant_id text not null references product_variant (id) on delete cascade,
    currency_code text not null check (currency_code ~ '^[A-Z]{3}$'),
    amount bigint not null check (amount >= 0),
    min_quantity integer not null default 1 check (min_quantity between 1 and 10000),
    created_at timestamptz not null default now(),
    unique (price_list_id, variant_id, currency_code, min_quantity)
  )`,
  // The catalog and cart reads look prices up by variant and currency.
  `create index price_list_price_variant_idx on price_list_price (variant_id, currency_code)`,
];
