import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { ConfigError, type Config } from './config.ts';
import { clusterScraper, reportMetricsToPrimary } from './http/cluster-metrics.ts';
import { serveMetricsPort } from './http/metrics.ts';
import { banner, exitGracefully, exitWhenDatabaseLost, startShop, stopOnSignals } from './main.ts';

/**
 * `cartwright start --workers N` (docs/operations.md): a primary process that runs no shop itself and
 * forks N workers, each a whole shop (startShop) listening on the one port, which node:cluster shares
 * (the primary accepts the connections and hands them to the workers in turn). The background work
 * runs in one worker only: the leases would keep N copies correct, but each copy polls the database
 * on its own, for nothing while another holds the work. The primary replaces a worker that dies and,
 * on SIGHUP, replaces each in turn without refusing a request.
 */

/** How many HTTP processes: the flag, else WORKERS, else the CPU count on PostgreSQL; one process holds an embedded database. */
export function workerCount(config: Config, flag?: number): number {
  const asked = flag ?? config.workers;
  if (!config.databaseUrl) {
    if (asked !== null && asked > 1) {
      throw new ConfigError(`${flag === undefined ? 'WORKERS=' : '--workers '}${asked} needs a PostgreSQL server (DATABASE_URL): the embedded database is opened by one process only`);
    }
    return 1;
  }
  return asked ?? os.availableParallelism();
}

/** Set in a worker's environment by the primary: whether it runs the background work. */
const BACKGROUND_ENV = 'CARTWRIGHT_WORKER_BACKGROUND';
/** How long a worker told to stop keeps serving, closing each connection after its answer, before it stops listening. */
const DRAIN_MS = 1000;
/** A worker that dies is replaced after 1 s, doubling with each death in the last minute, up to 30 s. */
const RESTART_BASE_MS = 1000;
const RESTART_MAX_MS = 30_000;
const RESTART_WINDOW_MS = 60_000;
/** How long the primary waits for its workers to stop before killing them. */
const STOP_TIMEOUT_MS = 20_000;

type ToPrimary = { type: 'ready'; banner: string };
type ToWorker = { type: 'stop' };

/** In a worker process: the shop, which tells the primary once it listens and stops when told to. */
export async function runWorker(config: Config): Promise<void> {
  // The primary decides when workers go (a reload is its SIGHUP): a terminal hangup reaching the whole group must not.
  process.on('SIGHUP', () => {});
  reportMetricsToPrimary();
  const shop = await startShop(config, { background: process.env[BACKGROUND_ENV] === '1' });
  const log = (message: string) => shop.app.log.info(message);
  stopOnSignals(shop, log);
  exitWhenDatabaseLost(shop);
  process.on('message', async (message: ToWorker) => {
    if (message?.type !== 'stop') return;
    // Keep-alive clients move to the other workers: each answer from now on closes its connection, so
    // none is left idle for a client to reuse at the moment this worker stops listening.
    shop.app.server.prependListener('request', (_request, response) => response.setHeader('connection', 'close'));
    await sleep(DRAIN_MS);
    exitGracefully(shop, log, 'asked to stop by the primary');
  });
  process.send!({ type: 'ready', banner: banner(shop, config) } satisfies ToPrimary);
}

interface Slot {
  worker: Worker;
  /** Whether this worker runs the background work. */
  background: boolean;
  /** Listening, and listening for the primary's stop. */
  ready: boolean;
  /** Told to stop (a reload, a shutdown): its exit is expected. */
  stopping: boolean;
}

