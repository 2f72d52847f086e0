/**
 * The shopping assistant (modules/assistant, docs/insights.md): the policy texts the merchant sets and
 * short-lived conversations, so a follow-up ("in size L", "cheaper") continues the last search.
 * Released: never edit, add a new migration.
 */
export const statements = [
  `create table assistant_settings (
    id text primary key,
    policies jsonb not null default '{}',
    updated_at timestamptz not null default now()
  )`,
  // What a follow-up needs (the last search and what it showed) and the last turns, for a model;
  // pruned once idle for ASSISTANT_CONVERSATION_HOURS.
  `create table assistant_conversation (
    id text primary key,
    customer_id text,
    state jsonb not null default '{}',
    turns jsonb not null default '[]',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index assistant_conversation_updated_idx on assistant_conversation (updated_at)`,
];
