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
  removeContact(input: { customer_id: string; email: string | null; reason: RemovalReason }): Promise<void>;
}

/** Why a contact goes: consent withdrawn (the tool may keep a suppression record) or the customer erased (forget them). */
export type RemovalReason = 'consent_withdrawn' | 'erased';

/**
 * Thrown by a provider when the tool refused a call for good (it answered 400, 404, 409, 422…): sending
 * it again would be refused again. The sync records it as a dead letter for staff and goes on, instead
 * of holding every later event back. Outages, timeouts, 429 and 401/403 (a key staff can fix) are
 * plain errors: retried.
 */
export class MarketingRefusal extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'MarketingRefusal';
  }
}

/** Whether an HTTP status from a marketing tool is a refusal for good rather than a failure worth retrying. */
export function isPermanentRefusal(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 403, 408, 425, 429].includes(status);
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
