import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

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
  /** Runs the work again as soon as the current round ends (or at once when idle). */
  wake(): void;
  /** Stops: no new round starts; resolves when the current one has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `work` round after round: at once while it reports that more is waiting, otherwise after
 * `intervalMs` or as soon as `wake()` is called. A round that throws is logged and the loop sleeps
 * for the interval before trying again, so a broken database is not hammered.
 */
export function startWorkLoop(options: { name: string; intervalMs: number; work: () => Promise<boolean>; log: WorkLog }): WorkLoop {
  let stopped = false;
  let woken = false;
  let endSleep: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sleep = () => new Promise<void>((resolve) => {
    endSleep = resolve;
    timer = setTimeout(resolve, options.intervalMs);
    timer.unref();
  });
  const wake = () => {
    woken = true;
    clearTimeout(timer);
    endSleep?.();
    endSleep = undefined;
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
      if (failed || (!more && !woken)) await sleep();
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await running;
    },
  };
}
