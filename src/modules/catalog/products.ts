import { sql, type Insertable } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Database, Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ifGiven } from '../../db/patch.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { untrackGiftCardStock } from '../inventory/items.ts';
import { getProductOrThrow } from './product-query.ts';
import { fieldPath, missingIds, slugify, sortableTitle, validateProductInputs, type InputIssue } from './product-validation.ts';
import type { Product, ProductInput, ProductUpdate, VariantInput } from './shapes.ts';

type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] };

/** The rows one variant adds: the variant, its option links and its prices. */
export function variantRows(
  productId: string,
  position: number,
  variant: VariantInput,
  options: { id: string; title: string; valueIds: Map<string, string> }[],
): Rows {
  const id = newId('var');
  const chosen = variant.options ?? {};
  const title = variant.title ?? (options.length ? options.map((o) => chosen[o.title]).join(' / ') : 'Default');
  return {
    product_variant: [{
      id,
      product_id: productId,
      title,
      sku: variant.sku ?? null,
      barcode: variant.barcode ?? null,
      weight_grams: variant.weight_grams ?? null,
      length_mm: variant.length_mm ?? null,
      width_mm: variant.width_mm ?? null,
      height_mm: variant.height_mm ?? null,
      position,
      metadata: JSON.stringify(variant.metadata ?? {}),
    }],
    product_variant_option: options.map((o) => ({ variant_id: id, option_id: o.id, option_value_id: o.valueIds.get(chosen[o.title])! })),
    product_variant_price: (variant.prices ?? []).map((p) => ({ variant_id: id, currency_code: p.currency_code, amount: p.amount })),
  };
}

function productRows(id: string, input: ProductInput): Rows {
  const rows: Rows = {
    product: [{
      id,
      handle: input.handle ?? slugify(input.title),
      title: input.title,
      sort_title: sortableTitle(input.title),
      description: input.description ?? '',
      status: input.status ?? 'draft',
      tags: input.tags ?? [],
      images: input.images ?? [],
      metadata: JSON.stringify(input.metadata ?? {}),
      collection_id: input.collection_id ?? null,
      tax_class: input.tax_class ?? null,
      gift_card: input.gift_card ?? false,
      published_at: input.status === 'published' ? new Date() : null,
    }],
    product_category_assignment: [...new Set(input.category_ids ?? [])].map((category_id) => ({ product_id: id, category_id })),
    product_option: [],
    product_option_value: [],
  };
  const options = (input.options ?? []).map((option, position) => {
    const optionId = newId('opt');
    rows.product_option!.push({ id: optionId, product_id: id, title: option.title, position });
    const valueIds = new Map<string, string>();
    option.values.forEach((value, valuePosition) => {
      const valueId = newId('optval');
      valueIds.set(value, valueId);
      rows.product_option_value!.push({ id: valueId, option_id: optionId, value, position: valuePosition });
    });
    return { id: optionId, title: option.title, valueIds };
  });
  (input.variants ?? []).forEach((variant, position) => mergeRows(rows, variantRows(id, position, variant, options)));
  return rows;
}

function mergeRows(into: Rows, more: Rows): void {
  for (const [table, list] of Object.entries(more) as [keyof Database, unknown[]][]) {
    ((into[table] ??= []) as unknown[]).push(...list);
  }
}

/** Inserts in dependency order, in chunks that stay under PostgreSQL's 65,535-parameter limit. */
export async function insertRows(tx: Tx, rows: Rows): Promise<void> {
  const order: (keyof Database)[] = [
    'product', 'product_category_assignment', 'product_option', 'product_option_value',
    'product_variant', 'product_variant_option', 'product_variant_price',
  ];
  for (const table of order) {
    const list = rows[table] ?? [];
    for (let i = 0; i < list.length; i += 1000) {
      await tx.insertInto(table).values(list.slice(i, i + 1000) as never).execute();
    }
  }
}

/** Thrown for the first problem found when one product is created through the API. */
export function issueToError(issue: InputIssue, dropIndex: boolean): AppError {
  const path = dropIndex ? issue.path.slice(1) : issue.path;
  return new AppError(issue.code, { field: `body.${fieldPath(path)}` }, issue.message);
}

/**
 * Creates products with their options, variants and prices: all of them or, if any input has a
 * problem, none. Used by the API, the CSV import and the demo seed.
 */
export async function createProducts(db: Db, inputs: ProductInput[]): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const issues = await validateProductInputs(tx, inputs);
    if (issues.length) throw issueToError(issues[0], inputs.length === 1);
    const ids = inputs.map(() => newId('prod'));
    const rows: Rows = {};
    inputs.forEach((input, i) => mergeRows(rows, productRows(ids[i], input)));
    await insertRows(tx, rows);
    await refreshFromPrices(tx, ids);
    await untrackGiftCardStock(tx, ids.filter((_, i) => inputs[i].gift_card));
    await recordEvents(tx, ids.map((id, i) => ({
      type: 'product.created',
      resource_type: 'product',
      resource_id: id,
      payload: { id, handle: rows.product![i].handle, title: inputs[i].title, status: inputs[i].status ?? 'draft' },
    })));
    await signalChange(tx, 'catalog');
    return ids;
  });
}

