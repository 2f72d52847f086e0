import type { Db } from '../../db/database.ts';
import { blockMessage, type BlockStatement } from './blocks.ts';
import { canonicalEntry, entryHash, GENESIS_HASH, type EntryFact } from './chain.ts';
import { merkleRoot } from './merkle.ts';
import { verifySignature } from './signing-key.ts';

/** A head published elsewhere (an anchor file's line): the ledger must still agree with it. */
export interface AnchoredHead {
  block_seq: number;
  last_seq: number;
  head_hash: string;
  merkle_root: string;
}

export interface VerifyOptions {
  /**
   * Public keys by key id held outside the database (the verifier's own copy). Without them the keys
   * in ledger_key are used, which proves the chain consistent but not who signed it.
   */
  trustedKeys?: ReadonlyMap<string, string>;
  anchors?: readonly AnchoredHead[];
}

export interface VerifyProblem {
  /** The first entry (or the block's first entry) that does not match; null for the head row. */
  seq: number | null;
  event_id: string | null;
  block_seq: number | null;
  message: string;
}

export type VerifyResult =
  | { ok: true; entries: number; blocks: number; head: { seq: number; hash: string }; anchors_checked: number }
  | { ok: false; problem: VerifyProblem };

const PAGE = 1000;

class Broken extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem.message);
  }
}

const entryProblem = (seq: number, eventId: string | null, message: string) =>
  new Broken({ seq, event_id: eventId, block_seq: null, message: `entry ${seq}${eventId ? ` (${eventId})` : ''}: ${message}` });

function parseFact(entry: string): EntryFact | null {
  try {
    return JSON.parse(entry) as EntryFact;
  } catch {
    return null;
  }
}

/**
 * Recomputes the whole chain, every block's Merkle root and signature, and checks the head row and the
 * anchored heads: stops at the first thing that does not match and names it. Reads the entries a page
 * at a time, so memory stays flat however long the ledger.
 */
export async function verifyLedger(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  try {
    return await walk(db, options);
  } catch (error) {
    if (error instanceof Broken) return { ok: false, problem: error.problem };
    throw error;
  }
}

