import { sql, type RawBuilder } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { decrypt, decryptJson } from '../../crypto/data-encryption.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Address } from '../cart/schema.ts';

/**
 * The read side of lots: the lots list, one lot, and its trace forward (every order line and customer
 * that took units of it: the recall report). Each is one SQL statement over the lot, its stock and the
 * order lines that took it.
 */

export interface LotView {
  id: string;
  lot_number: string;
  item_id: string;
  variant_id: string;
  product_id: string | null;
  sku: string | null;
  supplier_id: string | null;
  supplier_name: string | null;
  purchase_order_id: string | null;
  location_id: string;
  quantity_received: number;
  quantity_on_hand: number;
  quantity_fulfilled: number;
  quantity_returned: number;
  stock: { location_id: string; quantity: number }[];
  unit_cost: number | null;
  currency_code: string | null;
  landed_cost: number;
  received_at: Date;
  expires_at: Date | null;
}

const lotSelect = sql`
  select l.id, l.lot_number, l.item_id, l.variant_id, v.product_id, v.sku, l.supplier_id, s.name as supplier_name, l.purchase_order_id,
    l.location_id, l.quantity_received, l.unit_cost::int as unit_cost, l.currency_code, l.landed_cost, l.received_at, l.expires_at,
    coalesce((select sum(ls.quantity) from lot_stock ls where ls.lot_id = l.id), 0)::int as quantity_on_hand,
    coalesce((select json_agg(json_build_object('location_id', ls.location_id, 'quantity', ls.quantity) order by ls.location_id)
      from lot_stock ls where ls.lot_id = l.id and ls.quantity > 0), '[]') as stock,
    coalesce((select sum(o.quantity) from order_line_lot o where o.lot_id = l.id), 0)::int as quantity_fulfilled,
    coalesce((select sum(o.returned_quantity) from order_line_lot o where o.lot_id = l.id), 0)::int as quantity_returned
  from lot l
  left join product_variant v on v.id = l.variant_id
  left join supplier s on s.id = l.supplier_id`;

export interface LotFilter {
  variant_id?: string;
  product_id?: string;
  supplier_id?: string;
  purchase_order_id?: string;
  location_id?: string;
  expires_before?: string;
  in_stock?: boolean;
}

/** Newest first, paged by id. */
export async function listLots(db: Db, filter: LotFilter, page: { after?: unknown[]; limit: number }) {
  const where: RawBuilder<unknown>[] = [];
  if (filter.variant_id) where.push(sql`l.variant_id = ${filter.variant_id}`);
  if (filter.product_id) where.push(sql`v.product_id = ${filter.product_id}`);
  if (filter.supplier_id) where.push(sql`l.supplier_id = ${filter.supplier_id}`);
  if (filter.purchase_order_id) where.push(sql`l.purchase_order_id = ${filter.purchase_order_id}`);
  if (filter.location_id) where.push(sql`exists (select 1 from lot_stock ls where ls.lot_id = l.id and ls.location_id = ${filter.location_id} and ls.quantity > 0)`);
  if (filter.expires_before) where.push(sql`l.expires_at < ${filter.expires_before}::timestamptz`);
  if (filter.in_stock !== undefined) {
    where.push(sql`${filter.in_stock ? sql`` : sql`not`} exists (select 1 from lot_stock ls where ls.lot_id = l.id and ls.quantity > 0)`);
  }
  if (page.after) {
    const [id] = page.after;
    if (typeof id !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    where.push(sql`l.id < ${id}`);
  }
  const { rows } = await sql<LotView>`${lotSelect}
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by l.id desc limit ${page.limit + 1}`.execute(db);
  const data = rows.slice(0, page.limit);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

export async function getLotOrThrow(db: Db, id: string): Promise<LotView> {
  const { rows } = await sql<LotView>`${lotSelect} where l.id = ${id}`.execute(db);
  if (!rows[0]) throw new AppError('lot_not_found', { id });
  return rows[0];
}

export interface TraceRow {
  order_id: string;
  order_number: number | null;
  placed_at: Date | null;
  customer_id: string | null;
  email: string;
  name: string | null;
  country_code: string | null;
  order_line_id: string;
  fulfillment_id: string;
  location_id: string;
  quantity: number;
  returned_quantity: number;
  fulfilled_at: Date;
}

/**
 * The recall report of a lot: every order line that took its units, with the order's customer (email
 * and name decrypted from the order), oldest first; and the totals still with customers.
 */
export async function traceLot(db: Db, id: string) {
  const lot = await getLotOrThrow(db, id);
  const supplier = lot.supplier_id ? await db.selectFrom('supplier').selectAll().where('id', '=', lot.supplier_id).executeTakeFirst() ?? null : null;
  const rows = await db.selectFrom('order_line_lot as t').innerJoin('orders as o', 'o.id', 't.order_id')
    .select(['t.order_id', 'o.number as order_number', 'o.placed_at', 'o.customer_id', 'o.email', 'o.shipping_address',
      't.order_line_id', 't.fulfillment_id', 't.location_id', 't.quantity', 't.returned_quantity', 't.created_at as fulfilled_at'])
    .where('t.lot_id', '=', id).orderBy('t.seq').execute();
  const orders: TraceRow[] = rows.map(({ shipping_address: stored, email, ...row }) => {
    const address = decryptJson<Address>(stored as unknown as { enc: string } | null);
    return {
      ...row, email: decrypt(email),
      name: address ? [address.first_name, address.last_name].filter(Boolean).join(' ') || null : null,
      country_code: address?.country_code ?? null,
    };
  });
  const holding = orders.filter((o) => o.quantity > o.returned_quantity);
  const fulfilled = orders.reduce((n, o) => n + o.quantity, 0);
  const returned = orders.reduce((n, o) => n + o.returned_quantity, 0);
  return {
    lot, supplier, orders,
    totals: { fulfilled, returned, with_customers: fulfilled - returned, customers: new Set(holding.map((o) => o.email.toLowerCase())).size },
  };
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted with a leading apostrophe. */
function cell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The recall report as CSV: one row per order line that took units of the lot. */
export async function traceLotCsv(db: Db, id: string): Promise<string> {
  const { lot, orders } = await traceLot(db, id);
  const columns = ['lot_id', 'lot_number', 'sku', 'order_id', 'order_number', 'placed_at', 'customer_id', 'email', 'name', 'country_code',
    'order_line_id', 'fulfillment_id', 'location_id', 'quantity', 'returned_quantity', 'fulfilled_at'] as const;
  const records = orders.map((o) => ({ ...o, lot_id: lot.id, lot_number: lot.lot_number, sku: lot.sku }));
  return stringify(records.map((r) => columns.map((c) => cell(r[c]))), { header: true, columns: [...columns] });
}
