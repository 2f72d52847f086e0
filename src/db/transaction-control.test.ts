import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { signalChange, writeAtCommit } from './changes.ts';
import { inTransaction } from './transaction.ts';
import { createTestDatabase, onServer, type TestDatabase } from '../../test/helpers/test-database.ts';

/**
 * BEGIN and COMMIT carried by their transaction's statements (transaction-control.ts), on the embedded
 * database and, with TEST_DATABASE_URL, on a server: BEGIN leaves with the first statement, COMMIT with
 * the last; a failure of the last still fails the transaction, and keeps nothing.
 */
let embedded: DatabaseHandle;
let server: TestDatabase | undefined;

beforeAll(async () => {
  embedded = await openDatabase({ kind: 'embedded', memory: true });
  if (onServer) server = await createTestDatabase();
  for (const handle of handles()) await sql`create table carried_probe (id text primary key)`.execute(handle.db);
});
afterAll(async () => {
  await embedded?.close();
  await server?.close();
});

const handles = () => [embedded, ...(server ? [server.handle] : [])];

/** How many writes reach the database while `run` runs: its thread's messages, or a socket's writes. */
async function writesDuring(handle: DatabaseHandle, run: () => Promise<unknown>): Promise<number> {
  const spy = handle.thread
    ? vi.spyOn(handle.thread, 'exec')
    : vi.spyOn(net.Socket.prototype as unknown as { _writeGeneric: (...args: unknown[]) => unknown }, '_writeGeneric');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

const ids = async (handle: DatabaseHandle) =>
  (await sql<{ id: string }>`select id from carried_probe order by id`.execute(handle.db)).rows.map((r) => r.id);

test('a transaction of two statements and its carried write and NOTIFY takes three writes, not five', async () => {
  for (const handle of handles()) {
    await sql`select 1`.execute(handle.db); // the pool's connection open before counting
    const writes = await writesDuring(handle, () => inTransaction(handle.db, async (tx) => {
      await sql`insert into carried_probe (id) values ('a1')`.execute(tx);
      expect((await sql<{ n: number }>`select count(*)::int as n from carried_probe`.execute(tx)).rows[0].n).toBe(1);
      writeAtCommit(tx, sql`insert into carried_probe (id) values ('a2')`);
      await signalChange(tx, 'probe');
    }));
    // BEGIN with the insert; the count; the carried write with COMMIT.
    expect(writes).toBe(3);
    expect(await ids(handle)).toEqual(['a1', 'a2']);
    expect(await writesDuring(handle, () => inTransaction(handle.db, async () => 'nothing to run'))).toBe(0);
  }
});

test('the last statement, carrying the COMMIT, fails: the transaction fails with its error and keeps nothing', async () => {
  for (const handle of handles()) {
    const failed = inTransaction(handle.db, async (tx) => {
      await sql`insert into carried_probe (id) values ('b1')`.execute(tx);
      writeAtCommit(tx, sql`insert into carried_probe (id) values ('a1')`);
      await signalChange(tx, 'probe');
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await ids(handle)).toEqual(['a1', 'a2']);
    // The connection goes on serving, outside and inside transactions.
    await inTransaction(handle.db, async (tx) => {
      await sql`insert into carried_probe (id) values ('b2')`.execute(tx);
    });
    expect(await ids(handle)).toEqual(['a1', 'a2', 'b2']);
  }
});

test('a failing first statement rolls back with nothing kept; a thrown error after statements too', async () => {
  for (const handle of handles()) {
    await expect(inTransaction(handle.db, async (tx) => {
      await sql`insert into carried_probe (id) values ('a1')`.execute(tx);
    })).rejects.toMatchObject({ code: '23505' });
    await expect(inTransaction(handle.db, async (tx) => {
      await sql`insert into carried_probe (id) values ('c1')`.execute(tx);
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await ids(handle)).toEqual(['a1', 'a2', 'b2']);
  }
});
