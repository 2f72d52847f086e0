import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { canonicalJson } from './canonical-json.ts';
import { merkleRoot } from './merkle.ts';
import type { LedgerSigner } from './signing-key.ts';

/** What a block's signature covers (docs/ledger.md). */
export interface BlockStatement {
  block_seq: number;
  first_seq: number;
  last_seq: number;
  merkle_root: string;
  head_hash: string;
  /** ISO 8601, milliseconds, UTC. */
  closed_at: string;
  key_id: string;
}

/** The signed message: the statement's canonical JSON. */
export function blockMessage(statement: BlockStatement): string {
  return canonicalJson(statement);
}

export interface HeadRow {
  seq: number;
  hash: string;
  sealed_seq: number;
  block_seq: number;
}

/** Locks the chain's tip for the rest of the transaction: appends and seals happen one at a time. */
export async function lockHead(tx: Tx): Promise<HeadRow> {
  const row = await sql<HeadRow>`select seq, hash, sealed_seq, block_seq from ledger_head where id = 1 for update`.execute(tx);
  return row.rows[0];
}

/** Records the signer's public key under its id; the same id with another key is refused (rotate to a new id). */
async function registerKey(tx: Tx, signer: LedgerSigner): Promise<void> {
  await tx.insertInto('ledger_key').values({ key_id: signer.keyId, public_key: signer.publicKey })
    .onConflict((oc) => oc.column('key_id').doNothing()).execute();
  const stored = await tx.selectFrom('ledger_key').select('public_key').where('key_id', '=', signer.keyId).executeTakeFirstOrThrow();
  if (stored.public_key !== signer.publicKey) throw new Error(`ledger key id ${signer.keyId} already names another public key: give the new key a new LEDGER_KEY_ID`);
}

/**
 * Closes blocks over the unsealed entries, in the caller's transaction with the head locked: full
 * blocks of `blockSize` while there are enough, and with `all` the remainder too (the timed close).
 * Returns the head as it leaves it.
 */
export async function sealBlocks(tx: Tx, head: HeadRow, signer: LedgerSigner, options: { blockSize: number; all: boolean }): Promise<HeadRow> {
  let current = head;
  let keyRegistered = false;
  while (current.seq - current.sealed_seq >= options.blockSize || (options.all && current.seq > current.sealed_seq)) {
    const first = current.sealed_seq + 1;
    const last = Math.min(current.seq, current.sealed_seq + options.blockSize);
    const entries = await tx.selectFrom('ledger_entry').select(['seq', 'hash']).where('seq', '>=', first).where('seq', '<=', last).orderBy('seq').execute();
    if (entries.length !== last - first + 1) throw new Error(`ledger entries ${first}..${last} are not all there (${entries.length} found): run cartwright ledger verify`);
    if (!keyRegistered) await registerKey(tx, signer);
    keyRegistered = true;
    const statement: BlockStatement = {
      block_seq: current.block_seq + 1, first_seq: first, last_seq: last, merkle_root: merkleRoot(entries.map((e) => e.hash)),
      head_hash: entries[entries.length - 1].hash, closed_at: new Date().toISOString(), key_id: signer.keyId,
    };
    await tx.insertInto('ledger_block').values({ ...statement, signature: signer.sign(blockMessage(statement)) }).execute();
    current = { ...current, sealed_seq: last, block_seq: statement.block_seq };
  }
  if (current !== head) {
    await tx.updateTable('ledger_head').set({ sealed_seq: current.sealed_seq, block_seq: current.block_seq, updated_at: new Date() }).execute();
  }
  return current;
}

/** The timed close: seals whatever is unsealed (every LEDGER_BLOCK_SECONDS). Returns the blocks closed. */
export async function sealPending(db: Db, signer: LedgerSigner, blockSize: number): Promise<number> {
  return inTransaction(db, async (tx) => {
    const head = await lockHead(tx);
    if (head.seq === head.sealed_seq) return 0;
    return (await sealBlocks(tx, head, signer, { blockSize, all: true })).block_seq - head.block_seq;
  });
}
