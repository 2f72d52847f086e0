import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * The metrics of a `--workers` cluster (src/workers.ts) as one shop's. A scrape reaches one worker
 * (the port is shared), so each worker's /metrics asks the primary, which collects every worker's
 * registry over IPC and answers their sum, added up by prom-client's AggregatorRegistry: counters and
 * histograms add up, shop-wide gauges read from the database declare `aggregator: 'max'` so they are
 * not counted once per worker. The primary also serves METRICS_PORT itself.
 */

const SCRAPE = 'cartwright:metrics-scrape';
const SCRAPED = 'cartwright:metrics-scraped';
const COLLECT = 'cartwright:metrics-collect';
const COLLECTED = 'cartwright:metrics-collected';
/** How long the primary waits for a worker's figures: a scrape missing one would show its counters as reset, so it fails instead. */
const COLLECT_TIMEOUT_MS = 5_000;

type Metrics = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
type Message =
  | { type: typeof SCRAPE | typeof COLLECT; id: number }
  | { type: typeof SCRAPED; id: number; text?: string; error?: string }
  | { type: typeof COLLECTED; id: number; metrics?: Metrics; error?: string };

let workerOfCluster = false;

/** Called by a worker of our own primary before its shop starts: its metrics are the cluster's from then on. */
export function reportMetricsToPrimary(): void {
  workerOfCluster = true;
}

/** Whether the primary serves METRICS_PORT (this process is one of its workers). */
export function metricsPortServedByPrimary(): boolean {
  return workerOfCluster;
}

/**
 * How this process answers a scrape of `registry`: its own figures, or in a worker the cluster's,
 * summed by the primary (which asks each worker for its registry).
 */
export function scraperOf(registry: Registry): () => Promise<string> {
  if (!workerOfCluster) return () => registry.metrics();
  process.on('message', (message: Message) => {
    if (message?.type !== COLLECT) return;
    const { id } = message;
    registry.getMetricsAsJSON().then(
      (metrics) => process.send!({ type: COLLECTED, id, metrics } satisfies Message),
      (error: Error) => process.send!({ type: COLLECTED, id, error: error.message } satisfies Message),
    );
  });
  return async () => (await request((id) => process.send!({ type: SCRAPE, id } satisfies Message), (handler) => {
    process.on('message', handler);
    return () => process.off('message', handler);
  }, SCRAPED, 2 * COLLECT_TIMEOUT_MS, 'the primary')).text!;
}

/**
 * In the primary: answers the workers' scrapes with the sum of the figures of `workers()` (those
 * listening: one still starting has no figures yet); returns that scrape, for METRICS_PORT.
 */
export function clusterScraper(workers: () => Worker[]): () => Promise<string> {
  const listeners = new Set<(message: Message, worker: Worker) => void>();
  cluster.on('message', (worker, message: Message) => {
    for (const listener of listeners) listener(message, worker);
    if (message?.type !== SCRAPE) return;
    scrape().then(
      (text) => worker.send({ type: SCRAPED, id: message.id, text } satisfies Message),
      (error: Error) => worker.send({ type: SCRAPED, id: message.id, error: error.message } satisfies Message),
    );
  });
  const collect = async (worker: Worker) => (await request((id) => worker.send({ type: COLLECT, id } satisfies Message), (handler) => {
    const fromThisWorker = (message: Message, from: Worker) => from === worker && handler(message);
    listeners.add(fromThisWorker);
    return () => listeners.delete(fromThisWorker);
  }, COLLECTED, COLLECT_TIMEOUT_MS, `worker ${worker.process.pid}`)).metrics!;
  const scrape = async () => AggregatorRegistry.aggregate(await Promise.all(workers().map(collect))).metrics();
  return scrape;
}

let nextId = 0;

type Answer = { text?: string; metrics?: Metrics; error?: string };

/** Sends a request over IPC and waits for the answer of type `answer` with its id. */
function request(send: (id: number) => void, listen: (handler: (message: Message) => void) => () => void, answer: Message['type'], timeoutMs: number, who: string): Promise<Answer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const stop = listen((message) => {
      if (message?.type !== answer || message.id !== id) return;
      finish();
      const answered = message as Answer;
      if (answered.error !== undefined) reject(new Error(`${who} could not give its metrics: ${answered.error}`));
      else resolve(answered);
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${who} did not give its metrics within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      stop();
    };
    send(id);
  });
}
