import { PaymentError, type PaymentProvider } from '../provider.ts';

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
 */
const outcomes: Record<string, Outcome> = {
  '4242424242424242': 'succeeds',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000119': 'provider_error',
  '4000000000009999': 'timeout',
};

type Outcome = 'succeeds' | 'card_declined' | 'insufficient_funds' | 'provider_error' | 'timeout';

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
  async status({ data }) {
    return data.outcome === 'succeeds' ? 'authorized' : 'failed';
  },
};
