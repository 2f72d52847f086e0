import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordMovements } from './movements.ts';

/**
 * Receives a stock count for many variants at once (an opening stock take, the demo catalog): creates
 * missing inventory items and levels, adds the quantities to on_hand, and writes a movement per level,
 * in a few set-based statements instead of one transaction per variant.
 */
export async function receiveStockInBulk(db: Db, entries: { variant_id: string; location_id: string; quantity: number }[], actor: string): Promise<void> {
  if (entries.length === 0) return;
  await inTransaction(db, async (tx) => {
    const variantIds = [...new Set(entries.map((e) => e.variant_id))];
    await sql`
      insert into inventory_item (id, variant_id)
      select * from unnest(${variantIds.map(() => newId('iitem'))}::text[], ${variantIds}::text[])
      on conflict (variant_id) do nothing`.execute(tx);
    const items = new Map((await tx.selectFrom('inventory_item').select(['id', 'variant_id'])
      .where(sql<boolean>`variant_id = any(${variantIds}::text[])`).execute()).map((i) => [i.variant_id, i.id]));
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      const before = await sql<{ item_id: string; location_id: string; on_hand: number }>`
        insert into inventory_level (item_id, location_id, on_hand)
        select * from unnest(${chunk.map((e) => items.get(e.variant_id)!)}::text[], ${chunk.map((e) => e.location_id)}::text[], ${chunk.map((e) => e.quantity)}::int[])
        on conflict (item_id, location_id) do update set on_hand = inventory_level.on_hand + excluded.on_hand, updated_at = now()
        returning item_id, location_id, on_hand`.execute(tx);
      const added = new Map(chunk.map((e) => [`${items.get(e.variant_id)}:${e.location_id}`, e.quantity]));
      await recordMovements(tx, before.rows.map((row) => {
        const quantity = added.get(`${row.item_id}:${row.location_id}`) ?? 0;
        return { item_id: row.item_id, location_id: row.location_id, field: 'on_hand' as const, before: row.on_hand - quantity, after: row.on_hand, reason: 'received', actor, note: 'bulk receipt' };
      }));
    }
    await signalChange(tx, 'catalog');
  });
}
