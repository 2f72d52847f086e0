import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import { resolveTaxRate, taxOf } from '../tax/tax-calculator.ts';
import { shippingCountryOf } from './orders.ts';
import type { OrderLineState, OrderState } from './order-state.ts';
import type { LineOrigin, OrderLineItemTable } from './schema.ts';

/**
 * Prices lines added to a placed order (an edit, an exchange's replacements) the way checkout priced
 * the others: the variant's price in the order's currency (or a custom price staff give with a reason),
 * taxed per line at the region's rate for its tax class and the shipping country, rounded half-up
 * (docs/taxes.md); and recomputes the order's totals from its lines.
 */
export interface NewLineInput {
  variant_id: string;
  quantity: number;
  unit_price?: number;
  price_reason?: string;
}

export type PricedLine = Omit<OrderLineItemTable, 'id' | 'order_id' | 'position'> & { price_reason: string | null };

export async function priceNewLines(tx: Tx, order: OrderState, lines: NewLineInput[], field: string): Promise<PricedLine[]> {
  if (lines.length === 0) return [];
  const country = await shippingCountryOf(tx, order.id);
  const region = await tx.selectFrom('region').select('default_tax_rate_ppm').where('id', '=', order.region_id).executeTakeFirst();
  const rules = await tx.selectFrom('tax_rate').select(['country_code', 'tax_class', 'rate_ppm']).where('region_id', '=', order.region_id).execute();
  const variants = await sql<{ id: string; product_id: string; sku: string | null; title: string; variant_title: string; tax_class: string | null; price: number | null }>`
    select v.id, p.id as product_id, v.sku, p.title, v.title as variant_title, p.tax_class, vp.amount as price
    from product_variant v join product p on p.id = v.product_id
    left join product_variant_price vp on vp.variant_id = v.id and vp.currency_code = ${order.currency_code}
    where v.id = any(${lines.map((l) => l.variant_id)}::text[])`.execute(tx);
  const byId = new Map(variants.rows.map((v) => [v.id, v]));
  return lines.map((line, i) => {
    const variant = byId.get(line.variant_id);
    if (!variant) throw new AppError('variant_not_found', { field: `${field}[${i}].variant_id`, id: line.variant_id });
    if (line.unit_price !== undefined && !line.price_reason) {
      throw new AppError('invalid_request', { field: `${field}[${i}].price_reason` }, `${field}[${i}].price_reason is required with a custom unit_price`);
    }
    const unit = line.unit_price ?? variant.price;
    if (unit === null) throw new AppError('variant_not_priced', { field: `${field}[${i}].variant_id`, variant_id: line.variant_id, currency_code: order.currency_code });
    const rate = resolveTaxRate({ default_rate_ppm: region?.default_tax_rate_ppm ?? 0, rules }, country, variant.tax_class);
    const subtotal = unit * line.quantity;
    const tax = taxOf(subtotal, rate, order.tax_inclusive);
    return {
      variant_id: variant.id, product_id: variant.product_id, sku: variant.sku, title: variant.title, variant_title: variant.variant_title,
      quantity: line.quantity, unit_price: unit, subtotal, discount_total: 0, tax_rate_ppm: rate, tax_total: tax,
      total: subtotal + (order.tax_inclusive ? 0 : tax), price_reason: line.unit_price !== undefined ? line.price_reason! : null,
    };
  });
}

/** Adds priced lines to the order (after its last position); returns their ids in order. */
export async function insertLines(tx: Tx, order: OrderState, lines: PricedLine[], origin: LineOrigin, returnId: string | null): Promise<string[]> {
  if (lines.length === 0) return [];
  const start = order.lines.reduce((n, l) => Math.max(n, l.position), -1) + 1;
  const rows = lines.map(({ price_reason: _r, ...line }, i) => ({ ...line, id: newId('ordli'), order_id: order.id, position: start + i, origin, return_id: returnId }));
  await tx.insertInto('order_line_item').values(rows).execute();
  return rows.map((r) => r.id);
}

/** A line's amounts at a new quantity: same unit price and tax rate, the discount kept in proportion. */
export function repriceLine(line: OrderLineState, quantity: number, taxInclusive: boolean) {
  const subtotal = line.unit_price * quantity;
  const discount = line.quantity > 0 ? Math.floor((line.discount_total * quantity) / line.quantity) : 0;
  const tax = taxOf(subtotal - discount, line.tax_rate_ppm, taxInclusive);
  return { quantity, subtotal, discount_total: discount, tax_total: tax, total: subtotal - discount + (taxInclusive ? 0 : tax) };
}

/** Recomputes the order's totals from its lines and its shipping (whose amount and tax stay as sold); returns the new total. */
export async function saveOrderTotals(tx: Tx, order: OrderState): Promise<number> {
  const shippingTax = order.shipping_method?.tax_total ?? 0;
  const { rows } = await sql<{ total: number }>`
    update orders o set
      subtotal = s.subtotal, discount_total = s.discount_total, tax_total = s.tax_total + ${shippingTax}::bigint,
      total = s.subtotal - s.discount_total + o.shipping_total + case when o.tax_inclusive then 0 else s.tax_total + ${shippingTax}::bigint end,
      updated_at = now()
    from (select coalesce(sum(subtotal), 0) as subtotal, coalesce(sum(discount_total), 0) as discount_total, coalesce(sum(tax_total), 0) as tax_total
          from order_line_item where order_id = ${order.id}) s
    where o.id = ${order.id}
    returning o.total`.execute(tx);
  return rows[0].total;
}
