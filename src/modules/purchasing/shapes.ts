import { Type, type Static } from '@sinclair/typebox';
import { Amount, CurrencyCode, DateTime, Id, ListQuery, Name } from '../../shapes.ts';

/** The Admin and Store API shapes of purchasing and lots (docs/purchasing.md). Costs in minor units. */

const Text = (maxLength: number, description?: string) => Type.Union([Type.String({ maxLength }), Type.Null()], description ? { description } : {});
const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000_000 });
const NullableDate = Type.Union([DateTime, Type.Null()]);

export const Supplier = Type.Object({
  id: Type.String(), name: Type.String(), code: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), created_at: DateTime, updated_at: DateTime,
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
  id: Type.String(), variant_id: Type.Union([Type.String(), Type.Null()], { description: 'null once the variant was deleted' }), sku: Type.Union([Type.String(), Type.Null()]),
  quantity: Type.Integer(), quantity_received: Type.Integer(), quantity_outstanding: Type.Integer({ description: 'still expected: 0 once received or canceled' }),
  unit_cost: Type.Integer(), total_cost: Type.Integer({ description: 'quantity × unit_cost' }),
});

export const PurchaseOrder = Type.Object({
  id: Type.String(), supplier_id: Type.String(), supplier_name: Type.String(), location_id: Type.String(), status: PurchaseOrderStatus,
  currency_code: Type.String(), reference: Type.Union([Type.String(), Type.Null()]), expected_at: NullableDate, note: Type.Union([Type.String(), Type.Null()]),
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
}, { additionalProperties: false });
export type ReceiveInput = Static<typeof ReceiveInput>;
export const Receipt = Type.Object({
  id: Type.String({ description: 'porc_…, the reference of its lots and movements' }),
  purchase_order: PurchaseOrder,
  lot_ids: Type.Array(Type.String(), { description: 'one lot per received line, in the order given' }),
});

export const LotStockShape = Type.Object({ location_id: Type.String(), quantity: Type.Integer() });
export const Lot = Type.Object({
  id: Type.String(), lot_number: Type.String(), item_id: Type.String(), variant_id: Type.String(),
  product_id: Type.Union([Type.String(), Type.Null()]), sku: Type.Union([Type.String(), Type.Null()]),
  supplier_id: Type.Union([Type.String(), Type.Null()]), supplier_name: Type.Union([Type.String(), Type.Null()]),
  purchase_order_id: Type.Union([Type.String(), Type.Null()]), location_id: Type.String({ description: 'where it was received' }),
  quantity_received: Type.Integer(), quantity_on_hand: Type.Integer({ description: 'its units on hand, all locations' }),
  quantity_fulfilled: Type.Integer({ description: 'units order lines took' }), quantity_returned: Type.Integer({ description: 'of those, units that came back' }),
  stock: Type.Array(LotStockShape), unit_cost: Type.Union([Type.Integer(), Type.Null()]), currency_code: Type.Union([Type.String(), Type.Null()]),
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
  order_id: Type.String(), order_number: Type.Union([Type.Integer(), Type.Null()]), placed_at: NullableDate,
  customer_id: Type.Union([Type.String(), Type.Null()]), email: Type.String(), name: Type.Union([Type.String(), Type.Null()]),
  country_code: Type.Union([Type.String(), Type.Null()]), order_line_id: Type.String(), fulfillment_id: Type.String(),
  location_id: Type.String(), quantity: Type.Integer(), returned_quantity: Type.Integer(), fulfilled_at: DateTime,
});
export const LotTrace = Type.Object({
  lot: Lot,
  supplier: Type.Union([Supplier, Type.Null()]),
  orders: Type.Array(TraceRow, { description: 'every order line that took units of the lot' }),
  totals: Type.Object({ fulfilled: Type.Integer(), returned: Type.Integer(), with_customers: Type.Integer(), customers: Type.Integer({ description: 'distinct customers (emails) holding units' }) }),
});
export const TraceQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: the recall report as a CSV file' })) });

const CostedLot = Type.Object({
  lot_id: Type.Union([Type.String(), Type.Null()], { description: 'null: unlotted stock (cost unknown)' }), lot_number: Type.Union([Type.String(), Type.Null()]),
  supplier_id: Type.Union([Type.String(), Type.Null()]), supplier_name: Type.Union([Type.String(), Type.Null()]),
  location_id: Type.String(), quantity: Type.Integer(), returned_quantity: Type.Integer(),
  unit_cost: Type.Union([Type.Integer(), Type.Null()]), currency_code: Type.Union([Type.String(), Type.Null()]), expires_at: NullableDate,
});
export const Margin = Type.Object({
  revenue: Type.Integer({ description: 'net of discounts and tax, for the units kept (fulfilled − returned)' }),
  cost_of_goods: Type.Integer({ description: 'units kept × their lot\'s unit cost' }),
  margin: Type.Integer({ description: 'revenue − cost_of_goods over costed units only' }),
  units: Type.Integer({ description: 'units kept' }), costed_units: Type.Integer(),
  uncosted_units: Type.Integer({ description: 'units from unlotted stock, or a lot in another currency: not in cost_of_goods nor margin' }),
  costed_revenue: Type.Integer({ description: 'the part of revenue from costed units' }),
});
export const OrderLots = Type.Object({
  order_id: Type.String(), currency_code: Type.String(),
  lines: Type.Array(Type.Object({
    line_item_id: Type.String(), variant_id: Type.String(), sku: Type.Union([Type.String(), Type.Null()]), title: Type.String(), quantity: Type.Integer(),
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
  key: Type.String({ description: 'the order id or product id' }), title: Type.String({ description: 'the order number or product title' }), ...Margin.properties,
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
  quantity_received: Type.Integer(), quantity_shipped: Type.Integer({ description: 'units that left for orders and were not returned' }),
  quantity_on_hand: Type.Integer(),
  proof: Type.Null({ description: 'reserved for the ledger\'s proof of these facts; null until the ledger provides one' }),
});
