import { Type } from '@sinclair/typebox';
import { Amount, CommaSeparated, CurrencyCode, Id, ListQuery } from '../../shapes.ts';
import { FULFILLMENT_STATUSES, ORDER_STATUSES, PAYMENT_STATUSES } from './order-status.ts';
import { AddressInput } from '../cart/shapes.ts';

/** Request shapes of the order operations (Admin API) and of customer returns (Store API). */

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Units = Type.Integer({ minimum: 1, maximum: 10_000 });
const Positive = Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991, description: 'minor units' });
const LineId = Id('ordli');

export const OrderParams = Type.Object({ id: Id('ord') });
export const FulfillmentParams = Type.Object({ id: Id('ord'), fulfillment_id: Id('ful') });
export const ReturnParams = Type.Object({ id: Id('ord'), return_id: Id('ret') });
export const DraftOrderParams = Type.Object({ id: Id('dord') });

export const OrderListQuery = Type.Object({
  ...ListQuery,
  status: Type.Optional(CommaSeparated(ORDER_STATUSES, 'order status')),
  payment_status: Type.Optional(CommaSeparated(PAYMENT_STATUSES, 'payment status')),
  fulfillment_status: Type.Optional(CommaSeparated(FULFILLMENT_STATUSES, 'fulfillment status')),
  placed_after: Type.Optional(Type.String({ format: 'date-time', description: 'placed at or after' })),
  placed_before: Type.Optional(Type.String({ format: 'date-time', description: 'placed before' })),
  email: Type.Optional(Type.String({ maxLength: 320, description: 'the customer email, exact (case aside)' })),
  region_id: Type.Optional(Id('reg')),
  total_min: Type.Optional(Amount),
  total_max: Type.Optional(Amount),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'an order number (1001, #1001), an email, or an order id' })),
}, { additionalProperties: false });

export const CaptureInput = Type.Object({
  amount: Type.Optional(Positive),
}, { additionalProperties: false, description: 'Without an amount: everything still capturable.' });

export const CancelInput = Type.Object({
  reason: Type.Optional(Text(200)),
  note: Type.Optional(Text(2000)),
}, { additionalProperties: false });

const LineUnits = Type.Object({ line_item_id: LineId, quantity: Units }, { additionalProperties: false });

export const ShipmentInput = Type.Object({
  carrier: Text(100),
  tracking_number: Type.Optional(Text(200)),
  tracking_url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
}, { additionalProperties: false });

const ChosenLot = Type.Object({ lot_id: Id('lot'), quantity: Units }, { additionalProperties: false });
const FulfillmentLine = Type.Object({
  line_item_id: LineId,
  quantity: Units,
  lots: Type.Optional(Type.Array(ChosenLot, {
    maxItems: 50, description: 'the lots some or all of the units come from (at the location, not expired); units not named leave in the product\'s pick order',
  })),
}, { additionalProperties: false });

export const FulfillmentInput = Type.Object({
  location_id: Id('sloc'),
  lines: Type.Array(FulfillmentLine, { minItems: 1, maxItems: 500 }),
  allow_expired_lots: Type.Optional(Type.Boolean({ description: 'let chosen lots that have expired ship (default false: 409 lot_expired)' })),
  note: Type.Optional(Text(2000)),
  shipment: Type.Optional(ShipmentInput),
}, { additionalProperties: false });

const NewLine = Type.Object({
  variant_id: Id('var'),
  quantity: Units,
  unit_price: Type.Optional(Amount),
  price_reason: Type.Optional(Text(500)),
}, { additionalProperties: false });

