import { startFakeStripe, type FakeStripe } from '../../test/fakes/fake-stripe.ts';
import { createPgCluster, type PgCluster } from '../../test/helpers/pg-cluster.ts';
import { waitFor } from '../../test/helpers/webhook-receiver.ts';
import { Client } from '../checkout.ts';
import { BENCH_ADMIN, runNode, startShop, type Child } from '../harness.ts';
import type { StockTotals } from './audit.ts';
import type { Payment } from './buyers.ts';

/**
 * A shop for a drill: `cartwright start` as the benchmarks start it, with the clocks that decide
 * recovery shortened so a drill sees them run: a 2 s payment timeout (a checkout interrupted at the
 * gateway is settleable 62 s later, recovery.ts), holds of one minute, the sweep every second.
 */
export const DRILL_SETTINGS = { PAYMENT_TIMEOUT_MS: '2000', CHECKOUT_HOLD_MINUTES: '1', SWEEP_INTERVAL_MS: '1000', DISPATCH_INTERVAL_MS: '100' };

/** Holds and interrupted checkouts made before a moment are settleable this long after it. */
export const SETTLE_AFTER_MS = 62_000;

export function startDrillShop(env: Record<string, string>, extra: Record<string, string> = {}): Promise<Child> {
  return startShop({ ...env, ...DRILL_SETTINGS, ...extra });
}

/** The fake Stripe (test/fakes) as the shop's gateway: the drill can stall it and count its charges. */
export async function drillGateway(): Promise<{ stripe: FakeStripe; env: Record<string, string>; payment: Payment }> {
  const stripe = await startFakeStripe();
  return {
    stripe,
    env: { STRIPE_SECRET_KEY: 'sk_test_drill', STRIPE_API_BASE: `http://127.0.0.1:${stripe.port}` },
    payment: { provider_id: 'stripe', data: { payment_method: 'pm_card_visa' } },
  };
}

export const TEST_CARD: Payment = { provider_id: 'test_card', data: { card_number: '4242424242424242' } };

/**
 * Waits until the checkout sweep has run (and finished) after `moment` + SETTLE_AFTER_MS: every hold
 * made and every checkout interrupted before `moment` is then released or settled.
 */
export async function waitForSweep(admin: Client, moment: number): Promise<void> {
  const after = moment + SETTLE_AFTER_MS;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, after - Date.now())));
  await waitFor(async () => {
    const runs = await admin.call('GET', '/admin/jobs/checkout_sweep/runs?limit=1');
    const last = runs.body?.data?.[0];
    return last && Date.parse(last.started_at) > after && last.status === 'succeeded';
  }, 30_000, 'a checkout sweep after the holds expired');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs the bench's owner in on `url`. */
export async function adminOn(url: string): Promise<Client> {
  const login = await new Client(url).call('POST', '/admin/auth/login', BENCH_ADMIN);
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
  return new Client(url, login.body.token);
}

/** The variants' stock through the Admin API (the embedded database cannot be opened beside its process). */
export async function stockThroughApi(admin: Client, variants: string[]): Promise<StockTotals> {
  const totals: StockTotals = { on_hand: 0, committed: 0, reserved: 0 };
  for (const id of variants) {
    const item = (await admin.call('GET', `/admin/inventory/items/${id}`)).body;
    totals.on_hand += item.totals.on_hand;
    totals.committed += item.totals.committed;
    totals.reserved += item.totals.reserved;
  }
  return totals;
}

/** A PostgreSQL cluster of the drill's own (test/helpers/pg-cluster.ts), seeded: one it may stop and crash. */
export async function ownPostgres(name: string, products = 200): Promise<{ cluster: PgCluster; env: Record<string, string> }> {
  const cluster = await createPgCluster(name);
  const env = { DATABASE_URL: cluster.url('postgres') };
  try {
    await runNode(['bin/cartwright.js', 'seed', '--products', String(products)], { ...env, LOG_LEVEL: 'warn' });
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return { cluster, env };
}
