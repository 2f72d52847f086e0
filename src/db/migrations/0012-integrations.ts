/**
 * Integrations (issue 18): carrier-calculated shipping options, variant dimensions for parcels, the
 * rate a cart was quoted, shipping labels bought from carriers, and the carriers' tracking-webhook
 * inbox (modules/shipping, modules/shipments, docs/shipping.md); customers' marketing consent
 * (modules/marketing, docs/marketing.md). Released: never edit, add a new migration.
 */
export const statements = [
  `alter table product_variant add column length_mm integer check (length_mm > 0)`,
  `alter table product_variant add column width_mm integer check (width_mm > 0)`,
  `alter table product_variant add column height_mm integer check (height_mm > 0)`,
  `alter table shipping_option drop constraint shipping_option_price_type_check`,
  `alter table shipping_option add constraint shipping_option_price_type_check check (price_type in ('flat', 'weight', 'calculated'))`,
  `alter table shipping_option add column carrier_id text`,
  `alter table shipping_option add column carrier_service text`,
  `alter table shipping_option add column rate_markup_ppm integer not null default 0 check (rate_markup_ppm between 0 and 10000000)`,
  `alter table shipping_option add column rate_markup_amount bigint not null default 0 check (rate_markup_amount >= 0)`,
  `alter table shipping_option add constraint shipping_option_carrier_check check ((price_type = 'calculated') = (carrier_id is not null))`,
  // The rate quoted when the buyer chose a calculated option, for the parcel and destination in `key`.
  `alter table cart add column shipping_quote jsonb`,
  `create table shipping_label (
    id text primary key,
    order_id text not null references orders (id),
    fulfillment_id text not null references order_fulfillment (id),
    carrier_id text not null,
    service text,
    status text not null check (status in ('purchasing', 'purchased', 'failed', 'canceled')),
    tracking_number text,
    tracking_url text,
    label_url text,
    provider_reference text,
    amount bigint,
    currency_code text,
    error_message text,
    locked_until timestamptz,
    created_by text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // One live label per fulfillment: a retried purchase finds the first one instead of buying another.
  `create unique index shipping_label_live_key on shipping_label (fulfillment_id) where status in ('purchasing', 'purchased')`,
  `create index shipping_label_tracking_idx on shipping_label (carrier_id, tracking_number)`,
  `create index shipping_label_order_idx on shipping_label (order_id, created_at)`,
  `create table carrier_webhook_event (
    id text primary key,
    carrier_id text not null,
    provider_event_id text not null,
    tracking_number text,
    status text not null,
    occurred_at timestamptz not null,
    description text,
    raw_body text not null,
    state text not null default 'pending' check (state in ('pending', 'processed', 'failed')),
    outcome text,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    last_error text,
    received_at timestamptz not null default now(),
    processed_at timestamptz,
    unique (carrier_id, provider_event_id)
  )`,
  `create index carrier_webhook_event_due_idx on carrier_webhook_event (next_attempt_at) where state = 'pending'`,
  // Marketing consent (modules/marketing, docs/marketing.md): every grant and withdrawal kept, with when and from where.
  `create table marketing_consent (
    id text primary key,
    customer_id text not null references customer (id),
    channel text not null check (channel in ('email', 'sms')),
    granted boolean not null,
    source text not null,
    recorded_at timestamptz not null default now()
  )`,
  `create index marketing_consent_customer_idx on marketing_consent (customer_id, channel, recorded_at desc, id desc)`,
  // Segments: customers matching rules on their data, used as marketing tags.
  `create table customer_segment (
    id text primary key,
    name text not null unique,
    rules jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
];
