import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { onChange } from './changes.ts';
import type { Db } from './database.ts';

/** What background work logs through (pino's logger fits). */
export interface WorkLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** This process, as leases and run logs name it: host, pid and a random tag (pids are reused). */
export function newProcessId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export interface WorkLoop {
  /** Runs the work again soon (within SETTLE_MS): new work has arrived. */
  wake(): void;
  /** Stops: no new round starts; resolves when the current one has finished. */
  stop(): Promise<void>;
}

/**
 * How long a woken loop waits before its round. Under load every commit wakes the dispatcher; waiting
 * a moment lets one round take the work of many commits instead of running a round per commit (each
 * round costs a dozen statements whether it moves one event or a hundred).
 */
const SETTLE_MS = 100;

export interface WorkLoopOptions {
  name: string;
  intervalMs: number;
  /** One round; resolves true when more work is waiting (the next round starts at once). */
  work: () => Promise<boolean>;
  log: WorkLog;
  /** Change topics (db/changes.ts) that mean new work: each one heard wakes the loop. */
  wakeOn?: { db: Db; topics: readonly string[] };
}

/**
 * Runs `work` round after round: at once while it reports that more is waiting, otherwise after
 * `intervalMs` or shortly after `wake()` is called or a `wakeOn` topic is heard. A round that throws is
 * logged and the loop sleeps for the interval before trying again, so a broken database is not hammered.
 */
export function startWorkLoop(options: WorkLoopOptions): WorkLoop {
  let stopped = false;
  let woken = false;
  let endSleep: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    endSleep = resolve;
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  const endSleepAfter = (ms: number) => {
    const end = endSleep;
    if (!end) return;
    endSleep = undefined;
    clearTimeout(timer);
    if (ms === 0) return end();
    timer = setTimeout(end, ms);
    timer.unref();
  };

  const running = (async () => {
    await new Promise((resolve) => setImmediate(resolve)); // the caller finishes wiring first
    while (!stopped) {
      woken = false;
      let more = false;
      let failed = false;
      try {
        more = await options.work();
      } catch (error) {
        failed = true;
        options.log.error({ err: error, loop: options.name }, `${options.name} failed; retrying`);
      }
      if (stopped) break;
      if (failed) await sleep(options.intervalMs);
      else if (!more) await sleep(woken ? Math.min(SETTLE_MS, options.intervalMs) : options.intervalMs);
    }
  })();

  const wake = () => {
    woken = true;
    endSleepAfter(Math.min(SETTLE_MS, options.intervalMs));
  };
  const { wakeOn } = options;
  const unsubscribe = wakeOn ? onChange(wakeOn.db, (topic) => {
    if (wakeOn.topics.includes(topic)) wake();
  }) : () => {};

  return {
    wake,
    async stop() {
      unsubscribe();
      stopped = true;
      endSleepAfter(0);
      await running;
    },
  };
}
