import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { didYouMean, expandWithSynonyms, searchWords, tsQueryText, typoMatch, typoScore, withTrigramThresholds } from './search.ts';
import type { Product, ProductSort } from './shapes.ts';
import { contextFromPricesSql } from '../pricing/applicable-prices.ts';
import type { PriceListType } from '../pricing/schema.ts';

/**
 * The catalog read: products with their categories, options, variants and prices, filtered, sorted and
 * paged, in one SQL statement (nested rows built by PostgreSQL as JSON, never N queries per page).
 * The Store API and the Admin API both list and fetch products through it.
 */
export interface ProductFilter {
  /** Statuses to include; the Store API passes ['published']. */
  statuses?: string[];
  q?: string;
  collection_id?: string;
  /** Includes the category's descendants. */
  category_id?: string;
  tags?: string[];
  currency_code?: string;
  price_min?: number;
  price_max?: number;
  /**
   * The price lists applying to the buyer now (pricing/applicable-prices.ts): price filters and sorts
   * then use the price the buyer sees, not the base price. Omitted or empty: the base prices.
   */
  price_lists?: Map<string, PriceListType>;
}

export interface ProductPage {
  products: Product[];
  /** Where the next page starts, or null on the last page. */
  next: unknown[] | null;
  /** A search that matched nothing as typed: the closest title words, when any differ. */
  did_you_mean?: string;
}

/** A variant of the product can be sold now (the same rule as a variant's `in_stock`). */
const inStock = sql<boolean>`exists (
  select 1 from product_variant v left join inventory_item i on i.variant_id = v.id
  where v.product_id = p.id and (i.manage_inventory is false or i.allow_backorder or (
    select coalesce(sum(greatest(l.on_hand - l.committed - l.reserved - l.safety_stock, 0)), 0)
    from inventory_level l join stock_location s on s.id = l.location_id and s.active
    where l.item_id = i.id) > 0))`;

const productColumns = sql`
  p.id, p.handle, p.title, p.description, p.status, p.tags, p.images, p.metadata, p.collection_id, p.tax_class, p.gift_card,
  p.published_at, p.created_at, p.updated_at,
  coalesce((select json_agg(a.category_id order by a.category_id) from product_category_assignment a where a.product_id = p.id), '[]') as category_ids,
  coalesce((
    select json_agg(json_build_object(
      'id', o.id, 'title', o.title,
      'values', (select coalesce(json_agg(ov.value order by ov.position), '[]') from product_option_value ov where ov.option_id = o.id)
    ) order by o.position)
    from product_option o where o.product_id = p.id
  ), '[]') as options,
  coalesce((
    select json_agg(json_build_object(
      'id', v.id, 'title', v.title, 'sku', v.sku, 'barcode', v.barcode, 'weight_grams', v.weight_grams, 'length_mm', v.length_mm, 'width_mm', v.width_mm, 'height_mm', v.height_mm, 'metadata', v.metadata,
      'options', (
        select coalesce(json_object_agg(o.title, ov.value), '{}')
        from product_variant_option vo
        join product_option o on o.id = vo.option_id
        join product_option_value ov on ov.id = vo.option_value_id
        where vo.variant_id = v.id
      ),
      'prices', (
        select coalesce(json_agg(json_build_object('currency_code', vp.currency_code, 'amount', vp.amount) order by vp.currency_code), '[]')
        from product_variant_price vp where vp.variant_id = v.id
      ),
      'available_quantity', case when inv.manage_inventory is false then null else coalesce(inv.available, 0) end,
      'in_stock', coalesce(inv.manage_inventory is false or inv.allow_backorder or inv.available > 0, false)
    ) order by v.position)
    from product_variant v
    -- Availability (the inventory module's tables, read here so a page stays one statement). A variant
    -- without an inventory item is tracked and has no stock.
    left join lateral (
      select i.manage_inventory, i.allow_backorder,
        (select coalesce(sum(greatest(l.on_hand - l.committed - l.reserved - l.safety_stock, 0)), 0)::int
         from inventory_level l join stock_location s on s.id = l.location_id and s.active
         where l.item_id = i.id) as available
      from inventory_item i where i.variant_id = v.id
    ) inv on true
    where v.product_id = p.id
  ), '[]') as variants`;

