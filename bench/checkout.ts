import http from 'node:http';
import pg from 'pg';
import type { BenchDatabase } from './databases.ts';
import { BENCH_ADMIN, databaseWork, postgresCpuMs, report, seconds, startShop, statementsRun, type Child } from './harness.ts';

/**
 * Checkout as shoppers do it, over HTTP with keep-alive: create cart → add two lines → email and
 * address → shipping options and method → payment (holds the stock) → complete. `buyers` virtual
 * buyers loop for the run's duration; each step's latency is recorded. The same again with a
 * promotion code entered after shipping (its use counted at completion, docs/promotions.md). Then a
 * flash sale: 50 units, 200 buyers at once, counting orders and oversell.
 */
export const ADDRESS = { first_name: 'Bench', last_name: 'Buyer', address_1: '1 Load St', city: 'Newark', postal_code: '07102', country_code: 'US' };
const steps = ['create_cart', 'add_line', 'address', 'shipping', 'promotion', 'payment', 'complete'] as const;
type Step = (typeof steps)[number];

/**
 * The load generator's HTTP client: node:http over kept-alive sockets. It shares the machine's two
 * cores with the shop and its database, so it is kept lean; `fetch` cost it 7–9 ms of CPU per checkout.
 */
const agent = new http.Agent({ keepAlive: true });

