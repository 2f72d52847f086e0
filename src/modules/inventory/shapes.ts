import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { Amount, CountryCode, CurrencyCode, DateTime, Id, ListQuery } from '../../shapes.ts';

/** The inventory module's API shapes: one definition gives the TypeScript type, the validation and the OpenAPI. */

/** The largest quantity any column may reach; keeps every sum of two well inside PostgreSQL's `integer`. */
export const MAX_QUANTITY = 1_000_000_000;

export const Quantity = Type.Integer({ minimum: 0, maximum: MAX_QUANTITY });
const PositiveQuantity = Type.Integer({ minimum: 1, maximum: MAX_QUANTITY });
const Note = Type.String({ minLength: 1, maxLength: 1000 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A string from a fixed list, as JSON Schema `enum`: one clear message for a wrong value ("must be equal
 * to one of the allowed values"), where a union of literals reports "must be equal to constant". The
 * `enum` in its TypeScript type lets the Fastify type provider infer the union of the values.
 */
function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options }) as TUnsafe<T[number]> & { type: 'string'; enum: T };
}

/**
 * Why on_hand was adjusted. `received` and `returned` only add stock, `damaged` and `lost` only take it
 * away; `count_correction` and `other` go either way.
 */
export const ADJUSTMENT_REASONS = ['received', 'damaged', 'lost', 'count_correction', 'returned', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];
export const AdjustmentReason = StringEnum(ADJUSTMENT_REASONS, { description: ADJUSTMENT_REASONS.join(' · ') });

export const INVENTORY_FIELDS = ['on_hand', 'committed', 'reserved', 'safety_stock', 'incoming'] as const;
const InventoryField = StringEnum(INVENTORY_FIELDS);

// Stock locations

const LocationCode = Type.String({
  minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'your short name for it, unique: letters, digits, . _ -',
});
const AddressLine = Type.String({ minLength: 1, maxLength: 300 });

export const LocationAddress = Type.Object(
  {
    company: Type.Optional(AddressLine),
    address_1: Type.Optional(AddressLine),
    address_2: Type.Optional(AddressLine),
    city: Type.Optional(AddressLine),
    postal_code: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    province: Type.Optional(AddressLine),
    country_code: Type.Optional(CountryCode),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  },
  { additionalProperties: false },
);

export const LocationInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    code: LocationCode,
    address: Type.Optional(LocationAddress),
    priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'higher is drawn from first by checkout, and listed first (default 0)' })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type LocationInput = Static<typeof LocationInput>;
export const LocationUpdate = Type.Partial(LocationInput, { additionalProperties: false, minProperties: 1 });
export type LocationUpdate = Static<typeof LocationUpdate>;

