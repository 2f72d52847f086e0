import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { DispatchedEvent } from '../events/dispatched-event.ts';
import { lockHead, sealBlocks } from './blocks.ts';
import { canonicalEntry, entryHash } from './chain.ts';
import type { LedgerEntryTable } from './schema.ts';
import type { LedgerSigner } from './signing-key.ts';

/** The order a fact concerns: named in its payload, or the resource itself. */
function orderOf(event: DispatchedEvent): string | null {
  const named = event.payload.order_id;
  if (typeof named === 'string') return named;
  return event.resource_type === 'order' ? event.resource_id : null;
}

export interface AppendOptions {
  signer: () => LedgerSigner;
  blockSize: number;
}

/**
 * Appends the events to the chain, one entry each, in the order given; an event already ledgered is
 * skipped (delivery is at least once). The head row is locked for the transaction, so concurrent
 * appenders — the subscriber lease allows one, but a lease can run out under a stalled process — queue
 * behind each other and sequence numbers stay gap-free. Full blocks are sealed in the same transaction.
 * Returns how many entries were added.
 */
export async function appendToLedger(db: Db, events: readonly DispatchedEvent[], options: AppendOptions): Promise<number> {
  if (events.length === 0) return 0;
  return inTransaction(db, async (tx) => {
    // Lock first, then look: under READ COMMITTED only a statement begun after the lock was granted
    // sees the entries the previous holder committed (a subquery beside the lock would not).
    const head = await lockHead(tx);
    const known = await sql<{ event_id: string }>`select event_id from ledger_entry where event_id = any(${events.map((e) => e.id)}::text[])`.execute(tx);
    const seen = new Set(known.rows.map((k) => k.event_id));
    let { seq, hash } = head;
    const rows: Insertable<LedgerEntryTable>[] = [];
    for (const event of events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      seq += 1;
      const occurredAt = new Date(event.created_at);
      const entry = canonicalEntry({
        seq, event_id: event.id, type: event.type, resource_type: event.resource_type, resource_id: event.resource_id,
        payload: event.payload, occurred_at: occurredAt.toISOString(),
      });
      const prev = hash;
      hash = entryHash(prev, entry);
      rows.push({
        seq, event_id: event.id, type: event.type, resource_type: event.resource_type, resource_id: event.resource_id,
        order_id: orderOf(event), entry, prev_hash: prev, hash, occurred_at: occurredAt,
      });
    }
    if (rows.length === 0) return 0;
    for (let i = 0; i < rows.length - 500; i += 500) await tx.insertInto('ledger_entry').values(rows.slice(i, i + 500)).execute();
    // The last (usually only) insert and the head's move in one statement.
    await tx.with('appended', (w) => w.insertInto('ledger_entry').values(rows.slice(Math.floor((rows.length - 1) / 500) * 500)))
      .updateTable('ledger_head').set({ seq, hash, updated_at: new Date() }).execute();
    await sealBlocks(tx, { ...head, seq, hash }, options.signer(), { blockSize: options.blockSize, all: false });
    return rows.length;
  });
}
