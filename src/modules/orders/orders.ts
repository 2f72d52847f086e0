import { timingSafeEqual } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { decrypt, decryptJson, emailHash, encrypt, encryptJson } from '../../crypto/data-encryption.ts';
import { ppmToPercent } from '../tax/tax-calculator.ts';
import { hashToken, newToken } from '../users/tokens.ts';
import type { Address } from '../cart/schema.ts';
import type { OrderLineItemTable, OrderLineProgressColumns, OrdersTable, ShippingMethodSnapshot } from './schema.ts';
import type { Order } from './shapes.ts';
import { formatOrderNumber } from './order-number.ts';
import { orderTimelineQuery, toTimeline, type TimelineEntry, type TimelineRow } from './order-timeline.ts';
import { paymentsOfOrderQuery, type OrderPayment } from '../payments/payment-amounts.ts';

/** Everything an order keeps of its cart, taken when checkout starts. */
export interface OrderSnapshot {
  cart_id: string;
  customer_id: string | null;
  region_id: string;
  currency_code: string;
  email: string;
  tax_inclusive: boolean;
  shipping_address: Address | null;
  billing_address: Address | null;
  shipping_method: ShippingMethodSnapshot | null;
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  tax_total: number;
  total: number;
  lines: Omit<OrderLineItemTable, 'id' | 'order_id' | 'position'>[];
}

export interface PendingOrder {
  id: string;
  access_token: string;
  lines: { id: string; variant_id: string; quantity: number }[];
}

/**
 * Creates the order as `pending`: it exists so stock can be committed to its lines, but it has no number
 * and nobody sees it until `confirmOrder`. One order per cart (unique cart_id): a second completion of
 * the same cart, however concurrent, fails here.
 */
export async function createPendingOrder(tx: Tx, snapshot: OrderSnapshot): Promise<PendingOrder> {
  const id = newId('ord');
  const accessToken = newToken('ordt');
  const { lines, ...order } = snapshot;
  const rows = lines.map((line, position) => ({ ...line, id: newId('ordli'), order_id: id, position }));
  // One statement for the order and its lines (the lines' foreign key is checked at its end).
  const insertOrder = tx.insertInto('orders').values({
    ...order,
    id,
    status: 'pending',
    payment_status: 'not_paid',
    fulfillment_status: 'unfulfilled',
    shipping_address: order.shipping_address && encryptJson(order.shipping_address),
    billing_address: order.billing_address && encryptJson(order.billing_address),
    shipping_method: order.shipping_method && JSON.stringify(order.shipping_method),
    access_token_hash: hashToken(accessToken),
    metadata: '{}',
    // Personal data is stored encrypted; the email is found through its blind index.
    email: encrypt(order.email),
    email_hash: emailHash(order.email),
  });
  if (rows.length) await tx.with('placed', () => insertOrder).insertInto('order_line_item').values(rows).execute();
  else await insertOrder.execute();
  return { id, access_token: accessToken, lines: rows.map((r) => ({ id: r.id, variant_id: r.variant_id, quantity: r.quantity })) };
}

/**
 * Confirms a pending order: gives it the next order number (under the counter row's lock, so numbers
 * have no gaps and never repeat), opens it and records its payment status. Returns the order as
 * readOrderRowOrThrow reads it, with its payments and its timeline, from the same statement. The
 * counter row's lock is held to commit, so numbers follow commits; every checkout waits for it, so the
 * caller runs what it can before this, and as little as it can after (recordOrderPlaced).
 */
export async function confirmOrder(tx: Tx, orderId: string, paymentStatus: string): Promise<ConfirmedOrderRow> {
  // Each read as JSON, in its own order (json_agg keeps the order of the rows it is given); the
  // timeline reads the order as this statement leaves it. Placed by the database's clock, after the
  // payment's transactions this transaction wrote (stamped with its start): a time from this process,
  // at millisecond precision, could fall before them in the timeline.
  const { rows } = await sql<OrderRowWithLines & { payments: JsonPayment[]; timeline: TimelineRow[] }>`
    with counter as (update order_number_counter set last_number = last_number + 1 where id = 'orders' returning last_number),
      confirmed as (update orders o set status = 'open', number = counter.last_number, payment_status = ${paymentStatus},
          placed_at = clock_timestamp(), updated_at = clock_timestamp()
        from counter where o.id = ${orderId} and o.status = 'pending' returning o.*)
    select ${ORDER_ROW_WITH_LINES},
      (select coalesce(json_agg(p), '[]') from (${paymentsOfOrderQuery(tx, orderId)}) p) as payments,
      (select coalesce(json_agg(t), '[]') from (${orderTimelineQuery(orderId, sql`confirmed`)}) t) as timeline
    from confirmed o`.execute(tx);
  if (!rows[0]) throw new Error(`order ${orderId} is not pending`);
  const { payments, timeline, ...row } = rows[0];
  return { ...row, payments: payments.map((p) => ({ ...p, created_at: new Date(p.created_at) })), timeline: toTimeline(timeline) };
}

type JsonPayment = Omit<OrderPayment, 'created_at'> & { created_at: string };

/** A just-confirmed order's row and lines, payments and timeline (confirmOrder). */
export type ConfirmedOrderRow = OrderRowWithLines & { payments: OrderPayment[]; timeline: TimelineEntry[] };

