/**
 * Customer accounts, sessions, address book, groups and one-time tokens; the queue of outgoing email;
 * the links from carts and orders to customers, and the email blind index on orders.
 * Released: never edit, add a new migration.
 */
export const statements = [
  // Personal fields hold AES-256-GCM ciphertext (src/crypto/data-encryption.ts); the email is found
  // through email_hash, a keyed hash (blind index), never stored searchable in clear.
  `create table customer (
    id text primary key,
    email_hash text not null constraint customer_email_key unique,
    email text not null,
    first_name text,
    last_name text,
    phone text,
    password_hash text,
    email_verified_at timestamptz,
    anonymized_at timestamptz,
    metadata jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table customer_session (
    id text primary key,
    customer_id text not null references customer (id) on delete cascade,
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create index customer_session_customer_idx on customer_session (customer_id)`,
  `create table customer_token (
    id text primary key,
    customer_id text not null references customer (id) on delete cascade,
    purpose text not null check (purpose in ('password_reset', 'email_verification')),
    token_hash text not null unique,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create table customer_address (
    id text primary key,
    customer_id text not null references customer (id) on delete cascade,
    address text not null,
    is_default_shipping boolean not null default false,
    is_default_billing boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index customer_address_customer_idx on customer_address (customer_id, created_at)`,
  `create table customer_group (
    id text primary key,
    name text not null constraint customer_group_name_key unique,
    created_at timestamptz not null default now()
  )`,
  `create table customer_group_member (
    group_id text not null references customer_group (id) on delete cascade,
    customer_id text not null references customer (id) on delete cascade,
    primary key (group_id, customer_id)
  )`,
  `create index customer_group_member_customer_idx on customer_group_member (customer_id)`,
  // Failed sign-ins per account (by email hash, so unknown emails are counted alike): slows and locks.
  `create table login_attempt (
    realm text not null,
    email_hash text not null,
    failures integer not null default 0,
    locked_until timestamptz,
    updated_at timestamptz not null default now(),
    primary key (realm, email_hash)
  )`,

  `create table email_message (
    id text primary key,
    recipient text not null,
    subject text not null,
    text_body text not null,
    html_body text,
    template text not null,
    reference_type text,
    reference_id text,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts integer not null default 0,
    last_error text,
    next_attempt_at timestamptz not null default now(),
    sent_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index email_message_pending_idx on email_message (next_attempt_at) where status = 'pending'`,

  `alter table cart add column customer_id text references customer (id) on delete set null`,
  `alter table orders add column customer_id text references customer (id) on delete set null`,
  `alter table orders add column email_hash text`,
  `create index orders_customer_idx on orders (customer_id, created_at desc)`,
  `create index orders_email_hash_idx on orders (email_hash)`,
];
