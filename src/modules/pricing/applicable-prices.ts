import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { priceTiers, resolvePrice, type ListPrice, type PriceTier } from './price-rule.ts';
import type { PriceListType } from './schema.ts';

/**
 * Which price-list prices apply to a buyer now, for the Store API's catalog (in JavaScript, for a page
 * of products) and for the cart read (as SQL inside its one statement). Both then decide a unit's
 * price with price-rule.ts.
 */

/** Who prices are for: the buyer's customer groups that some price list names (none for a guest), at `now`. */
export interface PriceContext {
  groupIds: string[];
  now: Date;
}

/**
 * The customer's groups that some price list names, sorted: the part of a customer that changes what
 * the catalog shows them. Customers whose groups no list names see the guests' prices, so they share
 * the guests' cached pages.
 */
export async function pricedGroupsOf(db: Db, customerId: string): Promise<string[]> {
  const rows = await sql<{ group_id: string }>`
    select m.group_id from customer_group_member m
    where m.customer_id = ${customerId} and exists (select 1 from price_list pl where m.group_id = any(pl.customer_group_ids))
    order by m.group_id`.execute(db);
  return rows.rows.map((r) => r.group_id);
}

/**
 * The price lists that apply in this context now (active, in their window, for everyone or for one of
 * the groups), by id with their type, and when that may next change by itself (a list starting or
 * ending), or null.
 */
export async function applyingPriceLists(db: Db, context: PriceContext): Promise<{ applying: Map<string, PriceListType>; nextChange: Date | null }> {
  const lists = await db.selectFrom('price_list').select(['id', 'type', 'starts_at', 'ends_at', 'customer_group_ids'])
    .where('status', '=', 'active').where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', context.now)]))
    .execute();
  let nextChange: Date | null = null;
  for (const list of lists) {
    for (const at of [list.starts_at, list.ends_at]) {
      const when = at && new Date(at);
      if (when && when > context.now && (!nextChange || when < nextChange)) nextChange = when;
    }
  }
  const applying = new Map(lists.filter((l) => (!l.starts_at || new Date(l.starts_at) <= context.now)
    && (!l.customer_group_ids.length || l.customer_group_ids.some((g) => context.groupIds.includes(g)))).map((l) => [l.id, l.type]));
  return { applying, nextChange };
}

/**
 * SQL for the catalog list's price filters and sorts: each product's "from" price in `currency` as the
 * buyer sees it with these lists applying — per variant, a unit's price when buying one (price-rule.ts,
 * resolvePrice: the cheapest override or else the base price, lowered by the cheapest sale below it),
 * then the lowest over the variants — as a derived table (product_id, amount). With no list applying
 * the stored from-prices (product_from_price) give the same answer faster.
 */
export function contextFromPricesSql(currency: string, applying: Map<string, PriceListType>): RawBuilder<unknown> {
  const ids = (type: PriceListType) => [...applying].filter(([, t]) => t === type).map(([id]) => id);
  return sql`(
    select v.product_id, min(least(l.original, coalesce(l.sale, l.original))) as amount
    from product_variant v
    join product_variant_price vp on vp.variant_id = v.id and vp.currency_code = ${currency}
    cross join lateral (
      select coalesce(min(plp.amount) filter (where plp.price_list_id = any(${ids('override')}::text[])), vp.amount) as original,
        min(plp.amount) filter (where plp.price_list_id = any(${ids('sale')}::text[])) as sale
      from price_list_price plp
      where plp.variant_id = v.id and plp.currency_code = ${currency} and plp.min_quantity <= 1 and plp.price_list_id = any(${[...applying.keys()]}::text[])
    ) l
    group by v.product_id
  )`;
}

/** A variant's price as the Store API shows it: the base price with price lists applied. */
export interface StorePrice {
  currency_code: string;
  amount: number;
  original_amount?: number;
  price_list_id?: string;
  tiers?: PriceTier[];
}

export interface PricedProduct {
  variants: { id: string; prices: StorePrice[] }[];
}

/**
 * Applies the price lists to the products' variant prices in place: `amount` becomes what one unit
 * costs this buyer now, with `original_amount` and `price_list_id` when a list lowered it, and `tiers`
 * when buying more costs less. Returns when the answer may next change by itself (a list starting or
 * ending), or null: the store cache keeps the page no longer than that.
 */
export async function applyPriceLists(db: Db, products: PricedProduct[], context: PriceContext): Promise<Date | null> {
  const { applying, nextChange } = await applyingPriceLists(db, context);
  const variantIds = products.flatMap((p) => p.variants.map((v) => v.id));
  if (!applying.size || !variantIds.length) return nextChange;
  const rows = await db.selectFrom('price_list_price').select(['price_list_id', 'variant_id', 'currency_code', 'amount', 'min_quantity'])
    .where('price_list_id', 'in', [...applying.keys()]).where('variant_id', 'in', variantIds).execute();
  const byVariantCurrency = new Map<string, ListPrice[]>();
  for (const row of rows) {
    const key = `${row.variant_id} ${row.currency_code}`;
    const found = byVariantCurrency.get(key) ?? [];
    found.push({ price_list_id: row.price_list_id, type: applying.get(row.price_list_id)!, amount: Number(row.amount), min_quantity: row.min_quantity });
    byVariantCurrency.set(key, found);
  }
  for (const variant of products.flatMap((p) => p.variants)) {
    variant.prices = variant.prices.map((price) => {
      const listPrices = byVariantCurrency.get(`${variant.id} ${price.currency_code}`);
      if (!listPrices) return price;
      const one = resolvePrice(price.amount, listPrices, 1);
      const tiers = priceTiers(price.amount, listPrices);
      return {
        currency_code: price.currency_code, amount: one.amount,
        ...(one.original_amount !== null ? { original_amount: one.original_amount } : {}),
        ...(one.price_list_id !== null ? { price_list_id: one.price_list_id } : {}),
        ...(tiers.length ? { tiers } : {}),
      };
    });
  }
  return nextChange;
}

/**
 * SQL for the cart read: the price-list prices that may apply to a line of `variant` in `currency`
 * for the cart's `customer` at `now`, as a JSON array of ListPrice (whatever the quantity: the rule
 * picks by min_quantity).
 */
export function applicableListPricesSql(refs: { variant: RawBuilder<unknown>; currency: RawBuilder<unknown>; customer: RawBuilder<unknown> }, now: Date): RawBuilder<ListPrice[]> {
  return sql<ListPrice[]>`coalesce((
    select json_agg(json_build_object('price_list_id', pl.id, 'type', pl.type, 'amount', plp.amount, 'min_quantity', plp.min_quantity))
    from price_list_price plp join price_list pl on pl.id = plp.price_list_id
    where plp.variant_id = ${refs.variant} and plp.currency_code = ${refs.currency} and pl.status = 'active'
      and (pl.starts_at is null or pl.starts_at <= ${now}) and (pl.ends_at is null or pl.ends_at > ${now})
      and (cardinality(pl.customer_group_ids) = 0 or exists (
        select 1 from customer_group_member m where m.customer_id = ${refs.customer} and m.group_id = any(pl.customer_group_ids)))
  ), '[]')`;
}
