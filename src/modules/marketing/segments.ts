import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { SegmentRules } from './schema.ts';

/**
 * Segments: customers the merchant picks out by rules on their data (groups, total spent, last order,
 * products bought), evaluated by one SQL query when asked, so membership is never stale. The sync
 * sends a contact's segments as tags (marketing-sync.ts).
 */
export interface SegmentView {
  id: string;
  name: string;
  rules: SegmentRules;
  created_at: Date;
  updated_at: Date;
}

const notFound = (id: string) => new AppError('segment_not_found', { id });

export async function listSegments(db: Db): Promise<SegmentView[]> {
  return db.selectFrom('customer_segment').selectAll().orderBy('name').execute();
}

export async function getSegmentOrThrow(db: Db, id: string): Promise<SegmentView> {
  const row = await db.selectFrom('customer_segment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  return row;
}

export async function createSegment(db: Db, input: { name: string; rules: SegmentRules }): Promise<SegmentView> {
  return inTransaction(db, async (tx) => {
    const taken = await tx.selectFrom('customer_segment').select('id').where('name', '=', input.name).executeTakeFirst();
    if (taken) throw new AppError('segment_name_taken', { field: 'body.name', name: input.name });
    const id = newId('seg');
    await tx.insertInto('customer_segment').values({ id, name: input.name, rules: JSON.stringify(input.rules) }).execute();
    return getSegmentOrThrow(tx, id);
  });
}

export async function deleteSegment(db: Db, id: string): Promise<void> {
  const deleted = await db.deleteFrom('customer_segment').where('id', '=', id).executeTakeFirst();
  if (!Number(deleted.numDeletedRows)) throw notFound(id);
}

/** The condition "customer `c` matches `rules`", in SQL. */
function matches(rules: SegmentRules) {
  const parts = [sql`c.anonymized_at is null`];
  if (rules.group_ids?.length) {
    parts.push(sql`exists (select 1 from customer_group_member m where m.customer_id = c.id and m.group_id = any(${rules.group_ids}::text[]))`);
  }
  if (rules.min_total_spent) {
    parts.push(sql`(select coalesce(sum(o.total), 0) from orders o where o.customer_id = c.id and o.placed_at is not null and o.status <> 'canceled'
      and o.currency_code = ${rules.min_total_spent.currency_code}) >= ${rules.min_total_spent.amount}`);
  }
  if (rules.ordered_within_days !== undefined) {
    parts.push(sql`exists (select 1 from orders o where o.customer_id = c.id and o.placed_at >= now() - make_interval(days => ${rules.ordered_within_days}))`);
  }
  if (rules.product_ids?.length) {
    parts.push(sql`exists (select 1 from order_line_item li join orders o on o.id = li.order_id
      where o.customer_id = c.id and o.placed_at is not null and li.product_id = any(${rules.product_ids}::text[]))`);
  }
  return sql.join(parts, sql` and `);
}

/** The segment's members now, by customer id. */
export async function segmentMembers(db: Db, id: string): Promise<string[]> {
  const segment = await getSegmentOrThrow(db, id);
  const { rows } = await sql<{ id: string }>`select c.id from customer c where ${matches(segment.rules)} order by c.id limit 10000`.execute(db);
  return rows.map((r) => r.id);
}

/** The names of the segments a customer is in now (their marketing tags). */
export async function segmentsOf(db: Db, customerId: string): Promise<string[]> {
  const segments = await listSegments(db);
  const inside = new Set(await segmentsContaining(db, customerId, segments.map((s) => s.id)));
  return segments.filter((s) => inside.has(s.id)).map((s) => s.name);
}

/** Which of `segmentIds` the customer is in now (promotions conditioned on segments ask this); unknown ids are in none. */
export async function segmentsContaining(db: Db, customerId: string, segmentIds: string[]): Promise<string[]> {
  if (!segmentIds.length) return [];
  const segments = await db.selectFrom('customer_segment').selectAll().where('id', 'in', segmentIds).orderBy('id').execute();
  const ids: string[] = [];
  for (const segment of segments) {
    const { rows } = await sql<{ one: number }>`select 1 as one from customer c where c.id = ${customerId} and ${matches(segment.rules)}`.execute(db);
    if (rows.length) ids.push(segment.id);
  }
  return ids;
}
