import { ADDRESS } from '../checkout.ts';

/**
 * Buyers for the failure drills: each loops full guest checkouts (the steps of bench/checkout.ts) on
 * one of the shop's live processes, as behind a load balancer, and writes down what it was answered.
 * Unlike the benchmark's buyers they expect failures: a refused connection or an error ends that
 * checkout (after a short pause, so a dead server is not hammered) and the next one starts on the next
 * process. A complete that got no answer, a 500 or a 503 is "in doubt": the order may exist or not, and the
 * drill's audit must find out which (docs/failure-drills.md).
 */
export interface Payment {
  provider_id: string;
  data: Record<string, unknown>;
}

export interface BuyerOutcomes {
  /** Orders the buyers were given (201 to complete): cart id → order id. */
  placed: Map<string, string>;
  /** Carts whose complete went unanswered or answered 500 or 503. */
  inDoubt: Set<string>;
  /** Carts whose complete was refused (4xx, or 502/504 from the gateway): no order may exist. */
  refused: Set<string>;
  /** Every answer, by step and status: `complete 201`, `payment 503`, `add_line network`. */
  statuses: Record<string, number>;
}

export interface BuyersOptions {
  /** The processes taking requests now (read before each checkout). */
  urls: () => string[];
  buyers: number;
  variants: string[];
  payment: Payment;
  /** Called after each request with its step, status (0: no answer) and latency. */
  onRequest?: (step: string, status: number, ms: number) => void;
}

const REQUEST_TIMEOUT_MS = 30_000;

type Answer = { status: number; body: any };

async function send(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(url + path, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: 0, body: null };
  }
}

export function startBuyers(options: BuyersOptions): { stop(): Promise<BuyerOutcomes> } {
  const outcomes: BuyerOutcomes = { placed: new Map(), inDoubt: new Set(), refused: new Set(), statuses: {} };
  let running = true;
  let n = 0;

  const checkout = async (url: string, i: number): Promise<void> => {
    const step = async (name: string, method: string, path: string, body?: unknown, expect = 200, headers?: Record<string, string>) => {
      const started = performance.now();
      const answer = await send(url, method, path, body, headers);
      options.onRequest?.(name, answer.status, performance.now() - started);
      const key = `${name} ${answer.status || 'network'}`;
      outcomes.statuses[key] = (outcomes.statuses[key] ?? 0) + 1;
      if (answer.status !== expect) throw Object.assign(new Error(key), { answer });
      return answer.body;
    };
    const { variants } = options;
    const cart = await step('create_cart', 'POST', '/store/carts', { currency_code: 'USD' }, 201);
    await step('add_line', 'POST', `/store/carts/${cart.id}/line-items`, { variant_id: variants[i % variants.length], quantity: 1 });
    await step('add_line', 'POST', `/store/carts/${cart.id}/line-items`, { variant_id: variants[(i * 7 + 3) % variants.length], quantity: 2 });
    await step('address', 'POST', `/store/carts/${cart.id}`, { email: `drill${i}@bench.local`, shipping_address: ADDRESS });
    const shipping = await step('shipping', 'GET', `/store/carts/${cart.id}/shipping-options`);
    await step('shipping', 'POST', `/store/carts/${cart.id}/shipping-method`, { option_id: shipping.data[0].id });
    await step('payment', 'POST', `/store/carts/${cart.id}/payment`, options.payment);
    try {
      const order = await step('complete', 'POST', `/store/carts/${cart.id}/complete`, undefined, 201, { 'idempotency-key': `drill-${cart.id}` });
      outcomes.placed.set(cart.id, order.id);
    } catch (error) {
      const status = (error as { answer?: Answer }).answer?.status ?? 0;
      // 502 and 504 name the gateway's failure: the checkout was undone before the answer (complete-cart.ts).
      (status === 0 || status === 500 || status === 503 ? outcomes.inDoubt : outcomes.refused).add(cart.id);
      throw error;
    }
  };

  const buyer = async () => {
    while (running) {
      const urls = options.urls();
      const i = n++;
      try {
        if (urls.length === 0) throw new Error('no process up');
        await checkout(urls[i % urls.length], i);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const loops = Array.from({ length: options.buyers }, buyer);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