export const ReturnInput = Type.Object({
  lines: Type.Array(Type.Object({ line_item_id: LineId, quantity: Units, reason: Type.Optional(Text(500)) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
  reason: Type.Optional(Text(500)),
  note: Type.Optional(Text(2000)),
  exchange_lines: Type.Optional(Type.Array(NewLine, { maxItems: 100, description: 'replacements: an exchange' })),
}, { additionalProperties: false });

export const ReceiveReturnInput = Type.Object({
  location_id: Id('sloc'),
  lines: Type.Array(Type.Object({
    line_item_id: LineId,
    quantity: Type.Integer({ minimum: 0, maximum: 10_000 }),
    condition: Type.Union([Type.Literal('new'), Type.Literal('opened'), Type.Literal('damaged')]),
    disposition: Type.Optional(Type.Union([Type.Literal('restock'), Type.Literal('write_off')], { description: 'default: write_off when damaged, else restock' })),
    location_id: Type.Optional(Id('sloc')),
  }, { additionalProperties: false }), { maxItems: 500 }),
  note: Type.Optional(Text(2000)),
}, { additionalProperties: false });

export const ReturnRefundInput = Type.Object({
  amount: Type.Optional(Positive),
  note: Type.Optional(Text(2000)),
}, { additionalProperties: false, description: 'Without an amount: what the shop owes for the return.' });

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const RefundReasonSchema = literals(['customer_request', 'damaged', 'not_received', 'wrong_item', 'goodwill', 'duplicate', 'fraudulent', 'order_edit', 'other'] as const);

export const RefundInput = Type.Object({
  lines: Type.Optional(Type.Array(LineUnits, { maxItems: 500 })),
  amount: Type.Optional(Positive),
  reason: RefundReasonSchema,
  note: Type.Optional(Text(2000)),
  to: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('store_credit')], {
    description: 'original (default): back to the payments; store_credit: to the customer’s store credit (signed-in customers’ orders only)',
  })),
}, { additionalProperties: false, description: 'Lines (their units’ value) and/or an amount on top.' });

export const EditInput = Type.Object({
  items: Type.Optional(Type.Array(Type.Object({ line_item_id: LineId, quantity: Type.Integer({ minimum: 0, maximum: 10_000 }) }, { additionalProperties: false }), { maxItems: 500 })),
  add: Type.Optional(Type.Array(NewLine, { maxItems: 100 })),
  note: Type.Optional(Text(2000)),
  dry_run: Type.Optional(Type.Boolean({ description: 'compute the edit and its balance, write nothing' })),
}, { additionalProperties: false });

export const DeliveredInput = Type.Object({
  delivered_at: Type.Optional(Type.String({ format: 'date-time', description: 'when the carrier delivered (default: now); not in the future' })),
}, { additionalProperties: false });

export const SendDraftInput = Type.Object({
  message: Type.Optional(Text(2000)),
}, { additionalProperties: false, description: 'A message for the customer, carried by the draft_order.sent event' });

export const MarkPaidInput = Type.Object({
  note: Type.Optional(Text(2000)),
}, { additionalProperties: false, description: 'How it was paid (a cheque number, a transfer reference), kept on the order’s timeline' });

export const NoteInput = Type.Object({ text: Text(5000) }, { additionalProperties: false });

export const PaymentInput = Type.Object({
  amount: Positive,
  captured: Type.Optional(Type.Boolean({ default: true, description: 'false: authorized only (captured later)' })),
  note: Type.Optional(Text(2000)),
}, { additionalProperties: false, description: 'Money received outside a gateway, recorded with the manual provider.' });

export const DraftOrderInput = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  region_id: Type.Optional(Id('reg')),
  currency_code: Type.Optional(CurrencyCode),
  shipping_address: AddressInput,
  billing_address: Type.Optional(Type.Union([AddressInput, Type.Null()])),
  shipping_option_id: Id('so'),
  lines: Type.Array(NewLine, { minItems: 1, maxItems: 100 }),
  note: Type.Optional(Text(2000)),
}, { additionalProperties: false });

export const DraftOrderListQuery = Type.Object({
  ...ListQuery,
  status: Type.Optional(literals(['open', 'sent', 'completed', 'canceled'] as const)),
}, { additionalProperties: false });

export const StoreReturnInput = Type.Object({
  lines: Type.Array(Type.Object({ line_item_id: LineId, quantity: Units, reason: Type.Optional(Text(500)) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
  note: Type.Optional(Text(2000)),
}, { additionalProperties: false });