async function walk(db: Db, options: VerifyOptions): Promise<VerifyResult> {
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash', 'sealed_seq', 'block_seq']).executeTakeFirstOrThrow();
  const blocks = await db.selectFrom('ledger_block').selectAll().orderBy('block_seq').execute();
  const keys = options.trustedKeys ?? new Map((await db.selectFrom('ledger_key').select(['key_id', 'public_key']).execute()).map((k) => [k.key_id, k.public_key]));

  let expected = 1;
  let prev = GENESIS_HASH;
  let blockIndex = 0;
  let blockHashes: string[] = [];
  const hashAt = new Map<number, string>();
  const anchoredSeqs = new Set((options.anchors ?? []).map((a) => a.last_seq));

  for (;;) {
    const page = await db.selectFrom('ledger_entry').select(['seq', 'event_id', 'type', 'resource_id', 'entry', 'prev_hash', 'hash'])
      .where('seq', '>=', expected).orderBy('seq').limit(PAGE).execute();
    for (const row of page) {
      if (row.seq !== expected) throw entryProblem(expected, null, `is missing (the chain jumps from ${expected - 1} to ${row.seq})`);
      const fact = parseFact(row.entry);
      if (!fact) throw entryProblem(row.seq, row.event_id, 'its entry is not JSON');
      let canonical: string | null = null;
      try {
        canonical = canonicalEntry(fact);
      } catch {
        // reported below
      }
      if (canonical !== row.entry) throw entryProblem(row.seq, row.event_id, 'its entry is not in canonical form');
      if (fact.seq !== row.seq) throw entryProblem(row.seq, row.event_id, `its entry says it is entry ${fact.seq}: entries were reordered`);
      if (row.prev_hash !== prev) throw entryProblem(row.seq, row.event_id, `its previous hash is not the hash of entry ${row.seq - 1}`);
      if (entryHash(prev, row.entry) !== row.hash) throw entryProblem(row.seq, row.event_id, 'its hash does not match its content: the entry was changed');
      for (const [column, value] of [['event_id', fact.event_id], ['type', fact.type], ['resource_id', fact.resource_id]] as const) {
        if (row[column] !== value) throw entryProblem(row.seq, row.event_id, `its ${column} column differs from the hashed entry`);
      }
      prev = row.hash;
      if (anchoredSeqs.has(row.seq)) hashAt.set(row.seq, row.hash);
      // Blocks are checked as their last entry goes by.
      const block = blocks[blockIndex];
      if (block && row.seq >= block.first_seq) {
        blockHashes.push(row.hash);
        if (row.seq === block.last_seq) {
          checkBlock(block, blockIndex, blocks, blockHashes, keys);
          blockIndex += 1;
          blockHashes = [];
        }
      }
      expected += 1;
    }
    if (page.length < PAGE) break;
  }
  const last = expected - 1;
  if (head.seq !== last || head.hash !== prev) {
    const missing = head.seq > last ? `: entries ${last + 1}..${head.seq} are missing` : '';
    throw new Broken({ seq: head.seq > last ? last + 1 : head.seq, event_id: null, block_seq: null, message: `the head says entry ${head.seq}, the chain ends at entry ${last}${missing}` });
  }
  if (blockIndex < blocks.length) {
    const block = blocks[blockIndex];
    throw new Broken({ seq: block.first_seq, event_id: null, block_seq: block.block_seq, message: `block ${block.block_seq} seals entries ${block.first_seq}..${block.last_seq}, past the chain's end (${last})` });
  }
  const sealed = blocks.length ? blocks[blocks.length - 1] : null;
  if ((sealed?.last_seq ?? 0) !== head.sealed_seq || (sealed?.block_seq ?? 0) !== head.block_seq) {
    throw new Broken({ seq: null, event_id: null, block_seq: sealed?.block_seq ?? null, message: `the head row's sealed position (block ${head.block_seq}, entry ${head.sealed_seq}) is not the last block's` });
  }
  for (const anchor of options.anchors ?? []) {
    const block = blocks.find((b) => b.block_seq === anchor.block_seq);
    if (!block || block.last_seq !== anchor.last_seq || block.head_hash !== anchor.head_hash || block.merkle_root !== anchor.merkle_root || hashAt.get(anchor.last_seq) !== anchor.head_hash) {
      throw new Broken({
        seq: anchor.last_seq, event_id: null, block_seq: anchor.block_seq,
        message: `block ${anchor.block_seq} (up to entry ${anchor.last_seq}) no longer matches its anchored head ${anchor.head_hash}: history before the anchor was rewritten`,
      });
    }
  }
  return { ok: true, entries: last, blocks: blocks.length, head: { seq: last, hash: prev }, anchors_checked: options.anchors?.length ?? 0 };
}

type BlockRow = Omit<BlockStatement, 'closed_at'> & { signature: string; closed_at: Date };

function checkBlock(block: BlockRow, index: number, blocks: readonly BlockRow[], hashes: string[], keys: ReadonlyMap<string, string>): void {
  const fail = (message: string) => new Broken({ seq: block.first_seq, event_id: null, block_seq: block.block_seq, message: `block ${block.block_seq} (entries ${block.first_seq}..${block.last_seq}): ${message}` });
  const previousLast = index === 0 ? 0 : blocks[index - 1].last_seq;
  if (block.block_seq !== index + 1 || block.first_seq !== previousLast + 1) throw fail(`blocks are not contiguous (expected block ${index + 1} from entry ${previousLast + 1})`);
  if (merkleRoot(hashes) !== block.merkle_root) throw fail('its Merkle root does not match its entries');
  if (hashes[hashes.length - 1] !== block.head_hash) throw fail('its head hash is not the hash of its last entry');
  const publicKey = keys.get(block.key_id);
  if (!publicKey) throw fail(`signed with key ${block.key_id}, which is not a trusted key`);
  const statement: BlockStatement = {
    block_seq: block.block_seq, first_seq: block.first_seq, last_seq: block.last_seq, merkle_root: block.merkle_root,
    head_hash: block.head_hash, closed_at: new Date(block.closed_at).toISOString(), key_id: block.key_id,
  };
  if (!verifySignature(publicKey, blockMessage(statement), block.signature)) throw fail('its signature does not verify');
}
