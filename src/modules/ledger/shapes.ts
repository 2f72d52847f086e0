import { Type } from '@sinclair/typebox';
import { DateTime } from '../../shapes.ts';

const Hex = (description: string) => Type.String({ pattern: '^[0-9a-f]{64}$', description });

export const SignedBlock = Type.Object({
  block_seq: Type.Integer(),
  first_seq: Type.Integer({ description: 'the first entry the block seals' }),
  last_seq: Type.Integer({ description: 'the last entry the block seals' }),
  merkle_root: Hex('Merkle root of the entries\' hashes (docs/ledger.md)'),
  head_hash: Hex('the hash of entry last_seq: the chain up to it'),
  closed_at: Type.String({ format: 'date-time' }),
  key_id: Type.String({ description: 'the signing key (GET /admin/ledger/keys)' }),
  signature: Type.String({ description: 'Ed25519 over `message`, base64' }),
  message: Type.String({ description: 'the exact signed bytes: the canonical JSON of the fields above but signature' }),
});

export const LedgerHead = Type.Object({
  block: Type.Union([SignedBlock, Type.Null()], { description: 'the newest signed block; null before the first closes' }),
  seq: Type.Integer({ description: 'the chain\'s last entry, sealed or not' }),
  hash: Type.String({ description: 'its hash' }),
  unsealed: Type.Integer({ description: 'entries waiting for the next block' }),
});

export const LedgerStatus = Type.Object({
  enabled: Type.Boolean(),
  head: LedgerHead,
  behind: Type.Integer({ description: 'events in the outbox the appender has not taken yet (all types)' }),
  last_anchor: Type.Union([Type.Object({ block_seq: Type.Integer(), anchor: Type.String(), receipt: Type.Union([Type.String(), Type.Null()]), anchored_at: DateTime }), Type.Null()]),
  mismatches: Type.Integer({ description: 'differences reconciliation has raised' }),
});

export const ProofStep = Type.Object({ side: Type.Union([Type.Literal('left'), Type.Literal('right')]), hash: Type.String() });

export const OrderProof = Type.Object({
  order_id: Type.String(),
  entries: Type.Array(Type.Object({
    seq: Type.Integer(),
    entry: Type.String({ description: 'the canonical JSON that was hashed' }),
    prev_hash: Type.String(),
    hash: Type.String({ description: 'SHA-256(prev_hash bytes ‖ entry)' }),
    block_seq: Type.Union([Type.Integer(), Type.Null()], { description: 'null while its block is open' }),
    proof: Type.Array(ProofStep, { description: 'from the entry up to its block\'s Merkle root' }),
  })),
  blocks: Type.Array(SignedBlock),
});

export const LedgerKey = Type.Object({ key_id: Type.String(), public_key: Type.String({ description: 'SPKI PEM' }), created_at: DateTime });

export const LedgerMismatch = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'order_total, payment_captured, payment_refunded or stock_on_hand' }),
  resource_id: Type.String(),
  ledger_value: Type.Integer(),
  live_value: Type.Union([Type.Integer(), Type.Null()]),
  detected_at: DateTime,
});
