import { Type, type TObject, type TSchema } from '@sinclair/typebox';

/**
 * The catalogue of events: every event type the code records, what it means and its payload. It is
 * what subscribers and webhook receivers program against, and `docs/events.md` is generated from it
 * (`npm run docs:events`). A test fails when the code records a type missing here, or when an event
 * recorded by a flow does not match its payload schema: add the entry with the code that emits it.
 *
 * Payloads carry ids and what changed, not whole objects: a receiver that needs the current state
 * reads it through the API (so a late or repeated delivery never overwrites newer data with older).
 * The exception is order.placed, which carries the order as placed, so a receiver (an ERP, a
 * warehouse) needn't call back for it. Fields may be added to a payload; none is removed or changes
 * meaning. Adding one bumps the type's `version`, which each event records and its envelope carries.
 */
export interface EventDefinition {
  type: string;
  resource_type: string;
  description: string;
  payload: TObject;
  /** The payload's version: 1, plus one for each change listed in `history`. */
  version: number;
  /** What each version after the first added, oldest first. */
  history: string[];
}

const id = (prefix: string, description?: string) => Type.String({ description: description ?? `${prefix}_…` });
const nullable = <T extends TSchema>(schema: T, description?: string) => Type.Union([schema, Type.Null()], description ? { description } : {});
const changed = Type.Array(Type.String(), { description: 'the fields the request changed' });
const amount = Type.Integer({ description: 'minor units' });
const currency = Type.String({ description: 'ISO 4217' });
const payload = (properties: Record<string, TSchema>) => Type.Object(properties);

const catalogue: EventDefinition[] = [];

function define(resource_type: string, type: string, description: string, properties: Record<string, TSchema>, history: string[] = []): void {
  catalogue.push({ type, resource_type, description, payload: payload(properties), version: 1 + history.length, history });
}

// Catalog
define('product', 'product.created', 'A product was created (through the API or a CSV import).', {
  id: id('prod'), handle: Type.String(), title: Type.String(), status: Type.String({ description: 'draft, published or archived' }),
});
define('product', 'product.updated', 'A product, its options, variants or prices changed.', {
  id: id('prod'), changed, variant_id: Type.Optional(id('var', 'the variant concerned, when one was')),
});
for (const status of ['published', 'draft', 'archived'] as const) {
  define('product', `product.${status}`, `A product's status became \`${status}\` (sent after product.updated).`, {
    id: id('prod'), previous_status: Type.String(),
  });
}
define('product', 'product.deleted', 'A product was deleted, with its variants.', { id: id('prod') });
for (const [resource, prefix] of [['collection', 'pcol'], ['category', 'pcat']] as const) {
  define(resource, `${resource}.created`, `A ${resource} was created.`, { id: id(prefix), handle: Type.String() });
  define(resource, `${resource}.updated`, `A ${resource} changed.`, { id: id(prefix), changed });
  define(resource, `${resource}.deleted`, `A ${resource} was deleted; its products stay.`, { id: id(prefix) });
}
const synonymFields = { id: id('ssyn'), word: Type.String(), synonyms: Type.Array(Type.String()) };
define('search_synonym', 'search_synonym.created', 'The merchant added a search synonym entry (a word and what a search for it also finds).', synonymFields);
define('search_synonym', 'search_synonym.updated', 'A search synonym entry changed; the payload holds its new word and synonyms.', synonymFields);
define('search_synonym', 'search_synonym.deleted', 'A search synonym entry was deleted.', { id: id('ssyn') });

