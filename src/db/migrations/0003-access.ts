/** Staff roles, API keys and the audit log. Released: never edit, add a new migration. */
export const statements = [
  `create table admin_role (
    key text primary key check (key ~ '^[a-z][a-z0-9_]{1,49}$'),
    name text not null,
    permissions text[] not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table api_key (
    id text primary key,
    name text not null,
    token_hash text not null constraint api_key_token_key unique,
    last4 text not null,
    permissions text[] not null,
    created_by text not null references admin_user (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz
  )`,
  `create table audit_log (
    seq bigint generated always as identity primary key,
    id text not null unique,
    actor_type text not null check (actor_type in ('user', 'api_key', 'system')),
    actor_id text not null,
    action text not null,
    resource_type text,
    resource_id text,
    changes jsonb not null default '{}',
    status integer not null,
    request_id text not null,
    created_at timestamptz not null default now()
  )`,
  `create index audit_log_actor_idx on audit_log (actor_id, seq desc)`,
  `create index audit_log_resource_idx on audit_log (resource_type, resource_id, seq desc)`,
  // The audit log is append-only, in the database too: no update, no delete.
  `create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_log is append-only'; end $$`,
  `create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_is_append_only()`,
];
