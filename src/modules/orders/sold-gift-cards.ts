import { sql } from 'kysely';
import { decrypt } from '../../crypto/data-encryption.ts';
import type { Tx } from '../../db/database.ts';
import { disableSoldGiftCards, issueSoldGiftCards, soldUnitsWithCards } from '../gift-cards/gift-cards.ts';
import { recordOrderActivity } from './order-activity.ts';
import { lockOrder, SYSTEM, type OrderLineState } from './order-state.ts';
import { moneySummary, saveDerivedStatuses, unitsValue } from './order-status.ts';

/** A card issued for a sold unit, with what its email needs (the code is shown this once). */
export interface SoldGiftCard {
  code: string;
  last4: string;
  amount: number;
  currency_code: string;
  title: string;
  order_id: string;
  order_number: number;
  email: string;
}

/**
 * Gift cards sold as products (docs/gift-cards.md, "Selling gift cards"). Once the order is paid —
 * nothing left to capture, and what it holds covers what the customer is to pay — each unit of a line
 * whose product is a gift card gets one card worth what the customer paid for that unit (the line's
 * total, discounts and tax included, apportioned by units as refunds are: unitsValue), in the order's
 * currency. The email with the code is the unit's delivery, so the line counts as fulfilled, shipped
 * and delivered. Runs under the order lock; a unit that has its card is skipped (unique per line and
 * unit), so calling it again, after a retry or a second capture event, issues nothing twice. A canceled
 * or not yet paid order gets nothing. Returns the cards issued now, for the caller to email in the same
 * transaction.
 */
export async function issueGiftCardsOfPaidOrder(tx: Tx, orderId: string): Promise<SoldGiftCard[]> {
  const placed = await tx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
  if (!placed || placed.status === 'pending' || placed.status === 'canceled') return [];
  const lines = await giftCardLines(tx, orderId);
  if (lines.length === 0) return [];
  const order = await lockOrder(tx, orderId);
  const summary = moneySummary(order);
  if (order.status === 'canceled' || summary.captured_total === 0 || summary.balance > 0) return [];
  const giftLines = order.lines.filter((l) => lines.includes(l.id) && l.quantity > 0);
  const carded = await soldUnitsWithCards(tx, giftLines.map((l) => l.id));
  const units = giftLines.flatMap((line) => unitsOwed(line, carded.get(line.id)!));
  const { email } = await tx.selectFrom('orders').select('email').where('id', '=', orderId).executeTakeFirstOrThrow();
  const issued = await issueSoldGiftCards(tx, { orderId, currencyCode: order.currency_code, customerId: order.customer_id, units });
  const undelivered = giftLines.filter((l) => l.delivered_quantity < l.quantity);
  for (const line of undelivered) {
    await tx.updateTable('order_line_item')
      .set({ fulfilled_quantity: line.quantity, shipped_quantity: line.quantity, delivered_quantity: line.quantity })
      .where('id', '=', line.id).execute();
  }
  if (issued.length > 0) {
    await recordOrderActivity(tx, {
      orderId, type: 'order.gift_cards_issued', actor: SYSTEM,
      data: { gift_cards: issued.map((c) => ({ id: c.id, last4: c.last4, line_item_id: c.line_item_id, amount: c.amount })) },
    });
  }
  if (undelivered.length > 0) await saveDerivedStatuses(tx, orderId);
  const titles = new Map(giftLines.map((l) => [l.id, l.variant_title ? `${l.title} (${l.variant_title})` : l.title]));
  return issued.map((c) => ({
    code: c.code, last4: c.last4, amount: c.amount, currency_code: order.currency_code, title: titles.get(c.line_item_id)!,
    order_id: orderId, order_number: order.number!, email: decrypt(email),
  }));
}

/** The order's lines whose product is sold as a gift card. */
async function giftCardLines(tx: Tx, orderId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select l.id from order_line_item l join product p on p.id = l.product_id
    where l.order_id = ${orderId} and p.gift_card`.execute(tx);
  return rows.map((r) => r.id);
}

/** The units (1…quantity) of a line without a card yet, each with its value; a unit worth nothing gets no card. */
function unitsOwed(line: OrderLineState, carded: Set<number>) {
  const units = [];
  for (let unit = 1; unit <= line.quantity; unit++) {
    const amount = unitsValue(line, unit - 1, 1);
    if (!carded.has(unit) && amount > 0) units.push({ lineItemId: line.id, unit, amount });
  }
  return units;
}

/** Refunding `quantity` units of a gift-card line disables as many of its cards (see disableSoldGiftCards). */
export async function disableRefundedGiftCards(tx: Tx, lines: { line_item_id: string; quantity: number }[]): Promise<string[]> {
  const disabled = [];
  for (const line of lines) disabled.push(...(await disableSoldGiftCards(tx, { lineItemId: line.line_item_id, count: line.quantity })));
  return disabled;
}