// Inventory
const itemFields = { item_id: id('iitem'), variant_id: id('var'), product_id: id('prod'), sku: nullable(Type.String()) };
const quantityChanges = Type.Array(Type.Object({
  location_id: id('sloc'), field: Type.String({ description: 'on_hand, committed, reserved, safety_stock or incoming' }),
  before: Type.Integer(), after: Type.Integer(), change: Type.Integer(),
}));
const why = {
  reason: Type.String(), actor: Type.String({ description: 'who made the change (usr_…, key_…)' }),
  reference_type: Type.String(), reference_id: Type.String(), note: nullable(Type.String()),
};
define('inventory_item', 'inventory.adjusted', 'Stock at a location was adjusted by staff (received, counted, damaged… or safety stock, incoming).', {
  ...itemFields, adjustment_id: Type.Optional(id('iadj')), location_id: id('sloc'), changes: quantityChanges, ...why,
});
define('inventory_item', 'inventory.transferred', 'Stock moved between two locations.', {
  ...itemFields, transfer_id: id('itrf'), from_location_id: id('sloc'), to_location_id: id('sloc'), quantity: Type.Integer(), changes: quantityChanges, ...why,
});
define('inventory_item', 'inventory.low', 'Available stock fell to or below the item\'s low-stock threshold.', {
  ...itemFields, available: Type.Integer(), low_stock_threshold: Type.Integer(),
});
define('inventory_item', 'inventory.reorder_suggested', 'The daily forecast found a variant\'s available stock at a location at or below its reorder point (once per crossing; docs/insights.md).', {
  ...itemFields, location_id: id('sloc'), available: Type.Integer(), reorder_point: Type.Integer(), suggested_quantity: Type.Integer(),
  days_of_cover: nullable(Type.Number(), 'days the available stock lasts at the forecast demand'),
  mean_daily_demand: Type.Number(), lead_time_days: Type.Integer(), service_level: Type.Number(),
});
define('inventory_item', 'inventory_item.updated', 'An item\'s tracking, backorder or low-stock settings changed.', {
  item_id: id('iitem'), variant_id: id('var'), product_id: id('prod'), changed,
  manage_inventory: Type.Optional(Type.Boolean()), allow_backorder: Type.Optional(Type.Boolean()),
  low_stock_threshold: Type.Optional(nullable(Type.Integer())), actor: Type.String(),
});
const pieces = Type.Array(Type.Object({ item_id: id('iitem'), location_id: id('sloc'), quantity: Type.Integer() }));
define('cart', 'inventory.reserved', 'Starting payment held the cart\'s stock until expires_at.', {
  cart_id: id('cart'), holds: pieces, expires_at: Type.String({ format: 'date-time' }),
});
define('cart', 'inventory.hold_expired', 'A cart\'s holds expired and went back to available.', { cart_id: id('cart') });
define('order', 'inventory.committed', 'Stock was committed to the order\'s lines: at checkout, or for lines an order edit or exchange added.', {
  order_id: id('ord'), allocations: Type.Array(Type.Object({ item_id: id('iitem'), location_id: id('sloc'), quantity: Type.Integer(), order_line_id: id('ordli') })),
});
define('order', 'inventory.released', 'An order\'s committed stock was released: a checkout undone, an order canceled, or lines an edit removed.', { order_id: id('ord'), allocations: pieces });
define('stock_location', 'stock_location.created', 'A stock location was created.', { id: id('sloc'), code: Type.String() });
define('stock_location', 'stock_location.updated', 'A stock location changed.', { id: id('sloc'), changed });
define('stock_location', 'stock_location.deleted', 'A stock location was deleted.', { id: id('sloc') });

