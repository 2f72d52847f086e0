import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

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
          const result = await pglite.query(sql, params as unknown[] | undefined);
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
