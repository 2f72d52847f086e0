import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { SERVER_POOL_IDLE_MS, type DatabaseHandle } from './connection.ts';
import { createTestDatabase, onServer, type TestDatabase } from '../../test/helpers/test-database.ts';

/**
 * A server connection outlives a lull (connection.ts, SERVER_POOL_IDLE_MS): it keeps its prepared
 * statements and their plans, which a new connection would make again. The pool's idle clock runs on
 * timers, so fake ones stand in for the minutes.
 */
let server: TestDatabase | undefined;

beforeAll(async () => {
  if (onServer) server = await createTestDatabase();
});
afterAll(async () => {
  vi.useRealTimers();
  await server?.close();
});

const backend = async (handle: DatabaseHandle) => {
  const { rows } = await sql<{ pid: number; prepared: number }>`
    select pg_backend_pid() as pid, (select count(*)::int from pg_prepared_statements) as prepared`.execute(handle.db);
  return rows[0];
};

test.skipIf(!onServer)('an idle server connection stays, with its prepared statements, past pg\'s 10 s default, and closes after SERVER_POOL_IDLE_MS', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const handle = await server!.openAnother();
  const first = await backend(handle);
  expect(first.prepared).toBe(1);

  vi.advanceTimersByTime(11_000);
  expect(await backend(handle)).toEqual({ pid: first.pid, prepared: 1 });

  vi.advanceTimersByTime(SERVER_POOL_IDLE_MS + 1_000);
  const after = await backend(handle);
  expect(after.pid).not.toBe(first.pid);
  expect(after.prepared).toBe(1);
});
