import { checkSignature } from '../../webhooks/signature.ts';
import { PaymentError, PaymentWebhookError, type GatewayEvent, type PaymentProvider } from '../provider.ts';

/**
 * A gateway in test mode, chosen by card number as Stripe's test mode does (docs/payments.md):
 *
 * | card number        | outcome                                            |
 * |--------------------|----------------------------------------------------|
 * | 4242424242424242   | authorized                                          |
 * | 4000000000000002   | declined: card_declined                             |
 * | 4000000000009995   | declined: insufficient_funds                        |
 * | 4000000000000119   | the gateway answers 5xx: provider_error             |
 * | 4000000000009999   | the gateway never answers: our timeout (Cartwright) |
 *
 * The number is read once, in `initiate`, and only its outcome, brand and last four digits are kept.
 *
 * Its webhooks (for tests and demos: post them yourself) are signed like Cartwright's own, with
 * TEST_CARD_WEBHOOK_SECRET: header `Test-Card-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.body">`, body
 * `{ "id": "evt_…", "type": "payment.authorized", "data": { "reference": "pay_…", "amount": 1000 } }`
 * (docs/payments.md).
 */
const outcomes: Record<string, Outcome> = {
  '4242424242424242': 'succeeds',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000119': 'provider_error',
  '4000000000009999': 'timeout',
};

type Outcome = 'succeeds' | 'card_declined' | 'insufficient_funds' | 'provider_error' | 'timeout';

export function createTestCardProvider(options: { webhookSecret: string | null }): PaymentProvider {
  return { ...testCardProvider, parseWebhook: (headers, rawBody) => parseTestCardWebhook(options.webhookSecret, headers, rawBody) };
}

function parseTestCardWebhook(secret: string | null, headers: Record<string, string | string[] | undefined>, rawBody: Buffer): GatewayEvent {
  if (!secret) throw new PaymentWebhookError('invalid_webhook_signature', 'test_card webhooks are off: set TEST_CARD_WEBHOOK_SECRET');
  const header = headers['test-card-signature'];
  const problem = checkSignature(Array.isArray(header) ? header[0] : header, rawBody, secret);
  if (problem) throw new PaymentWebhookError('invalid_webhook_signature', `Test-Card-Signature: ${problem}`);
  let body: { id?: unknown; type?: unknown; data?: { reference?: unknown; provider_reference?: unknown; amount?: unknown } };
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new PaymentWebhookError('invalid_webhook_payload', 'the body is not JSON');
  }
  const data = body?.data;
  if (typeof body?.id !== 'string' || !body.id || typeof body.type !== 'string' || typeof data !== 'object' || data === null || typeof data.reference !== 'string') {
    throw new PaymentWebhookError('invalid_webhook_payload', 'a test_card event is { id, type, data: { reference, provider_reference?, amount? } }');
  }
  return {
    id: body.id,
    type: body.type,
    payment_reference: data.reference,
    provider_reference: typeof data.provider_reference === 'string' ? data.provider_reference : `tc_${data.reference}`,
    amount: typeof data.amount === 'number' ? data.amount : null,
  };
}

export const testCardProvider: PaymentProvider = {
  id: 'test_card',
  async initiate({ data }) {
    const number = typeof data.card_number === 'string' ? data.card_number.replace(/[\s-]/g, '') : '';
    const outcome = outcomes[number];
    if (!outcome) {
      throw new PaymentError('invalid_payment_data', 'data.card_number must be one of the test card numbers (docs/payments.md)');
    }
    return { data: { outcome, brand: 'visa', last4: number.slice(-4) } };
  },
  async authorize({ reference, data, signal }) {
    switch (data.outcome as Outcome) {
      case 'succeeds':
        return { provider_reference: `tc_${reference}` };
      case 'card_declined':
        throw new PaymentError('card_declined', 'Your card was declined.');
      case 'insufficient_funds':
        throw new PaymentError('insufficient_funds', 'Your card has insufficient funds.');
      case 'provider_error':
        throw new PaymentError('provider_error', 'The gateway answered 502 Bad Gateway.');
      case 'timeout':
        // Hangs like a gateway that never answers, until the caller gives up.
        return new Promise((_, reject) => {
          const abort = () => reject(new PaymentError('timeout', 'The gateway did not answer in time.'));
          if (signal.aborted) abort();
          else signal.addEventListener('abort', abort, { once: true });
        });
      default:
        throw new PaymentError('invalid_payment_data', 'unknown test card outcome');
    }
  },
  async capture({ provider_reference }) {
    return { provider_reference };
  },
  async refund({ provider_reference, reference }) {
    return { provider_reference: `${provider_reference}_re_${reference}` };
  },
  async cancel() {},
  // The simulated gateway keeps no state: a card that succeeds was authorized, any other was not.
  async status({ reference, data }) {
    return data.outcome === 'succeeds' ? { status: 'authorized', provider_reference: `tc_${reference}` } : { status: 'failed', provider_reference: null };
  },
};