function bad(field: string, message: string): AppError {
  return new AppError('invalid_request', { field }, `${field} ${message}`);
}

function checkCursor(after: unknown[] | undefined, types: ('string' | 'number')[]): unknown[] | undefined {
  if (after === undefined) return undefined;
  if (after.length !== types.length || after.some((value, i) => typeof value !== types[i])) {
    throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
  }
  return after;
}

type Search =
  | { kind: 'text'; groups: string[][] }
  | { kind: 'typo'; words: string[]; q: string };

/**
 * The conditions (on `p`, the product) and joins a filter and a search add to a query. `at` names
 * where the filter came from, for the field an error names (`querystring`, `body.filter`).
 */
function productConditions(filter: ProductFilter, search: Search | undefined, at: string) {
  const where: RawBuilder<unknown>[] = [];
  const joins: RawBuilder<unknown>[] = [];
  // One status as `=`, so the planner can walk an index in sort order.
  if (filter.statuses?.length === 1) where.push(sql`p.status = ${filter.statuses[0]}`);
  else if (filter.statuses) where.push(sql`p.status = any(${filter.statuses}::text[])`);
  if (search?.kind === 'text') where.push(sql`p.search_vector @@ to_tsquery('english', ${tsQueryText(search.groups)})`);
  if (search?.kind === 'typo') where.push(typoMatch(search.words, search.q));
  if (filter.collection_id) where.push(sql`p.collection_id = ${filter.collection_id}`);
  if (filter.category_id) {
    where.push(sql`exists (
      select 1 from product_category_assignment a
      where a.product_id = p.id and a.category_id in (
        with recursive tree(id) as (
          select ${filter.category_id}::text
          union all
          select c.id from product_category c join tree t on c.parent_id = t.id
        ) select id from tree))`);
  }
  if (filter.tags?.length) where.push(sql`p.tags @> ${filter.tags}::text[]`);
  if ((filter.price_min !== undefined || filter.price_max !== undefined) && !filter.currency_code) {
    throw bad(`${at}.currency_code`, 'is required to filter by price');
  }
  if (filter.currency_code) {
    // Products without a price in the currency are left out: they cannot be bought in it.
    // The price the caller sees: their price lists' when any applies (the Store API sets them).
    joins.push(filter.price_lists?.size
      ? sql`join ${contextFromPricesSql(filter.currency_code, filter.price_lists)} fp on fp.product_id = p.id`
      : sql`join product_from_price fp on fp.product_id = p.id and fp.currency_code = ${filter.currency_code}`);
    if (filter.price_min !== undefined) where.push(sql`fp.amount >= ${filter.price_min}`);
    if (filter.price_max !== undefined) where.push(sql`fp.amount <= ${filter.price_max}`);
  }
  return { where, joins };
}

/** The fields of a product a bulk action reads to decide whether it changes it. */
export interface MatchedProduct { id: string; status: string; tags: string[]; collection_id: string | null }

/**
 * Every product the admin list shows for this filter, however many pages it takes (a search that
 * matches nothing as typed falls back to close titles and SKUs, as the list does), up to `max + 1`
 * so the caller can tell "too many"; the rows stay locked until `tx` ends, so what a bulk action
 * counted is what it changes.
 */
export async function lockProductsMatching(tx: Tx, filter: ProductFilter, max: number, at: string): Promise<MatchedProduct[]> {
  const words = filter.q === undefined ? undefined : searchWords(filter.q);
  const select = async (search: Search | undefined) => {
    const { where, joins } = productConditions(filter, search, at);
    const rows = await sql<MatchedProduct>`
      select p.id, p.status, p.tags, p.collection_id from product p ${sql.join(joins, sql` `)}
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      order by p.id limit ${max + 1} for update of p`.execute(tx);
    return rows.rows;
  };
  if (!words) return select(undefined);
  if (!words.length) return [];
  const found = await select({ kind: 'text', groups: await expandWithSynonyms(tx, words) });
  if (found.length) return found;
  return withTrigramThresholds(tx, () => select({ kind: 'typo', words, q: filter.q! }));
}