export const Location = Type.Object({
  id: Type.String(),
  name: Type.String(),
  code: Type.String(),
  address: Type.Record(Type.String(), Type.Unknown()),
  priority: Type.Integer(),
  active: Type.Boolean(),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Location = Static<typeof Location>;

export const LocationListQuery = Type.Object({ ...ListQuery, active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

// Quantities

const quantities = {
  on_hand: Type.Integer({ description: 'physically in the location' }),
  committed: Type.Integer({ description: 'in orders not yet fulfilled' }),
  reserved: Type.Integer({ description: 'held by carts in checkout' }),
  safety_stock: Type.Integer({ description: 'kept back, never sold' }),
  incoming: Type.Integer({ description: 'on its way (purchase orders, transfers); not sellable yet' }),
  available: Type.Integer({ description: 'on_hand − committed − reserved − safety_stock' }),
};
export const Quantities = Type.Object(quantities);
export type Quantities = Static<typeof Quantities>;

/** One item's quantities at one location, with what identifies both. */
export const Level = Type.Object({
  item_id: Type.String(),
  variant_id: Type.String(),
  product_id: Type.String(),
  sku: Nullable(Type.String()),
  product_title: Type.String(),
  variant_title: Type.String(),
  location_id: Type.String(),
  location_name: Type.String(),
  location_code: Type.String(),
  ...quantities,
  manage_inventory: Type.Boolean(),
  allow_backorder: Type.Boolean(),
  low_stock_threshold: Nullable(Type.Integer()),
  low_stock: Type.Boolean({ description: 'tracked, with a threshold, and available here is at or below it' }),
  updated_at: DateTime,
});
export type Level = Static<typeof Level>;

export const LevelListQuery = Type.Object(
  {
    ...ListQuery,
    location_id: Type.Optional(Id('sloc')),
    variant_id: Type.Optional(Id('var')),
    sku: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    low_stock: Type.Optional(Type.Boolean({ description: 'true: only levels whose available is at or below the item’s low_stock_threshold; false: only the others' })),
  },
  { additionalProperties: false },
);
export type LevelListQuery = Static<typeof LevelListQuery>;

// Inventory items

export const ItemUpdate = Type.Object(
  {
    manage_inventory: Type.Optional(Type.Boolean({ description: 'false: the variant is sold without counting stock' })),
    allow_backorder: Type.Optional(Type.Boolean({ description: 'true: orders may commit more than is on hand' })),
    low_stock_threshold: Type.Optional(Nullable(Quantity)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ItemUpdate = Static<typeof ItemUpdate>;

export const InventoryItem = Type.Object({
  id: Nullable(Type.String({ description: 'iitem_…; null until the variant’s first inventory change or setting' })),
  variant_id: Type.String(),
  product_id: Type.String(),
  sku: Nullable(Type.String()),
  product_title: Type.String(),
  variant_title: Type.String(),
  manage_inventory: Type.Boolean(),
  allow_backorder: Type.Boolean(),
  low_stock_threshold: Nullable(Type.Integer()),
  low_stock: Type.Boolean({ description: 'tracked, with a threshold, and the total available is at or below it' }),
  totals: Quantities,
  levels: Type.Array(Type.Object({
    location_id: Type.String(),
    location_name: Type.String(),
    location_code: Type.String(),
    ...quantities,
    updated_at: DateTime,
  })),
  created_at: Nullable(DateTime),
  updated_at: Nullable(DateTime),
});
export type InventoryItem = Static<typeof InventoryItem>;

// Movements

export const Movement = Type.Object({
  id: Type.String(),
  item_id: Type.String(),
  variant_id: Nullable(Type.String({ description: 'null once the variant is deleted' })),
  sku: Nullable(Type.String()),
  location_id: Type.String(),
  field: InventoryField,
  before: Type.Integer(),
  after: Type.Integer(),
  change: Type.Integer({ description: 'after − before' }),
  reason: Type.String(),
  actor: Type.String({ description: 'an admin user id (usr_…), or `checkout`, `system`' }),
  reference_type: Nullable(Type.String()),
  reference_id: Nullable(Type.String()),
  note: Nullable(Type.String()),
  created_at: DateTime,
});
export type Movement = Static<typeof Movement>;

export const MovementListQuery = Type.Object(
  {
    ...ListQuery,
    variant_id: Type.Optional(Id('var')),
    item_id: Type.Optional(Id('iitem')),
    location_id: Type.Optional(Id('sloc')),
    field: Type.Optional(InventoryField),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type MovementListQuery = Static<typeof MovementListQuery>;

// Changes

/** Where units an adjustment adds go: an existing lot, or a new one (docs/purchasing.md). */
export const AdjustmentLot = Type.Object({
  lot_id: Type.Optional(Id('lot')),
  lot_number: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S(.*\\S)?$', description: 'a new lot\'s number' })),
  expires_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  unit_cost: Type.Optional(Amount),
  currency_code: Type.Optional(CurrencyCode),
  supplier_id: Type.Optional(Id('sup')),
}, { additionalProperties: false, description: 'lot_id, or lot_number with expires_at, unit_cost and currency_code (together), supplier_id; only for units added' });
export type AdjustmentLot = Static<typeof AdjustmentLot>;

export const AdjustmentInput = Type.Object(
  {
    variant_id: Id('var'),
    location_id: Id('sloc'),
    delta: Type.Optional(Type.Integer({ minimum: -MAX_QUANTITY, maximum: MAX_QUANTITY, description: 'signed change of on_hand (not 0); give delta or set' })),
    set: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_QUANTITY, description: 'the counted on_hand; give delta or set' })),
    reason: AdjustmentReason,
    note: Type.Optional(Note),
    lot: Type.Optional(AdjustmentLot),
  },
  { additionalProperties: false },
);
export type AdjustmentInput = Static<typeof AdjustmentInput>;

export const Adjustment = Type.Object({
  id: Type.String({ description: 'iadj_…, the reference_id of its movements' }),
  reason: Type.String(),
  note: Nullable(Type.String()),
  change: Type.Integer({ description: 'how much on_hand changed (0 when a count confirmed the figure)' }),
  level: Level,
  movements: Type.Array(Movement),
});
export type Adjustment = Static<typeof Adjustment>;

export const TransferInput = Type.Object(
  {
    variant_id: Id('var'),
    from_location_id: Id('sloc'),
    to_location_id: Id('sloc'),
    quantity: PositiveQuantity,
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type TransferInput = Static<typeof TransferInput>;

export const Transfer = Type.Object({
  id: Type.String({ description: 'itrf_…, the reference_id of its movements' }),
  quantity: Type.Integer(),
  note: Nullable(Type.String()),
  from: Level,
  to: Level,
  movements: Type.Array(Movement),
});
export type Transfer = Static<typeof Transfer>;

export const SafetyStockInput = Type.Object(
  { variant_id: Id('var'), location_id: Id('sloc'), safety_stock: Quantity, note: Type.Optional(Note) },
  { additionalProperties: false },
);
export type SafetyStockInput = Static<typeof SafetyStockInput>;

export const IncomingInput = Type.Object(
  { variant_id: Id('var'), location_id: Id('sloc'), incoming: Quantity, note: Type.Optional(Note) },
  { additionalProperties: false },
);
export type IncomingInput = Static<typeof IncomingInput>;
