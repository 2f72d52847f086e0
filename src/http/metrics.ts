import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { DatabaseObserver } from '../db/database-observer.ts';
import type { ReplicaRouter } from '../db/read-replica.ts';
import { subscriptionProgress } from '../modules/events/subscription-progress.ts';
import { listJobs } from '../modules/jobs/scheduler.ts';
import { deliveryBacklog } from '../modules/webhooks/deliveries.ts';
import { scraperOf } from './cluster-metrics.ts';
import { send } from './error-handler.ts';

/** The routes whose answers are payment outcomes, and the step each one is. */
const PAYMENT_STEPS: Record<string, string> = {
  'POST /store/carts/:id/payment': 'authorize',
  'POST /store/carts/:id/complete': 'complete',
  'POST /admin/orders/:id/capture': 'capture',
  'POST /admin/orders/:id/refunds': 'refund',
};
const CHECKOUT_ROUTE = 'POST /store/carts/:id/complete';
/** Error codes that mean "not enough stock" to a buyer. */
const STOCK_REFUSALS = new Set(['insufficient_inventory']);
const ERROR_CODE = /^\{"error":\{"code":"([a-z_]+)"/;

/**
 * Prometheus metrics of one process (docs/operations.md): HTTP traffic per route, checkouts, payment
 * outcomes, stock refusals, the database pool and statement times, Node's own (RSS, heap, event-loop
 * lag); and, read from the database at each scrape, the shop-wide backlog of events, webhook
 * deliveries and job runs. Served at /metrics with METRICS_TOKEN as a bearer token, or without one
 * on METRICS_PORT (serveMetricsPort), or not at all.
 */
export function registerMetrics(app: FastifyInstance, { db, config, observer, replica }: { db: Db; config: Config; observer?: DatabaseObserver; replica?: ReplicaRouter }): void {
  // Off unless asked for: a shop nobody scrapes pays nothing per request.
  app.decorate('metrics', null);
  if (!config.metricsToken && config.metricsPort === null) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'cartwright_http_request_duration_seconds', help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status_code'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const errors = new Counter({ name: 'cartwright_http_errors_total', help: 'Error answers by route pattern and error code', labelNames: ['route', 'code'], registers: [registry] });
  const checkouts = new Counter({ name: 'cartwright_checkouts_completed_total', help: 'Carts completed into orders', registers: [registry] });
  const payments = new Counter({
    name: 'cartwright_payment_outcomes_total', help: 'Payment steps (authorize, complete, capture, refund) by outcome: succeeded or the error code',
    labelNames: ['step', 'outcome'], registers: [registry],
  });
  const stockRefusals = new Counter({ name: 'cartwright_stock_refusals_total', help: 'Requests refused for want of stock', labelNames: ['route'], registers: [registry] });

  // Callback hooks, not async ones: a promise per hook per request costs a cached catalog page dearly.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      const code = ERROR_CODE.exec(payload)?.[1];
      if (code) (request as MeteredRequest).errorCode = code;
    }
    done(null, payload);
  });
  // Each method, route and status's series, found once: prom-client builds a key from the labels on every observe.
  const timers = new Map<string, Histogram.Internal<'method' | 'route' | 'status_code'>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    const status = reply.statusCode;
    const series = `${request.method} ${status} ${route}`;
    let timer = timers.get(series);
    if (!timer) timers.set(series, (timer = requests.labels(request.method, route, String(status))));
    timer.observe(reply.elapsedTime / 1000);
    const code = (request as MeteredRequest).errorCode;
    if (code) {
      errors.inc({ route, code });
      if (STOCK_REFUSALS.has(code)) stockRefusals.inc({ route });
    }
    const key = `${request.method} ${route}`;
    const step = PAYMENT_STEPS[key];
    if (step) payments.inc({ step, outcome: status < 400 ? 'succeeded' : code ?? String(status) });
    if (key === CHECKOUT_ROUTE && status < 400) checkouts.inc();
    done();
  });

  if (observer) databaseMetrics(registry, observer);
  if (replica) replicaMetrics(registry, replica);
  backlogMetrics(registry, db);

  const scrape = scraperOf(registry);
  app.metrics = { registry, scrape };
  if (config.metricsToken) {
    const expected = Buffer.from(`Bearer ${config.metricsToken}`);
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return send(reply, 'unauthorized');
      return reply.type(registry.contentType).send(await scrape());
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's metrics (registerMetrics), and the scrape that answers them (the cluster's, in a worker); null when they are off. */
    metrics: { registry: Registry; scrape(): Promise<string> } | null;
  }
}

type MeteredRequest = FastifyRequest & { errorCode?: string };

/** The route pattern, never the raw URL: one series per route, whatever ids and queries callers send. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(no route)';
}

function databaseMetrics(registry: Registry, observer: DatabaseObserver): void {
  const statements = new Histogram({
    name: 'cartwright_db_statement_duration_seconds',
    help: 'Round trips to the database: each statement sent (failed ones too) with the BEGIN or COMMIT it carries, and how long it took, waiting included',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [registry],
  });
  const executed = new Counter({
    name: 'cartwright_db_statements_total', help: 'SQL statements the database ran, a BEGIN or COMMIT carried with a statement included', registers: [registry],
  });
  observer.onStatement((seconds, count) => {
    statements.observe(seconds);
    executed.inc(count);
  });
  new Gauge({
    name: 'cartwright_db_pool_connections', help: 'Database connections: open, idle, and callers waiting for one', labelNames: ['state'], registers: [registry],
    collect() {
      const use = observer.poolUse();
      this.set({ state: 'open' }, use.total);
      this.set({ state: 'idle' }, use.idle);
      this.set({ state: 'waiting' }, use.waiting);
    },
  });
}

/**
 * The read replica (DATABASE_READ_URL): which database each replica-safe read went to and why, and,
 * asked of both servers at each scrape, how far the replica's replay is behind the primary.
 */
