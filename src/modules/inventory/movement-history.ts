import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Movement } from './shapes.ts';

/**
 * The movement history read: newest first. A transaction's rows share its start time, so the order is
 * (created_at, id) descending and the cursor carries created_at in microseconds — a JavaScript Date
 * would round it to milliseconds and skip or repeat rows at page edges.
 */

export interface MovementFilter {
  variant_id?: string;
  item_id?: string;
  location_id?: string;
  field?: string;
  reason?: string;
}

const movementSelect = sql`
  select m.id, m.item_id, i.variant_id, v.sku, m.location_id, m.field, m.before, m.after, m.after - m.before as change,
    m.reason, m.actor, m.reference_type, m.reference_id, m.note, m.created_at,
    (extract(epoch from m.created_at) * 1000000)::bigint as sort_key
  from inventory_movement m
  left join inventory_item i on i.id = m.item_id
  left join product_variant v on v.id = i.variant_id`;

export async function listMovements(db: Db, filter: MovementFilter, page: { after?: unknown[]; limit: number }) {
  const where: RawBuilder<unknown>[] = [];
  if (filter.variant_id) where.push(sql`m.item_id = (select id from inventory_item where variant_id = ${filter.variant_id})`);
  if (filter.item_id) where.push(sql`m.item_id = ${filter.item_id}`);
  if (filter.location_id) where.push(sql`m.location_id = ${filter.location_id}`);
  if (filter.field) where.push(sql`m.field = ${filter.field}`);
  if (filter.reason) where.push(sql`m.reason = ${filter.reason}`);
  if (page.after) {
    const [micros, id] = page.after;
    if (page.after.length !== 2 || !Number.isSafeInteger(micros) || typeof id !== 'string') {
      throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    }
    where.push(sql`(m.created_at, m.id) < (timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${id}::text)`);
  }
  const { rows } = await sql<Movement & { sort_key: number }>`
    ${movementSelect}
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by m.created_at desc, m.id desc
    limit ${page.limit + 1}`.execute(db);
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  const next = rows.length > page.limit ? [last.sort_key, last.id] : null;
  return { data: data.map(({ sort_key: _s, ...m }) => m), next };
}

/**
 * The movements of one adjustment or transfer, read in the transaction that wrote them: their created_at
 * is that transaction's now(), which with the item id makes this an index lookup.
 */
export async function movementsWrittenBy(tx: Db, itemId: string, referenceType: string, referenceId: string): Promise<Movement[]> {
  const { rows } = await sql<Movement & { sort_key: number }>`
    ${movementSelect}
    where m.item_id = ${itemId} and m.created_at = now() and m.reference_type = ${referenceType} and m.reference_id = ${referenceId}
    order by m.after - m.before, m.field`.execute(tx);
  return rows.map(({ sort_key: _s, ...m }) => m);
}
