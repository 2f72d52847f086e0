/**
 * The verifiable ledger (modules/ledger, docs/ledger.md): a hash chain of the money and stock facts,
 * sealed into signed blocks, the public keys that signed them, where signed heads were published, and
 * the differences reconciliation found. Released: never edit, add a new migration.
 */
export const statements = [
  // One row per ledgered event. `entry` is the canonical JSON that was hashed, kept byte for byte, so
  // verifying never depends on how the database stores JSON; the other columns are copies for lookup.
  `create table ledger_entry (
    seq bigint primary key check (seq > 0),
    event_id text not null,
    type text not null,
    resource_type text not null,
    resource_id text not null,
    order_id text,
    entry text not null,
    prev_hash text not null,
    hash text not null,
    occurred_at timestamptz not null,
    created_at timestamptz not null default now()
  )`,
  // At-least-once delivery: the same event is ledgered once.
  `create unique index ledger_entry_event_key on ledger_entry (event_id)`,
  `create index ledger_entry_order_idx on ledger_entry (order_id, seq) where order_id is not null`,
  // The chain's tip, one row: appenders lock it, so entries get gap-free sequence numbers whatever
  // the number of processes.
  `create table ledger_head (
    id integer primary key default 1 check (id = 1),
    seq bigint not null,
    hash text not null,
    sealed_seq bigint not null,
    block_seq integer not null,
    updated_at timestamptz not null default now()
  )`,
  `insert into ledger_head (id, seq, hash, sealed_seq, block_seq) values (1, 0, '${'0'.repeat(64)}', 0, 0)`,
  // A block seals entries first_seq..last_seq with the Merkle root of their hashes, signed.
  `create table ledger_block (
    block_seq integer primary key check (block_seq > 0),
    first_seq bigint not null,
    last_seq bigint not null,
    merkle_root text not null,
    head_hash text not null,
    closed_at timestamptz not null,
    key_id text not null,
    signature text not null,
    check (last_seq >= first_seq)
  )`,
  // Every public key that signed a block, by key id (key rotation: old blocks keep their key).
  `create table ledger_key (
    key_id text primary key,
    public_key text not null,
    created_at timestamptz not null default now()
  )`,
  // Each signed head published through an anchor (a file, a URL, a transparency log…).
  `create table ledger_anchor (
    block_seq integer not null references ledger_block (block_seq),
    anchor text not null,
    receipt text,
    anchored_at timestamptz not null default now(),
    primary key (block_seq, anchor)
  )`,
  // A difference reconciliation found between the ledger and the live tables, raised once. A null
  // live value: the live row is gone.
  `create table ledger_mismatch (
    id text primary key,
    kind text not null,
    resource_id text not null,
    ledger_value bigint not null,
    live_value bigint,
    detected_at timestamptz not null default now()
  )`,
  `create unique index ledger_mismatch_key on ledger_mismatch (kind, resource_id, ledger_value, live_value) nulls not distinct`,
];
