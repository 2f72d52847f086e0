import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { DatabaseThread, DatabaseUnavailableError, type WatchdogLimits } from './database-thread.ts';
import { DatabaseThreadSocket } from './database-thread-socket.ts';
import { readEmbeddedTemplate } from './embedded-template.ts';
import { StatementNames } from './statement-names.ts';

const INT8_OID = 20;

/** How long a stop waits for the embedded database to finish what it is doing before stopping its thread. */
const EMBEDDED_CLOSE_GRACE_MS = 3_000;

export const DEFAULT_WATCHDOG: WatchdogLimits = { stallMs: 30_000, wedgedMs: 60_000 };

/** Where the data lives: a PostgreSQL server, a PGlite data directory, or PGlite in memory (tests). */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | ({ kind: 'embedded'; watchdog?: WatchdogLimits } & ({ dataDir: string /* PGlite's files go in its pglite/ folder */ } | { memory: true; loadDataDir?: Blob }));

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'embedded';
  /**
   * Server only: subscribes to a PostgreSQL notification channel. Each process holds its own listening
   * connection, reconnecting after a failure and reporting it as `null` (messages may have been missed).
   */
  listen?(channel: string, onMessage: (payload: string | null) => void): Promise<() => Promise<void>>;
  /**
   * Embedded only: the thread that runs the database. Its events (`stalled`, `recovered`, `wedged`,
   * `down`) are the watchdog's (docs/configuration.md).
   */
  thread?: DatabaseThread;
  close(): Promise<void>;
  /** Embedded only: the data directory as a tarball (tests load it to skip migrations). */
  dumpDataDir?(): Promise<Blob>;
}

/** int8 as a JS number (amounts and counts stay below 2^53), everything else as `pg` parses it. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize ?? 10) : openEmbedded(target);
}

/**
 * PGlite on a thread of its own (database-thread.ts), reached through `pg` over that thread's socket:
 * one connection, so a transaction holds it from BEGIN to COMMIT and nobody's statements interleave.
 */
async function openEmbedded(target: Extract<DatabaseTarget, { kind: 'embedded' }>): Promise<DatabaseHandle> {
  const unlock = 'dataDir' in target ? lockDataDir(target.dataDir) : () => {};
  let thread: DatabaseThread;
  try {
    thread = await DatabaseThread.start(
      'dataDir' in target ? { dataDir: target.dataDir, loadDataDir: isNewDataDir(target.dataDir) ? readEmbeddedTemplate() : undefined } : { loadDataDir: target.loadDataDir },
      target.watchdog ?? DEFAULT_WATCHDOG,
    );
  } catch (error) {
    unlock();
    throw error;
  }
  const pool = new pg.Pool({
    max: 1,
    idleTimeoutMillis: 0,
    user: 'postgres',
    database: 'postgres',
    types,
    stream: () => new DatabaseThreadSocket(thread),
  } as pg.PoolConfig);
  pool.on('error', () => {});
  const names = new StatementNames();
  thread.statementText = (name) => names.textOf(name);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedPool(pool, names, thread) }) });
  return {
    db,
    kind: 'embedded',
    thread,
    dumpDataDir: () => thread.dump(),
    async close() {
      // A statement still running after the grace period is abandoned with the thread (see DatabaseThread.close).
      await Promise.race([db.destroy(), new Promise((resolve) => setTimeout(resolve, EMBEDDED_CLOSE_GRACE_MS).unref())]);
      await thread.close(EMBEDDED_CLOSE_GRACE_MS);
      unlock();
    },
  };
}

function isNewDataDir(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'));
}

/**
 * Runs each named statement (statement-names.ts) as a prepared statement of its connection. With a
 * database thread, a statement waiting on a stalled database fails with DatabaseUnavailableError, and
 * its connection is dropped rather than reused (it may be mid-transaction).
 */
function preparedPool(pool: pg.Pool, names: StatementNames, thread?: DatabaseThread): PostgresPool {
  return {
    async connect() {
      thread?.assertAvailable();
      const pending = pool.connect();
      const client = thread ? await unlessLost(pending, thread, (late) => late.release()) : await pending;
      let broken = false;
      const query = async (sql: unknown, values?: unknown[]) => {
        const name = typeof sql === 'string' ? names.nameOf(sql) : null;
        if (!thread) return name ? client.query({ name, text: sql as string, values }) : client.query(sql as never, values as never);
        try {
          thread.assertAvailable();
          const run = name ? client.query({ name, text: sql as string, values }) : client.query(sql as never, values as never);
          return await unlessLost(run, thread);
        } catch (error) {
          if (error instanceof DatabaseUnavailableError) broken = true;
          throw error;
        }
      };
      return { query, release: () => client.release(broken || undefined) } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/** `work`, unless the database stops answering first; what `work` yields after that goes to `late`. */
async function unlessLost<T>(work: Promise<T>, thread: DatabaseThread, late?: (value: T) => void): Promise<T> {
  let lost = false;
  work.then((value) => lost && late?.(value), () => {});
  try {
    return await Promise.race([work, thread.lost()]);
  } catch (error) {
    lost = error instanceof DatabaseUnavailableError;
    throw error;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client that loses its server connection emits 'error' on the pool; without a listener Node exits.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedPool(pool, new StatementNames()) }) });
  const listeners = new Set<pg.Client>();
  let closed = false;

  return {
    db,
    kind: 'postgres',
    async listen(channel, onMessage) {
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url, types });
        c.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
        c.on('error', () => reconnect());
        c.on('end', () => reconnect());
        await c.connect();
        await c.query(`listen ${pg.escapeIdentifier(channel)}`);
        client = c;
        listeners.add(c);
      };
      const reconnect = () => {
        if (stopped || closed || retry) return;
        if (client) listeners.delete(client);
        client = undefined;
        onMessage(null);
        retry = setTimeout(() => {
          retry = undefined;
          connect().catch(reconnect);
        }, 500);
      };
      await connect();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        if (client) {
          listeners.delete(client);
          await client.end().catch(() => {});
        }
      };
    },
    async close() {
      closed = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})));
      await db.destroy();
    },
  };
}
