import type { CreatedAt, ReadOnly, Timestamp } from '../../db/column-types.ts';

/** An entry of the hash chain (docs/ledger.md). Written once by the appender; nothing updates it. */
export interface LedgerEntryTable {
  /** 1, 2, 3… without gaps: the chain's order. */
  seq: number;
  event_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  /** The order the fact concerns, when one does (for proofs by order). */
  order_id: string | null;
  /** The canonical JSON that was hashed, kept byte for byte. */
  entry: string;
  prev_hash: string;
  /** SHA-256(prev_hash ‖ entry), hex. */
  hash: string;
  occurred_at: Timestamp;
  created_at: CreatedAt;
}

/** The chain's tip: one row, locked by each append and each seal. */
export interface LedgerHeadTable {
  id: ReadOnly<number>;
  seq: number;
  hash: string;
  /** The last entry inside a closed block. */
  sealed_seq: number;
  block_seq: number;
  updated_at: CreatedAt;
}

/** A signed block: entries first_seq..last_seq under one Merkle root. */
export interface LedgerBlockTable {
  block_seq: number;
  first_seq: number;
  last_seq: number;
  merkle_root: string;
  /** The hash of entry last_seq: the whole chain up to it. */
  head_hash: string;
  closed_at: Timestamp;
  key_id: string;
  /** Ed25519 over the block's canonical statement, base64. */
  signature: string;
}

export interface LedgerKeyTable {
  key_id: string;
  /** SPKI PEM. */
  public_key: string;
  created_at: CreatedAt;
}

export interface LedgerAnchorTable {
  block_seq: number;
  anchor: string;
  receipt: string | null;
  anchored_at: CreatedAt;
}

export interface LedgerMismatchTable {
  id: string;
  /** order_total, payment_captured, payment_refunded, stock_on_hand. */
  kind: string;
  resource_id: string;
  ledger_value: number;
  /** Null when the live row is gone. */
  live_value: number | null;
  detected_at: CreatedAt;
}

export interface LedgerTables {
  ledger_entry: LedgerEntryTable;
  ledger_head: LedgerHeadTable;
  ledger_block: LedgerBlockTable;
  ledger_key: LedgerKeyTable;
  ledger_anchor: LedgerAnchorTable;
  ledger_mismatch: LedgerMismatchTable;
}

declare module '../../db/database.ts' {
  interface Database extends LedgerTables {}
}
