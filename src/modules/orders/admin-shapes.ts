import { Type, type Static } from '@sinclair/typebox';
import { DateTime } from '../../shapes.ts';
import { Address } from '../cart/shapes.ts';
import { Order, OrderLine } from './shapes.ts';

/** What the Admin API answers about orders: lists, the detail and its parts, draft orders; and what the Store API answers about returns. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Data = Type.Record(Type.String(), Type.Unknown());

export const OrderListItem = Type.Object({
  id: Type.String(),
  number: Nullable(Type.Integer()),
  display_number: Nullable(Type.String()),
  status: Type.String(),
  payment_status: Type.String(),
  fulfillment_status: Type.String(),
  email: Type.String(),
  customer_id: Nullable(Type.String()),
  region_id: Type.String(),
  currency_code: Type.String(),
  total: Type.Integer(),
  item_count: Type.Integer(),
  placed_at: Nullable(DateTime),
  created_at: DateTime,
});

const LineQuantity = Type.Object({ line_item_id: Type.String(), quantity: Type.Integer() });

export const Fulfillment = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  location_id: Type.String(),
  status: Type.String({ description: 'fulfilled, shipped, delivered or canceled' }),
  items: Type.Array(LineQuantity),
  carrier: Nullable(Type.String()),
  tracking_number: Nullable(Type.String()),
  tracking_url: Nullable(Type.String()),
  note: Nullable(Type.String()),
  created_by: Type.String(),
  created_at: DateTime,
  shipped_at: Nullable(DateTime),
  delivered_at: Nullable(DateTime),
  canceled_at: Nullable(DateTime),
});

export const Return = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  status: Type.String({ description: 'requested, received, refunded or canceled' }),
  source: Type.String({ description: 'staff or customer' }),
  reason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  location_id: Nullable(Type.String()),
  credit_amount: Type.Integer({ description: 'the value of the units received back' }),
  refund_id: Nullable(Type.String()),
  items: Type.Array(Type.Object({
    line_item_id: Type.String(),
    quantity: Type.Integer(),
    received_quantity: Type.Integer(),
    reason: Nullable(Type.String()),
    condition: Nullable(Type.String()),
    disposition: Nullable(Type.String()),
    location_id: Nullable(Type.String()),
  })),
  exchange_line_ids: Type.Array(Type.String(), { description: 'replacement lines this exchange added to the order' }),
  created_by: Type.String(),
  created_at: DateTime,
  received_at: Nullable(DateTime),
  refunded_at: Nullable(DateTime),
  canceled_at: Nullable(DateTime),
});

export const Refund = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  return_id: Nullable(Type.String()),
  amount: Type.Integer(),
  credit_amount: Type.Integer({ description: 'the part of the amount that lowers what the customer owes' }),
  reason: Type.String(),
  note: Nullable(Type.String()),
  lines: Type.Array(Type.Object({ line_item_id: Type.String(), quantity: Type.Integer(), amount: Type.Integer() })),
  status: Type.String({ description: 'pending, succeeded or failed' }),
  error_code: Nullable(Type.String()),
  store_credit_id: Nullable(Type.String({ description: 'the store credit account it was paid to instead of the payments' })),
  created_by: Type.String(),
  created_at: DateTime,
  settled_at: Nullable(DateTime),
});

export const OrderEdit = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  version: Type.Integer(),
  changes: Type.Array(Type.Object({
    line_item_id: Type.String(),
    variant_id: Type.String(),
    title: Type.String(),
    action: Type.String({ description: 'added, updated or removed' }),
    quantity_before: Type.Integer(),
    quantity_after: Type.Integer(),
    unit_price: Type.Integer(),
    total_before: Type.Integer(),
    total_after: Type.Integer(),
    price_reason: Nullable(Type.String()),
  })),
  note: Nullable(Type.String()),
  total_before: Type.Integer(),
  total_after: Type.Integer(),
  balance_after: Type.Integer({ description: '> 0: left to pay; < 0: to refund' }),
  created_by: Type.String(),
  created_at: DateTime,
  dry_run: Type.Boolean(),
});

export const TimelineEntry = Type.Object({
  id: Type.String(),
  type: Type.String(),
  at: DateTime,
  actor: Nullable(Type.Object({ type: Type.String(), id: Nullable(Type.String()) })),
  data: Data,
});

export const MoneySummary = Type.Object({
  total: Type.Integer(),
  credit_total: Type.Integer(),
  net_total: Type.Integer(),
  authorized_total: Type.Integer(),
  capturable_total: Type.Integer(),
  captured_total: Type.Integer(),
  refunded_total: Type.Integer(),
  paid_total: Type.Integer(),
  balance: Type.Integer({ description: 'net_total − paid_total: > 0 the customer owes, < 0 the shop owes' }),
});

export const OrderDetail = Type.Object({
  ...Order.properties,
  customer_id: Nullable(Type.String({ description: 'the customer account that placed it; null for a guest' })),
  version: Type.Integer(),
  items: Type.Array(Type.Object({
    ...OrderLine.properties,
    fulfilled_quantity: Type.Integer(),
    shipped_quantity: Type.Integer(),
    delivered_quantity: Type.Integer(),
    returned_quantity: Type.Integer(),
    refunded_quantity: Type.Integer(),
    requested_return_quantity: Type.Integer(),
    origin: Type.String({ description: 'order, edit or exchange' }),
    return_id: Nullable(Type.String()),
  })),
  summary: MoneySummary,
  payments: Type.Array(Type.Object({
    id: Type.String(),
    provider_id: Type.String(),
    status: Type.String(),
    currency_code: Type.String(),
    authorized_amount: Type.Integer(),
    captured_amount: Type.Integer(),
    refunded_amount: Type.Integer(),
    capturable_amount: Type.Integer(),
    created_at: DateTime,
  })),
  payment_operations: Type.Array(Type.Object({
    id: Type.String(),
    payment_id: Type.String(),
    kind: Type.String(),
    amount: Type.Integer(),
    refund_id: Nullable(Type.String()),
    status: Type.String(),
    error_code: Nullable(Type.String()),
    created_by: Type.String(),
    created_at: DateTime,
    settled_at: Nullable(DateTime),
  })),
  fulfillments: Type.Array(Fulfillment),
  returns: Type.Array(Return),
  refunds: Type.Array(Refund),
  edits: Type.Array(OrderEdit),
  timeline: Type.Array(TimelineEntry),
});
export type OrderDetail = Static<typeof OrderDetail>;

export const DraftOrderListItem = Type.Object({
  id: Type.String(),
  status: Type.String({ description: 'open, sent, completed or canceled' }),
  cart_id: Type.String(),
  order_id: Nullable(Type.String()),
  note: Nullable(Type.String()),
  created_by: Type.String(),
  created_at: DateTime,
  sent_at: Nullable(DateTime),
  completed_at: Nullable(DateTime),
  canceled_at: Nullable(DateTime),
});

export const DraftOrder = Type.Object({
  ...DraftOrderListItem.properties,
  email: Nullable(Type.String()),
  region_id: Type.String(),
  currency_code: Type.String(),
  items: Type.Array(Type.Object({
    id: Type.String(),
    variant_id: Type.String(),
    sku: Nullable(Type.String()),
    title: Type.String(),
    variant_title: Type.String(),
    quantity: Type.Integer(),
    unit_price: Type.Integer(),
    custom_price: Type.Boolean(),
    price_reason: Nullable(Type.String()),
    subtotal: Type.Integer(),
    tax_rate: Type.Number({ description: 'percent' }),
    tax_total: Type.Integer(),
    total: Type.Integer(),
  })),
  shipping_address: Nullable(Address),
  billing_address: Nullable(Address),
  shipping_method: Nullable(Type.Object({ option_id: Type.String(), name: Type.String(), amount: Type.Integer() })),
  subtotal: Type.Integer(),
  shipping_total: Type.Integer(),
  tax_total: Type.Integer(),
  total: Type.Integer(),
});

export const SentDraftOrder = Type.Object({
  draft_order: DraftOrder,
  payment_link: Type.Object({ cart_id: Type.String({ description: 'the cart the customer completes through the Store API (payment, complete)' }) }),
});

export const PaidDraftOrder = Type.Object({ draft_order: DraftOrder, order: OrderDetail });

/** A return as its buyer sees it. */
export const StoreReturn = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  status: Type.String(),
  reason: Nullable(Type.String()),
  items: Type.Array(Type.Object({ line_item_id: Type.String(), quantity: Type.Integer(), received_quantity: Type.Integer(), reason: Nullable(Type.String()) })),
  created_at: DateTime,
  received_at: Nullable(DateTime),
  refunded_at: Nullable(DateTime),
});