export class Client {
  readonly #origin: URL;
  constructor(base: string, private readonly token?: string) {
    this.#origin = new URL(base);
  }
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.#origin.hostname, port: this.#origin.port, path, method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error);
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

/** Variants with plenty of stock (so the run measures checkout, not running out). */
async function stockedVariants(admin: Client, count: number, stock: number): Promise<string[]> {
  const location = (await admin.call('GET', '/admin/inventory/locations')).body.data[0].id as string;
  const page = (await admin.call('GET', '/store/products?limit=50&currency_code=USD')).body.data as { variants: { id: string }[] }[];
  const ids = page.flatMap((p) => p.variants.map((v) => v.id)).slice(0, count);
  for (const id of ids) {
    const res = await admin.call('POST', '/admin/inventory/adjustments', { variant_id: id, location_id: location, delta: stock, reason: 'received' });
    if (res.status !== 201) throw new Error(`stocking failed: ${JSON.stringify(res.body)}`);
  }
  return ids;
}

/** Called around each step of a checkout (the statement count's probe); none in the timed runs. */
interface StepProbe {
  before(): Promise<void>;
  after(step: Step): Promise<void>;
}

/** One buyer's checkout; adds each step's latency to `timings`. Returns the failing step or null. */
async function checkout(client: Client, variants: [string, string], timings: Record<Step, number[]>, n: number, code?: string, probe?: StepProbe): Promise<string | null> {
  // A step is one request, or two for shipping (list the options, choose one), timed together.
  const step = async <T>(name: Step, requests: () => Promise<T>): Promise<T> => {
    await probe?.before();
    const start = performance.now();
    const result = await requests();
    timings[name].push(performance.now() - start);
    await probe?.after(name);
    return result;
  };
  const call = async (name: Step, method: string, path: string, body?: unknown, expect = 200) => {
    const res = await client.call(method, path, body);
    if (res.status !== expect) throw new Error(`${name}: ${res.status} ${res.body?.error?.code ?? ''}`);
    return res.body;
  };
  const timed = (name: Step, method: string, path: string, body?: unknown, expect = 200) => step(name, () => call(name, method, path, body, expect));
  try {
    const cart = await timed('create_cart', 'POST', '/store/carts', { currency_code: 'USD' }, 201);
    await timed('add_line', 'POST', `/store/carts/${cart.id}/line-items`, { variant_id: variants[0], quantity: 1 });
    await timed('add_line', 'POST', `/store/carts/${cart.id}/line-items`, { variant_id: variants[1], quantity: 2 });
    await timed('address', 'POST', `/store/carts/${cart.id}`, { email: `buyer${n}@bench.local`, shipping_address: ADDRESS });
    await step('shipping', async () => {
      const options = await call('shipping', 'GET', `/store/carts/${cart.id}/shipping-options`);
      return call('shipping', 'POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
    });
    if (code) await timed('promotion', 'POST', `/store/carts/${cart.id}/promotions`, { code });
    await timed('payment', 'POST', `/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: '4242424242424242' } });
    await timed('complete', 'POST', `/store/carts/${cart.id}/complete`, undefined, 201);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Statements per checkout, by step: `rounds` checkouts one after another, the count read before and
 * after each step. The background work a step starts (events, emails, the ledger) waits ~100 ms after
 * the commit that wakes it, so a pause before each step lets it land between steps, counted apart.
 * Some of it still lands inside a later step now and then (the confirmation e-mail, a scheduled job),
 * so a step's count per checkout is its median over the rounds, and the mean is printed beside it.
 */
async function statementsPerCheckout(target: CheckoutShop, rounds: number) {
  // Per step, what each round's checkout ran in it (add_line runs twice a checkout).
  const counts = Object.fromEntries(steps.map((s) => [s, Array<number>(rounds).fill(0)])) as Record<Step, number[]>;
  let round = 0;
  let background = 0;
  let mark = await statementsRun(target.shop);
  const probe: StepProbe = {
    async before() {
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A scrape reads the backlog gauges from the database, and its count shows only what finished
      // before it: a second scrape, within the second the first's reading is reused, counts the first's
      // statements, so none of a scrape's lands in the step.
      await statementsRun(target.shop);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = await statementsRun(target.shop);
      background += now - mark;
      mark = now;
    },
    async after(name) {
      const now = await statementsRun(target.shop);
      counts[name][round] += now - mark;
      mark = now;
    },
  };
  const timings = Object.fromEntries(steps.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  for (; round < rounds; round++) {
    const failed = await checkout(target.client, [target.variants[round], target.variants[round + 1]], timings, 2_000_000 + round, undefined, probe);
    if (failed) throw new Error(`statement count: ${failed}`);
  }
  await probe.before();
  const perCheckout = (n: number) => Number((n / rounds).toFixed(1));
  const ran = steps.filter((s) => timings[s].length);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return {
    bench: 'checkout', case: 'statements_per_checkout', db: target.db, checkouts: rounds,
    in_requests: sum(ran.map((s) => median(counts[s]))), in_requests_mean: perCheckout(sum(ran.flatMap((s) => counts[s]))),
    in_background: perCheckout(background),
    by_step: Object.fromEntries(ran.map((s) => [s, median(counts[s])])),
  };
}

/**
 * The floor under any checkout on this machine: a bare transaction that decrements a stock row and
 * inserts an order row, `buyers` at a time, straight through `pg` (no HTTP, no application).
 */
async function bareTransactions(url: string, buyers: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: buyers });
  await pool.query('create table bench_stock (id int primary key, stock int not null); insert into bench_stock values (1, 1000000000); create table bench_order (id bigserial primary key, total int)');
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: buyers }, async () => {
    const client = await pool.connect();
    while (performance.now() < until) {
      await client.query('begin');
      await client.query({ name: 'dec', text: 'update bench_stock set stock = stock - 1 where id = 1 and stock > 0' });
      await client.query({ name: 'ins', text: 'insert into bench_order (total) values (100)' });
      await client.query('commit');
      done++;
    }
    client.release();
  }));
  await pool.query('drop table bench_stock; drop table bench_order');
  await pool.end();
  return done / seconds;
}

/** A running shop made ready for checkouts: a signed-in owner and 40 variants with plenty of stock. */
export interface CheckoutShop {
  shop: Child;
  admin: Client;
  client: Client;
  variants: string[];
  db: BenchDatabase['kind'];
  /** HTTP processes behind the shop's port: above 1, a /metrics scrape reaches one of them, so no statement count. */
  workers: number;
}

export async function prepareCheckoutShop(shop: Child, db: BenchDatabase['kind'], workers = 1): Promise<CheckoutShop> {
  const login = await new Client(shop.url).call('POST', '/admin/auth/login', BENCH_ADMIN);
  const admin = new Client(shop.url, login.body.token);
  return { shop, admin, client: new Client(shop.url), variants: await stockedVariants(admin, 40, 1_000_000), db, workers };
}

let buyerNumber = 0;

/** `buyers` buyers looping full checkouts for `duration` seconds; the figures of the run. */
export async function runCheckouts(target: CheckoutShop, buyers: number, duration: number, extra: Record<string, unknown> = {}, code?: string) {
  const { client, variants, shop } = target;
  const timings = Object.fromEntries(steps.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const errors = new Map<string, number>();
  let completed = 0;
  const run = async (until: number) => {
    while (performance.now() < until) {
      const i = buyerNumber++;
      const failed = await checkout(client, [variants[i % variants.length], variants[(i * 7 + 3) % variants.length]], timings, i, code);
      if (failed) errors.set(failed, (errors.get(failed) ?? 0) + 1);
      else completed++;
    }
  };
  const started = performance.now();
  const cpuBefore = { server: shop.cpuMs(), postgres: postgresCpuMs(), client: process.cpuUsage() };
  const counted = target.workers === 1;
  const workBefore = counted ? await databaseWork(shop) : null;
  await Promise.all(Array.from({ length: buyers }, () => run(started + duration * 1000)));
  const elapsed = (performance.now() - started) / 1000;
  const workAfter = workBefore ? await databaseWork(shop) : null;
  // What one checkout costs in CPU, whatever else the machine was doing (wall-clock rates vary with it).
  const cpuPerCheckout = (ms: number) => Number((ms / Math.max(completed, 1)).toFixed(2));
  return {
    bench: 'checkout', case: 'full_checkout', db: target.db, buyers,
    checkouts_per_sec: Number((completed / elapsed).toFixed(1)),
    ...extra,
    completed,
    // Every statement the process ran meanwhile, the background work the checkouts started included.
    ...(workBefore && workAfter ? {
      statements_per_checkout: Number(((workAfter.statements - workBefore.statements) / Math.max(completed, 1)).toFixed(1)),
      round_trips_per_checkout: Number(((workAfter.roundTrips - workBefore.roundTrips) / Math.max(completed, 1)).toFixed(1)),
    } : {}),
    server_cpu_ms_per_checkout: cpuPerCheckout(shop.cpuMs() - cpuBefore.server),
    ...(target.db === 'postgres' ? { postgres_cpu_ms_per_checkout: cpuPerCheckout(postgresCpuMs() - cpuBefore.postgres) } : {}),
    // This process's, the buyers': on a small machine the load generator takes CPU the shop cannot have.
    client_cpu_ms_per_checkout: cpuPerCheckout(cpuMsSince(cpuBefore.client)),
    errors: Object.fromEntries(errors),
    steps: Object.fromEntries(steps.filter((s) => timings[s].length).map((s) => {
      const sorted = [...timings[s]].sort((a, b) => a - b);
      return [s, { p50_ms: percentile(sorted, 50), p99_ms: percentile(sorted, 99) }];
    })),
  };
}

function cpuMsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** A new product with 50 units, 200 buyers at once, each buying one of it (and two of a filler). */
export async function flashSale(target: CheckoutShop) {
  const { admin, client, variants } = target;
  const created = await admin.call('POST', '/admin/products', {
    title: `Flash Sale ${Date.now()}`, status: 'published', variants: [{ sku: `FLASH-${Date.now()}`, prices: [{ currency_code: 'USD', amount: 4999 }] }],
  });
  const saleVariant = created.body.variants[0].id as string;
  const location = (await admin.call('GET', '/admin/inventory/locations')).body.data[0].id as string;
  await admin.call('POST', '/admin/inventory/adjustments', { variant_id: saleVariant, location_id: location, delta: 50, reason: 'received' });
  const timings = Object.fromEntries(steps.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const saleStart = performance.now();
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) => checkout(client, [saleVariant, variants[i % variants.length]], timings, 1_000_000 + buyerNumber++)));
  const saleSeconds = (performance.now() - saleStart) / 1000;
  const level = (await admin.call('GET', `/admin/inventory/items/${saleVariant}`)).body.levels[0];
  const orders = results.filter((r) => r === null).length;
  return {
    bench: 'checkout', case: 'flash_sale', db: target.db, buyers: 200, units: 50,
    orders, orders_per_sec: Number((orders / saleSeconds).toFixed(1)), seconds: Number(saleSeconds.toFixed(2)),
    committed: level.committed, available_after: level.available, oversell: Math.max(0, level.committed - 50, orders - 50),
  };
}

export async function benchCheckout(database: BenchDatabase, buyers = Number(process.env.BENCH_BUYERS ?? 20)): Promise<void> {
  const bare = database.kind === 'postgres' ? await bareTransactions(database.env.DATABASE_URL, buyers) : null;
  if (bare) report({ bench: 'checkout', case: 'bare_pg_transaction', db: database.kind, buyers, transactions_per_sec: Math.round(bare) });
  const shop = await startShop(database.env);
  try {
    const target = await prepareCheckoutShop(shop, database.kind);
    await runCheckouts(target, buyers, 2); // warm-up
    report(await statementsPerCheckout(target, 10));
    const figures = await runCheckouts(target, buyers, seconds);
    const ratio = bare ? { ratio_to_bare_transaction: Number((figures.checkouts_per_sec / bare).toFixed(3)) } : {};
    report({ ...figures, ...ratio, server_peak_rss_mb: shop.peakRssMb() });
    // Every buyer enters the same code: its use is counted on one row, the busiest a promotion gets.
    const promotion = await target.admin.call('POST', '/admin/promotions', { code: 'BENCH10', type: 'percentage', value: 10 });
    if (promotion.status !== 201) throw new Error(`promotion: ${JSON.stringify(promotion.body)}`);
    const withCode = await runCheckouts(target, buyers, seconds, {}, 'bench10');
    report({ ...withCode, case: 'checkout_with_code', ratio_to_without_code: Number((withCode.checkouts_per_sec / figures.checkouts_per_sec).toFixed(3)) });
    report(await flashSale(target));
  } finally {
    await shop.stop();
  }
}