// Purchasing and lots (docs/purchasing.md)
define('supplier', 'supplier.created', 'A supplier was created.', { id: id('sup'), name: Type.String() });
define('supplier', 'supplier.updated', 'A supplier changed.', { id: id('sup'), changed });
define('supplier', 'supplier.deleted', 'A supplier with no purchase orders was deleted.', { id: id('sup') });
const poFields = { id: id('po'), supplier_id: id('sup'), location_id: id('sloc'), status: Type.String({ description: 'draft, ordered, partially_received, received or canceled' }), actor: Type.String() };
const poLines = Type.Array(Type.Object({ line_id: id('pol'), variant_id: nullable(id('var')), quantity: Type.Integer() }));
define('purchase_order', 'purchase_order.created', 'A purchase order was drafted.', { ...poFields, currency_code: currency, lines: poLines });
define('purchase_order', 'purchase_order.updated', 'A purchase order\'s reference, expected date or note (or, as a draft, its lines) changed.', { ...poFields, changed });
define('purchase_order', 'purchase_order.ordered', 'A purchase order was placed with its supplier: its units count as `incoming` at its location.', {
  ...poFields, expected_at: nullable(Type.String({ format: 'date-time' })), lines: poLines,
});
define('purchase_order', 'purchase_order.received', 'Units of a purchase order arrived (status partially_received or received); each line\'s units became a lot (lot.received).', {
  ...poFields, receipt_id: id('porc', 'the receipt: its lots\' reference_id'),
  lines: Type.Array(Type.Object({ line_id: id('pol'), variant_id: nullable(id('var')), quantity: Type.Integer(), lot_id: id('lot') })),
});
define('purchase_order', 'purchase_order.canceled', 'A purchase order was canceled; the units not yet received no longer count as incoming.', {
  ...poFields, previous_status: Type.String(),
});
const lotFields = {
  lot_id: id('lot'), lot_number: Type.String(), item_id: id('iitem'), variant_id: id('var'), product_id: nullable(id('prod')), sku: nullable(Type.String()),
  supplier_id: nullable(id('sup')), purchase_order_id: nullable(id('po')),
  location_id: id('sloc', 'where the units are (received, taken from, returned to)'), quantity: Type.Integer({ description: 'units concerned, > 0' }),
  unit_cost: nullable(amount), landed_cost: Type.Integer({ description: 'landed costs spread onto the whole lot, minor units' }), currency_code: nullable(currency), expires_at: nullable(Type.String({ format: 'date-time' })),
  order_id: nullable(id('ord')), order_line_id: nullable(id('ordli')), to_location_id: nullable(id('sloc', 'a transfer\'s destination')),
  reason: Type.String(), actor: Type.String(), reference_type: Type.String(), reference_id: Type.String(),
};
define('lot', 'lot.received', 'Units arrived as a new lot (a purchase order receipt, or an adjustment that named a new lot).', lotFields);
define('lot', 'lot.added', 'Units were added to an existing lot at location_id by a stock adjustment (found, a count above the books, returned outside an order).', lotFields);
define('lot', 'lot.fulfilled', 'Units of a lot left the shelf for an order line (a fulfillment took them, first-expiry-first-out or first-in-first-out).', lotFields);
define('lot', 'lot.unfulfilled', 'A fulfillment that had not shipped was canceled: its units went back into their lot.', lotFields);
define('lot', 'lot.returned', 'Units of a lot came back from a customer: restocked into the lot at location_id (reason returned_restock) or written off (reason written_off).', lotFields);
define('lot', 'lot.adjusted', 'Units of a lot were removed by a stock adjustment (damaged, lost, a count).', lotFields);
define('lot', 'lot.transferred', 'Units of a lot moved from location_id to to_location_id.', lotFields);

// Regions, tax, shipping
define('region', 'region.created', 'A region was created.', { id: id('reg'), currency_code: currency, countries: Type.Array(Type.String()) });
define('region', 'region.updated', 'A region changed.', { id: id('reg'), changed });
define('region', 'region.deleted', 'A region was deleted, with its tax rates and shipping options.', { id: id('reg') });
define('tax_rate', 'tax_rate.created', 'A tax rate override was created.', {
  id: id('txr'), region_id: id('reg'), country_code: nullable(Type.String()), tax_class: nullable(Type.String()), rate_ppm: Type.Integer({ description: 'parts per million (19 % = 190000)' }),
});
define('tax_rate', 'tax_rate.updated', 'A tax rate override changed.', { id: id('txr'), region_id: id('reg'), changed });
define('tax_rate', 'tax_rate.deleted', 'A tax rate override was deleted (reason country_removed: its country left the region).', {
  id: id('txr'), region_id: id('reg'), reason: Type.Optional(Type.String()),
});
define('shipping_option', 'shipping_option.created', 'A shipping option was created.', { id: id('so'), region_id: id('reg') });
define('shipping_option', 'shipping_option.updated', 'A shipping option changed.', { id: id('so'), changed });
define('shipping_option', 'shipping_option.deleted', 'A shipping option was deleted.', { id: id('so'), region_id: id('reg') });

