// @ts-check
/**
 * The embedded database's own thread. PGlite runs each statement synchronously on the thread that
 * calls it, so it lives here, away from the HTTP thread: a slow or stuck statement then delays only
 * the statements queued behind it, never the health check, other I/O or signal handling.
 *
 * The HTTP thread speaks PostgreSQL's wire protocol to this thread (through `pg`, exactly as to a
 * server) and this thread hands the bytes to PGlite, so parsing and serializing stay on the HTTP
 * thread and PGlite's work is all that runs here. Messages are handled one at a time, in order.
 *
 * Plain JavaScript, not TypeScript: a worker thread starts from a file Node can run as is, both from
 * the sources (tests, tsx) and next to the bundle (`scripts/build.mjs` copies it to dist/).
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** @typedef {{ id: number, op: 'exec', bytes: Uint8Array } | { id: number, op: 'dump', compression?: 'none' | 'gzip' } | { id: number, op: 'reset' | 'close' }} Request */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { dataDir, loadDataDir, startParams } = /** @type {{ dataDir?: string, loadDataDir?: Uint8Array, startParams: string[] }} */ (workerData);

const options = {
  loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
  startParams: [...PGlite.defaultStartParams, ...startParams],
  // Typo-tolerant product search (migration 0013) needs trigram similarity, as on a PostgreSQL server.
  extensions: { pg_trgm },
};

/** @type {PGlite} */
let pglite;
try {
  pglite = dataDir ? new PGlite(path.join(dataDir, 'pglite'), options) : new PGlite(options);
  await pglite.waitReady;
  abandonOnForeignErrors(pglite);
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: String(/** @type {Error} */ (error)?.stack ?? error) });
  process.exit(1);
}

/**
 * PGlite runs PostgreSQL's main loop in `execProtocolRawSync`, catching what it throws: PostgreSQL's own
 * errors (a longjmp, which it handles) and, silently, anything else — a JavaScript stack overflow
 * inside the WebAssembly, a trap. Those leave PostgreSQL's state half-changed (its error stack, locks,
 * buffers): the statements after them return wrong answers or no rows, or loop forever at 100 % CPU
 * (docs/pglite-stack-overflow.md). So on such an error this thread reports it and ends at once, out of
 * PGlite's loop; the process restarts it (docs/configuration.md) and the data directory recovers as
 * after a crash. A stack big enough for PostgreSQL's own depth check to fire first (DatabaseThread)
 * keeps this for the unforeseen.
 * @param {PGlite} db
 */
function abandonOnForeignErrors(db) {
  const mod = db.Module;
  const loopOnce = mod._PostgresMainLoopOnce;
  mod._PostgresMainLoopOnce = () => {
    try {
      return loopOnce();
    } catch (error) {
      if (/** @type {{ status?: number }} */ (error)?.status !== db.POSTGRES_MAIN_LONGJMP) {
        port.postMessage({ fatal: `PostgreSQL was interrupted by a JavaScript error inside it (${error}); its state cannot be trusted` });
        process.exit(1);
      }
      throw error;
    }
  };
}

/**
 * Runs wire-protocol bytes and returns PostgreSQL's answer, as bytes. Not `execProtocolRaw`: that also
 * parses every message into a list PGlite never empties (only its `query()` does), which grows by each
 * answer for the life of the process.
 * @param {Uint8Array} bytes
 */
async function exec(bytes) {
  /** @type {Uint8Array[]} */
  const chunks = [];
  let length = 0;
  await pglite.execProtocolRawStream(bytes, {
    syncToFs: false,
    // A view into PostgreSQL's memory, valid only during the call: copied.
    onRawData: (chunk) => {
      chunks.push(chunk.slice());
      length += chunk.length;
    },
  });
  if (chunks.length === 1) return chunks[0];
  const answer = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    answer.set(chunk, at);
    at += chunk.length;
  }
  return answer;
}

/** @param {Request} request */
async function handle(request) {
  try {
    switch (request.op) {
      case 'exec': {
        const bytes = await exec(request.bytes);
        port.postMessage({ id: request.id, bytes }, [bytes.buffer]);
        return;
      }
      case 'reset':
        // A new connection starts clean: the previous one may have been dropped mid-transaction
        // (by the watchdog), and its prepared statements' names will be prepared again.
        if (pglite.isInTransaction()) await pglite.exec('rollback');
        await pglite.exec('discard all');
        port.postMessage({ id: request.id });
        return;
      case 'dump': {
        const blob = /** @type {Blob} */ (await pglite.dumpDataDir(request.compression ?? 'none'));
        const bytes = new Uint8Array(await blob.arrayBuffer());
        port.postMessage({ id: request.id, bytes }, [bytes.buffer]);
        return;
      }
      case 'close':
        await pglite.close();
        port.postMessage({ id: request.id });
        port.close();
        return;
    }
  } catch (error) {
    port.postMessage({ id: request.id, error: String(/** @type {Error} */ (error)?.stack ?? error) });
  }
}

// One request at a time, in arrival order: `reset` and `dump` await inside PGlite, and nothing may
// run between their steps.
let queue = Promise.resolve();
port.on('message', (/** @type {Request} */ request) => {
  queue = queue.then(() => handle(request));
});
