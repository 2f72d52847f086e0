import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { blockMessage, type BlockStatement } from './blocks.ts';
import { merkleProof, type ProofStep } from './merkle.ts';

export interface SignedBlock extends BlockStatement {
  signature: string;
  /** The exact message the signature covers (the statement's canonical JSON). */
  message: string;
}

type BlockRow = Omit<BlockStatement, 'closed_at'> & { closed_at: Date; signature: string };

function signedBlock(row: BlockRow): SignedBlock {
  const statement: BlockStatement = {
    block_seq: row.block_seq, first_seq: row.first_seq, last_seq: row.last_seq, merkle_root: row.merkle_root,
    head_hash: row.head_hash, closed_at: row.closed_at.toISOString(), key_id: row.key_id,
  };
  return { ...statement, signature: row.signature, message: blockMessage(statement) };
}

export interface LedgerHead {
  /** The newest signed block: the head a verifier trusts. Null before the first block closes. */
  block: SignedBlock | null;
  /** The chain's tip, including entries not yet in a block. */
  seq: number;
  hash: string;
  /** Entries appended since the last block closed. */
  unsealed: number;
}

export async function ledgerHead(db: Db): Promise<LedgerHead> {
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash', 'sealed_seq', 'block_seq']).executeTakeFirstOrThrow();
  const block = head.block_seq ? await db.selectFrom('ledger_block').selectAll().where('block_seq', '=', head.block_seq).executeTakeFirst() : undefined;
  return { block: block ? signedBlock(block) : null, seq: head.seq, hash: head.hash, unsealed: head.seq - head.sealed_seq };
}

export interface ProvenEntry {
  seq: number;
  /** The canonical JSON that was hashed: parse it for the fact, hash it to check it. */
  entry: string;
  prev_hash: string;
  hash: string;
  /** The block that seals it; null while its block is still open (ask again later). */
  block_seq: number | null;
  /** Sibling hashes from the entry up to its block's Merkle root; empty while unsealed. */
  proof: ProofStep[];
}

/**
 * Every ledger entry of one order, each with a Merkle proof into its signed block: with the blocks'
 * public key alone a third party can check that the shop committed to exactly these facts (docs/ledger.md).
 */
export async function orderProof(db: Db, orderId: string): Promise<{ order_id: string; entries: ProvenEntry[]; blocks: SignedBlock[] }> {
  const rows = await db.selectFrom('ledger_entry').select(['seq', 'entry', 'prev_hash', 'hash']).where('order_id', '=', orderId).orderBy('seq').execute();
  if (rows.length === 0) throw new AppError('order_not_ledgered', { order_id: orderId });
  const blocks = await db.selectFrom('ledger_block').selectAll()
    .where('last_seq', '>=', rows[0].seq).where('first_seq', '<=', rows[rows.length - 1].seq).orderBy('block_seq').execute();
  const used = new Map<number, BlockRow>();
  const hashesOf = new Map<number, string[]>();
  const entries: ProvenEntry[] = [];
  for (const row of rows) {
    const block = blocks.find((b) => b.first_seq <= row.seq && row.seq <= b.last_seq);
    if (!block) {
      entries.push({ ...row, block_seq: null, proof: [] });
      continue;
    }
    if (!hashesOf.has(block.block_seq)) {
      const inBlock = await db.selectFrom('ledger_entry').select('hash').where('seq', '>=', block.first_seq).where('seq', '<=', block.last_seq).orderBy('seq').execute();
      hashesOf.set(block.block_seq, inBlock.map((e) => e.hash));
    }
    used.set(block.block_seq, block);
    entries.push({ ...row, block_seq: block.block_seq, proof: merkleProof(hashesOf.get(block.block_seq)!, row.seq - block.first_seq) });
  }
  return { order_id: orderId, entries, blocks: [...used.values()].map(signedBlock) };
}

export async function ledgerKeys(db: Db): Promise<{ key_id: string; public_key: string; created_at: Date }[]> {
  return db.selectFrom('ledger_key').select(['key_id', 'public_key', 'created_at']).orderBy('created_at').execute();
}

/** For the admin page: the head, the appender's lag, the last anchoring, the differences raised. */
export async function ledgerStatus(db: Db, enabled: boolean) {
  const head = await ledgerHead(db);
  const position = await db.selectFrom('event_subscription').select('position').where('name', '=', 'ledger').executeTakeFirst();
  const behind = await db.selectFrom('event_outbox').select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('dispatch_seq', 'is', null), eb('dispatch_seq', '>', position?.position ?? 0)])).executeTakeFirstOrThrow();
  const lastAnchor = await db.selectFrom('ledger_anchor').selectAll().orderBy('block_seq', 'desc').orderBy('anchored_at', 'desc').limit(1).executeTakeFirst();
  const mismatches = await db.selectFrom('ledger_mismatch').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { enabled, head, behind: Number(behind.n), last_anchor: lastAnchor ?? null, mismatches: Number(mismatches.n) };
}
