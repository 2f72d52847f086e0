import type { Db, Tx } from './database.ts';

interface TransactionState {
  root: Db;
  afterCommit: Array<() => void>;
  /** Work batched until the end of the transaction, by kind: items collected, and how to write them. */
  batches: Map<string, { items: unknown[]; flush: (tx: Tx, items: unknown[]) => Promise<void>; last: boolean }>;
  /** `fn` has returned: only the batches' statements are left. */
  flushing: boolean;
  /** A statement carried the COMMIT (isLastStatement): nothing may follow it. */
  committing: boolean;
}

const open = new WeakMap<Db, TransactionState>();

/**
 * Runs `fn` in a transaction: everything it writes commits together or not at all, so a service refuses
 * a request by throwing. Called with a handle that is already a transaction, it joins that transaction.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  const state: TransactionState = { root: db, afterCommit: [], batches: new Map(), flushing: false, committing: false };
  const result = await db.transaction().execute(async (tx) => {
    open.set(tx, state);
    const value = await fn(tx);
    state.flushing = true;
    // Flushing may batch more work (of another kind); keep going until nothing is left.
    while (state.batches.size) {
      const [kind, batch] = [...state.batches].find(([, b]) => !b.last) ?? state.batches.entries().next().value!;
      state.batches.delete(kind);
      await batch.flush(tx, batch.items);
    }
    return value;
  });
  for (const hook of state.afterCommit) hook();
  return result;
}

/**
 * Adds `item` to this transaction's batch of `kind`, written by `flush` in one statement just before
 * the transaction commits (events, notifications: a round trip each would dominate a checkout).
 * `last`: flushed after every other batch, so that their statements can carry it (takeBatch).
 */
export function batchUntilCommit<T>(tx: Db, kind: string, item: T, flush: (tx: Tx, items: T[]) => Promise<void>, options: { last?: boolean } = {}): void {
  const state = transactionState(tx);
  if (state.committing) throw new Error(`a ${kind} batched after the statement that carried its transaction's COMMIT`);
  let batch = state.batches.get(kind);
  if (!batch) state.batches.set(kind, (batch = { items: [], flush: flush as (tx: Tx, items: unknown[]) => Promise<void>, last: options.last ?? false }));
  batch.items.push(item);
}

/** Takes the batch of `kind` out of the transaction (empty when none): the caller writes it instead of its flush. */
export function takeBatch<T>(tx: Db, kind: string): T[] {
  const state = transactionState(tx);
  const batch = state.batches.get(kind);
  state.batches.delete(kind);
  return (batch?.items ?? []) as T[];
}

/**
 * Whether the statement about to run is its transaction's last: `fn` has returned and no batch is left
 * to flush. If so, that statement carries the COMMIT (transaction-control.ts), and nothing may be
 * batched after it.
 */
export function isLastStatement(tx: Db): boolean {
  const state = open.get(tx);
  if (!state?.flushing || state.batches.size > 0) return false;
  state.committing = true;
  return true;
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
