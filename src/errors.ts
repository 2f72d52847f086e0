import { DatabaseUnavailableError } from './db/database-thread.ts';
/**
 * The one error table: every code Cartwright answers with, its HTTP status and default message.
 * Codes are part of the API: never rename one. `docs/errors.md` lists them (a test keeps it in step).
 */
export const errorTable = {
  // Requests in general
  invalid_request: [400, 'The request is invalid.'],
  invalid_json: [400, 'The request body is not valid JSON.'],
  invalid_cursor: [400, 'The cursor is not one this list returned.'],
  invalid_reference: [400, 'The request refers to something that does not exist.'],
  unsupported_media_type: [415, 'This content type is not accepted here.'],
  payload_too_large: [413, 'The request body is too large.'],
  route_not_found: [404, 'No such route.'],
  method_not_allowed: [405, 'This route does not answer this method; the Allow header says which it does.'],
  internal_error: [500, 'Something went wrong on our side. The request id identifies it in our logs.'],
  database_unavailable: [503, 'The database is not reachable.'],

  // Admin sign-in
  unauthorized: [401, 'Sign in first: send a valid bearer token.'],
  forbidden: [403, 'Your role does not allow this.'],
  api_key_not_found: [404, 'No API key with this id.'],
  role_not_found: [404, 'No role with this key.'],
  too_many_attempts: [429, 'Too many attempts; wait and try again.'],
  csrf_failed: [403, 'A cookie-authenticated write needs the X-CSRF-Token header from sign-in.'],

  // Customers
  customer_email_taken: [409, 'An account with this email exists; sign in or reset the password.'],
  customer_not_found: [404, 'No customer with this id.'],
  customer_unauthorized: [401, 'Sign in as a customer first.'],
  weak_password: [400, 'The password is too weak.'],
  invalid_token: [400, 'This link is invalid, used or expired; ask for a new one.'],
  address_not_found: [404, 'No address with this id in your address book.'],
  customer_group_not_found: [404, 'No customer group with this id.'],
  customer_group_name_taken: [409, 'A customer group with this name exists.'],
  user_not_found: [404, 'No staff user with this id.'],
  role_key_taken: [409, 'A role with this key exists.'],
  role_in_use: [409, 'Staff users still have this role.'],
  email_not_found: [404, 'No email with this id.'],
  invalid_credentials: [401, 'The email or password is wrong.'],
  admin_email_taken: [409, 'An admin user with this email already exists.'],

  // Catalog
  product_not_found: [404, 'No product with this id or handle.'],
  variant_not_found: [404, 'No variant with this id on this product.'],
  option_not_found: [404, 'No option with this id on this product.'],
  search_synonym_not_found: [404, 'No search synonym with this id.'],
  search_synonym_word_taken: [409, 'This word already has a synonym entry; update that one.'],
  collection_not_found: [404, 'No collection with this id or handle.'],
  category_not_found: [404, 'No category with this id or handle.'],
  product_handle_taken: [409, 'Another product already has this handle.'],
  variant_sku_taken: [409, 'Another variant already has this SKU.'],
  collection_handle_taken: [409, 'Another collection already has this handle.'],
  category_handle_taken: [409, 'Another category already has this handle.'],
  option_title_taken: [409, 'The product already has an option with this title.'],
  variant_options_taken: [409, 'Another variant of this product already has these option values.'],
  variant_options_invalid: [400, 'A variant needs exactly one value of each of its product’s options.'],
  option_value_in_use: [409, 'Variants still use this option value.'],
  too_many_options: [400, 'A product has at most 3 options.'],
  too_many_variants: [400, 'A product without options has exactly one variant.'],
  invalid_currency: [400, 'Not an ISO 4217 currency code: send one such as USD.'],
  category_cycle: [400, 'A category cannot be its own ancestor.'],
  category_has_children: [409, 'Move or delete the subcategories first.'],
  csv_invalid: [400, 'The CSV file has problems; nothing was imported.'],
  bulk_too_many: [400, 'The filter matches more records than one bulk action changes; narrow it. Nothing was changed.'],
  bulk_count_changed: [409, 'The filter now matches a different number of records than expected; nothing was changed.'],

  // Inventory
  location_not_found: [404, 'No stock location with this id.'],
  location_code_taken: [409, 'Another stock location already has this code.'],
  location_in_use: [409, 'The location still holds stock or reservations.'],
  inventory_item_not_found: [404, 'No inventory item for this id or variant.'],
  insufficient_inventory: [409, 'Not enough stock is available for this quantity.'],
  inventory_would_go_negative: [409, 'This change would take a quantity below zero or below what is committed and reserved.'],
  inventory_quantity_too_large: [409, 'This change would take a quantity above 1,000,000,000.'],

  // Purchasing and lots
  supplier_not_found: [404, 'No supplier with this id.'],
  supplier_code_taken: [409, 'Another supplier has this code (codes are matched in any case).'],
  supplier_in_use: [409, 'The supplier has purchase orders or lots; it stays as their history.'],
  purchase_order_not_found: [404, 'No purchase order with this id.'],
  purchase_order_status_invalid: [409, 'The purchase order\'s status does not allow this (see details.status).'],
  quantity_exceeds_outstanding: [409, 'More units than the purchase order line still expects.'],
  purchase_order_line_not_found: [404, 'No line with this id on this purchase order.'],
  lot_not_found: [404, 'No lot with this id.'],
  lot_insufficient: [409, 'The lot holds fewer units at this location than chosen (see details.available).'],
  lot_expired: [409, 'The lot has expired; choose another, or send allow_expired_lots: true to ship it anyway.'],
  lot_quantities_exceed_line: [400, 'The lots chosen for a line add up to more units than the line fulfills.'],

  // Regions, tax, shipping
  region_not_found: [404, 'No region with this id.'],
  country_in_other_region: [409, 'The country already belongs to another region.'],
  tax_rate_not_found: [404, 'No tax rate with this id.'],
  tax_rate_exists: [409, 'The region already has a tax rate for this country and tax class.'],
  shipping_option_not_found: [404, 'No shipping option with this id in the cart’s region.'],
  shipping_option_unavailable: [400, 'This shipping option does not apply to the cart (its weight is over the option’s bands).'],
  carrier_not_found: [400, 'No carrier with this id.'],
  carrier_buys_no_labels: [400, 'This carrier buys no labels: ship with a tracking number instead.'],
  carrier_refused: [422, 'The carrier refused the shipment (an address it cannot deliver to, no such service).'],
  carrier_unavailable: [502, 'The carrier did not answer in time or failed; no label was bought yet. Try again: a retry never buys two.'],
  label_purchase_in_progress: [409, 'Another request is buying this fulfillment’s label right now; ask again in a moment.'],
  label_not_found: [404, 'No shipping label with this id on this fulfillment.'],
  label_not_cancelable: [409, 'Only a purchased label whose parcel has not shipped can be canceled.'],
  shipping_address_missing: [409, 'The order has no shipping address with a postcode and country to send a parcel to.'],
  ship_from_address_missing: [409, 'No active stock location has an address with a postcode and country to send parcels from.'],
  segment_not_found: [404, 'No segment with this id.'],
  segment_name_taken: [409, 'A segment with this name exists already.'],
  marketing_dead_letter_not_found: [404, 'No marketing dead letter with this id.'],
  marketing_not_configured: [409, 'No marketing tool is configured (MARKETING_WEBHOOK_URL or KLAVIYO_API_KEY), or it is another than the one that refused this event.'],
  marketing_refused: [409, 'The marketing tool refused the event again; its answer is in the details.'],
  carrier_webhooks_not_supported: [404, 'No carrier with this id takes webhooks.'],
  region_in_use: [409, 'Carts still use this region.'],
  invalid_country: [400, 'Not an ISO 3166-1 alpha-2 country code: send one such as US or DE.'],

  // Carts
  cart_not_found: [404, 'No cart with this id.'],
  cart_completed: [409, 'The cart has been completed; start a new cart.'],
  line_item_not_found: [404, 'No line item with this id in the cart.'],
  variant_not_for_sale: [400, 'The variant’s product is not published.'],
  variant_not_priced: [400, 'The variant has no price in the cart’s currency.'],
  country_not_in_region: [400, 'The address’s country is not in the cart’s region.'],
  cart_incomplete: [400, 'The cart is missing what checkout needs (see details.missing).'],

  // Promotions
  promotion_not_found: [404, 'No promotion with this id or code.'],
  promotion_code_taken: [409, 'Another promotion has this code (codes are matched in any case).'],
  promotion_in_use: [409, 'Orders used this promotion: deactivate it (active: false) instead of deleting it.'],
  promotion_not_applicable: [409, 'The promotion does not apply to this cart (see details.reason).'],
  promotion_exhausted: [409, 'The promotion has been used up (its uses, its budget or your own uses); nothing was charged. Complete the cart without it.'],
  campaign_not_found: [404, 'No campaign with this id.'],
  campaign_in_use: [409, 'Promotions belong to this campaign or used its budget: move them out (campaign_id: null) first; a campaign with uses stays.'],

  // Price lists
  price_list_not_found: [404, 'No price list with this id.'],
  price_list_price_not_found: [404, 'No price with this id in the price list.'],

  // Gift cards and store credit
  gift_card_not_found: [404, 'No gift card with this id or code.'],
  gift_card_insufficient_balance: [409, 'The gift card or store credit no longer has the balance this checkout needs; nothing was charged.'],
  gift_card_expired: [409, 'The gift card has expired.'],
  gift_card_disabled: [409, 'The gift card has been disabled.'],
  gift_card_currency_mismatch: [409, 'The gift card or store credit is in another currency than the cart.'],
  store_credit_not_available: [409, 'There is no store credit to spend: sign in, and have a balance in the cart’s currency.'],
  store_credit_refund_needs_customer: [409, 'Only an order placed by a signed-in customer can be refunded as store credit: refund it to its payments.'],
  payment_not_required: [409, 'Gift cards and store credit cover the whole total: complete the cart without starting a payment.'],

  // Payments and checkout
  payment_provider_not_found: [400, 'No payment provider with this id.'],
  invalid_payment_data: [400, 'The payment data is not what the provider needs.'],
  payment_required: [400, 'Start the payment first: POST /store/carts/:id/payment.'],
  payment_declined: [402, 'The payment was declined.'],
  payment_provider_error: [502, 'The payment gateway failed; nothing was charged. Try again.'],
  payment_timeout: [504, 'The payment gateway did not answer in time; nothing was charged. Try again.'],
  checkout_in_progress: [409, 'This cart is being completed by another request.'],
  order_not_found: [404, 'No order with this id.'],

  // Orders
  order_canceled: [409, 'The order is canceled.'],
  order_not_cancelable: [409, 'The order has fulfilled units: cancel its unshipped fulfillments first, or take shipped units back with a return.'],
  order_not_editable: [409, 'The order cannot be edited now (canceled or completed).'],
  order_line_not_found: [400, 'No line item with this id in the order.'],
  quantity_exceeds_fulfillable: [400, 'More units than the line has left to fulfill.'],
  quantity_exceeds_returnable: [400, 'More units than the line has delivered and not yet returned, requested back or refunded.'],
  quantity_exceeds_refundable: [400, 'More units than the line has shipped and not yet returned, requested back or refunded.'],
  quantity_below_fulfilled: [400, 'A line cannot go below the units already fulfilled of it.'],
  payment_not_capturable: [409, 'Nothing on this order is authorized and not yet captured (captured in full, voided or never authorized).'],
  amount_exceeds_capturable: [400, 'The amount is more than is authorized and not yet captured.'],
  refund_exceeds_captured: [400, 'The refund is more than was captured and not yet refunded.'],
  nothing_to_refund: [409, 'Nothing is owed back to the customer for this.'],
  fulfillment_not_found: [404, 'No fulfillment with this id on this order.'],
  fulfillment_already_shipped: [409, 'The fulfillment has shipped already.'],
  fulfillment_not_shipped: [409, 'The fulfillment has not shipped yet.'],
  fulfillment_already_delivered: [409, 'The fulfillment is delivered already.'],
  fulfillment_canceled: [409, 'The fulfillment is canceled.'],
  return_not_found: [404, 'No return with this id on this order.'],
  return_already_received: [409, 'The return has been received already.'],
  return_not_received: [409, 'The return has not been received yet.'],
  return_already_refunded: [409, 'The return has been refunded already.'],
  return_canceled: [409, 'The return is canceled.'],
  return_window_closed: [409, 'These units were delivered too long ago to be returned online; contact the shop.'],
  draft_order_not_found: [404, 'No draft order with this id.'],
  draft_order_not_open: [409, 'The draft order is completed or canceled.'],
  cart_locked: [409, 'The shop prepared this cart (a draft order): its lines cannot be changed.'],

  // Idempotency
  invalid_idempotency_key: [400, 'An Idempotency-Key is 1 to 255 visible characters.'],
  idempotency_key_mismatch: [400, 'This Idempotency-Key was used with a different request.'],
  idempotency_key_in_use: [409, 'A request with this Idempotency-Key is still being processed.'],

  // Webhooks and jobs
  webhook_endpoint_not_found: [404, 'No webhook endpoint with this id.'],
  webhook_delivery_not_found: [404, 'No delivery with this id for this webhook endpoint.'],
  webhook_url_not_allowed: [400, 'Webhooks go only to https URLs (http outside production) that reach a public address.'],
  unknown_event_type: [400, 'No event has this type (docs/events.md lists them).'],
  job_not_found: [404, 'No scheduled job with this name.'],

  // Payment gateway webhooks
  payment_webhooks_not_supported: [404, 'No payment provider with this id takes webhooks.'],
  invalid_webhook_signature: [400, 'The webhook signature is missing, wrong or too old.'],
  invalid_webhook_payload: [400, 'The webhook body is not an event this provider sends.'],

  // Ledger
  order_not_ledgered: [404, 'The ledger holds no entry for this order: no such order, or its facts are not appended yet.'],

  // Shopping assistant
  assistant_conversation_not_found: [404, 'No conversation with this id for you (conversations are forgotten after a while idle): start a new one.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof errorTable;

/** A webhook its sender (a payment gateway, a carrier) did not sign, or could not have sent. */
export class WebhookRejection extends Error {
  constructor(readonly code: 'invalid_webhook_signature' | 'invalid_webhook_payload', message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An error a client caused or may act on; the error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, message?: string) {
    super(message ?? errorTable[code][1]);
    this.name = 'AppError';
    this.code = code;
    this.status = errorTable[code][0];
    this.details = details;
  }
}

/** Unique constraints (named in the migrations) and the error each one means. */
const uniqueViolations: Record<string, ErrorCode> = {
  product_handle_key: 'product_handle_taken',
  product_variant_sku_key: 'variant_sku_taken',
  product_collection_handle_key: 'collection_handle_taken',
  product_category_handle_key: 'category_handle_taken',
  product_option_title_key: 'option_title_taken',
  admin_user_email_key: 'admin_email_taken',
  stock_location_code_key: 'location_code_taken',
  tax_rate_scope_key: 'tax_rate_exists',
  region_country_pkey: 'country_in_other_region',
  customer_email_key: 'customer_email_taken',
  customer_group_name_key: 'customer_group_name_taken',
  admin_role_pkey: 'role_key_taken',
  promotion_code_key: 'promotion_code_taken',
  supplier_code_key: 'supplier_code_taken',
  search_synonym_word_key: 'search_synonym_word_taken',
};

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** A server going away or refusing connections (SQLSTATE class 08, 57P01–57P03) or the socket failing. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03']);

/**
 * `pg`'s own errors, without a code, for a connection lost mid-use: the server went away while the
 * client was connected (a restart, a crash), or the client heard of it earlier and refuses to go on.
 */
const CONNECTION_LOST = /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable)$/;

function connectionMessage(e: PgError | undefined): string {
  return e instanceof Error && e.code === undefined ? e.message : '';
}

/**
 * Turns a database failure into the AppError it means: a constraint violation (services check first and
 * throw precise errors; this is the backstop for the races those checks cannot close), or a database
 * that cannot answer now (503).
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const e = error as PgError;
  // Which statement got stuck goes to the log (the watchdog's), never to a caller.
  if (error instanceof DatabaseUnavailableError || UNREACHABLE.has(e?.code ?? '') || CONNECTION_LOST.test(connectionMessage(e))) return new AppError('database_unavailable');
  if (e?.code === '23505' && e.constraint && uniqueViolations[e.constraint]) {
    return new AppError(uniqueViolations[e.constraint], { constraint: e.constraint });
  }
  if (e?.code === '23503') return new AppError('invalid_reference', { constraint: e.constraint });
  return undefined;
}
