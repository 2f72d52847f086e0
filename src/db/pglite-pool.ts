import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { statementNamer } from './statement-names.ts';

/**
 * How long a caller may wait for the connection before we call it a bug: on PGlite a query issued on
 * the root handle while a transaction of the same flow holds the connection would otherwise hang forever.
 */
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Presents one PGlite instance as the pool Kysely's PostgresDialect expects. PGlite has a single
 * connection, so `connect()` hands it to one caller at a time: a transaction holds it from BEGIN to
 * COMMIT and nobody else's statements can interleave with it.
 */
export function createPglitePool(pglite: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  const run = preparedStatements(pglite);

  return {
    async connect() {
      let release!: () => void;
      const turn = tail;
      tail = new Promise<void>((resolve) => (release = resolve));
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          turn,
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error('embedded database connection wait timed out (a query outside its transaction?)')),
              CONNECT_TIMEOUT_MS,
            );
          }),
        ]);
      } catch (error) {
        // Give our place in the queue back once our turn comes, so the callers behind us are not stuck.
        void turn.then(release);
        throw error;
      } finally {
        clearTimeout(timer);
      }
      let released = false;
      // Cursors (streaming) are not supported on the embedded database; no Kysely call here uses them.
      const client = {
        async query(sql: string, params?: readonly unknown[]) {
          const result = await run(sql, params ?? []);
          return {
            command: (result as { command?: string }).command as PostgresQueryResult<unknown>['command'],
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        },
        release() {
          if (released) return;
          released = true;
          release();
        },
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await pglite.close();
    },
  };
}

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

/**
 * PGlite's `query()` parses and plans every statement anew, which on the embedded database costs more
 * than most statements take to run. This runs named statements (statement-names.ts) as prepared
 * statements through PGlite's wire protocol instead: Parse and Describe once per statement, then
 * Bind/Execute with the parameters serialized and the rows parsed exactly as `query()` does.
 */
function preparedStatements(pglite: PGlite): (sql: string, params: readonly unknown[]) => Promise<Results> {
  const nameOf = statementNamer();
  const parameterTypes = new Map<string, number[]>();
  const { serialize } = protocol;

  const exchange = async (...messages: Uint8Array[]): Promise<BackendMessage[]> => {
    const replies = await pglite.execProtocolStream(concat([...messages, serialize.sync()]), { syncToFs: false, throwOnError: false });
    const error = replies.find((m) => m.name === 'error');
    if (error) throw error; // a DatabaseError, with the SQLSTATE `code` callers look at
    return replies;
  };

  return async (sql, params) => {
    const name = nameOf(sql);
    if (!name) return pglite.query(sql, params as unknown[]);
    const replies = await pglite.runExclusive(async () => {
      let types = parameterTypes.get(name);
      if (!types) {
        const described = await exchange(serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }));
        types = (described.find((m) => m.name === 'parameterDescription') as unknown as { dataTypeIDs: number[] }).dataTypeIDs;
        parameterTypes.set(name, types);
      }
      const values = params.map((value, i) => (value === null || value === undefined ? null : (pglite.serializers[types[i]] ?? String)(value)));
      return exchange(serialize.bind({ statement: name, values: values as string[] }), serialize.describe({ type: 'P' }), serialize.execute({}));
    });
    await pglite.syncToFs();
    return parse.parseResults(replies, pglite.parsers)[0];
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
