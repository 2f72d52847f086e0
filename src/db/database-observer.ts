import type pg from 'pg';

export interface PoolUse {
  /** Connections open. */
  total: number;
  /** Open and not lent out. */
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

/**
 * What a database handle tells /metrics: its pool's use and each statement's running time. Statements
 * are timed only while someone listens, so a shop without metrics pays nothing.
 */
export class DatabaseObserver {
  readonly #listeners = new Set<(seconds: number) => void>();

  constructor(private readonly pool: pg.Pool) {}

  poolUse(): PoolUse {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  /** Calls `listener` with each statement's time in seconds (failed statements too); returns the unsubscribe. */
  onStatement(listener: (seconds: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs `statement`, timing it when anyone listens. */
  time<T>(statement: () => Promise<T>): Promise<T> {
    if (this.#listeners.size === 0) return statement();
    const started = performance.now();
    const report = () => {
      const seconds = (performance.now() - started) / 1000;
      for (const listener of this.#listeners) listener(seconds);
    };
    const running = statement();
    running.then(report, report);
    return running;
  }
}
