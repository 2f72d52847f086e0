import { Type, type Static } from '@sinclair/typebox';
import { Amount, CurrencyCode, DateTime, Id, ListQuery, Name } from '../../shapes.ts';

/** The Admin and Store API shapes of purchasing and lots (docs/purchasing.md). Costs in minor units. */

const Text = (maxLength: number, description?: string) => Type.Union([Type.String({ maxLength }), Type.Null()], description ? { description } : {});
const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000_000 });
const NullableDate = Type.Union([DateTime, Type.Null()]);
const OrNull = Type.Union([Type.String(), Type.Null()]);
const IntOrNull = Type.Union([Type.Integer(), Type.Null()]);

export const Supplier = Type.Object({
  id: Type.String(), name: Type.String(), code: OrNull, email: OrNull,
  phone: OrNull, note: OrNull, created_at: DateTime, updated_at: DateTime,
});

const supplierFields = {
  code: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_-]+$' }), Type.Null()], { description: 'your short code; unique in any case' })),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
  phone: Type.Optional(Text(50)),
  note: Type.Optional(Text(2000)),
};
export const SupplierInput = Type.Object({ name: Name, ...supplierFields }, { additionalProperties: false });
export type SupplierInput = Static<typeof SupplierInput>;
export const SupplierUpdate = Type.Object({ name: Type.Optional(Name), ...supplierFields }, { additionalProperties: false, minProperties: 1 });
export type SupplierUpdate = Static<typeof SupplierUpdate>;
export const SupplierListQuery = Type.Object({ ...ListQuery, q: Type.Optional(Type.String({ maxLength: 200, description: 'name or code contains' })) });

export const PurchaseOrderStatus = Type.Union([
  Type.Literal('draft'), Type.Literal('ordered'), Type.Literal('partially_received'), Type.Literal('received'), Type.Literal('canceled'),
]);

export const PurchaseOrderLine = Type.Object({
  id: Type.String(), variant_id: Type.Union([Type.String(), Type.Null()]), sku: OrNull,
  quantity: Type.Integer(), quantity_received: Type.Integer(), quantity_outstanding: Type.Integer(),
  unit_cost: Type.Integer(), total_cost: Type.Integer(),
});

export const PurchaseOrder = Type.Object({
  id: Type.String(), supplier_id: Type.String(), supplier_name: Type.String(), location_id: Type.String(), status: PurchaseOrderStatus,
  currency_code: Type.String(), reference: OrNull, expected_at: NullableDate, note: OrNull,
  created_by: Type.String(), ordered_at: NullableDate, received_at: NullableDate, canceled_at: NullableDate, created_at: DateTime, updated_at: DateTime,
  lines: Type.Array(PurchaseOrderLine), total_cost: Type.Integer(),
});

const LineInput = Type.Object({ variant_id: Id('var'), quantity: Quantity, unit_cost: Amount }, { additionalProperties: false });
const Lines = Type.Array(LineInput, { minItems: 1, maxItems: 500 });
const poFields = {
  reference: Type.Optional(Text(100, 'your or the supplier\'s order number')),
  expected_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when the units are expected' })),
  note: Type.Optional(Text(2000)),
};
export const PurchaseOrderInput = Type.Object({
  supplier_id: Id('sup'), location_id: Id('sloc'), currency_code: CurrencyCode, lines: Lines, ...poFields,
}, { additionalProperties: false });
export type PurchaseOrderInput = Static<typeof PurchaseOrderInput>;
export const PurchaseOrderUpdate = Type.Object({
  ...poFields, lines: Type.Optional(Type.Array(LineInput, { minItems: 1, maxItems: 500, description: 'a draft\'s lines, replacing them all' })),
}, { additionalProperties: false, minProperties: 1 });
export type PurchaseOrderUpdate = Static<typeof PurchaseOrderUpdate>;
export const PlaceInput = Type.Object({
  expected_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when the supplier says the units arrive' })),
  reference: poFields.reference,
}, { additionalProperties: false });
export type PlaceInput = Static<typeof PlaceInput>;
export const PurchaseOrderListQuery = Type.Object({
  ...ListQuery, status: Type.Optional(PurchaseOrderStatus), supplier_id: Type.Optional(Id('sup')),
});

export const ReceiveInput = Type.Object({
  lines: Type.Array(Type.Object({
    line_id: Id('pol'),
    quantity: Quantity,
    lot_number: Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S(.*\\S)?$', description: 'the supplier\'s batch or lot number' }),
    expires_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    unit_cost: Type.Optional(Amount),
  }, { additionalProperties: false, description: 'unit_cost defaults to the line\'s' }), { minItems: 1, maxItems: 500 }),
  note: Type.Optional(Text(2000)),
  landed_costs: Type.Optional(Type.Array(Type.Object({
    description: Type.String({ minLength: 1, maxLength: 200, description: 'freight, duty, insurance…' }),
    amount: Amount,
  }, { additionalProperties: false }), { maxItems: 20, description: 'extra costs of this delivery, in the order\'s currency, spread over its lots into their cost' })),
  allocate_landed_costs_by: Type.Optional(Type.Union([Type.Literal('value'), Type.Literal('quantity')], {
    description: 'value (default): in proportion to units × unit cost; quantity: to units',
  })),
}, { additionalProperties: false });
export type ReceiveInput = Static<typeof ReceiveInput>;
export const Receipt = Type.Object({
  id: Type.String(),
  purchase_order: PurchaseOrder,
  lot_ids: Type.Array(Type.String()),
});

