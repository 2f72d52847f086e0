/**
 * Purchasing and lots (modules/purchasing, modules/inventory/lots.ts, docs/purchasing.md): suppliers,
 * purchase orders and their lines; lots (what a level's on_hand is made of, per location); which lots
 * each order line took; and each product's lot settings. Released: never edit, add a new migration.
 */
export const statements = [
  `create table supplier (
    id text primary key,
    name text not null,
    code text,
    email text,
    phone text,
    note text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index supplier_code_key on supplier (lower(code)) where code is not null`,
  `create table purchase_order (
    id text primary key,
    supplier_id text not null references supplier (id),
    location_id text not null references stock_location (id),
    status text not null check (status in ('draft', 'ordered', 'partially_received', 'received', 'canceled')),
    currency_code text not null,
    reference text,
    expected_at timestamptz,
    note text,
    created_by text not null,
    ordered_at timestamptz,
    received_at timestamptz,
    canceled_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index purchase_order_supplier_idx on purchase_order (supplier_id, id)`,
  `create index purchase_order_status_idx on purchase_order (status, id)`,
  `create table purchase_order_line (
    id text primary key,
    purchase_order_id text not null references purchase_order (id) on delete cascade,
    variant_id text references product_variant (id) on delete set null,
    sku text,
    position integer not null,
    quantity integer not null check (quantity > 0),
    quantity_received integer not null default 0,
    unit_cost bigint not null check (unit_cost >= 0),
    check (quantity_received between 0 and quantity)
  )`,
  `create index purchase_order_line_order_idx on purchase_order_line (purchase_order_id, position)`,
  // One row per receipt of units. History: it outlives its variant (no foreign key on item or variant),
  // so a recall can still name who received it.
  `create table lot (
    id text primary key,
    item_id text not null,
    variant_id text not null,
    lot_number text not null,
    supplier_id text references supplier (id),
    purchase_order_id text references purchase_order (id),
    purchase_order_line_id text references purchase_order_line (id),
    location_id text not null,
    quantity_received integer not null check (quantity_received > 0),
    unit_cost bigint check (unit_cost >= 0),
    currency_code text,
    received_at timestamptz not null default now(),
    expires_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index lot_item_idx on lot (item_id, id)`,
  `create index lot_variant_idx on lot (variant_id, id)`,
  `create index lot_expiry_idx on lot (expires_at, id) where expires_at is not null`,
  // The units of a lot on hand at a location; their sum per (item, location) never exceeds the level's
  // on_hand, the rest being stock from before lots ("unlotted"). A location can only be deleted with no
  // stock on hand, so only empty rows go with it.
  `create table lot_stock (
    lot_id text not null references lot (id) on delete cascade,
    location_id text not null references stock_location (id) on delete cascade,
    item_id text not null references inventory_item (id) on delete cascade,
    quantity integer not null check (quantity >= 0),
    primary key (lot_id, location_id)
  )`,
  `create index lot_stock_level_idx on lot_stock (item_id, location_id)`,
  // The units an order line took when a fulfillment took them off the shelf; lot_id null for unlotted stock.
  `create table order_line_lot (
    id text primary key,
    seq integer generated always as identity,
    order_id text not null references orders (id),
    order_line_id text not null references order_line_item (id),
    fulfillment_id text not null,
    lot_id text references lot (id),
    item_id text not null,
    location_id text not null,
    quantity integer not null check (quantity > 0),
    returned_quantity integer not null default 0,
    created_at timestamptz not null default now(),
    check (returned_quantity between 0 and quantity)
  )`,
  `create index order_line_lot_line_idx on order_line_lot (order_line_id, id)`,
  `create index order_line_lot_lot_idx on order_line_lot (lot_id, id) where lot_id is not null`,
  `create index order_line_lot_fulfillment_idx on order_line_lot (fulfillment_id)`,
  `create table product_lot_setting (
    product_id text primary key references product (id) on delete cascade,
    pick_order text not null default 'fefo' check (pick_order in ('fefo', 'fifo')),
    public_provenance boolean not null default false,
    updated_at timestamptz not null default now()
  )`,
];
