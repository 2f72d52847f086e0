import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { assertCurrencyCode } from '../../money/currency.ts';

/**
 * Cost of goods and margin, from the lots order lines took (order_line_lot). For each line:
 *
 *   kept units      = units fulfilled − units returned (what the customer kept)
 *   revenue         = ⌊net × kept / quantity⌋, net = the line's total − its tax (after discounts)
 *   costed units    = kept units from a lot with a unit cost in the order's currency
 *   cost_of_goods   = Σ costed units × their lot's unit cost
 *                     + ⌊lot's landed cost × costed units / units the lot was received as⌋ (per lot taken)
 *   costed_revenue  = ⌊net × costed units / quantity⌋
 *   margin          = costed_revenue − cost_of_goods
 *
 * Units from unlotted stock (or a lot costed in another currency) are counted as uncosted_units: they
 * are in revenue but not in margin, so a margin never looks better for lack of a cost. Lines fulfilled
 * before lots existed have no lot rows and do not appear.
 */

export interface MarginFigures {
  revenue: number;
  cost_of_goods: number;
  margin: number;
  units: number;
  costed_units: number;
  uncosted_units: number;
  costed_revenue: number;
}

/** One row per order line that took stock: its figures (and what identifies it). */
function lineMargins(where: RawBuilder<unknown>) {
  return sql`
    select li.id as line_id, li.order_id, li.product_id, li.quantity, o.number as order_number, li.title,
      (li.total - li.tax_total)::bigint * k.kept / li.quantity as revenue,
      (li.total - li.tax_total)::bigint * k.costed / li.quantity as costed_revenue,
      k.cost, k.kept, k.costed
    from (
      select t.order_line_id,
        sum(t.quantity - t.returned_quantity)::bigint as kept,
        sum(case when l.unit_cost is not null and l.currency_code = o.currency_code then t.quantity - t.returned_quantity else 0 end)::bigint as costed,
        sum(case when l.unit_cost is not null and l.currency_code = o.currency_code then (t.quantity - t.returned_quantity)::bigint * l.unit_cost
          + l.landed_cost * (t.quantity - t.returned_quantity) / l.quantity_received else 0 end)::bigint as cost
      from order_line_lot t
      join orders o on o.id = t.order_id
      left join lot l on l.id = t.lot_id
      where ${where}
      group by t.order_line_id
    ) k
    join order_line_item li on li.id = k.order_line_id
    join orders o on o.id = li.order_id`;
}

const figures = sql`
  sum(revenue)::bigint as revenue, sum(cost)::bigint as cost_of_goods, sum(costed_revenue - cost)::bigint as margin,
  sum(kept)::bigint as units, sum(costed)::bigint as costed_units, sum(kept - costed)::bigint as uncosted_units,
  sum(costed_revenue)::bigint as costed_revenue`;

type FigureRow = Record<keyof MarginFigures, string | number>;

function toFigures(row: FigureRow | undefined): MarginFigures {
  const n = (v: string | number | undefined) => Number(v ?? 0);
  return {
    revenue: n(row?.revenue), cost_of_goods: n(row?.cost_of_goods), margin: n(row?.margin), units: n(row?.units),
    costed_units: n(row?.costed_units), uncosted_units: n(row?.uncosted_units), costed_revenue: n(row?.costed_revenue),
  };
}

/** An order's lines with the lots (and suppliers, costs) behind each, and its margin per line and in all. */
export async function orderLots(db: Db, orderId: string) {
  const order = await db.selectFrom('orders').select(['id', 'currency_code']).where('id', '=', orderId).executeTakeFirst();
  if (!order) throw new AppError('order_not_found', { id: orderId });
  const items = await db.selectFrom('order_line_item').select(['id', 'variant_id', 'sku', 'title', 'quantity'])
    .where('order_id', '=', orderId).orderBy('position').execute();
  const lots = await db.selectFrom('order_line_lot as t').leftJoin('lot as l', 'l.id', 't.lot_id').leftJoin('supplier as s', 's.id', 'l.supplier_id')
    .select(['t.order_line_id', 't.lot_id', 'l.lot_number', 'l.supplier_id', 's.name as supplier_name', 't.location_id', 't.quantity',
      't.returned_quantity', 'l.unit_cost', 'l.currency_code', 'l.expires_at'])
    .where('t.order_id', '=', orderId).orderBy('t.seq').execute();
  const { rows } = await sql<FigureRow & { line_id: string }>`
    select line_id, ${figures} from (${lineMargins(sql`t.order_id = ${orderId}`)}) m group by line_id`.execute(db);
  const byLine = new Map(rows.map((r) => [r.line_id, r]));
  const total = (await sql<FigureRow>`select ${figures} from (${lineMargins(sql`t.order_id = ${orderId}`)}) m`.execute(db)).rows[0];
  return {
    order_id: order.id,
    currency_code: order.currency_code,
    lines: items.map((line) => ({
      line_item_id: line.id, variant_id: line.variant_id, sku: line.sku, title: line.title, quantity: line.quantity,
      lots: lots.filter((l) => l.order_line_id === line.id).map(({ order_line_id: _l, ...l }) => ({
        ...l, lot_id: l.lot_id, lot_number: l.lot_number ?? null, supplier_id: l.supplier_id ?? null, supplier_name: l.supplier_name ?? null,
        unit_cost: l.unit_cost === null || l.unit_cost === undefined ? null : Number(l.unit_cost), currency_code: l.currency_code ?? null, expires_at: l.expires_at ?? null,
      })),
      margin: toFigures(byLine.get(line.id)),
    })),
    margin: toFigures(total),
  };
}

/**
 * Margins per order or per product over orders in one currency (placed in [from, to)), ordered by key
 * and paged by it.
 */
export async function marginReport(db: Db, query: { group_by: 'order' | 'product'; currency_code: string; from?: string; to?: string }, page: { after?: unknown[]; limit: number }) {
  assertCurrencyCode(query.currency_code, 'querystring.currency_code');
  const where = [sql`o.currency_code = ${query.currency_code}`];
  if (query.from) where.push(sql`o.placed_at >= ${query.from}::timestamptz`);
  if (query.to) where.push(sql`o.placed_at < ${query.to}::timestamptz`);
  const key = query.group_by === 'order' ? sql`m.order_id` : sql`m.product_id`;
  const title = query.group_by === 'order' ? sql`coalesce(max(m.order_number)::text, m.order_id)` : sql`coalesce(max(p.title), max(m.title))`;
  let after = sql``;
  if (page.after) {
    const [last] = page.after;
    if (typeof last !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    after = sql`having ${key} > ${last}`;
  }
  const { rows } = await sql<FigureRow & { key: string; title: string }>`
    select ${key} as key, ${title} as title, ${figures}
    from (${lineMargins(sql.join(where, sql` and `))}) m
    left join product p on p.id = m.product_id
    group by ${key} ${after}
    order by ${key} limit ${page.limit + 1}`.execute(db);
  const data = rows.slice(0, page.limit).map((r) => ({ key: r.key, title: String(r.title), ...toFigures(r) }));
  return { data, next: rows.length > page.limit ? [data[data.length - 1].key] : null };
}
