import Stripe from 'stripe';
import { PaymentError, PaymentWebhookError, type GatewayEvent, type GatewayStatus, type PaymentProvider } from '../provider.ts';

/**
 * Stripe through its official SDK, with PaymentIntents and manual capture:
 * - initiate: creates the PaymentIntent (amount, currency, the buyer's payment method; not confirmed),
 *   with our payment id in its metadata;
 * - authorize: confirms it (the card is authorized; `requires_capture`);
 * - capture: full or partial (`amount_to_capture`); refund: full or partial; cancel: voids it.
 * Every call that moves money carries an idempotency key derived from our reference, so a retry after
 * a timeout never charges twice. Webhooks are verified with the SDK's signature check.
 */
export interface StripeOptions {
  secretKey: string;
  webhookSecret: string | null;
  /** For tests: a local server speaking the part of Stripe's API we use. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  timeoutMs?: number;
}

function paymentIntentId(data: Record<string, unknown>): string {
  const id = data.payment_intent_id;
  if (typeof id !== 'string') throw new PaymentError('invalid_payment_data', 'the payment has no Stripe PaymentIntent');
  return id;
}

/** Stripe's error → ours: declines keep their code, anything else is the gateway failing. */
function mapError(error: unknown): PaymentError {
  if (error instanceof PaymentError) return error;
  if (error instanceof Stripe.errors.StripeCardError) {
    const code = error.decline_code === 'insufficient_funds' ? 'insufficient_funds' : 'card_declined';
    return new PaymentError(code, error.message);
  }
  if (error instanceof Stripe.errors.StripeConnectionError) return new PaymentError('timeout', error.message);
  if (error instanceof Stripe.errors.StripeInvalidRequestError) return new PaymentError('invalid_payment_data', error.message);
  return new PaymentError('provider_error', error instanceof Error ? error.message : String(error));
}

/** Rejects when `signal` aborts (our checkout timeout), whatever the SDK is still waiting for. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(new PaymentError('timeout', 'Stripe did not answer in time.'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const STATUSES: Record<string, GatewayStatus> = {
  requires_capture: 'authorized',
  succeeded: 'captured',
  canceled: 'canceled',
  requires_payment_method: 'failed',
};

export function stripeProvider(options: StripeOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 1,
    timeout: options.timeoutMs ?? 20_000,
    ...(options.host ? { host: options.host, port: options.port, protocol: options.protocol ?? 'https' } : {}),
  });

  return {
    id: 'stripe',
    async initiate({ amount, currency_code, data }) {
      const paymentMethod = data.payment_method;
      if (typeof paymentMethod !== 'string' || !/^pm_\w+$/.test(paymentMethod)) {
        throw new PaymentError('invalid_payment_data', 'data.payment_method must be a Stripe PaymentMethod id (pm_…)');
      }
      try {
        const intent = await stripe.paymentIntents.create({
          amount, currency: currency_code.toLowerCase(), payment_method: paymentMethod, capture_method: 'manual', confirm: false,
        });
        return { data: { payment_intent_id: intent.id } };
      } catch (error) {
        throw mapError(error);
      }
    },
    async authorize({ reference, data, signal }) {
      const id = paymentIntentId(data);
      try {
        // Our payment id goes in the metadata first, so the gateway's webhooks name the payment.
        const confirmed = stripe.paymentIntents.update(id, { metadata: { cartwright_payment_id: reference } }, { idempotencyKey: `${reference}-tag` })
          .then(() => stripe.paymentIntents.confirm(id, {}, { idempotencyKey: `${reference}-confirm` }));
        const intent = await withSignal(confirmed, signal);
        if (intent.status !== 'requires_capture' && intent.status !== 'succeeded') {
          throw new PaymentError('card_declined', `the payment needs more (${intent.status})`);
        }
        return { provider_reference: intent.id };
      } catch (error) {
        throw mapError(error);
      }
    },
    async capture({ provider_reference, amount, reference }) {
      try {
        const intent = await stripe.paymentIntents.capture(provider_reference, { amount_to_capture: amount }, { idempotencyKey: `${reference}-capture` });
        return { provider_reference: intent.id };
      } catch (error) {
        throw mapError(error);
      }
    },
    async refund({ provider_reference, amount, reference }) {
      try {
        const refund = await stripe.refunds.create({ payment_intent: provider_reference, amount }, { idempotencyKey: `${reference}-refund` });
        return { provider_reference: refund.id };
      } catch (error) {
        throw mapError(error);
      }
    },
    async cancel({ provider_reference, data }) {
      const id = provider_reference ?? (typeof data.payment_intent_id === 'string' ? data.payment_intent_id : null);
      if (!id) return;
      try {
        await stripe.paymentIntents.cancel(id);
      } catch (error) {
        // Already captured or canceled: nothing left to void.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw mapError(error);
      }
    },
    async status({ provider_reference, data }) {
      const id = provider_reference ?? (typeof data.payment_intent_id === 'string' ? data.payment_intent_id : null);
      if (!id) return { status: 'not_found', provider_reference: null };
      const intent = await stripe.paymentIntents.retrieve(id);
      return { status: STATUSES[intent.status] ?? 'failed', provider_reference: intent.id };
    },
    parseWebhook(headers, rawBody): GatewayEvent {
      const signature = headers['stripe-signature'];
      if (!options.webhookSecret || typeof signature !== 'string') throw new PaymentWebhookError('invalid_webhook_signature', 'missing Stripe-Signature');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
      } catch (error) {
        throw new PaymentWebhookError('invalid_webhook_signature', error instanceof Error ? error.message : 'bad signature');
      }
      const object = event.data.object as { id?: string; metadata?: Record<string, string>; amount?: number; amount_received?: number; payment_intent?: string };
      const types: Record<string, string> = {
        'payment_intent.amount_capturable_updated': 'payment.authorized',
        'payment_intent.succeeded': 'payment.captured',
        'payment_intent.payment_failed': 'payment.failed',
        'payment_intent.canceled': 'payment.canceled',
        'charge.refunded': 'payment.refunded',
      };
      return {
        id: event.id,
        type: types[event.type] ?? event.type,
        payment_reference: object.metadata?.cartwright_payment_id ?? null,
        provider_reference: object.payment_intent ?? object.id ?? null,
        amount: object.amount_received ?? object.amount ?? null,
      };
    },
  };
}