export async function createProduct(db: Db, input: ProductInput): Promise<Product> {
  return inTransaction(db, async (tx) => {
    const [id] = await createProducts(tx, [input]);
    return getProductOrThrow(tx, id, { anyStatus: true });
  });
}

/**
 * Refreshes the planner's statistics for the catalog tables after a bulk load. Without them PostgreSQL
 * plans for empty tables (a sort of every product instead of an index walk); PGlite never runs
 * autovacuum, so there this is the only refresh besides the one at start.
 */
export async function analyzeCatalog(db: Db): Promise<void> {
  await sql`analyze product, product_variant, product_variant_price, product_variant_option, product_option,
    product_option_value, product_category_assignment, product_from_price`.execute(db);
}

/** Locks the product row for the rest of the transaction, so concurrent edits of one product queue up. */
export async function lockProduct(tx: Tx, id: string): Promise<{ id: string; status: string }> {
  const product = await tx.selectFrom('product').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!product) throw new AppError('product_not_found', { id });
  return product;
}

/** Recomputes the products' "from" prices (lowest variant price per currency) after their prices changed. */
export async function refreshFromPrices(tx: Tx, productIds: string[]): Promise<void> {
  await tx.deleteFrom('product_from_price').where(sql<boolean>`product_id = any(${productIds}::text[])`).execute();
  await sql`
    insert into product_from_price (product_id, currency_code, amount)
    select v.product_id, vp.currency_code, min(vp.amount)
    from product_variant v join product_variant_price vp on vp.variant_id = v.id
    where v.product_id = any(${productIds}::text[])
    group by v.product_id, vp.currency_code`.execute(tx);
}

/** Records that a product changed: bumps updated_at, refreshes its from-prices, writes the event, tells the caches. */
export async function touchProduct(tx: Tx, id: string, type: string, payload: Record<string, unknown>): Promise<void> {
  await tx.updateTable('product').set({ updated_at: new Date() }).where('id', '=', id).execute();
  await refreshFromPrices(tx, [id]);
  await untrackGiftCardStock(tx, [id]);
  await recordEvents(tx, [{ type, resource_type: 'product', resource_id: id, payload: { id, ...payload } }]);
  await signalChange(tx, 'catalog');
}

export async function updateProduct(db: Db, id: string, patch: ProductUpdate): Promise<Product> {
  return inTransaction(db, async (tx) => {
    const current = await lockProduct(tx, id);
    if (patch.handle) {
      const other = await tx.selectFrom('product').select('id').where('handle', '=', patch.handle).where('id', '!=', id).executeTakeFirst();
      if (other) throw new AppError('product_handle_taken', { field: 'body.handle', handle: patch.handle });
    }
    if (patch.collection_id && (await missingIds(tx, 'product_collection', new Set([patch.collection_id]))).size) {
      throw new AppError('collection_not_found', { field: 'body.collection_id', id: patch.collection_id });
    }
    if (patch.category_ids) {
      const missing = await missingIds(tx, 'product_category', new Set(patch.category_ids));
      if (missing.size) throw new AppError('category_not_found', { field: 'body.category_ids', ids: [...missing] });
      await tx.deleteFrom('product_category_assignment').where('product_id', '=', id).execute();
      const rows = [...new Set(patch.category_ids)].map((category_id) => ({ product_id: id, category_id }));
      if (rows.length) await tx.insertInto('product_category_assignment').values(rows).execute();
    }
    const { category_ids: _ignored, metadata, ...fields } = patch;
    const becomesPublished = patch.status === 'published' && current.status !== 'published';
    const columns = {
      ...fields,
      sort_title: ifGiven(patch.title, sortableTitle),
      metadata: ifGiven(metadata, (m) => JSON.stringify(m)),
      ...(becomesPublished ? { published_at: new Date() } : {}),
    };
    // A patch of categories alone changes no column here (an empty SET is a syntax error).
    if (Object.values(columns).some((value) => value !== undefined)) {
      await tx.updateTable('product').set(columns).where('id', '=', id).execute();
    }
    await touchProduct(tx, id, 'product.updated', { changed: Object.keys(patch) });
    if (patch.status && patch.status !== current.status) {
      await recordEvents(tx, [{ type: `product.${patch.status}`, resource_type: 'product', resource_id: id, payload: { id, previous_status: current.status } }]);
    }
    return getProductOrThrow(tx, id, { anyStatus: true });
  });
}

export async function deleteProduct(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockProduct(tx, id);
    await tx.deleteFrom('product').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'product.deleted', resource_type: 'product', resource_id: id, payload: { id } }]);
    await signalChange(tx, 'catalog');
  });
}
