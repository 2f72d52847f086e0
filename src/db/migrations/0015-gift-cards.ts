/**
 * Gift cards and store credit (modules/gift-cards, docs/gift-cards.md): one table of balances (a gift
 * card found by its code, or a customer's store credit in one currency), the log of every change to a
 * balance, and what a cart applies of them. Released: never edit, add a new migration.
 */
export const statements = [
  `create table gift_card (
    id text primary key,
    kind text not null check (kind in ('gift_card', 'store_credit')),
    code_hash text unique,
    last4 text,
    currency_code text not null,
    initial_value bigint not null default 0 check (initial_value >= 0),
    balance bigint not null check (balance >= 0),
    status text not null default 'active' check (status in ('active', 'disabled')),
    expires_at timestamptz,
    customer_id text,
    note text,
    created_by text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((kind = 'gift_card') = (code_hash is not null and last4 is not null)),
    check (kind = 'gift_card' or customer_id is not null)
  )`,
  `create unique index gift_card_store_credit_key on gift_card (customer_id, currency_code) where kind = 'store_credit'`,
  `create index gift_card_list_idx on gift_card (kind, created_at, id)`,
  `create table gift_card_movement (
    id text primary key,
    gift_card_id text not null references gift_card(id),
    kind text not null check (kind in ('issue', 'adjust', 'grant', 'debit', 'redeem', 'restore', 'refund')),
    amount bigint not null check (amount <> 0),
    balance_before bigint not null,
    balance_after bigint not null check (balance_after = balance_before + amount),
    reason text,
    order_id text,
    reference text unique,
    actor text not null,
    created_at timestamptz not null default now()
  )`,
  `create index gift_card_movement_card_idx on gift_card_movement (gift_card_id, created_at, id)`,
  `create index gift_card_movement_order_idx on gift_card_movement (order_id) where order_id is not null`,
  `create table cart_gift_card (
    cart_id text not null references cart(id) on delete cascade,
    gift_card_id text not null references gift_card(id),
    created_at timestamptz not null default now(),
    primary key (cart_id, gift_card_id)
  )`,
  `create table cart_store_credit (
    cart_id text primary key references cart(id) on delete cascade,
    amount bigint check (amount > 0),
    created_at timestamptz not null default now()
  )`,
];
