/**
 * The seam between Cartwright and a marketing tool (docs/marketing.md): contacts kept in step with
 * customers who consented, events that drive its automations, and contacts removed when consent is
 * withdrawn or the customer erased. Called only by the marketing sync (marketing-sync.ts), which
 * checks consent first: a provider never decides that. Each call must be safe to repeat (the sync is
 * at-least-once): upserts by `customer_id`, events carry their `event_id` for the tool to deduplicate.
 * A call that throws is retried with the rest of its batch, so an outage loses nothing.
 */
export interface MarketingProvider {
  readonly id: string;
  upsertContact(contact: MarketingContact): Promise<void>;
  trackEvent(event: MarketingEvent): Promise<void>;
  removeContact(input: { customer_id: string; email: string | null }): Promise<void>;
}

export interface MarketingContact {
  customer_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  consent: { email: boolean; sms: boolean };
  /** The customer's groups, as tags. */
  tags: string[];
}

export interface MarketingEvent {
  /** Our outbox event id: the same event sent twice has the same id. */
  event_id: string;
  name: 'order_placed' | 'cart_abandoned' | 'product_viewed';
  customer_id: string;
  email: string;
  occurred_at: string;
  properties: Record<string, unknown>;
}
