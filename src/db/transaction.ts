import type { Db, Tx } from './database.ts';

interface TransactionState {
  root: Db;
  afterCommit: Array<() => void>;
}

const open = new WeakMap<Db, TransactionState>();

/**
 * Runs `fn` in a transaction: everything it writes commits together or not at all, so a service refuses
 * a request by throwing. Called with a handle that is already a transaction, it joins that transaction.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  const state: TransactionState = { root: db, afterCommit: [] };
  const result = await db.transaction().execute(async (tx) => {
    open.set(tx, state);
    return fn(tx);
  });
  for (const hook of state.afterCommit) hook();
  return result;
}

/** Runs `hook` once the transaction commits (never if it rolls back). */
export function afterCommit(tx: Db, hook: () => void): void {
  transactionState(tx).afterCommit.push(hook);
}

/** The root handle a transaction was opened on. */
export function rootOf(tx: Db): Db {
  return transactionState(tx).root;
}

function transactionState(tx: Db): TransactionState {
  const state = open.get(tx);
  if (!state) throw new Error('this needs a transaction opened with inTransaction()');
  return state;
}
