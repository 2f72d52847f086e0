import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AnalyticsRange } from './analytics-range.ts';

export type ProductGrouping = 'product' | 'variant' | 'collection';

export interface ProductSales {
  /** The product's, variant's or collection's id; null for products in no collection. */
  id: string | null;
  title: string | null;
  sku: string | null;
  currency_code: string;
  orders: number;
  units: number;
  gross_sales: number;
  discounts: number;
  net_sales: number;
  /** Units of these lines that came back or were refunded without coming back. */
  returned_units: number;
}

/**
 * Units and revenue per product, variant or collection and currency, from the lines of the orders
 * placed in the period (not canceled), best sellers (by net sales) first. Titles are the lines' own
 * (as sold); a collection's is its current one.
 */
export async function productSalesReport(db: Db, range: AnalyticsRange, opts: { group_by: ProductGrouping; currency_code?: string; limit: number }): Promise<ProductSales[]> {
  const key = { product: sql`l.product_id`, variant: sql`l.variant_id`, collection: sql`p.collection_id` }[opts.group_by];
  const title = {
    product: sql`max(l.title)`,
    variant: sql`max(l.title || case when l.variant_title = '' then '' else ' / ' || l.variant_title end)`,
    collection: sql`max(c.title)`,
  }[opts.group_by];
  const { rows } = await sql<{ id: string | null; title: string | null; sku: string | null; currency_code: string; orders: number; units: string; gross: string; discounts: string; returned: string }>`
    select ${key} as id, ${title} as title, ${opts.group_by === 'variant' ? sql`max(l.sku)` : sql`null`} as sku, o.currency_code,
      count(distinct o.id)::int as orders, sum(l.quantity)::text as units, sum(l.subtotal)::text as gross, sum(l.discount_total)::text as discounts,
      sum(l.returned_quantity + l.refunded_quantity)::text as returned
    from orders o join order_line_item l on l.order_id = o.id
    ${opts.group_by === 'collection' ? sql`left join product p on p.id = l.product_id left join product_collection c on c.id = p.collection_id` : sql``}
    where o.placed_at >= ${range.start} and o.placed_at < ${range.end} and o.status <> 'canceled'
      ${opts.currency_code ? sql`and o.currency_code = ${opts.currency_code}` : sql``}
    group by ${key}, o.currency_code
    order by sum(l.subtotal - l.discount_total) desc, o.currency_code, ${key}
    limit ${opts.limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id, title: r.title, sku: r.sku, currency_code: r.currency_code, orders: r.orders, units: Number(r.units),
    gross_sales: Number(r.gross), discounts: Number(r.discounts), net_sales: Number(r.gross) - Number(r.discounts), returned_units: Number(r.returned),
  }));
}
