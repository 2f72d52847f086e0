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
  readonly #listeners = new Set<(seconds: number, statements: number) => void>();

  constructor(private readonly pool: pg.Pool) {}

  poolUse(): PoolUse {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  /**
   * Calls `listener` with each exchange with the database: its time in seconds (failed ones too), and
   * how many statements it ran (a BEGIN or COMMIT carried with a statement counts: transaction-control.ts).
   * Returns the unsubscribe.
   */
  onStatement(listener: (seconds: number, statements: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs `statement`, timing it when anyone listens; `statements` counts what it carries. */
  time<T>(statement: () => Promise<T>, statements = 1): Promise<T> {
    if (this.#listeners.size === 0) return statement();
    const started = performance.now();
    const report = () => {
      const seconds = (performance.now() - started) / 1000;
      for (const listener of this.#listeners) listener(seconds, statements);
    };
    const running = statement();
    running.then(report, report);
    return running;
  }
}
