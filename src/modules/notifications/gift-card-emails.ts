import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { formatOrderNumber } from '../orders/order-number.ts';
import { issueGiftCardsOfPaidOrder } from '../orders/sold-gift-cards.ts';
import { queueEmail } from './email-queue.ts';
import { formatMoney } from '../../money/currency.ts';
import { renderEmail } from './templates.ts';

/**
 * Gift cards sold as products (docs/gift-cards.md, "Selling gift cards"): on each capture of an
 * order's payment, issues the cards its paid gift-card units are owed and queues one email per card
 * with its code, in one transaction — a card exists if and only if its email is queued, and the code,
 * kept nowhere else, lives only in that (encrypted) email. Handed an event again (a retry, a crash
 * before the subscriber's progress was saved, a second capture) it finds every unit carded and sends
 * nothing more.
 */
export function giftCardEmails(deps: { db: Db; templatesDir: string | null; orderNumberPrefix: string }): EventSubscriber {
  return {
    name: 'gift-card-emails',
    events: ['payment.captured'],
    async handle(events) {
      for (const event of events) {
        const orderId = event.payload.order_id;
        if (typeof orderId !== 'string') continue;
        await inTransaction(deps.db, async (tx) => {
          for (const card of await issueGiftCardsOfPaidOrder(tx, orderId)) {
            const email = renderEmail('gift_card', {
              code: card.code, amount_formatted: formatMoney(card.amount, card.currency_code), title: card.title,
              order_number: formatOrderNumber(deps.orderNumberPrefix, card.order_number),
            }, deps.templatesDir);
            await queueEmail(tx, { to: card.email, template: 'gift_card', subject: email.subject, text: email.text, html: email.html, reference_type: 'order', reference_id: card.order_id });
          }
        });
      }
    },
  };
}
