import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { serveControlSocket } from './control-socket.ts';
import { loadDataKeys } from './crypto/key-file.ts';
import { relayChanges } from './db/changes.ts';
import { openDatabase, type DatabaseHandle } from './db/connection.ts';
import type { StuckStatement } from './db/database-thread.ts';
import { migrateToLatest } from './db/migrate.ts';
import { databaseTarget } from './db/target.ts';
import { setUpShopOnce, type FirstStart } from './first-start.ts';
import { buildApp } from './http/app.ts';
import { metricsPortServedByPrimary } from './http/cluster-metrics.ts';
import { serveMetricsPort } from './http/metrics.ts';
import { startBackgroundWork, type BackgroundWork } from './modules/jobs/background-work.ts';
import { builtInPaymentProviders } from './modules/payments/providers.ts';
import { startTracing } from './telemetry/tracing.ts';

export interface RunningShop {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  firstStart: FirstStart | null;
  stop(): Promise<void>;
}

/**
 * config → database (migrated, set up on first start) → app → listening. `background: false` leaves the
 * background work to the other processes (workers.ts runs it in one worker of several).
 */
export async function startShop(config: Config, { background = true }: { background?: boolean } = {}): Promise<RunningShop> {
  loadDataKeys(config);
  const stopTracing = await startTracing();
  const database = await openDatabase(databaseTarget(config));
  let backgroundWork: BackgroundWork | undefined;
  try {
    await migrateToLatest(database.db);
    const firstStart = await setUpShopOnce(database.db, config);
    const stopRelay = await relayChanges(database);
    const paymentProviders = builtInPaymentProviders(config);
    const app = await buildApp({ db: database.db, readDb: database.readDb, replica: database.replica, config, observer: database.observer, paymentProviders });
    watchDatabase(database, app.log);
    // Events, webhooks, the payment-webhook inbox and scheduled jobs, shared with the other processes.
    const work = background
      ? (backgroundWork = await startBackgroundWork({ db: database.db, config, providers: paymentProviders, log: app.log }))
      : null;
    const address = await app.listen({ port: config.port, host: config.host });
    // `cartwright backup` reaches a running shop's embedded database through this (control-socket.ts).
    const stopControl = database.kind === 'embedded'
      ? await serveControlSocket(config.dataDir, database, (err) => app.log.error({ err }, 'control request failed'))
      : null;
    const metricsPort = config.metricsPort === null || !app.metrics || metricsPortServedByPrimary() ? null : await serveMetricsPort(app.metrics.scrape, config.metricsPort, config.metricsHost);
    const url = config.publicUrl ?? address.replace('://[::1]', '://localhost');
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url,
      firstStart,
      // Stop accepting connections and claiming background work, let what is in flight finish, then
      // close the database. What a stuck database holds up is given up after a while, so a stop always
      // ends: closing the embedded database then stops its thread, which fails the waiting statements.
      stop: () => (stopping ??= (async () => {
        await settledWithin(Promise.all([app.close(), work?.stop(), stopControl?.(), metricsPort?.close()]), GRACEFUL_STOP_MS);
        await stopRelay();
        await database.close();
        await stopTracing();
      })()),
    };
  } catch (error) {
    await backgroundWork?.stop().catch(() => {});
    await database.close().catch(() => {});
    await stopTracing().catch(() => {});
    throw error;
  }
}

/** How long a stop waits for in-flight requests and background work before closing the database under them. */
const GRACEFUL_STOP_MS = 8_000;

function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.then(() => {}, () => {}),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer));
}

/** The embedded database's watchdog, in the log: which statement got stuck, and for how long. */
function watchDatabase(database: DatabaseHandle, log: FastifyBaseLogger): void {
  const thread = database.thread;
  if (!thread) return;
  thread.on('stalled', (stuck: StuckStatement) => log.error(stuck, 'database stalled: a statement is running past DATABASE_STALL_TIMEOUT_MS; requests get 503 database_unavailable'));
  thread.on('recovered', ({ runningMs }: { runningMs: number }) => log.warn({ runningMs }, 'database answering again'));
  thread.on('wedged', (stuck: StuckStatement) => log.fatal(stuck, 'database wedged past DATABASE_WEDGED_EXIT_MS'));
  thread.on('down', (error: Error) => log.fatal({ err: error }, 'the embedded database thread stopped'));
}

/**
 * `cartwright start` gives up when the embedded database is wedged or its thread is gone: it exits
 * non-zero so a process supervisor starts it again (the data is safe; the next start recovers).
 */
export function exitWhenDatabaseLost(shop: RunningShop): void {
  const exit = () => setImmediate(() => process.exit(70));
  shop.database.thread?.on('wedged', exit);
  shop.database.thread?.on('down', exit);
}

export function banner(shop: RunningShop, config: Config): string {
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  const lines = [
    '',
    `Cartwright is running on the ${where}`,
    `  Store API   ${shop.url}/store/products`,
    `  Admin API   ${shop.url}/admin  (sign in: POST ${shop.url}/admin/auth/login)`,
    `  API docs    ${shop.url}/docs`,
    `  Admin app   ${shop.url}/app`,
  ];
  if (shop.firstStart) {
    const { admin, demoProducts } = shop.firstStart;
    lines.push(`  Owner       ${admin.email}`);
    if (admin.password) lines.push(`  Password    ${admin.password}   (shown this once: keep it somewhere safe)`);
    if (demoProducts) lines.push(`  Demo data   ${demoProducts} products loaded`);
  }
  return `${lines.join('\n')}\n`;
}

/** Stops gracefully on SIGTERM/SIGINT; a second signal or a stuck shutdown forces the exit. */
export function stopOnSignals(shop: RunningShop, log: (message: string) => void): void {
  let signalled = false;
  const onSignal = (signal: string) => {
    if (signalled) process.exit(1);
    signalled = true;
    exitGracefully(shop, log, `${signal} received`);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

let exiting = false;

/** Finishes in-flight requests and background work, then exits; once, whoever asks first (a signal, the primary). */
export function exitGracefully(shop: RunningShop, log: (message: string) => void, why: string): void {
  if (exiting) return;
  exiting = true;
  log(`${why}: finishing in-flight requests, then stopping`);
  setTimeout(() => process.exit(1), 15_000).unref();
  shop.stop().then(() => process.exit(0), () => process.exit(1));
}
