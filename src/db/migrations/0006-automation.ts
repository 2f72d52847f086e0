/**
 * Automation: dispatching the event outbox to subscribers and webhook endpoints, the payment-webhook
 * inbox, and the scheduler's jobs. Released: never edit, add a new migration.
 */
export const statements = [
  // The dispatcher gives each committed event a position in the order it first saw it committed
  // (one process at a time does this, so positions are gap-free and never change behind a reader).
  `alter table event_outbox add column dispatch_seq bigint`,
  `create unique index event_outbox_dispatch_seq_key on event_outbox (dispatch_seq)`,
  `create index event_outbox_undispatched_idx on event_outbox (seq) where dispatch_seq is null`,
  // An in-process subscriber's progress: the last position it has handled, and who holds it now.
  `create table event_subscription (
    name text primary key,
    position bigint not null default 0,
    locked_until timestamptz,
    locked_by text,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text,
    updated_at timestamptz not null default now()
  )`,

  // Webhooks
  `create table webhook_endpoint (
    id text primary key,
    url text not null,
    description text,
    events text[] not null,
    secret text not null,
    enabled boolean not null default true,
    disabled_reason text,
    disabled_at timestamptz,
    last_success_at timestamptz,
    last_failure_at timestamptz,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table webhook_delivery (
    id text primary key,
    endpoint_id text not null references webhook_endpoint (id) on delete cascade,
    event_seq bigint not null,
    event_id text not null,
    event_type text not null,
    resource_type text not null,
    resource_id text not null,
    position bigint not null,
    ordered boolean not null default true,
    redelivery_of text,
    status text not null check (status in ('pending', 'delivered', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    expires_at timestamptz not null,
    last_status_code integer,
    last_error text,
    delivered_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // One delivery per event and endpoint (a staff redelivery is another row): fan-out may run twice.
  `create unique index webhook_delivery_event_key on webhook_delivery (endpoint_id, event_id) where redelivery_of is null`,
  `create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending'`,
  `create index webhook_delivery_resource_idx on webhook_delivery (endpoint_id, resource_type, resource_id, position) where status = 'pending' and ordered`,
  `create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc, id desc)`,
  `create table webhook_attempt (
    id text primary key,
    delivery_id text not null references webhook_delivery (id) on delete cascade,
    attempt integer not null,
    status_code integer,
    duration_ms integer not null,
    error text,
    response_snippet text,
    created_at timestamptz not null default now()
  )`,
  `create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempt)`,

  // Payment gateways' webhooks, stored before they are processed (one row per gateway event id).
  `create table payment_webhook_event (
    id text primary key,
    provider_id text not null,
    provider_event_id text not null,
    type text not null,
    payment_reference text,
    provider_reference text,
    amount bigint,
    raw_body text not null,
    status text not null check (status in ('pending', 'processed', 'failed')),
    outcome text,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    last_error text,
    received_at timestamptz not null default now(),
    processed_at timestamptz,
    constraint payment_webhook_event_key unique (provider_id, provider_event_id)
  )`,
  `create index payment_webhook_event_due_idx on payment_webhook_event (next_attempt_at) where status = 'pending'`,
  `create index payment_webhook_event_payment_idx on payment_webhook_event (payment_reference)`,

  // The expire_abandoned_carts job finds carts nobody has touched for a while without reading them all.
  `create index cart_abandoned_idx on cart (updated_at) where completed_at is null`,

  // Scheduled jobs: one row per job is its lease (who runs it until when) and its last outcome.
  `create table scheduled_job (
    name text primary key,
    interval_ms integer not null,
    next_run_at timestamptz not null,
    locked_until timestamptz,
    locked_by text,
    last_started_at timestamptz,
    last_finished_at timestamptz,
    last_duration_ms integer,
    last_status text check (last_status in ('succeeded', 'failed')),
    last_error text,
    last_result jsonb,
    run_count integer not null default 0,
    failure_count integer not null default 0,
    updated_at timestamptz not null default now()
  )`,
  `create table job_run (
    id text primary key,
    job_name text not null,
    process_id text not null,
    started_at timestamptz not null,
    finished_at timestamptz not null,
    duration_ms integer not null,
    status text not null check (status in ('succeeded', 'failed')),
    error text,
    result jsonb
  )`,
  `create index job_run_job_idx on job_run (job_name, started_at desc)`,
];
