/**
 * Marketing events beyond orders (docs/marketing.md): when a cart was last found abandoned, so each
 * idle stretch is announced once, and the marketing sync's dead letters (events the tool refused for
 * good, kept for staff to resend or discard). Released: never edit, add a new migration.
 */
export const statements = [
  `alter table cart add column abandoned_at timestamptz`,
  `create table marketing_dead_letter (
    id text primary key,
    provider_id text not null,
    event_id text not null,
    event_type text not null,
    customer_id text,
    -- The ids the event referred to (order, cart, product): enough to send it again, no personal data.
    refs jsonb not null,
    occurred_at timestamptz not null,
    status integer not null,
    error text not null,
    attempts integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (provider_id, event_id)
  )`,
  `create index marketing_dead_letter_created_idx on marketing_dead_letter (created_at, id)`,
];
