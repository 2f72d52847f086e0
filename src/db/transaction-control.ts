import pg from 'pg';

/**
 * Ends the text of a statement that is its transaction's last (transaction.ts, isLastStatement): the
 * transaction's COMMIT is sent with it.
 */
export const LAST_BEFORE_COMMIT = ' /* last before commit */';

/** Which of its transaction's control statements travel with a statement. */
export interface Frame {
  begin: boolean;
  commit: boolean;
}

export type SendStatement = (sql: string, values: unknown[] | undefined, frame: Frame | null) => Promise<pg.QueryResult>;

/** What BEGIN, COMMIT or ROLLBACK answers when it was carried by a statement, or had nothing to end. */
const answered = (command: string) => ({ command, rowCount: null, rows: [], fields: [], oid: 0 }) as unknown as pg.QueryResult;

/**
 * BEGIN and COMMIT without round trips of their own. On this machine each round trip wakes the
 * database's process and waits for it, and that, more than the statements' work, was a checkout's
 * cost (docs/performance.md). So BEGIN is held back and sent with the transaction's first statement,
 * and COMMIT with the statement marked LAST_BEFORE_COMMIT, in the same message under one Sync
 * (FramedQuery). A transaction that runs nothing sends nothing.
 *
 * Failures keep their meaning: a statement that fails after a carried BEGIN leaves the transaction
 * aborted, and the ROLLBACK that follows is sent; one that fails before a carried COMMIT stops the
 * COMMIT from running (PostgreSQL skips to the Sync), so nothing of the transaction is kept.
 */
export function carryTransactionControl(send: SendStatement): (sql: string, values?: unknown[]) => Promise<pg.QueryResult> {
  let beginHeld = false;
  let committed = false;
  return async (sql, values) => {
    if (sql === 'begin') {
      beginHeld = true;
      committed = false;
      return answered('BEGIN');
    }
    if (sql === 'commit' && (beginHeld || committed)) {
      beginHeld = committed = false;
      return answered('COMMIT');
    }
    if (sql === 'rollback' && beginHeld) {
      beginHeld = false;
      return answered('ROLLBACK');
    }
    const commit = sql.endsWith(LAST_BEFORE_COMMIT);
    const frame = beginHeld || commit ? { begin: beginHeld, commit } : null;
    beginHeld = false;
    const result = await send(sql, values, frame);
    if (commit) committed = true;
    return result;
  };
}

interface Connection {
  parse(message: { text: string; name?: string }): void;
  bind(message?: object): void;
  execute(message?: { portal?: string; rows?: number }): void;
  sync(): void;
}

/** The parts of `pg`'s Query that FramedQuery changes (not in its published types). */
interface QueryInternals {
  portal: string;
  requiresPreparation(): boolean;
  prepare(connection: Connection): void;
  _getRows(connection: Connection, rows?: number): void;
  handleCommandComplete(message: unknown, connection: Connection): void;
}

type QueryConfig = pg.QueryConfig & { callback: (error: Error | null, result: pg.QueryResult) => void };

const Query = pg.Query as unknown as new (config: QueryConfig) => QueryInternals;

/**
 * A statement with its transaction's BEGIN before it and/or its COMMIT after it, each as an unnamed
 * statement, all in one write and answered together. Its result is the statement's own.
 */
export class FramedQuery extends Query {
  #completions = 0;

  constructor(config: QueryConfig, private readonly frame: Frame) {
    super(config);
  }

  override requiresPreparation(): boolean {
    return true;
  }

  override prepare(connection: Connection): void {
    if (this.frame.begin) {
      connection.parse({ text: 'begin' });
      connection.bind();
      connection.execute();
    }
    super.prepare(connection);
  }

  override _getRows(connection: Connection, rows?: number): void {
    if (!this.frame.commit || rows) {
      super._getRows(connection, rows);
      return;
    }
    connection.execute({ portal: this.portal });
    connection.parse({ text: 'commit' });
    connection.bind();
    connection.execute();
    connection.sync();
  }

  override handleCommandComplete(message: unknown, connection: Connection): void {
    const index = this.#completions++;
    const own = this.frame.begin ? 1 : 0;
    if (index !== own) return; // BEGIN's or COMMIT's
    super.handleCommandComplete(message, connection);
  }
}