// Promotions
define('promotion', 'promotion.created', 'A promotion was created.', {
  id: id('promo'), code: nullable(Type.String(), 'null for an automatic promotion'), type: Type.String({ description: 'percentage, fixed or free_shipping' }),
});
define('promotion', 'promotion.updated', 'A promotion changed.', { id: id('promo'), changed });
define('promotion', 'promotion.deleted', 'A promotion no order used was deleted.', { id: id('promo'), code: nullable(Type.String()) });
define('promotion', 'promotion.redeemed', 'Checkout counted a use of the promotion for an order (in the transaction that created it).', {
  id: id('promo'), code: nullable(Type.String()), order_id: id('ord'), amount, currency_code: currency, usage_count: Type.Integer({ description: 'uses counted so far' }),
});
define('promotion', 'promotion.exhausted', 'That use was the last: the promotion reached its usage limit or its budget.', { id: id('promo'), code: nullable(Type.String()) });
define('promotion', 'promotion.released', 'A use was given back: the checkout that counted it was undone (payment failed or interrupted), or its order was canceled.', {
  id: id('promo'), order_id: id('ord'), amount, currency_code: currency,
  reason: Type.Optional(Type.String({ description: 'checkout_undone or order_canceled' })),
});
define('campaign', 'campaign.created', 'A promotion campaign was created.', { id: id('camp'), name: Type.String() });
define('campaign', 'campaign.updated', 'A campaign changed (its dates, budgets, name).', { id: id('camp'), changed });
define('campaign', 'campaign.deleted', 'A campaign without promotions or uses was deleted.', { id: id('camp'), name: Type.String() });
define('campaign', 'campaign.exhausted', 'A use spent what was left of the campaign\'s budget in a currency.', { id: id('camp'), currency_code: currency });

// Price lists
define('price_list', 'price_list.created', 'A price list was created (with any prices given).', {
  id: id('plist'), name: Type.String(), type: Type.String({ description: 'sale or override' }), status: Type.String({ description: 'active or draft' }),
});
define('price_list', 'price_list.updated', 'A price list changed (name, type, status, window or customer groups).', { id: id('plist'), changed });
define('price_list', 'price_list.deleted', 'A price list was deleted with its prices.', { id: id('plist'), name: Type.String() });
define('price_list', 'price_list.prices_changed', 'Prices of a price list were added, replaced or removed.', {
  id: id('plist'), variant_ids: Type.Array(Type.String(), { description: 'the variants whose prices in the list changed' }),
});

// Gift cards and store credit
const balanceChange = (prefix: string) => ({
  id: id(prefix), movement_id: id('gcm'), kind: Type.String({ description: 'issue, adjust, grant, debit, redeem, restore, refund' }),
  amount: Type.Integer({ description: 'signed, minor units' }), balance: Type.Integer({ description: 'the balance after it' }), currency_code: currency,
  order_id: nullable(id('ord')),
});
define('gift_card', 'gift_card.issued', 'A gift card was issued, by staff or for a gift-card unit of a paid order (its code is never in an event).', {
  id: id('gc'), last4: Type.String(), currency_code: currency, amount, customer_id: nullable(id('cus')),
  order_id: nullable(id('ord'), 'the order it was sold in; null when staff issued it'),
}, ['order_id: the order a sold card was bought in']);
define('gift_card', 'gift_card.updated', 'Staff disabled or re-enabled a gift card, or changed its expiry or note.', { id: id('gc'), changed });
define('gift_card', 'gift_card.balance_changed', 'A gift card\'s balance changed: issued, adjusted by staff, spent at checkout, given back by an undone checkout, or refunded to.', balanceChange('gc'));
define('store_credit', 'store_credit.balance_changed', 'A customer\'s store credit changed: granted or debited by staff, spent at checkout, given back, or refunded to.', {
  ...balanceChange('scr'), customer_id: id('cus'),
});

