import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';

/** Why the embedded database cannot answer now: a statement stuck past the limit, or its thread gone. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'database_unavailable';
  constructor(readonly reason: string, readonly statement?: string) {
    super(`the database is not answering: ${reason}`);
  }
}

export interface WatchdogLimits {
  /** A request running longer than this marks the database stalled: callers get DatabaseUnavailableError. */
  stallMs: number;
  /** Stalled longer than this, the thread is wedged: the `wedged` event tells the process to give up. */
  wedgedMs: number;
}

export interface StuckStatement {
  /** What was sent: the statement's name and the start of its text. */
  statement: string;
  runningMs: number;
}

/** A data directory (PGlite's files go in its pglite/ folder), or memory; either can start from a tarball. */
type Source = { dataDir?: string; loadDataDir?: Blob };

interface Pending {
  sentAt: number;
  /** The first bytes of what was sent, to name the statement if it gets stuck. */
  head: Uint8Array;
  resolve(value: Uint8Array | undefined): void;
  reject(error: Error): void;
}

/**
 * The thread's stack. PostgreSQL guards its recursion (deep expressions, PL/pgSQL calls, nested JSON)
 * by measuring its own stack in WebAssembly memory (max_stack_depth, 2 MB), but each level also takes
 * the thread's JavaScript stack, which on a main thread (~1 MB) runs out first: at 300 nested function
 * calls in one expression. Measured here: a worker's default 4 MB overflowed on a PL/pgSQL function
 * recursing 10,000 deep, which PostgreSQL refuses itself given room; 16 MB on JSON nested 100,000
 * deep; with 64 MB PostgreSQL answered both (docs/pglite-stack-overflow.md). It is reserved address
 * space, not resident memory.
 */
const STACK_SIZE_MB = 64;

/** PGlite's own settings for this shop's workload, on top of its defaults (docs/configuration.md). */
const START_PARAMS = [
  // PGlite's defaults are a server's: 128 MB of shared buffers in a heap that never shrinks. One
  // connection needs far less, and what the OS caches of the data files serves the rest.
  '-c', 'shared_buffers=16MB',
  '-c', 'work_mem=4MB',
  '-c', 'maintenance_work_mem=16MB',
  '-c', 'temp_buffers=2MB',
];

/**
 * The thread that owns the embedded database (db/embedded-worker.js), and the watchdog over it.
 * Requests go in order and are answered in order. Events: `stalled` (StuckStatement) when the oldest
 * request has run past `stallMs`, `recovered` when it answers after all, `wedged` (StuckStatement)
 * past `wedgedMs`, `down` (Error) if the thread dies.
 */
export class DatabaseThread extends EventEmitter {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #limits: WatchdogLimits;
  #nextId = 1;
  #state: 'ok' | 'stalled' | 'down' = 'ok';
  #reason = '';
  #wedgedReported = false;
  /** Callers waiting on the database (see guard): failed at once when it stops answering. */
  readonly #waiting = new Set<(error: DatabaseUnavailableError) => void>();
  /** Why the thread ended itself, if it did (embedded-worker.js). */
  #fatal: string | undefined;
  readonly #timer: NodeJS.Timeout;

  private constructor(worker: Worker, limits: WatchdogLimits) {
    super();
    this.#worker = worker;
    this.#limits = limits;
    worker.on('message', (message: { id: number; bytes?: Uint8Array; error?: string; fatal?: string }) => {
      if (message.fatal) this.#fatal = message.fatal;
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.error) pending.reject(new Error(`embedded database: ${message.error}`));
      else pending.resolve(message.bytes);
      if (this.#state === 'stalled' && !this.#oldestPastLimit()) this.#recover(pending);
    });
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', (code) => this.#fail(new Error(this.#fatal ?? `the embedded database thread exited (code ${code})`)));
    this.#timer = setInterval(() => this.#check(), Math.max(10, Math.min(1000, limits.stallMs / 5)));
    this.#timer.unref();
  }

