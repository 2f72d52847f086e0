import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { canonicalJson } from './canonical-json.ts';
import { ledgerHead, type SignedBlock } from './proofs.ts';
import type { AnchoredHead } from './verify.ts';

/**
 * A place signed heads are published, out of reach of whoever runs the database: once a head is
 * there, history up to it cannot be rewritten unseen, even by someone holding the signing key. The
 * built-in anchors write to a file (an append-only or off-host mount) and POST to a URL; a public chain
 * or a transparency log is one more implementation of this interface.
 */
export interface LedgerAnchor {
  /** Stable: anchoring progress is stored under it. */
  readonly name: string;
  /** Publishes the head; returns a receipt to keep (a location, a log index), or null. Throws when it failed. */
  publish(head: SignedBlock): Promise<string | null>;
}

/** Appends each head as one line of canonical JSON. */
export function fileAnchor(file: string): LedgerAnchor {
  return {
    name: `file:${file}`,
    async publish(head) {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.appendFile(file, `${canonicalJson(head)}\n`);
      return file;
    },
  };
}

/** POSTs each head as JSON; any 2xx is a receipt (its body, cut to 500 characters). */
export function urlAnchor(url: string, timeoutMs = 10_000): LedgerAnchor {
  return {
    name: `url:${url}`,
    async publish(head) {
      const response = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: canonicalJson(head), signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.text()).slice(0, 500);
      if (!response.ok) throw new Error(`ledger anchor ${url} answered ${response.status}: ${body}`);
      return body || null;
    },
  };
}

export function configuredAnchors(config: { ledgerAnchorFile: string | null; ledgerAnchorUrl: string | null }): LedgerAnchor[] {
  return [
    ...(config.ledgerAnchorFile ? [fileAnchor(path.resolve(config.ledgerAnchorFile))] : []),
    ...(config.ledgerAnchorUrl ? [urlAnchor(config.ledgerAnchorUrl)] : []),
  ];
}

/**
 * Publishes the newest signed head to every anchor that has not had it (a head covers all before it,
 * so older unpublished ones need not go). One anchor failing does not stop the others; the failures
 * are thrown together after, so the job's run shows them.
 */
export async function anchorHead(db: Db, anchors: readonly LedgerAnchor[]): Promise<number> {
  const { block } = await ledgerHead(db);
  if (!block || anchors.length === 0) return 0;
  const done = new Set((await db.selectFrom('ledger_anchor').select('anchor').where('block_seq', '=', block.block_seq).execute()).map((a) => a.anchor));
  const failures: string[] = [];
  let published = 0;
  for (const anchor of anchors.filter((a) => !done.has(a.name))) {
    try {
      const receipt = await anchor.publish(block);
      await db.insertInto('ledger_anchor').values({ block_seq: block.block_seq, anchor: anchor.name, receipt })
        .onConflict((oc) => oc.columns(['block_seq', 'anchor']).doNothing()).execute();
      published += 1;
    } catch (error) {
      failures.push(`${anchor.name}: ${(error as Error).message}`);
    }
  }
  if (failures.length) throw new Error(`ledger anchoring failed: ${failures.join('; ')}`);
  return published;
}

/** The heads an anchor file holds, for `cartwright ledger verify`. */
export function readAnchorFile(file: string): AnchoredHead[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line, i) => {
    const head = JSON.parse(line) as Partial<AnchoredHead>;
    if (typeof head.block_seq !== 'number' || typeof head.last_seq !== 'number' || typeof head.head_hash !== 'string' || typeof head.merkle_root !== 'string') {
      throw new Error(`${file}, line ${i + 1}: not a ledger head`);
    }
    return { block_seq: head.block_seq, last_seq: head.last_seq, head_hash: head.head_hash, merkle_root: head.merkle_root };
  });
}