/**
 * A search matches words as typed (prefixes, and the merchant's synonyms). When that finds nothing,
 * the relevance sort falls back to titles and SKUs close to the words typed (typos forgiven), and the
 * answer says what the shopper may have meant. Its cursor then says so too: [offset, 'typo'].
 */
export async function queryProducts(
  db: Db,
  filter: ProductFilter,
  page: { sort?: ProductSort; after?: unknown[]; limit: number },
): Promise<ProductPage> {
  const sort: ProductSort = page.sort ?? (filter.q ? 'relevance' : 'newest');
  const words = filter.q === undefined ? undefined : searchWords(filter.q);
  if (!words) return pageOfProducts(db, filter, sort, page, undefined);
  if (!words.length) return { products: [], next: null };
  const typoCursor = sort === 'relevance' && page.after?.length === 2 && page.after[1] === 'typo';
  if (!typoCursor) {
    const found = await pageOfProducts(db, filter, sort, page, { kind: 'text', groups: await expandWithSynonyms(db, words) });
    if (found.products.length || page.after) return found;
  }
  return withTrigramThresholds(db, async (tx) => {
    const suggestion = typoCursor ? null : await didYouMean(tx, words, filter.statuses);
    const typo = sort === 'relevance'
      ? await pageOfProducts(tx, filter, sort, { ...page, after: page.after?.slice(0, 1) }, { kind: 'typo', words, q: filter.q! })
      : { products: [], next: null };
    return { products: typo.products, next: typo.next && [...typo.next, 'typo'], ...(suggestion ? { did_you_mean: suggestion } : {}) };
  });
}

async function pageOfProducts(
  db: Db,
  filter: ProductFilter,
  sort: ProductSort,
  page: { after?: unknown[]; limit: number },
  search: Search | undefined,
): Promise<ProductPage> {
  const needsCurrency = filter.price_min !== undefined || filter.price_max !== undefined || sort === 'price' || sort === '-price';
  if (needsCurrency && !filter.currency_code) throw bad('querystring.currency_code', 'is required to filter or sort by price');
  if (sort === 'relevance' && !search) throw bad('querystring.sort', 'relevance needs a search (q)');
  const { where, joins } = productConditions(filter, search, 'querystring');

  let sortKey: RawBuilder<unknown> = sql`null`;
  let order: RawBuilder<unknown>;
  let offset = 0;
  switch (sort) {
    case 'newest': {
      // Ids are time-sortable, so "newest" is id order: unique, and exact to the cursor.
      const after = checkCursor(page.after, ['string']);
      if (after) where.push(sql`p.id < ${after[0]}`);
      order = sql`p.id desc`;
      break;
    }
    case 'title': {
      const after = checkCursor(page.after, ['string', 'string']);
      sortKey = sql`p.sort_title`;
      if (after) where.push(sql`(p.sort_title collate "C", p.id) > (${after[0]}::text collate "C", ${after[1]}::text)`);
      order = sql`p.sort_title collate "C", p.id`;
      break;
    }
    case 'price':
    case '-price': {
      const after = checkCursor(page.after, ['number', 'string']);
      sortKey = sql`fp.amount`;
      const direction = sort === 'price' ? sql`>` : sql`<`;
      if (after) where.push(sql`(fp.amount, p.id) ${direction} (${after[0]}::bigint, ${after[1]}::text)`);
      order = sort === 'price' ? sql`fp.amount, p.id` : sql`fp.amount desc, p.id desc`;
      break;
    }
    case 'relevance': {
      // Title matches first, then products in stock, then by rank; paged by offset because ranks are floats.
      offset = (checkCursor(page.after, ['number'])?.[0] as number | undefined) ?? 0;
      if (!Number.isInteger(offset) || offset < 0) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
      if (search!.kind === 'text') {
        order = sql`(p.search_vector @@ to_tsquery('english', ${tsQueryText(search!.groups, 'A')})) desc, ${inStock} desc,
          ts_rank(p.search_vector, to_tsquery('english', ${tsQueryText(search!.groups)})) desc, p.id`;
      } else {
        const titled = sql.join(search!.words.map((w) => sql`${w} <% p.sort_title`), sql` and `);
        order = sql`(${titled}) desc, ${inStock} desc, ${typoScore(search!.words)} desc, p.id`;
      }
      break;
    }
  }

  // Choose the page first (ids and sort keys only), then build the nested JSON for those rows alone.
  const rows = await sql<Product & { sort_key: unknown }>`
    with page as (
      select p.id, ${sortKey} as sort_key, row_number() over (order by ${order}) as ord
      from product p ${sql.join(joins, sql` `)}
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      order by ${order}
      limit ${page.limit + 1} offset ${offset}
    )
    select ${productColumns}, page.sort_key from page join product p on p.id = page.id order by page.ord`.execute(db);

  const products = rows.rows.slice(0, page.limit);
  let next: unknown[] | null = null;
  if (rows.rows.length > page.limit) {
    const last = rows.rows[page.limit - 1];
    if (sort === 'newest') next = [last.id];
    else if (sort === 'relevance') next = [offset + page.limit];
    else next = [last.sort_key, last.id];
  }
  for (const product of products) delete (product as { sort_key?: unknown }).sort_key;
  return { products, next };
}

