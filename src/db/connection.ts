import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createPglitePool } from './pglite-pool.ts';
import { statementNamer } from './statement-names.ts';

const INT8_OID = 20;

/** Where the data lives: a PostgreSQL server, a PGlite data directory, or PGlite in memory (tests). */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir: string /* PGlite's files go in its pglite/ folder */ }
  | { kind: 'embedded'; memory: true; loadDataDir?: Blob };

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'embedded';
  /**
   * Subscribes to a PostgreSQL notification channel. On a server each process holds its own listening
   * connection, reconnecting after a failure and reporting it as `null` (messages may have been missed).
   */
  listen(channel: string, onMessage: (payload: string | null) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** Embedded only: the data directory as a tarball (tests load it to skip migrations). */
  dumpDataDir?(): Promise<Blob>;
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize ?? 10) : openEmbedded(target);
}

async function openEmbedded(target: Exclude<DatabaseTarget, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const parsers = { [INT8_OID]: (value: string) => Number(value) };
  let pglite: PGlite;
  let unlock = () => {};
  if ('dataDir' in target) {
    unlock = lockDataDir(target.dataDir);
    pglite = new PGlite(path.join(target.dataDir, 'pglite'), { parsers });
  } else {
    pglite = new PGlite({ parsers, loadDataDir: target.loadDataDir });
  }
  try {
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPglitePool(pglite) }) });
  return {
    db,
    kind: 'embedded',
    async listen(channel, onMessage) {
      return pglite.listen(channel, onMessage);
    },
    async dumpDataDir() {
      return (await pglite.dumpDataDir('none')) as Blob;
    },
    async close() {
      await db.destroy();
      unlock();
    },
  };
}

/** Runs each named statement (statement-names.ts) as a prepared statement of its connection. */
function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const nameOf = statementNamer();
  return {
    async connect() {
      const client = await pool.connect();
      const query = (sql: unknown, values?: unknown[]) => {
        const name = typeof sql === 'string' ? nameOf(sql) : null;
        return name ? client.query({ name, text: sql as string, values }) : client.query(sql as never, values as never);
      };
      return { query, release: () => client.release() } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client that loses its server connection emits 'error' on the pool; without a listener Node exits.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
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
