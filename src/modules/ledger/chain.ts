import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** The previous hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry states: the hash covers all of it, its sequence number included (so a swap shows). */
export interface EntryFact {
  seq: number;
  event_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  payload: Record<string, unknown>;
  /** ISO 8601 with milliseconds, UTC. */
  occurred_at: string;
}

export function canonicalEntry(fact: EntryFact): string {
  return canonicalJson(fact);
}

/** hash = SHA-256(previous hash as 32 bytes ‖ canonical entry as UTF-8), hex. */
export function entryHash(prevHash: string, entry: string): string {
  return createHash('sha256').update(Buffer.from(prevHash, 'hex')).update(entry, 'utf8').digest('hex');
}