/** Removes a pending order whose payment failed: as if checkout had never started (its stock is released by the caller). */
export async function discardPendingOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.deleteFrom('orders').where('id', '=', orderId).where('status', '=', 'pending').execute();
}

export async function findOrderForCart(db: Db, cartId: string) {
  return db.selectFrom('orders').select(['id', 'status', 'created_at']).where('cart_id', '=', cartId).executeTakeFirst();
}

/** Pending orders older than `olderThan`: checkouts interrupted between their steps. */
export async function stalePendingOrders(tx: Tx, olderThan: Date, limit: number): Promise<{ id: string; cart_id: string }[]> {
  const rows = await sql<{ id: string; cart_id: string }>`
    select id, cart_id from orders where status = 'pending' and created_at < ${olderThan}
    order by created_at limit ${limit} for update skip locked`.execute(tx);
  return rows.rows;
}

/** The country the order ships to (its address is stored encrypted), or null without a shipping address. */
export async function shippingCountryOf(db: Db, orderId: string): Promise<string | null> {
  const row = await db.selectFrom('orders').select('shipping_address').where('id', '=', orderId).executeTakeFirst();
  return decryptJson<Address>(row?.shipping_address as unknown as { enc: string } | null)?.country_code ?? null;
}

/** The order as its buyer sees it, its number shown with `orderNumberPrefix` (ORDER_NUMBER_PREFIX). */
export async function getOrderOrThrow(db: Db, orderId: string, orderNumberPrefix: string): Promise<Order> {
  const order = await readOrderRowOrThrow(db, orderId);
  return toOrderResponse(order, order.lines, orderNumberPrefix);
}

/** The order's row and its lines' rows (every column, in JSON), in one statement. */
export async function readOrderRowOrThrow(db: Db, orderId: string): Promise<OrderRowWithLines> {
  const rows = await sql<OrderRowWithLines>`select ${ORDER_ROW_WITH_LINES} from orders o where o.id = ${orderId}`.execute(db);
  const order = rows.rows[0];
  if (!order) throw new AppError('order_not_found', { id: orderId });
  return order;
}

export type OrderRowWithLines = OrderRow & { version: number; lines: OrderLineRow[] };

/** An order's columns and its lines in position order, as a select or an update's RETURNING gives them. */
const ORDER_ROW_WITH_LINES = sql`o.*, coalesce((select json_agg(l order by l.position) from order_line_item l where l.order_id = o.id), '[]') as lines`;

/**
 * The buyer reads their order: a signed-in customer it belongs to, or a guest with the token completing
 * the cart returned. Anyone else gets a 404, as for an order that does not exist.
 */
export async function getOrderForBuyer(db: Db, orderId: string, buyer: { token: string | undefined; customerId: string | null }, orderNumberPrefix: string): Promise<Order> {
  const row = await db.selectFrom('orders').select(['access_token_hash', 'status', 'customer_id']).where('id', '=', orderId).executeTakeFirst();
  const given = Buffer.from(hashToken(buyer.token ?? ''));
  const owner = row?.customer_id !== null && row?.customer_id === buyer.customerId;
  if (!row || row.status === 'pending' || !(owner || timingSafeEqual(given, Buffer.from(row.access_token_hash)))) {
    throw new AppError('order_not_found', { id: orderId });
  }
  return getOrderOrThrow(db, orderId, orderNumberPrefix);
}

type OrderRow = Omit<OrdersTable, 'shipping_address' | 'billing_address' | 'shipping_method' | 'metadata' | 'created_at' | 'placed_at' | 'updated_at'> & {
  shipping_address: Address | null;
  billing_address: Address | null;
  shipping_method: ShippingMethodSnapshot | null;
  placed_at: Date | null;
  created_at: Date;
};

type OrderLineRow = Selectable<OrderLineItemTable & OrderLineProgressColumns>;

export function toOrderResponse(order: OrderRow, lines: (OrderSnapshot['lines'][number] & { id: string })[], orderNumberPrefix: string): Order {
  return {
    id: order.id,
    number: order.number,
    display_number: formatOrderNumber(orderNumberPrefix, order.number),
    status: order.status,
    payment_status: order.payment_status,
    fulfillment_status: order.fulfillment_status,
    region_id: order.region_id,
    currency_code: order.currency_code,
    tax_inclusive: order.tax_inclusive,
    email: decrypt(order.email),
    items: lines.map((l) => ({
      id: l.id, variant_id: l.variant_id, product_id: l.product_id, sku: l.sku, title: l.title, variant_title: l.variant_title,
      quantity: l.quantity, unit_price: l.unit_price, subtotal: l.subtotal, discount_total: l.discount_total,
      tax_rate: ppmToPercent(l.tax_rate_ppm), tax_total: l.tax_total, total: l.total,
    })),
    shipping_address: decryptJson<Address>(order.shipping_address as unknown as { enc: string } | null),
    billing_address: decryptJson<Address>(order.billing_address as unknown as { enc: string } | null),
    shipping_method: order.shipping_method
      ? { option_id: order.shipping_method.option_id, name: order.shipping_method.name, amount: order.shipping_method.amount, tax_total: order.shipping_method.tax_total }
      : null,
    subtotal: order.subtotal,
    discount_total: order.discount_total,
    shipping_total: order.shipping_total,
    tax_total: order.tax_total,
    total: order.total,
    placed_at: order.placed_at,
    created_at: order.created_at,
  };
}