// Carts, checkout, orders, payments
define('cart', 'cart.completed', 'Checkout completed the cart: its order is placed.', { cart_id: id('cart'), order_id: id('ord') });
define('cart', 'cart.expired', 'An abandoned cart was deleted by the expire_abandoned_carts job.', {
  cart_id: id('cart'), updated_at: Type.String({ format: 'date-time', description: 'when it was last changed' }),
});
define('cart', 'cart.abandoned', 'A buyer left a cart with items for CART_ABANDONED_HOURS (the mark_abandoned_carts job); recorded once per idle stretch.', {
  cart_id: id('cart'), customer_id: nullable(id('cus'), 'the signed-in customer, if any'), currency_code: currency,
  value: Type.Integer({ description: 'minor units: the lines as the buyer would pay for them then, after discounts, before shipping and tax' }),
  item_count: Type.Integer({ description: 'units in the cart' }),
  updated_at: Type.String({ format: 'date-time', description: 'when it was last changed' }),
});
define('order', 'order.placed', 'An order was placed: it has its number and its payment is authorized (or captured).', {
  order_id: id('ord'), number: Type.Integer(), cart_id: id('cart'), customer_id: Type.Optional(nullable(id('cus'))),
  total: amount, currency_code: currency,
  order: Type.Object({}, {
    additionalProperties: true,
    description: 'since version 2: the order as GET /admin/orders/:id returned it when it was placed (number, email, addresses, items, totals, summary, payments…)',
  }),
}, ['`order`: the whole order, as GET /admin/orders/:id returns it']);
define('order', 'order.claimed', 'A guest order became the customer\'s (they verified the email it was placed with).', {
  order_id: id('ord'), customer_id: id('cus'),
});
// Order operations: each also appears in the order's timeline (order_activity), with who did it.
const actor = Type.Object({ type: Type.String({ description: 'user, api_key, customer or system' }), id: nullable(Type.String()) }, { description: 'who did it' });
const orderActivity = (type: string, description: string, properties: Record<string, TSchema>, resource: 'order' | 'return' = 'order') =>
  define(resource, type, description, { order_id: id('ord'), ...properties, actor });
