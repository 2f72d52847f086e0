import { createHash } from 'node:crypto';

/**
 * A block's Merkle tree over its entries' hashes, domain-separated as in RFC 6962 (leaf = SHA-256(0x00
 * ‖ entry hash), node = SHA-256(0x01 ‖ left ‖ right)), so a node can never pass for a leaf. A level
 * with an odd count carries its last node up unchanged instead of duplicating it (a duplicate would let
 * two different entry lists share a root).
 */
export interface ProofStep {
  /** Which side the sibling hash sits on. */
  side: 'left' | 'right';
  hash: string;
}

const sha = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const leaf = (entryHash: string) => sha(Buffer.from([0]), Buffer.from(entryHash, 'hex'));
const node = (left: Buffer, right: Buffer) => sha(Buffer.from([1]), left, right);

function levels(entryHashes: readonly string[]): Buffer[][] {
  if (entryHashes.length === 0) throw new Error('a block holds at least one entry');
  const all: Buffer[][] = [entryHashes.map(leaf)];
  while (all[all.length - 1].length > 1) {
    const below = all[all.length - 1];
    const above: Buffer[] = [];
    for (let i = 0; i < below.length; i += 2) above.push(i + 1 < below.length ? node(below[i], below[i + 1]) : below[i]);
    all.push(above);
  }
  return all;
}

export function merkleRoot(entryHashes: readonly string[]): string {
  const all = levels(entryHashes);
  return all[all.length - 1][0].toString('hex');
}

/** The sibling hashes from entry `index` up to the root. */
export function merkleProof(entryHashes: readonly string[], index: number): ProofStep[] {
  const steps: ProofStep[] = [];
  const all = levels(entryHashes);
  for (let level = 0, i = index; level < all.length - 1; level += 1, i = Math.floor(i / 2)) {
    const row = all[level];
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < row.length) steps.push({ side: i % 2 === 0 ? 'right' : 'left', hash: row[sibling].toString('hex') });
  }
  return steps;
}

/** Folds a proof: the root it leads to from an entry hash. */
export function rootFromProof(entryHash: string, proof: readonly ProofStep[]): string {
  let hash = leaf(entryHash);
  for (const step of proof) {
    const sibling = Buffer.from(step.hash, 'hex');
    hash = step.side === 'left' ? node(sibling, hash) : node(hash, sibling);
  }
  return hash.toString('hex');
}
