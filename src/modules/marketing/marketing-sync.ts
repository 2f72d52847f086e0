import type { DispatchedEvent } from '../events/dispatched-event.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { recordDeadLetter } from './dead-letters.ts';
import { MarketingRefusal } from './provider.ts';
import type { DeadLetterRefs } from './schema.ts';
import { syncEvent, type MarketingSyncDeps, type SyncEvent } from './sync-event.ts';

export const SYNCED_EVENTS = ['customer.marketing_consent_changed', 'order.placed', 'cart.abandoned', 'customer.product_viewed', 'customer.anonymized'];

/**
 * Keeps the marketing tool in step, from the outbox (docs/marketing.md). One process per cluster runs
 * it; a batch whose provider call throws (the tool is down) is handed again with backoff, so an outage
 * delays events and loses none; a call the tool refuses for good (MarketingRefusal) becomes a dead
 * letter for staff and the sync goes on. Consent is read when each event is handled, so nothing is
 * sent for a customer who has not (or no longer) consented to email:
 *
 * | event                                  | email consent | call                                       |
 * |----------------------------------------|---------------|--------------------------------------------|
 * | customer.marketing_consent_changed     | granted       | upsertContact (both channels' consent; groups and segments as tags) |
 * | customer.marketing_consent_changed     | withdrawn     | removeContact (consent_withdrawn)          |
 * | order.placed (by a customer)           | granted       | upsertContact, trackEvent order_placed     |
 * | cart.abandoned (a customer's, still open) | granted    | upsertContact, trackEvent cart_abandoned with a link back |
 * | customer.product_viewed                | granted       | upsertContact, trackEvent product_viewed   |
 * | any of those three                     | none / guest  | nothing                                    |
 * | customer.anonymized                    | any           | removeContact (erased; the erasure withdrew consent) |
 */
export function marketingSync(deps: MarketingSyncDeps): EventSubscriber {
  return {
    name: `marketing_sync:${deps.provider.id}`,
    events: SYNCED_EVENTS,
    async handle(events: DispatchedEvent[]) {
      for (const event of events) {
        const sync = syncEventOf(event);
        try {
          await syncEvent(deps, sync);
        } catch (error) {
          if (!(error instanceof MarketingRefusal)) throw error;
          await recordDeadLetter(deps.db, deps.provider.id, sync, error);
        }
      }
    },
  };
}

function syncEventOf(event: DispatchedEvent): SyncEvent {
  const p = event.payload;
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const refs: DeadLetterRefs = {
    order_id: str(p.order_id), cart_id: str(p.cart_id), product_id: str(p.product_id),
    ...(event.type === 'cart.abandoned' && typeof p.value === 'number' ? { value: p.value, currency_code: str(p.currency_code) } : {}),
  };
  const customerId = event.type.startsWith('customer.') ? event.resource_id : (str(p.customer_id) ?? null);
  return { id: event.id, type: event.type, customer_id: customerId, refs, occurred_at: new Date(event.created_at) };
}

