/** Shop, admin users and sessions, the event outbox, and the catalog. Released: never edit, add a new migration. */
export const statements = [
  `create table shop (
    id text primary key check (id = 'default'),
    name text not null,
    initialized_at timestamptz not null default now()
  )`,

  `create table event_outbox (
    seq bigint generated always as identity primary key,
    id text not null unique,
    type text not null,
    resource_type text not null,
    resource_id text not null,
    payload jsonb not null,
    created_at timestamptz not null default now()
  )`,
  `create index event_outbox_resource_idx on event_outbox (resource_type, resource_id, seq)`,

  `create table admin_user (
    id text primary key,
    email text not null,
    name text,
    password_hash text not null,
    role text not null default 'owner',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_login_at timestamptz
  )`,
  `create unique index admin_user_email_key on admin_user (lower(email))`,
  `create table admin_session (
    id text primary key,
    user_id text not null references admin_user (id) on delete cascade,
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create index admin_session_user_idx on admin_session (user_id)`,

  `create table product_collection (
    id text primary key,
    title text not null,
    handle text not null constraint product_collection_handle_key unique,
    description text not null default '',
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table product_category (
    id text primary key,
    name text not null,
    handle text not null constraint product_category_handle_key unique,
    description text not null default '',
    parent_id text references product_category (id) on delete restrict,
    position integer not null default 0,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index product_category_parent_idx on product_category (parent_id, position)`,

  // array_to_string is only STABLE; a generated column needs an IMMUTABLE expression.
  `create function cw_tags_text(tags text[]) returns text language sql immutable parallel safe
    as $$ select array_to_string(tags, ' ') $$`,
  `create table product (
    id text primary key,
    handle text not null constraint product_handle_key unique,
    title text not null,
    sort_title text not null,
    description text not null default '',
    status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
    tags text[] not null default '{}',
    images text[] not null default '{}',
    metadata jsonb not null default '{}',
    collection_id text references product_collection (id) on delete set null,
    published_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    search_vector tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', cw_tags_text(tags)), 'B') ||
      setweight(to_tsvector('english', description), 'C')
    ) stored
  )`,
  `create index product_search_idx on product using gin (search_vector)`,
  `create index product_tags_idx on product using gin (tags)`,
  `create index product_status_id_idx on product (status, id desc)`,
  `create index product_status_title_idx on product (status, sort_title collate "C", id)`,
  `create index product_collection_idx on product (collection_id)`,

  `create table product_category_assignment (
    product_id text not null references product (id) on delete cascade,
    category_id text not null references product_category (id) on delete cascade,
    primary key (product_id, category_id)
  )`,
  `create index product_category_assignment_category_idx on product_category_assignment (category_id, product_id)`,

  `create table product_option (
    id text primary key,
    product_id text not null references product (id) on delete cascade,
    title text not null,
    position integer not null,
    constraint product_option_title_key unique (product_id, title)
  )`,
  `create table product_option_value (
    id text primary key,
    option_id text not null references product_option (id) on delete cascade,
    value text not null,
    position integer not null,
    constraint product_option_value_key unique (option_id, value)
  )`,

  `create table product_variant (
    id text primary key,
    product_id text not null references product (id) on delete cascade,
    title text not null,
    sku text constraint product_variant_sku_key unique,
    barcode text,
    weight_grams integer check (weight_grams >= 0),
    position integer not null,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index product_variant_product_idx on product_variant (product_id, position)`,
  `create table product_variant_option (
    variant_id text not null references product_variant (id) on delete cascade,
    option_id text not null references product_option (id) on delete cascade,
    option_value_id text not null references product_option_value (id) on delete restrict,
    primary key (variant_id, option_id)
  )`,
  `create index product_variant_option_value_idx on product_variant_option (option_value_id)`,
  `create table product_variant_price (
    variant_id text not null references product_variant (id) on delete cascade,
    currency_code text not null check (currency_code ~ '^[A-Z]{3}$'),
    amount bigint not null check (amount >= 0),
    primary key (variant_id, currency_code)
  )`,
  // Each product's lowest price per currency ("from" price): kept by the catalog's writes so that price
  // filters and sorts read an index instead of aggregating every variant's prices.
  `create table product_from_price (
    product_id text not null references product (id) on delete cascade,
    currency_code text not null,
    amount bigint not null,
    primary key (product_id, currency_code)
  )`,
  `create index product_from_price_sort_idx on product_from_price (currency_code, amount, product_id)`,
];
