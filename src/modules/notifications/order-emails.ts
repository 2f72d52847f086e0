import { cartLink, type StorefrontPages } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { loadCartState } from '../cart/cart-query.ts';
import { getOrderOrThrow } from '../orders/orders.ts';
import type { Order } from '../orders/shapes.ts';
import { addressLines } from './address-format.ts';
import { queueEmail } from './email-queue.ts';
import { formatMoney } from '../../money/currency.ts';
import { renderEmail } from './templates.ts';

/** Which event sends which email (templates/emails/<template>.txt|.html). */
const TEMPLATES: Record<string, string> = {
  'order.placed': 'order_confirmation',
  'order.shipped': 'shipment',
  'order.delivered': 'delivery',
  'order.refunded': 'refund',
  'return.received': 'return_received',
  'order.canceled': 'order_canceled',
  'draft_order.sent': 'draft_order_link',
};

/**
 * What a template sees: the order with every amount formatted in its currency, its lines, the address.
 * A line's `amount_formatted` is in the region's tax mode — before tax where tax is added, tax
 * included where prices include it — so the lines add up to the subtotal printed under them, and
 * subtotal − discount + shipping (+ tax, where added) is the total. `shipping_lines` is the address
 * as its country writes it (address-format.ts).
 */
export function orderView(order: Order, extra: Record<string, unknown> = {}) {
  const money = (amount: number) => formatMoney(amount, order.currency_code);
  return {
    order: {
      ...order,
      subtotal_formatted: money(order.subtotal), discount_total_formatted: order.discount_total ? money(order.discount_total) : null,
      shipping_total_formatted: money(order.shipping_total), tax_total_formatted: money(order.tax_total), total_formatted: money(order.total),
    },
    items: order.items.map((item) => ({
      ...item, unit_price_formatted: money(item.unit_price), amount_formatted: money(item.subtotal - item.discount_total), total_formatted: money(item.total),
    })),
    shipping: order.shipping_address,
    shipping_lines: order.shipping_address ? addressLines(order.shipping_address) : null,
    name: order.shipping_address?.first_name ?? null,
    ...extra,
  };
}

/**
 * Queues the customer's emails for order events: confirmation, shipment (with tracking), delivery,
 * refund, return received, and a draft order's payment link. Handed each event at least once: an email
 * already queued for an event (its id is the email's reference) is not queued again.
 */
export function orderEmails(deps: { db: Db; templatesDir: string | null; storefront: StorefrontPages; orderNumberPrefix: string }): EventSubscriber {
  return {
    name: 'order-emails',
    events: Object.keys(TEMPLATES),
    async handle(events) {
      for (const event of events) {
        const template = TEMPLATES[event.type];
        await inTransaction(deps.db, async (tx) => {
          const queued = await tx.selectFrom('email_message').select('id').where('template', '=', template).where('reference_id', '=', event.id).executeTakeFirst();
          if (queued) return;
          const { to, view } = event.type === 'draft_order.sent'
            ? await draftOrderMessage(tx, event.payload, deps.storefront)
            : await orderMessage(tx, event.payload, deps.orderNumberPrefix);
          if (!to) return; // nobody to write to (a draft without an email yet)
          const email = renderEmail(template, view, deps.templatesDir);
          await queueEmail(tx, { to, template, subject: email.subject, text: email.text, html: email.html, reference_type: 'event', reference_id: event.id });
        });
      }
    },
  };
}

async function orderMessage(db: Db, payload: Record<string, unknown>, orderNumberPrefix: string) {
  const order = await getOrderOrThrow(db, payload.order_id as string, orderNumberPrefix);
  const money = (amount: unknown) => (typeof amount === 'number' ? formatMoney(amount, order.currency_code) : null);
  return {
    to: order.email,
    view: orderView(order, { event: payload, refund_formatted: money(payload.amount), credit_formatted: money(payload.credit_amount) }),
  };
}

/** The payment link of a draft order: its cart, which the customer completes like any other. */
async function draftOrderMessage(db: Db, payload: Record<string, unknown>, storefront: StorefrontPages) {
  const cart = await loadCartState(db, payload.cart_id as string, 'system');
  return {
    to: cart.email,
    view: {
      message: payload.message ?? null,
      total_formatted: formatMoney(cart.totals.total, cart.currency_code),
      link: cartLink(storefront, cart.id),
    },
  };
}