/** In the primary: forks the workers, prints the banner once, restarts, reloads and stops them. */
export async function runPrimary(config: Config, count: number): Promise<void> {
  const log = pino({ level: config.logLevel, base: { pid: process.pid, role: 'primary' } });
  const slots = new Set<Slot>();
  const deaths: number[] = [];
  let shuttingDown = false;

  /** A new worker, resolved once it listens; rejected if it exits first. */
  const fork = (background: boolean): Promise<{ slot: Slot; banner: string }> => new Promise((resolve, reject) => {
    const worker = cluster.fork({ [BACKGROUND_ENV]: background ? '1' : '0' });
    const slot: Slot = { worker, background, ready: false, stopping: false };
    slots.add(slot);
    worker.on('message', (message: ToPrimary) => {
      if (message?.type !== 'ready') return;
      slot.ready = true;
      resolve({ slot, banner: message.banner });
    });
    worker.on('exit', (code, signal) => {
      slots.delete(slot);
      if (!slot.ready) return reject(new Error(`worker ${worker.process.pid} exited before it listened (${signal ?? `code ${code}`})`));
      if (slot.stopping || shuttingDown) return;
      log.error({ worker: worker.process.pid, code, signal }, 'worker died: starting another');
      void replace(slot.background);
    });
  });

  const replace = async (background: boolean): Promise<void> => {
    const now = Date.now();
    deaths.push(now);
    while (deaths[0] < now - RESTART_WINDOW_MS) deaths.shift();
    await sleep(Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (deaths.length - 1)));
    if (shuttingDown) return;
    try {
      const { slot } = await fork(background);
      log.info({ worker: slot.worker.process.pid }, 'worker replaced');
    } catch (error) {
      log.error({ err: error }, 'replacement worker failed to start: trying again');
      void replace(background);
    }
  };

  const stop = (slot: Slot): Promise<void> => new Promise((resolve) => {
    slot.stopping = true;
    if (slot.worker.isDead()) return resolve();
    slot.worker.once('exit', () => resolve());
    // One still starting serves nothing yet and does not listen for the message.
    if (slot.ready) slot.worker.send({ type: 'stop' } satisfies ToWorker);
    else slot.worker.process.kill('SIGTERM');
  });

  // Replace the workers one at a time: the new one listens before the old one stops, so the port is
  // always served. New workers run the code installed now: a reload is also how an upgrade goes live.
  let reloading: Promise<void> | null = null;
  let reloadAgain = false;
  const reload = async (): Promise<void> => {
    do {
      reloadAgain = false;
      log.info({ workers: slots.size }, 'SIGHUP: replacing the workers one at a time');
      for (const old of [...slots]) {
        if (shuttingDown) return;
        if (!slots.has(old) || old.stopping) continue;
        try {
          const { slot } = await fork(old.background);
          await stop(old);
          log.info({ old: old.worker.process.pid, new: slot.worker.process.pid }, 'worker reloaded');
        } catch (error) {
          log.error({ err: error }, 'reload stopped: a new worker did not start, the running ones carry on');
          return;
        }
      }
    } while (reloadAgain);
  };
  let started = false;
  process.on('SIGHUP', () => {
    if (!started) return void log.warn('SIGHUP while the workers start: ignored');
    if (shuttingDown) return;
    if (reloading) reloadAgain = true;
    else reloading = reload().finally(() => (reloading = null));
  });

  const shutDown = (signal: string) => {
    if (shuttingDown) {
      for (const { worker } of slots) worker.process.kill('SIGKILL');
      process.exit(1);
    }
    shuttingDown = true;
    log.info({ signal }, 'stopping the workers');
    setTimeout(() => {
      for (const { worker } of slots) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    Promise.all([...slots].map(stop)).then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutDown('SIGTERM'));
  process.on('SIGINT', () => shutDown('SIGINT'));

  // /metrics answers the whole cluster's figures, which the primary sums (http/cluster-metrics.ts).
  const scrapeCluster = config.metricsToken || config.metricsPort !== null
    ? clusterScraper(() => [...slots].filter((s) => s.ready && !s.worker.isDead()).map((s) => s.worker))
    : null;

  // The first worker migrates the database and sets the shop up alone; the others join it.
  let first: { slot: Slot; banner: string };
  try {
    first = await fork(true);
    await Promise.all(Array.from({ length: count - 1 }, () => fork(false)));
  } catch (error) {
    shuttingDown = true;
    await Promise.all([...slots].map(stop));
    throw error;
  }
  if (scrapeCluster && config.metricsPort !== null) await serveMetricsPort(scrapeCluster, config.metricsPort, config.metricsHost);
  started = true;
  process.stdout.write(`${first.banner}  Workers     ${count} processes (primary ${process.pid}: SIGHUP reloads them, SIGTERM stops them)\n`);
}