function replicaMetrics(registry: Registry, replica: ReplicaRouter): void {
  const reads = new Counter({
    name: 'cartwright_db_replica_reads_total',
    help: 'Replica-safe reads by route: replica, replica_caught_up (after a change, once the replica had replayed it), primary_lagging, primary_replica_down',
    labelNames: ['route'], registers: [registry],
  });
  replica.onRoute((route) => reads.inc({ route }));
  new Gauge({
    name: 'cartwright_db_replica_waiting_reads', help: 'Reads waiting now for the replica to replay a change they must see', registers: [registry],
    collect() {
      this.set(replica.waitingReads);
    },
  });
  let reading: Promise<Awaited<ReturnType<ReplicaRouter['lag']>>> | null = null;
  // One question to both servers serves the gauges of a scrape (their collects start together).
  const read = () => (reading ??= replica.lag().finally(() => (reading = null)));
  new Gauge({
    name: 'cartwright_db_replica_up', help: 'Whether the read replica answered this scrape (1) or not (0)', registers: [registry], aggregator: 'max',
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'cartwright_db_replica_lag_bytes', help: 'WAL the replica has yet to replay: the primary\'s position minus the replica\'s', registers: [registry], aggregator: 'max',
    async collect() {
      const lag = await read();
      if (lag) this.set(lag.bytes);
    },
  });
  new Gauge({
    name: 'cartwright_db_replica_lag_seconds', help: 'Age of the last transaction the replica replayed while it has more to replay (0 when caught up)', registers: [registry], aggregator: 'max',
    async collect() {
      const lag = await read();
      if (lag) this.set(lag.seconds);
    },
  });
}

/** Shop-wide figures read from the database (the same from every process, so a cluster's sum takes one: `max`), once per scrape. */
function backlogMetrics(registry: Registry, db: Db): void {
  // One read serves the four gauges of a scrape. A database that does not answer leaves them out of
  // that scrape rather than failing it: the process's own figures matter most just then.
  let reading: Promise<Backlog> | null = null;
  const read = () => (reading ??= readBacklog(db).catch(() => EMPTY_BACKLOG).finally(() => setTimeout(() => (reading = null), 1000).unref()));
  new Gauge({
    name: 'cartwright_outbox_lag_events', help: 'Events each subscriber has yet to handle', labelNames: ['subscriber'], registers: [registry], aggregator: 'max',
    async collect() {
      for (const s of (await read()).subscribers) this.set({ subscriber: s.name }, s.behind);
    },
  });
  new Gauge({
    name: 'cartwright_outbox_lag_seconds', help: 'Age of the oldest event each subscriber has yet to handle (0 when none waits)', labelNames: ['subscriber'], registers: [registry], aggregator: 'max',
    async collect() {
      const { subscribers, now } = await read();
      for (const s of subscribers) this.set({ subscriber: s.name }, s.oldest_waiting_at ? Math.max(0, (now - s.oldest_waiting_at.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'cartwright_outbox_unsequenced_events', help: 'Committed events the dispatcher has not yet put in order (it does that first)', registers: [registry], aggregator: 'max',
    async collect() {
      const { unsequenced } = await read();
      if (unsequenced !== null) this.set(unsequenced);
    },
  });
  new Gauge({
    name: 'cartwright_webhook_deliveries', help: 'Webhook deliveries waiting to be sent (pending) and given up on (failed)', labelNames: ['status'], registers: [registry], aggregator: 'max',
    async collect() {
      const { deliveries } = await read();
      if (!deliveries) return;
      this.set({ status: 'pending' }, deliveries.pending);
      this.set({ status: 'failed' }, deliveries.failed);
    },
  });
  new Gauge({
    name: 'cartwright_job_runs', help: 'Scheduled job runs since the job was registered, across the cluster, by outcome', labelNames: ['job', 'outcome'], registers: [registry], aggregator: 'max',
    async collect() {
      for (const job of (await read()).jobs) {
        this.set({ job: job.name, outcome: 'succeeded' }, job.run_count - job.failure_count);
        this.set({ job: job.name, outcome: 'failed' }, job.failure_count);
      }
    },
  });
}

interface Backlog {
  subscribers: { name: string; behind: number; oldest_waiting_at: Date | null }[];
  unsequenced: number | null;
  deliveries: { pending: number; failed: number } | null;
  jobs: { name: string; run_count: number; failure_count: number }[];
  now: number;
}
const EMPTY_BACKLOG: Backlog = { subscribers: [], unsequenced: null, deliveries: null, jobs: [], now: 0 };

async function readBacklog(db: Db): Promise<Backlog> {
  const [progress, deliveries, jobs] = await Promise.all([subscriptionProgress(db), deliveryBacklog(db), listJobs(db, new Map())]);
  return { subscribers: progress.data, unsequenced: progress.unsequenced, deliveries, jobs, now: Date.now() };
}

/** METRICS_PORT: /metrics without a token on a listener of its own (METRICS_HOST, loopback by default). */
export async function serveMetricsPort(scrape: () => Promise<string>, port: number, host: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    scrape().then(
      (text) => res.writeHead(200, { 'content-type': Registry.PROMETHEUS_CONTENT_TYPE }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