const lineQuantities = Type.Array(Type.Object({ line_item_id: id('ordli'), quantity: Type.Integer() }));
orderActivity('order.captured', 'Staff captured the order\'s authorized payments (all or part).', { amount, payment_ids: Type.Array(id('pay')) });
orderActivity('order.payment_recorded', 'Staff recorded a payment received outside a gateway (bank transfer, cash).', {
  payment_id: id('pay'), provider_id: Type.String(), amount, captured: Type.Boolean(), note: nullable(Type.String()),
});
orderActivity('order.payment_voided', 'The order\'s open authorizations were voided (when it was canceled).', { amount, payment_ids: Type.Array(id('pay')) });
orderActivity('order.canceled', 'The order was canceled: its stock released, open authorizations voided.', { reason: nullable(Type.String()), note: nullable(Type.String()) });
orderActivity('order.fulfilled', 'Items of the order were fulfilled from a location (packed; shipping follows).', {
  fulfillment_id: Type.String(), location_id: id('sloc'), items: lineQuantities,
});
orderActivity('order.shipped', 'A fulfillment was shipped.', {
  fulfillment_id: Type.String(), carrier: nullable(Type.String()), tracking_number: nullable(Type.String()), tracking_url: nullable(Type.String()), items: Type.Array(Type.Object({ line_item_id: id('ordli'), quantity: Type.Integer() })),
});
orderActivity('order.delivered', 'A shipped fulfillment was delivered.', { fulfillment_id: Type.String(), items: Type.Array(Type.Object({ line_item_id: id('ordli'), quantity: Type.Integer() })) });
orderActivity('order.label_purchased', 'A shipping label was bought from a carrier for a fulfillment.', {
  fulfillment_id: Type.String(), label_id: Type.String(), carrier: Type.String(), tracking_number: Type.String(), tracking_url: nullable(Type.String()),
});
orderActivity('order.label_canceled', 'A shipping label not yet used was voided.', { fulfillment_id: Type.String(), label_id: Type.String(), carrier: Type.String() });
orderActivity('order.tracking_updated', 'A carrier reported where a fulfillment\'s parcel is (in transit, out for delivery, delivered, exception).', {
  fulfillment_id: Type.String(), label_id: Type.String(), carrier: Type.String(), tracking_number: Type.String(),
  status: Type.String({ description: 'label_created, in_transit, out_for_delivery, delivered or exception' }), occurred_at: Type.String(), description: nullable(Type.String()),
});
orderActivity('order.gift_cards_issued', 'The order was paid: each unit of its gift-card lines got a card (emailed to the buyer; the codes are never in an event), and those lines count as delivered.', {
  gift_cards: Type.Array(Type.Object({ id: id('gc'), last4: Type.String(), line_item_id: id('ordli'), amount })),
});
orderActivity('order.fulfillment_canceled', 'A fulfillment not yet shipped was canceled; its items can be fulfilled again.', { fulfillment_id: Type.String() });
orderActivity('order.edited', 'Staff edited the order (lines, quantities, prices): a new version with its balance.', {
  edit_id: Type.String(), version: Type.Integer(), changes: Type.Array(Type.Unknown()), total_before: amount, total_after: amount,
  balance: Type.Integer({ description: 'minor units; > 0 the customer owes, < 0 is owed' }), note: nullable(Type.String()),
});
orderActivity('order.refunded', 'Money was refunded on the order.', {
  refund_id: Type.String(), amount, reason: nullable(Type.String()), return_id: nullable(Type.String()), lines: Type.Unknown(),
  store_credit_id: Type.Optional(nullable(Type.String(), 'the customer\'s store credit it was paid to instead of the payments')),
});
orderActivity('order.refund_failed', 'A refund was refused by the gateway; no money moved.', { refund_id: Type.String(), amount, error_code: nullable(Type.String()) });
orderActivity('order.note_added', 'Staff added a note to the order\'s timeline.', { text: Type.String() });
orderActivity('order.created_from_draft', 'A draft order became an order.', { draft_order_id: Type.String(), provider_id: Type.String() });
orderActivity('return.requested', 'A return was requested (by staff or the customer).', {
  return_id: Type.String(), source: Type.String({ description: 'staff or customer' }), reason: nullable(Type.String()), items: Type.Array(Type.Unknown()), exchange: Type.Unknown(),
}, 'return');
orderActivity('return.received', 'Returned items were received (restocked or written off).', {
  return_id: Type.String(), credit_amount: amount, location_id: nullable(id('sloc')), items: Type.Array(Type.Unknown()),
}, 'return');
orderActivity('return.canceled', 'A return was canceled.', { return_id: Type.String() }, 'return');
const draftFields = { draft_order_id: Type.String(), actor: Type.String({ description: 'who did it (usr_…, key_…; `customer` when the buyer completed it through the link)' }) };
define('draft_order', 'draft_order.created', 'Staff started a draft order (a cart they build).', { ...draftFields, cart_id: id('cart') });
define('draft_order', 'draft_order.sent', 'A draft order was sent to the customer to complete.', { ...draftFields, cart_id: id('cart') });
define('draft_order', 'draft_order.canceled', 'A draft order was canceled.', draftFields);
define('draft_order', 'draft_order.completed', 'A draft order was completed (marked paid by staff, or paid by the customer through its link): its order exists.', { ...draftFields, order_id: id('ord') });
const paymentFields = {
  payment_id: id('pay'), order_id: nullable(id('ord')), cart_id: nullable(id('cart')), provider_id: Type.String(),
  amount, currency_code: currency, error_code: nullable(Type.String()),
};
define('payment', 'payment.authorized', 'The gateway authorized the payment.', paymentFields);
define('payment', 'payment.captured', 'The payment was captured (money taken).', paymentFields);
define('payment', 'payment.refunded', 'Money was refunded (also: a late gateway capture without an order, refunded automatically).', paymentFields);
define('payment', 'payment.voided', 'An authorization was voided (also: a late gateway authorization without an order, voided automatically).', paymentFields);
define('payment', 'payment.failed', 'An attempt to pay failed: declined, gateway error or timeout (error_code says which); no money moved.', paymentFields);

// Ledger
define('ledger', 'ledger.mismatch', 'Reconciliation found the live tables disagreeing with the ledger (docs/ledger.md): raised once per difference.', {
  mismatch_id: id('lmis'), kind: Type.String({ description: 'order_total, payment_captured, payment_refunded or stock_on_hand' }),
  resource_id: Type.String({ description: 'ord_…, pay_…, or iitem_…@sloc_… for a stock level' }),
  ledger_value: Type.Integer({ description: 'what the ledger says (minor units, or units of stock)' }),
  live_value: nullable(Type.Integer(), 'what the live table says; null when its row is gone'),
});

