/**
 * Selling: inventory across locations, regions with tax and shipping, carts, payments, orders and
 * idempotency keys. Released: never edit, add a new migration.
 */
export const statements = [
  // Catalog: the tax class a product is taxed under (null: the region's standard rate).
  `alter table product add column tax_class text`,

  // Inventory
  `create table stock_location (
    id text primary key,
    name text not null,
    code text not null constraint stock_location_code_key unique,
    address jsonb not null default '{}',
    priority integer not null default 0,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table inventory_item (
    id text primary key,
    variant_id text not null constraint inventory_item_variant_key unique references product_variant (id) on delete cascade,
    manage_inventory boolean not null default true,
    allow_backorder boolean not null default false,
    low_stock_threshold integer check (low_stock_threshold >= 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table inventory_level (
    item_id text not null references inventory_item (id) on delete cascade,
    location_id text not null references stock_location (id) on delete restrict,
    on_hand integer not null default 0 check (on_hand >= 0),
    committed integer not null default 0 check (committed >= 0),
    reserved integer not null default 0 check (reserved >= 0),
    safety_stock integer not null default 0 check (safety_stock >= 0),
    incoming integer not null default 0 check (incoming >= 0),
    updated_at timestamptz not null default now(),
    primary key (item_id, location_id)
  )`,
  `create index inventory_level_location_idx on inventory_level (location_id)`,
  // A hold (cart in checkout: counted in reserved, expires) or an order's allocation (counted in committed).
  `create table inventory_reservation (
    id text primary key,
    item_id text not null,
    location_id text not null,
    kind text not null check (kind in ('hold', 'order')),
    quantity integer not null check (quantity > 0),
    cart_id text,
    order_id text,
    order_line_id text,
    expires_at timestamptz,
    created_at timestamptz not null default now(),
    foreign key (item_id, location_id) references inventory_level (item_id, location_id) on delete cascade
  )`,
  `create index inventory_reservation_cart_idx on inventory_reservation (cart_id) where kind = 'hold'`,
  `create index inventory_reservation_expiry_idx on inventory_reservation (expires_at) where kind = 'hold'`,
  `create index inventory_reservation_order_idx on inventory_reservation (order_id) where kind = 'order'`,
  `create table inventory_movement (
    id text primary key,
    item_id text not null,
    location_id text not null,
    field text not null check (field in ('on_hand', 'committed', 'reserved', 'safety_stock', 'incoming')),
    before integer not null,
    after integer not null,
    reason text not null,
    actor text not null,
    reference_type text,
    reference_id text,
    note text,
    created_at timestamptz not null default now()
  )`,
  `create index inventory_movement_item_idx on inventory_movement (item_id, created_at desc)`,

  // Regions, tax, shipping
  `create table region (
    id text primary key,
    name text not null,
    currency_code text not null check (currency_code ~ '^[A-Z]{3}$'),
    tax_inclusive boolean not null default false,
    default_tax_rate_ppm integer not null default 0 check (default_tax_rate_ppm between 0 and 1000000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table region_country (
    country_code text primary key check (country_code ~ '^[A-Z]{2}$'),
    region_id text not null references region (id) on delete cascade
  )`,
  `create index region_country_region_idx on region_country (region_id)`,
  `create table tax_rate (
    id text primary key,
    region_id text not null references region (id) on delete cascade,
    country_code text check (country_code ~ '^[A-Z]{2}$'),
    tax_class text,
    name text not null,
    rate_ppm integer not null check (rate_ppm between 0 and 1000000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index tax_rate_scope_key on tax_rate (region_id, coalesce(country_code, ''), coalesce(tax_class, ''))`,
  `create table shipping_option (
    id text primary key,
    region_id text not null references region (id) on delete cascade,
    name text not null,
    price_type text not null check (price_type in ('flat', 'weight')),
    amount bigint check (amount >= 0),
    weight_bands jsonb,
    free_over_amount bigint check (free_over_amount >= 0),
    active boolean not null default true,
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index shipping_option_region_idx on shipping_option (region_id, position)`,

  // Carts
  `create table cart (
    id text primary key,
    region_id text not null references region (id),
    currency_code text not null,
    email text,
    shipping_address jsonb,
    billing_address jsonb,
    shipping_option_id text references shipping_option (id) on delete set null,
    completed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table cart_line_item (
    id text primary key,
    cart_id text not null references cart (id) on delete cascade,
    variant_id text not null references product_variant (id) on delete cascade,
    quantity integer not null check (quantity > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint cart_line_item_variant_key unique (cart_id, variant_id)
  )`,

  // Payments: a session per checkout attempt, and the log of what happened to its money.
  `create table payment (
    id text primary key,
    cart_id text references cart (id) on delete set null,
    order_id text,
    provider_id text not null,
    status text not null,
    amount bigint not null check (amount >= 0),
    currency_code text not null,
    authorized_amount bigint not null default 0,
    captured_amount bigint not null default 0,
    refunded_amount bigint not null default 0,
    provider_reference text,
    data jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (captured_amount <= authorized_amount and refunded_amount <= captured_amount)
  )`,
  `create index payment_cart_idx on payment (cart_id)`,
  `create index payment_order_idx on payment (order_id)`,
  `create table payment_transaction (
    id text primary key,
    payment_id text not null references payment (id) on delete cascade,
    kind text not null check (kind in ('authorization', 'capture', 'refund', 'void', 'failure')),
    amount bigint not null check (amount >= 0),
    provider_reference text,
    error_code text,
    error_message text,
    created_at timestamptz not null default now()
  )`,
  `create index payment_transaction_payment_idx on payment_transaction (payment_id, created_at)`,

  // Orders
  `create table orders (
    id text primary key,
    number integer constraint orders_number_key unique,
    cart_id text not null constraint orders_cart_key unique,
    status text not null check (status in ('pending', 'open', 'completed', 'canceled')),
    payment_status text not null,
    fulfillment_status text not null,
    region_id text not null,
    currency_code text not null,
    email text not null,
    tax_inclusive boolean not null,
    shipping_address jsonb,
    billing_address jsonb,
    shipping_method jsonb,
    subtotal bigint not null,
    discount_total bigint not null,
    shipping_total bigint not null,
    tax_total bigint not null,
    total bigint not null,
    access_token_hash text not null,
    placed_at timestamptz,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index orders_status_idx on orders (status, created_at)`,
  `create table order_line_item (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    variant_id text not null,
    product_id text not null,
    sku text,
    title text not null,
    variant_title text not null,
    quantity integer not null check (quantity > 0),
    unit_price bigint not null,
    subtotal bigint not null,
    discount_total bigint not null,
    tax_rate_ppm integer not null,
    tax_total bigint not null,
    total bigint not null,
    position integer not null
  )`,
  `create index order_line_item_order_idx on order_line_item (order_id, position)`,
  // The last order number given; confirming an order takes the next under this row's lock, so numbers
  // have no gaps (a sequence would leave one for every failed payment).
  `create table order_number_counter (
    id text primary key check (id = 'orders'),
    last_number integer not null
  )`,
  `insert into order_number_counter (id, last_number) values ('orders', 1000)`,

  // Idempotency keys (Stripe's model): the first response to a key is replayed for its retries.
  `create table idempotency_key (
    scope text not null,
    key text not null,
    request_hash text not null,
    state text not null check (state in ('in_progress', 'done')),
    response_status integer,
    response_body text,
    response_content_type text,
    locked_at timestamptz not null default now(),
    created_at timestamptz not null default now(),
    primary key (scope, key)
  )`,
  `create index idempotency_key_created_idx on idempotency_key (created_at)`,
];
