import { sql, type RawBuilder } from 'kysely';
import { decrypt, emailHash } from '../../crypto/data-encryption.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { formatOrderNumber, parseOrderNumber } from './order-number.ts';

/**
 * The Admin API's order list: placed orders, newest first (ids are time-sortable), filtered in SQL and
 * paged by id. Emails are stored encrypted, so an email is found through its blind index — exactly,
 * case and spaces aside, never by a fragment. `q` is an order number (`1001`, `#1001`, with the
 * configured prefix), an email, or an order id.
 */
export interface OrderListFilter {
  status?: string;
  payment_status?: string;
  fulfillment_status?: string;
  placed_after?: string;
  placed_before?: string;
  email?: string;
  region_id?: string;
  total_min?: number;
  total_max?: number;
  q?: string;
}

export interface OrderListItem {
  id: string;
  number: number | null;
  display_number: string | null;
  status: string;
  payment_status: string;
  fulfillment_status: string;
  email: string;
  customer_id: string | null;
  region_id: string;
  currency_code: string;
  total: number;
  item_count: number;
  placed_at: Date | null;
  created_at: Date;
}

export async function listOrders(db: Db, filter: OrderListFilter, page: { after?: unknown[]; limit: number }, orderNumberPrefix: string) {
  const where: RawBuilder<unknown>[] = [sql`o.status <> 'pending'`];
  const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);
  if (filter.status) where.push(sql`o.status = any(${list(filter.status)}::text[])`);
  if (filter.payment_status) where.push(sql`o.payment_status = any(${list(filter.payment_status)}::text[])`);
  if (filter.fulfillment_status) where.push(sql`o.fulfillment_status = any(${list(filter.fulfillment_status)}::text[])`);
  if (filter.placed_after) where.push(sql`o.placed_at >= ${new Date(filter.placed_after)}`);
  if (filter.placed_before) where.push(sql`o.placed_at < ${new Date(filter.placed_before)}`);
  if (filter.email) where.push(sql`o.email_hash = ${emailHash(filter.email)}`);
  if (filter.region_id) where.push(sql`o.region_id = ${filter.region_id}`);
  if (filter.total_min !== undefined) where.push(sql`o.total >= ${filter.total_min}`);
  if (filter.total_max !== undefined) where.push(sql`o.total <= ${filter.total_max}`);
  if (filter.q) {
    const term = filter.q.trim();
    const number = parseOrderNumber(orderNumberPrefix, term);
    if (number !== null) where.push(sql`o.number = ${number}`);
    else if (term.includes('@')) where.push(sql`o.email_hash = ${emailHash(term)}`);
    else where.push(sql`o.id = ${term}`);
  }
  if (page.after) {
    if (page.after.length !== 1 || typeof page.after[0] !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    where.push(sql`o.id < ${page.after[0]}`);
  }
  const { rows } = await sql<Omit<OrderListItem, 'display_number'>>`
    select o.id, o.number, o.status, o.payment_status, o.fulfillment_status, o.email, o.customer_id, o.region_id, o.currency_code, o.total,
      (select coalesce(sum(l.quantity), 0) from order_line_item l where l.order_id = o.id)::int as item_count, o.placed_at, o.created_at
    from orders o
    where ${sql.join(where, sql` and `)}
    order by o.id desc
    limit ${page.limit + 1}`.execute(db);
  const data: OrderListItem[] = rows.slice(0, page.limit).map((r) => ({ ...r, email: decrypt(r.email), display_number: formatOrderNumber(orderNumberPrefix, r.number) }));
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}