// Customers
define('customer', 'customer.created', 'A customer registered.', { id: id('cus') });
define('customer', 'customer.updated', 'A customer changed their profile.', { id: id('cus'), changed });
define('customer', 'customer.email_verified', 'A customer confirmed their email address.', { id: id('cus') });
define('customer', 'customer.password_reset', 'A customer set a new password with a reset code.', { id: id('cus') });
define('customer', 'customer.groups_changed', 'Staff changed the groups a customer belongs to.', { id: id('cus'), group_ids: Type.Array(Type.String()) });
define('customer', 'customer.marketing_consent_changed', 'A customer granted or withdrew marketing consent (their consent now, per channel).', {
  customer_id: id('cus'), email: Type.Boolean(), sms: Type.Boolean(), source: Type.String({ description: 'where: storefront, checkout, admin…' }),
});
define('customer', 'customer.product_viewed', 'A customer who consented to email marketing viewed a product (sent by the storefront, POST /store/customers/me/product-views).', {
  customer_id: id('cus'), product_id: id('prod'),
});
define('customer', 'customer.anonymized', 'A customer\'s personal data was erased (orders stay, without it).', { id: id('cus') });
define('customer_group', 'customer_group.created', 'A customer group was created.', { id: id('cgrp') });
define('customer_group', 'customer_group.deleted', 'A customer group was deleted.', { id: id('cgrp') });

// Staff and integrations
define('admin_user', 'admin_user.created', 'A staff account was created.', { id: id('usr'), role: Type.String() });
define('admin_user', 'admin_user.updated', 'A staff account changed (name, role, …).', { id: id('usr'), changed });
define('admin_user', 'admin_user.deleted', 'A staff account was deleted.', { id: id('usr') });
define('role', 'role.created', 'A custom staff role was created.', { key: Type.String(), permissions: Type.Array(Type.String()) });
define('role', 'role.updated', 'A custom staff role\'s permissions changed.', { key: Type.String(), permissions: Type.Array(Type.String()) });
define('role', 'role.deleted', 'A custom staff role was deleted.', { key: Type.String() });
define('api_key', 'api_key.created', 'An API key was created.', { id: id('key'), permissions: Type.Array(Type.String()) });
define('api_key', 'api_key.revoked', 'An API key was revoked.', { id: id('key') });
const endpointFields = { id: id('we'), url: Type.String() };
define('webhook_endpoint', 'webhook_endpoint.created', 'A webhook endpoint was created.', { ...endpointFields, events: Type.Array(Type.String()) });
define('webhook_endpoint', 'webhook_endpoint.updated', 'A webhook endpoint changed (enabled again, new URL, events or secret).', { ...endpointFields, changed });
define('webhook_endpoint', 'webhook_endpoint.deleted', 'A webhook endpoint was deleted.', endpointFields);
define('webhook_endpoint', 'webhook_endpoint.disabled', 'A webhook endpoint that kept failing was disabled: a delivery used up its retries without the endpoint accepting anything meanwhile. Enable it again with POST /admin/webhooks/:id { "enabled": true }.', {
  ...endpointFields, reason: Type.String({ description: 'failing' }), delivery_id: id('whd', 'the delivery that used up its retries'),
  last_error: nullable(Type.String()),
});

export const EVENT_CATALOGUE: readonly EventDefinition[] = catalogue;

const byType = new Map(catalogue.map((e) => [e.type, e]));

export function eventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}

/** The resource prefixes (`order`, `inventory`…) an event filter may name as `order.*`. */
export const EVENT_PREFIXES: ReadonlySet<string> = new Set(catalogue.map((e) => e.type.split('.')[0]));

/**
 * Whether an endpoint's or subscriber's filter takes `type`: `*`, the exact type, or its prefix with
 * a wildcard (`inventory.*` takes inventory.adjusted).
 */
export function eventMatches(filter: readonly string[], type: string): boolean {
  if (filter.includes('*') || filter.includes(type)) return true;
  const dot = type.indexOf('.');
  return dot > 0 && filter.includes(`${type.slice(0, dot)}.*`);
}
