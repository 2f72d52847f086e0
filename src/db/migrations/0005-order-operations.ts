/**
 * Order operations: each line's progress (fulfilled, shipped, delivered, returned, refunded), fulfillments
 * with their shipments, returns (RMA), refunds, the payment operations that move money at the gateway,
 * order edits (versions), the order's activity timeline, and draft orders (a staff-built cart with
 * custom prices). Released: never edit, add a new migration.
 */
export const statements = [
  `alter table orders add column version integer not null default 1`,
  `create index orders_placed_list_idx on orders (id desc) where status <> 'pending'`,
  // A line an edit removed keeps its row at quantity 0: fulfillments, refunds and the history refer to it.
  `alter table order_line_item drop constraint order_line_item_quantity_check`,
  `alter table order_line_item add constraint order_line_item_quantity_check check (quantity >= 0)`,
  `alter table order_line_item
    add column fulfilled_quantity integer not null default 0,
    add column shipped_quantity integer not null default 0,
    add column delivered_quantity integer not null default 0,
    add column returned_quantity integer not null default 0,
    add column refunded_quantity integer not null default 0,
    add column origin text not null default 'order' check (origin in ('order', 'edit', 'exchange')),
    add column return_id text`,
  // The order of progress, kept by the database whatever the code does.
  `alter table order_line_item add constraint order_line_item_progress_check check (
    refunded_quantity >= 0 and returned_quantity >= 0
    and delivered_quantity >= returned_quantity and shipped_quantity >= delivered_quantity
    and fulfilled_quantity >= shipped_quantity and quantity >= fulfilled_quantity
    and shipped_quantity >= returned_quantity + refunded_quantity)`,

  `create table order_fulfillment (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    location_id text not null references stock_location (id),
    status text not null check (status in ('fulfilled', 'shipped', 'delivered', 'canceled')),
    carrier text,
    tracking_number text,
    tracking_url text,
    note text,
    created_by text not null,
    created_at timestamptz not null default now(),
    shipped_at timestamptz,
    delivered_at timestamptz,
    canceled_at timestamptz
  )`,
  `create index order_fulfillment_order_idx on order_fulfillment (order_id, created_at)`,
  `create table order_fulfillment_item (
    fulfillment_id text not null references order_fulfillment (id) on delete cascade,
    line_item_id text not null references order_line_item (id) on delete cascade,
    quantity integer not null check (quantity > 0),
    primary key (fulfillment_id, line_item_id)
  )`,

  `create table order_return (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    status text not null check (status in ('requested', 'received', 'refunded', 'canceled')),
    source text not null check (source in ('staff', 'customer')),
    reason text,
    note text,
    location_id text references stock_location (id),
    credit_amount bigint not null default 0 check (credit_amount >= 0),
    refund_id text,
    created_by text not null,
    created_at timestamptz not null default now(),
    received_at timestamptz,
    refunded_at timestamptz,
    canceled_at timestamptz
  )`,
  `create index order_return_order_idx on order_return (order_id, created_at)`,
  `create table order_return_item (
    return_id text not null references order_return (id) on delete cascade,
    line_item_id text not null references order_line_item (id) on delete cascade,
    quantity integer not null check (quantity > 0),
    received_quantity integer not null default 0 check (received_quantity >= 0 and received_quantity <= quantity),
    reason text,
    condition text check (condition in ('new', 'opened', 'damaged')),
    disposition text check (disposition in ('restock', 'write_off')),
    location_id text,
    primary key (return_id, line_item_id)
  )`,

  `create table order_refund (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    return_id text,
    amount bigint not null check (amount > 0),
    credit_amount bigint not null default 0 check (credit_amount >= 0),
    reason text not null,
    note text,
    lines jsonb not null default '[]',
    status text not null check (status in ('pending', 'succeeded', 'failed')),
    error_code text,
    created_by text not null,
    created_at timestamptz not null default now(),
    settled_at timestamptz
  )`,
  `create index order_refund_order_idx on order_refund (order_id, created_at)`,
  // Money moved at a gateway: written as pending (its amount reserved on the payment) before the call,
  // settled after it. A pending row older than the gateway timeout is an interrupted call.
  `create table order_payment_operation (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    payment_id text not null references payment (id),
    kind text not null check (kind in ('capture', 'refund', 'void')),
    amount bigint not null check (amount >= 0),
    refund_id text references order_refund (id),
    status text not null check (status in ('pending', 'succeeded', 'failed')),
    provider_reference text,
    error_code text,
    created_by text not null,
    created_at timestamptz not null default now(),
    settled_at timestamptz
  )`,
  `create index order_payment_operation_order_idx on order_payment_operation (order_id, created_at)`,
  `create index order_payment_operation_pending_idx on order_payment_operation (created_at) where status = 'pending'`,

  `create table order_edit (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    version integer not null,
    changes jsonb not null,
    note text,
    total_before bigint not null,
    total_after bigint not null,
    balance_after bigint not null,
    created_by text not null,
    created_at timestamptz not null default now(),
    constraint order_edit_version_key unique (order_id, version)
  )`,

  // The timeline: every operation on an order, who did it, and staff notes.
  `create table order_activity (
    seq bigint generated always as identity primary key,
    id text not null constraint order_activity_id_key unique,
    order_id text not null references orders (id) on delete cascade,
    type text not null,
    actor_type text not null check (actor_type in ('user', 'api_key', 'customer', 'system')),
    actor_id text,
    data jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  `create index order_activity_order_idx on order_activity (order_id, seq)`,

  // Draft orders: a cart staff build (custom prices allowed) that the customer completes, or staff mark paid.
  `create table draft_order (
    id text primary key,
    cart_id text not null constraint draft_order_cart_key unique references cart (id) on delete cascade,
    status text not null check (status in ('open', 'sent', 'completed', 'canceled')),
    note text,
    created_by text not null,
    order_id text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    sent_at timestamptz,
    completed_at timestamptz,
    canceled_at timestamptz
  )`,
  `create index draft_order_created_idx on draft_order (id desc)`,
  `alter table cart add column draft_order_id text`,
  `alter table cart_line_item
    add column unit_price_override bigint check (unit_price_override >= 0),
    add column price_override_reason text`,
];
