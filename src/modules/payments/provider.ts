import { WebhookRejection } from '../../errors.ts';

/**
 * The seam between Cartwright and a payment gateway, modelled on how gateways work (Stripe's
 * PaymentIntents): a session is initiated with the buyer's payment details, then authorized, captured
 * (in full or in parts), refunded (in parts), or cancelled (voided). Money moves only in authorize,
 * capture and refund. Providers never see our database, and we never keep card numbers: `initiate`
 * turns what the buyer sent into the provider's own `data` (a token, a brand, last four digits).
 */
export interface PaymentProvider {
  readonly id: string;
  /**
   * True for a provider that never captures at checkout, whatever PAYMENT_CAPTURE says: its money
   * arrives outside any gateway (a bank transfer, cash on delivery, an invoice), so only staff, who
   * see it arrive, can capture. Its orders stay `authorized` until they do.
   */
  readonly neverAutoCapture?: boolean;
  /** Checks and tokenizes the buyer's payment details; no money moves. Throws PaymentError('invalid_payment_data'). */
  initiate(input: { amount: number; currency_code: string; data: Record<string, unknown> }): Promise<{ data: Record<string, unknown> }>;
  /**
   * Authorizes `amount`. `reference` is ours (the payment id) and is the gateway's idempotency key: asking
   * twice never authorizes twice. Must stop when `signal` aborts (our timeout).
   */
  authorize(input: AuthorizeInput): Promise<{ provider_reference: string }>;
  capture(input: { provider_reference: string; amount: number; reference: string }): Promise<{ provider_reference: string }>;
  refund(input: { provider_reference: string; amount: number; reference: string }): Promise<{ provider_reference: string }>;
  /** Voids an authorization (or gives up on one whose answer we never got). Safe to repeat. */
  cancel(input: { provider_reference: string | null; reference: string; data: Record<string, unknown> }): Promise<void>;
  /**
   * What the gateway says happened to `reference`, and its own id for the payment (what `authorize`
   * would have returned; null if it has none): used to settle checkouts interrupted by a crash, whose
   * payment must then carry the id that capture, refund and cancel need.
   */
  status(input: { provider_reference: string | null; reference: string; data: Record<string, unknown> }): Promise<{ status: GatewayStatus; provider_reference: string | null }>;
  /**
   * Verifies a webhook the gateway sent (its signature, over the body exactly as received) and reads
   * the event out of it. Throws PaymentWebhookError when the signature or body is not the gateway's.
   * Optional: a provider without one takes no webhooks (POST /store/webhooks/payments/:provider is 404).
   */
  parseWebhook?(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): GatewayEvent;
}

/**
 * A gateway's event, in our terms. `payment_reference` is the reference we gave the gateway (our
 * payment id); `type` is one of ours when the event concerns a payment's outcome, else the gateway's
 * own type (stored, not acted on).
 */
export interface GatewayEvent {
  /** The gateway's event id: the inbox stores each one once. */
  id: string;
  type: GatewayEventType | string;
  payment_reference: string | null;
  provider_reference: string | null;
  amount: number | null;
}

export type GatewayEventType = 'payment.authorized' | 'payment.captured' | 'payment.failed' | 'payment.canceled' | 'payment.refunded';

/** A webhook that did not come from the gateway (bad signature) or that it could not have sent. */
export class PaymentWebhookError extends WebhookRejection {}

export interface AuthorizeInput {
  amount: number;
  currency_code: string;
  reference: string;
  data: Record<string, unknown>;
  signal: AbortSignal;
}

export type GatewayStatus = 'authorized' | 'captured' | 'canceled' | 'failed' | 'not_found';

export type PaymentErrorCode = 'card_declined' | 'insufficient_funds' | 'provider_error' | 'timeout' | 'invalid_payment_data';

/** A gateway's refusal or failure, with a decline code a storefront can show. */
export class PaymentError extends Error {
  constructor(readonly code: PaymentErrorCode, message: string) {
    super(message);
    this.name = 'PaymentError';
  }
}
