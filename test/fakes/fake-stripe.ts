import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking the part of Stripe's API Cartwright uses (PaymentIntents with manual
 * capture, refunds), with Stripe's test payment methods choosing the outcome, and Stripe's
 * idempotency (same key → same answer, nothing done twice).
 */
export interface FakeStripe {
  port: number;
  intents: Map<string, Record<string, any>>;
  refunds: Record<string, any>[];
  /** How many requests changed something (an idempotent replay does not count). */
  effects: number;
  /** Every request received, in order (`POST /v1/refunds`). */
  requests: string[];
  /**
   * Stripe refuses a refund above what the PaymentIntent received. False stands in for a gateway that
   * would not (a test of Cartwright's own guard must not lean on Stripe's).
   */
  checksRefunds: boolean;
  /**
   * From now on a confirm authorizes at once but its answer is held back until `release()`: the
   * gateway did its part and the caller never heard (a process that died mid-checkout).
   */
  holdConfirms(): { release(): void };
  close(): Promise<void>;
}

const declines: Record<string, [number, Record<string, string>]> = {
  pm_card_chargeDeclined: [402, { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' }],
  pm_card_chargeDeclinedInsufficientFunds: [402, { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' }],
  pm_card_fail_500: [500, { type: 'api_error', message: 'Internal error' }],
};

export async function startFakeStripe(): Promise<FakeStripe> {
  const intents = new Map<string, Record<string, any>>();
  const refunds: Record<string, any>[] = [];
  const replies = new Map<string, [number, unknown]>();
  let n = 0;
  let held: Promise<void> | null = null;
  const state: FakeStripe = {
    port: 0, intents, refunds, effects: 0, requests: [], checksRefunds: true, close: async () => {},
    holdConfirms() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return { release: () => { held = null; release(); } };
    },
  };

  const handle = (method: string, path: string, form: URLSearchParams): [number, unknown] => {
    const parts = path.split('/').filter(Boolean); // v1, payment_intents, id, action
    const error = (status: number, e: Record<string, string>): [number, unknown] => [status, { error: e }];
    if (parts[1] === 'payment_intents' && method === 'POST' && parts.length === 2) {
      const intent = {
        id: `pi_${++n}`, object: 'payment_intent', amount: Number(form.get('amount')), currency: form.get('currency'), status: 'requires_confirmation',
        payment_method: form.get('payment_method'), capture_method: form.get('capture_method'), amount_received: 0, metadata: {},
      };
      intents.set(intent.id, intent);
      state.effects++;
      return [200, intent];
    }
    const intent = parts[2] ? intents.get(parts[2]) : undefined;
    if (parts[1] === 'payment_intents' && !intent) return error(404, { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' });
    if (parts[1] === 'payment_intents' && method === 'GET') return [200, intent];
    if (parts[1] === 'payment_intents' && parts.length === 3) {
      for (const [key, value] of form) {
        const m = /^metadata\[(.+)\]$/.exec(key);
        if (m) intent!.metadata[m[1]] = value;
      }
      return [200, intent];
    }
    if (parts[3] === 'confirm') {
      const decline = declines[intent!.payment_method];
      if (decline) {
        if (decline[0] === 402) intent!.status = 'requires_payment_method';
        return error(decline[0], decline[1]);
      }
      intent!.status = 'requires_capture';
      state.effects++;
      return [200, intent];
    }
    if (parts[3] === 'capture') {
      if (intent!.status !== 'requires_capture') return error(400, { type: 'invalid_request_error', message: `cannot capture a ${intent!.status} PaymentIntent` });
      const amount = Number(form.get('amount_to_capture') ?? intent!.amount);
      if (amount > intent!.amount) return error(400, { type: 'invalid_request_error', message: 'amount_to_capture is greater than the amount' });
      intent!.status = 'succeeded';
      intent!.amount_received = amount;
      state.effects++;
      return [200, intent];
    }
    if (parts[3] === 'cancel') {
      if (intent!.status === 'succeeded') return error(400, { type: 'invalid_request_error', message: 'cannot cancel a succeeded PaymentIntent' });
      intent!.status = 'canceled';
      state.effects++;
      return [200, intent];
    }
    if (parts[1] === 'refunds' && method === 'POST') {
      const target = intents.get(form.get('payment_intent') ?? '');
      const amount = Number(form.get('amount'));
      const refunded = refunds.filter((r) => r.payment_intent === target?.id).reduce((s, r) => s + r.amount, 0);
      if (!target || (state.checksRefunds && amount + refunded > target.amount_received)) return error(400, { type: 'invalid_request_error', message: 'refund exceeds the captured amount' });
      const refund = { id: `re_${++n}`, object: 'refund', payment_intent: target.id, amount, status: 'succeeded' };
      refunds.push(refund);
      state.effects++;
      return [200, refund];
    }
    return error(404, { type: 'invalid_request_error', message: `unknown route ${method} ${path}` });
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const path = req.url!.split('?')[0];
      state.requests.push(`${req.method} ${path}`);
      const key = req.headers['idempotency-key'] as string | undefined;
      const cacheKey = key ? `${req.method} ${req.url} ${key}` : null;
      const [status, payload] = (cacheKey && replies.get(cacheKey)) || handle(req.method!, path, new URLSearchParams(body));
      if (cacheKey) replies.set(cacheKey, [status, payload]);
      if (held && path.endsWith('/confirm')) await held;
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${n}` });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}
