import fs from 'node:fs';
import path from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { DatabaseObserver } from './database-observer.ts';
import { DatabaseThread, DatabaseUnavailableError, type WatchdogLimits } from './database-thread.ts';
import { DatabaseThreadSocket } from './database-thread-socket.ts';
import { onChange } from './changes.ts';
import { copyEmbeddedTemplate } from './embedded-template.ts';
import { ReplicaRouter } from './read-replica.ts';
import { StatementNames } from './statement-names.ts';
import { carryTransactionControl, FramedQuery, type Frame, type SendStatement } from './transaction-control.ts';
import { inSpan, tracingEnabled } from '../telemetry/tracing.ts';

const INT8_OID = 20;

/** How long a stop waits for the embedded database to finish what it is doing before stopping its thread. */
const EMBEDDED_CLOSE_GRACE_MS = 3_000;

export const DEFAULT_WATCHDOG: WatchdogLimits = { stallMs: 30_000, wedgedMs: 60_000 };

/** Where the data lives: a PostgreSQL server, a PGlite data directory, or PGlite in memory (tests). */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; /** a streaming replica for reads that may lag (read-replica.ts) */ replica?: { url: string; waitMs: number } }
  | ({ kind: 'embedded'; watchdog?: WatchdogLimits; /** the database thread's stack (tests shrink it) */ stackSizeMb?: number }
    & ({ dataDir: string /* PGlite's files go in its pglite/ folder */ } | { memory: true; loadDataDir?: Blob }));

export interface DatabaseHandle {
  db: Db;
  /**
   * For read-only Store reads that no write of theirs depends on: the replica when one is configured
   * (routed by ReplicaRouter), else `db` itself. Never for a transaction that writes.
   */
  readDb: Db;
  /** Server with a replica only: where reads went, and its lag (for /metrics). */
  replica?: ReplicaRouter;
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
  /** Pool use and statement timings, for /metrics. */
  observer: DatabaseObserver;
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
  return target.kind === 'postgres' ? openPostgres(target) : openEmbedded(target);
}

/**
 * PGlite on a thread of its own (database-thread.ts), reached through `pg` over that thread's socket:
 * one connection, so a transaction holds it from BEGIN to COMMIT and nobody's statements interleave.
 */
async function openEmbedded(target: Extract<DatabaseTarget, { kind: 'embedded' }>): Promise<DatabaseHandle> {
  const unlock = 'dataDir' in target ? lockDataDir(target.dataDir) : () => {};
  let thread: DatabaseThread;
  try {
    if ('dataDir' in target) startFromTemplate(target.dataDir);
    thread = await DatabaseThread.start(
      'dataDir' in target ? { dataDir: target.dataDir } : { loadDataDir: target.loadDataDir },
      target.watchdog ?? DEFAULT_WATCHDOG,
      target.stackSizeMb,
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
  const observer = new DatabaseObserver(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedPool(pool, names, observer, thread) }) });
  return {
    db,
    readDb: db,
    kind: 'embedded',
    observer,
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

/** A new data directory starts as a copy of the build's template database, when there is one. */
function startFromTemplate(dataDir: string): void {
  const folder = path.join(dataDir, 'pglite');
  if (!fs.existsSync(folder)) copyEmbeddedTemplate(folder);
}

/**
 * `SELECT product`, `INSERT orders`, `ROLLBACK`: the statement's verb and the first table it names,
 * with the BEGIN or COMMIT it carries (`BEGIN; WITH cart`).
 */
function statementSpanName(sql: string, frame: Frame | null): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:from|into|update|join)\s+"?([a-z_][a-z0-9_]*)/i.exec(sql)?.[1];
  const name = table ? `${verb} ${table}` : verb;
  return `${frame?.begin ? 'BEGIN; ' : ''}${name}${frame?.commit ? '; COMMIT' : ''}`;
}

/**
 * Runs each named statement (statement-names.ts) as a prepared statement of its connection. With a
 * database thread, a statement waiting on a stalled database fails with DatabaseUnavailableError, and
 * its connection is dropped rather than reused (it may be mid-transaction).
 */