  /** Starts the thread and waits until PGlite has opened (or created) the database. */
  static async start(source: Source, limits: WatchdogLimits, stackSizeMb = STACK_SIZE_MB): Promise<DatabaseThread> {
    const loadDataDir = source.loadDataDir ? new Uint8Array(await source.loadDataDir.arrayBuffer()) : undefined;
    const worker = new Worker(new URL('./embedded-worker.js', import.meta.url), {
      workerData: { dataDir: source.dataDir, loadDataDir, startParams: START_PARAMS },
      transferList: loadDataDir ? [loadDataDir.buffer as ArrayBuffer] : [],
      resourceLimits: { stackSizeMb },
    });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the embedded database thread exited while opening (code ${code})`));
      worker.once('exit', onExit);
      worker.once('message', (message: { ready: boolean; error?: string }) => {
        worker.off('exit', onExit);
        if (message.ready) resolve();
        else reject(new Error(`the embedded database could not open: ${message.error}`));
      });
    });
    return new DatabaseThread(worker, limits);
  }

  /** Sends wire-protocol bytes; resolves with the database's answer. */
  exec(bytes: Uint8Array): Promise<Uint8Array> {
    return this.#send({ op: 'exec', bytes }, bytes.subarray(0, 160).slice(), [bytes.buffer as ArrayBuffer]) as Promise<Uint8Array>;
  }

  /** Ends any transaction a previous connection left open and forgets its prepared statements. */
  async reset(): Promise<void> {
    await this.#send({ op: 'reset' }, new Uint8Array());
  }

  /** The data directory as a tarball. */
  async dump(compression: 'none' | 'gzip' = 'none'): Promise<Blob> {
    return new Blob([(await this.#send({ op: 'dump', compression }, new Uint8Array())) as Uint8Array<ArrayBuffer>]);
  }

  /**
   * Closes PGlite cleanly if it answers within `graceMs`; otherwise stops the thread where it is, like
   * a crash: what was committed is in the data files and the next start recovers from the WAL.
   * Resolves with whether the close was clean.
   */
  async close(graceMs: number): Promise<boolean> {
    clearInterval(this.#timer);
    if (this.#state === 'down') return false;
    let timer: NodeJS.Timeout | undefined;
    const clean = await Promise.race([
      this.#send({ op: 'close' }, new Uint8Array()).then(() => true, () => false),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    this.#state = 'down';
    this.#reason = 'the database was closed';
    const closed = new DatabaseUnavailableError(this.#reason);
    this.#abandonWaiting(closed);
    await this.#worker.terminate();
    for (const pending of this.#pending.values()) pending.reject(closed);
    this.#pending.clear();
    return clean;
  }

  /**
   * `work` (a statement sent to this database), unless the database stops answering first: then
   * DatabaseUnavailableError at once, and what `work` yields later goes to `late`. (A registration per
   * call, dropped when it settles: a race against one long-lived promise would keep every result.)
   */
  guard<T>(work: Promise<T>, late?: (value: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const abandon = (error: DatabaseUnavailableError) => {
        this.#waiting.delete(abandon);
        reject(error);
      };
      work.then(
        (value) => (this.#waiting.delete(abandon) ? resolve(value) : late?.(value)),
        (error: unknown) => this.#waiting.delete(abandon) && reject(error),
      );
      if (this.#state === 'ok') this.#waiting.add(abandon);
      else abandon(new DatabaseUnavailableError(this.#reason));
    });
  }

  /** Throws DatabaseUnavailableError while the database is stalled or gone. */
  assertAvailable(): void {
    if (this.#state !== 'ok') throw new DatabaseUnavailableError(this.#reason);
  }

  #send(request: { op: string; bytes?: Uint8Array; compression?: string }, head: Uint8Array, transfer: ArrayBuffer[] = []): Promise<Uint8Array | undefined> {
    if (this.#state === 'down') return Promise.reject(new DatabaseUnavailableError(this.#reason));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { sentAt: performance.now(), head, resolve, reject });
      this.#worker.postMessage({ id, ...request }, transfer);
    });
  }

  #oldest(): Pending | undefined {
    return this.#pending.values().next().value;
  }

  #oldestPastLimit(): boolean {
    const oldest = this.#oldest();
    return oldest !== undefined && performance.now() - oldest.sentAt >= this.#limits.stallMs;
  }

  #check(): void {
    const oldest = this.#oldest();
    if (!oldest || this.#state === 'down') return;
    const runningMs = Math.round(performance.now() - oldest.sentAt);
    if (runningMs < this.#limits.stallMs) return;
    const stuck = { statement: describeRequest(oldest.head, this.statementText), runningMs };
    if (this.#state === 'ok') {
      this.#state = 'stalled';
      this.#reason = `a statement has run for over ${Math.round(this.#limits.stallMs / 1000)} s (${stuck.statement})`;
      this.#abandonWaiting(new DatabaseUnavailableError(this.#reason, stuck.statement));
      this.emit('stalled', stuck);
    }
    if (runningMs >= this.#limits.wedgedMs && !this.#wedgedReported) {
      this.#wedgedReported = true;
      this.emit('wedged', stuck);
    }
  }

  #abandonWaiting(error: DatabaseUnavailableError): void {
    for (const abandon of [...this.#waiting]) abandon(error);
  }

  #recover(answered: Pending): void {
    this.#state = 'ok';
    this.#reason = '';
    this.#wedgedReported = false;
    this.emit('recovered', { runningMs: Math.round(performance.now() - answered.sentAt) });
  }

  #fail(error: Error): void {
    if (this.#state === 'down') return;
    clearInterval(this.#timer);
    this.#state = 'down';
    this.#reason = error.message;
    const lost = new DatabaseUnavailableError(this.#reason);
    this.#abandonWaiting(lost);
    for (const pending of this.#pending.values()) pending.reject(lost);
    this.#pending.clear();
    this.emit('down', error);
  }

  /** Looks up a prepared statement's text by its name, to log what got stuck (set by the connection). */
  statementText: (name: string) => string | undefined = () => undefined;
}

/**
 * Names what a request's first message asks: a simple query's text, or the statement a Parse or Bind
 * refers to (with its text, when it is a prepared statement of ours).
 */
function describeRequest(head: Uint8Array, textOf: (name: string) => string | undefined): string {
  if (head.length === 0) return 'a maintenance request (reset, dump or close)';
  const type = String.fromCharCode(head[0]);
  const strings = (from: number) => new TextDecoder().decode(head.subarray(from)).split('\0');
  const short = (text: string) => text.replace(/\s+/g, ' ').slice(0, 120);
  switch (type) {
    case 'Q':
      return short(strings(5)[0]);
    case 'P': {
      const [name, text] = strings(5);
      return name ? `${name}: ${short(text)}` : short(text);
    }
    case 'B': {
      const [, name] = strings(5);
      const text = textOf(name);
      return text ? `${name}: ${short(text)}` : name || 'an unnamed statement';
    }
    default:
      return `a protocol message '${type}'`;
  }
}