export const LotStockShape = Type.Object({ location_id: Type.String(), quantity: Type.Integer() });
export const Lot = Type.Object({
  id: Type.String(), lot_number: Type.String(), item_id: Type.String(), variant_id: Type.String(),
  product_id: OrNull, sku: OrNull,
  supplier_id: OrNull, supplier_name: OrNull,
  purchase_order_id: OrNull, location_id: Type.String(),
  quantity_received: Type.Integer(), quantity_on_hand: Type.Integer(),
  quantity_fulfilled: Type.Integer(), quantity_returned: Type.Integer(),
  stock: Type.Array(LotStockShape), unit_cost: IntOrNull, currency_code: OrNull,
  landed_cost: Type.Integer({ description: 'landed costs spread onto the lot (whole lot, minor units of currency_code)' }),
  received_at: DateTime, expires_at: NullableDate,
});
export const LotListQuery = Type.Object({
  ...ListQuery,
  variant_id: Type.Optional(Id('var')), product_id: Type.Optional(Id('prod')), supplier_id: Type.Optional(Id('sup')), purchase_order_id: Type.Optional(Id('po')),
  location_id: Type.Optional(Id('sloc')),
  expires_before: Type.Optional(Type.String({ format: 'date-time', description: 'lots expiring before this time' })),
  in_stock: Type.Optional(Type.Boolean({ description: 'true: lots with units on hand' })),
});

export const TraceRow = Type.Object({
  order_id: Type.String(), order_number: IntOrNull, placed_at: NullableDate,
  customer_id: OrNull, email: Type.String(), name: OrNull,
  country_code: OrNull, order_line_id: Type.String(), fulfillment_id: Type.String(),
  location_id: Type.String(), quantity: Type.Integer(), returned_quantity: Type.Integer(), fulfilled_at: DateTime,
});
export const LotTrace = Type.Object({
  lot: Lot,
  supplier: Type.Union([Supplier, Type.Null()]),
  orders: Type.Array(TraceRow),
  totals: Type.Object({ fulfilled: Type.Integer(), returned: Type.Integer(), with_customers: Type.Integer(), customers: Type.Integer() }),
});
export const TraceQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: the recall report as a CSV file' })) });

const CostedLot = Type.Object({
  lot_id: Type.Union([Type.String(), Type.Null()]), lot_number: OrNull,
  supplier_id: OrNull, supplier_name: OrNull,
  location_id: Type.String(), quantity: Type.Integer(), returned_quantity: Type.Integer(),
  unit_cost: IntOrNull, currency_code: OrNull, expires_at: NullableDate,
});
export const Margin = Type.Object({
  revenue: Type.Integer(),
  cost_of_goods: Type.Integer(),
  margin: Type.Integer(),
  units: Type.Integer(), costed_units: Type.Integer(),
  uncosted_units: Type.Integer(),
  costed_revenue: Type.Integer(),
});
export const OrderLots = Type.Object({
  order_id: Type.String(), currency_code: Type.String(),
  lines: Type.Array(Type.Object({
    line_item_id: Type.String(), variant_id: Type.String(), sku: OrNull, title: Type.String(), quantity: Type.Integer(),
    lots: Type.Array(CostedLot), margin: Margin,
  })),
  margin: Margin,
});
export const MarginReportQuery = Type.Object({
  ...ListQuery,
  group_by: Type.Union([Type.Literal('order'), Type.Literal('product')], { default: 'product' }),
  currency_code: CurrencyCode,
  from: Type.Optional(Type.String({ format: 'date-time', description: 'orders placed at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'orders placed before' })),
});
export const MarginRow = Type.Object({
  key: Type.String(), title: Type.String(), ...Margin.properties,
});

export const LotSetting = Type.Object({
  product_id: Type.String(),
  pick_order: Type.Union([Type.Literal('fefo'), Type.Literal('fifo')], { description: 'which lot ships first: fefo (first expiry, default) or fifo (first received)' }),
  public_provenance: Type.Boolean({ description: 'whether GET /store/provenance/:lot_id shows this product\'s lots' }),
});
export const LotSettingUpdate = Type.Object({
  pick_order: Type.Optional(LotSetting.properties.pick_order), public_provenance: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });

export const Provenance = Type.Object({
  lot_id: Type.String(), lot_number: Type.String(), product_id: Type.String(), product_title: Type.String(), variant_title: Type.String(),
  supplier: Type.Union([Type.Object({ name: Type.String() }), Type.Null()]),
  received_at: DateTime, expires_at: NullableDate,
  quantity_received: Type.Integer(), quantity_shipped: Type.Integer(),
  quantity_on_hand: Type.Integer(),
  proof: Type.Null({ description: 'reserved for the ledger\'s proof of these facts; null until the ledger provides one' }),
});