function preparedPool(pool: pg.Pool, names: StatementNames, observer: DatabaseObserver, thread?: DatabaseThread): PostgresPool {
  return {
    async connect() {
      thread?.assertAvailable();
      const pending = pool.connect();
      const client = thread ? await thread.guard(pending, (late) => late.release()) : await pending;
      let broken = false;
      const send: SendStatement = async (sql, values, frame) => {
        const name = names.nameOf(sql);
        const execute = () => frame
          ? observer.time(() => framed(client, { name: name ?? undefined, text: sql, values }, frame), 1 + Number(frame.begin) + Number(frame.commit))
          : observer.time(() => name ? client.query({ name, text: sql, values }) : client.query(sql, values));
        const run = () => !tracingEnabled() ? execute()
          : inSpan(statementSpanName(sql, frame), { 'db.system.name': 'postgresql', 'db.query.text': sql.slice(0, 2000) }, execute, SpanKind.CLIENT);
        if (!thread) return run();
        try {
          thread.assertAvailable();
          return await thread.guard(run());
        } catch (error) {
          if (error instanceof DatabaseUnavailableError) broken = true;
          throw error;
        }
      };
      return { query: carryTransactionControl(send), release: () => client.release(broken || undefined) } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

function framed(client: pg.PoolClient, config: pg.QueryConfig, frame: Frame): Promise<pg.QueryResult> {
  return new Promise((resolve, reject) => {
    client.query(new FramedQuery({ ...config, callback: (error, result) => (error ? reject(error) : resolve(result)) }, frame) as unknown as pg.QueryConfig);
  });
}

/**
 * A pooled connection to a server. The server may go away at any moment (restarted, crashed); `pg`
 * then emits 'error' on the client, and an 'error' nobody listens to ends the process. pg-pool
 * listens only while a client is idle, so one checked out between two statements took the process
 * down. Nothing more is needed here: the statement running fails by itself (a 503, errors.ts), and
 * pg-pool drops a client that is no longer queryable when it is released.
 */
class PooledConnection extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }
}

/** How long a read waits for a connection to the replica before the replica counts as down. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * How long a server connection may sit idle in the pool before it is closed. Each connection holds
 * its prepared statements and their plans, and PostgreSQL plans a statement afresh for its first five
 * runs on a connection (the big cart read costs more to plan than to run). `pg`'s default of 10 s
 * closed connections in every lull, and the next burst paid all that again (measured in
 * docs/performance.md). TCP keep-alive finds a connection that died while idle.
 */
export const SERVER_POOL_IDLE_MS = 10 * 60_000;
const serverPoolOptions = { idleTimeoutMillis: SERVER_POOL_IDLE_MS, keepAlive: true, types, Client: PooledConnection };

/**
 * The replica's pool, and the router in front of it and the primary (read-replica.ts) that every
 * change this process hears (its own commits, others' NOTIFY) moves forward.
 */
function openReplica(
  replica: { url: string; waitMs: number },
  primary: { db: Db; pool: pg.Pool; prepared: PostgresPool; observer: DatabaseObserver },
  poolSize: number,
): { readDb: Db; router: ReplicaRouter; close(): Promise<void> } {
  const pool = new pg.Pool({ ...serverPoolOptions, connectionString: replica.url, max: poolSize, connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS });
  // Its statements are timed with the primary's: /metrics has one statement histogram.
  const prepared = preparedPool(pool, new StatementNames(), primary.observer);
  const router = new ReplicaRouter({ primary: primary.prepared, replica: prepared, primaryRaw: primary.pool, replicaRaw: pool }, replica.waitMs);
  // A lost connection (also the listener Node needs so that it does not exit on it).
  pool.on('error', () => router.forgetPosition());
  const unsubscribe = onChange(primary.db, () => router.noteChange());
  return {
    readDb: new Kysely<Database>({ dialect: new PostgresDialect({ pool: router.pool() }) }),
    router,
    async close() {
      unsubscribe();
      await pool.end();
    },
  };
}

async function openPostgres({ url, poolSize = 10, replica }: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ ...serverPoolOptions, connectionString: url, max: poolSize });
  // An idle client that loses its server connection emits 'error' on the pool; without a listener Node exits.
  pool.on('error', () => {});
  const observer = new DatabaseObserver(pool);
  const primary = preparedPool(pool, new StatementNames(), observer);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: primary }) });
  const listeners = new Set<pg.Client>();
  let closed = false;
  const replicated = replica ? openReplica(replica, { db, pool, prepared: primary, observer }, poolSize) : undefined;
  const readDb = replicated?.readDb ?? db;

  return {
    db,
    readDb,
    replica: replicated?.router,
    kind: 'postgres',
    observer,
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
      await replicated?.close();
      await db.destroy();
    },
  };
}
