import type { Db } from '../../db/database.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { appendToLedger, type AppendOptions } from './append.ts';

/**
 * The facts the ledger keeps: money (order totals, payments) and stock movements. Stock movements are
 * the events that change on_hand or committed for good: adjustments, transfers, stock committed to or
 * released from an order, items fulfilled (on_hand leaves) or their fulfillment canceled, returns
 * received (restocked or written off), and lot moves. Cart holds (inventory.reserved, hold_expired)
 * are left out: they are temporary, undone by themselves, and the stock they touch is ledgered when an
 * order commits it. inventory.low is a notice derived from levels, not a movement.
 */
export const LEDGERED_EVENTS = [
  'order.placed', 'order.edited', 'order.canceled', 'order.captured', 'order.refunded', 'order.payment_recorded', 'order.payment_voided',
  'order.fulfilled', 'order.fulfillment_canceled', 'return.received',
  'payment.*',
  'inventory.adjusted', 'inventory.transferred', 'inventory.committed', 'inventory.released',
  'lot.*',
] as const;

/** The one appender of the cluster: fed from the outbox, so checkout never waits for the ledger. */
export function ledgerAppender(db: Db, options: AppendOptions): EventSubscriber {
  return {
    name: 'ledger',
    events: LEDGERED_EVENTS,
    async handle(events) {
      await appendToLedger(db, events, options);
    },
  };
}