/** One product by id or handle; only published ones unless `anyStatus`. */
export async function getProductOrThrow(db: Db, idOrHandle: string, opts: { anyStatus: boolean }): Promise<Product> {
  const rows = await sql<Product>`
    select ${productColumns} from product p
    where (p.id = ${idOrHandle} or p.handle = ${idOrHandle})
    ${opts.anyStatus ? sql`` : sql`and p.status = 'published'`}
    limit 1`.execute(db);
  const product = rows.rows[0];
  if (!product) throw new AppError('product_not_found', { id_or_handle: idOrHandle });
  return product;
}

/** Published products by id, in the order of `ids` (unknown and unpublished ones left out). */
export async function getPublishedProducts(db: Db, ids: readonly string[]): Promise<Product[]> {
  if (!ids.length) return [];
  const rows = await sql<Product>`
    select ${productColumns} from product p
    where p.id = any(${[...ids]}::text[]) and p.status = 'published'`.execute(db);
  const byId = new Map(rows.rows.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Columns for a read that joins `product p` to candidates it chooses among (recommendations), so the
 * choice needs no statement of its own: `sellable`, whether a storefront can sell it now (published,
 * with a variant in stock: the same rule as a variant's `in_stock`; null for no product), its `tags`,
 * and `variant_ids`, its variants, sellable or not — with the product's own id, the ids whose stock
 * changes (inventory:<ids>) may change the verdict, for a cache of an answer chosen by it.
 */
export const sellabilityColumns = sql`p.status = 'published' and ${inStock} as sellable, p.tags,
  array(select v.id from product_variant v where v.product_id = p.id) as variant_ids`;

/** The published product a variant belongs to, or null for an unknown variant or unpublished product. */
export async function getPublishedProductOfVariant(db: Db, variantId: string): Promise<Product | null> {
  const row = await db.selectFrom('product_variant').select('product_id').where('id', '=', variantId).executeTakeFirst();
  return row ? (await getPublishedProducts(db, [row.product_id]))[0] ?? null : null;
}

/** Every option value of the published products, with its option's title: what shoppers may ask for. */
export async function publishedOptionValues(db: Db): Promise<{ option: string; value: string }[]> {
  const rows = await sql<{ option: string; value: string }>`
    select distinct o.title as option, ov.value from product_option o
    join product_option_value ov on ov.option_id = o.id
    join product p on p.id = o.product_id and p.status = 'published'`.execute(db);
  return rows.rows;
}
