import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ifGiven } from '../../db/patch.ts';
import { AppError } from '../../errors.ts';
import { loadOptions, loadVariantChoices, type LoadedOption } from './options.ts';
import { getProductOrThrow } from './product-query.ts';
import { fieldPath, optionAndVariantIssues, pricesProblems } from './product-validation.ts';
import { insertRows, lockProduct, touchProduct, variantRows } from './products.ts';
import type { Product, VariantInput, VariantUpdate } from './shapes.ts';

function shapes(options: LoadedOption[]) {
  return options.map((o) => ({ title: o.title, values: o.values.map((v) => v.value) }));
}

/** The option values of each existing variant as title → value, for the same checks a new product gets. */
async function existingVariantOptions(tx: Tx, productId: string, options: LoadedOption[], except?: string) {
  const choices = await loadVariantChoices(tx, productId);
  const result: VariantInput[] = [];
  for (const [variantId, map] of choices) {
    if (variantId === except) continue;
    const chosen: Record<string, string> = {};
    for (const option of options) {
      const valueId = map.get(option.id);
      const value = option.values.find((v) => v.id === valueId)?.value;
      if (value !== undefined) chosen[option.title] = value;
    }
    result.push({ options: chosen });
  }
  return result;
}

/** Throws unless the variant fits the product's options and differs from its other variants. */
async function checkVariant(tx: Tx, productId: string, options: LoadedOption[], variant: VariantInput, except?: string) {
  const others = await existingVariantOptions(tx, productId, options, except);
  // Issues of the new variant itself, or of the product as a whole (one variant too many).
  const issue = optionAndVariantIssues([], shapes(options), [...others, variant])
    .find((i) => i.path[1] === others.length || i.path.length === 1);
  if (issue) throw new AppError(issue.code, { field: ['body', fieldPath(issue.path.slice(2))].filter(Boolean).join('.') }, issue.message);
}

async function checkSku(tx: Tx, sku: string | null | undefined, except?: string) {
  if (!sku) return;
  let query = tx.selectFrom('product_variant').select('id').where('sku', '=', sku);
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new AppError('variant_sku_taken', { field: 'body.sku', sku });
}

function checkPrices(prices: VariantInput['prices']) {
  const problem = pricesProblems(prices)[0];
  if (problem) throw new AppError(problem.code, { field: `body.prices[${problem.index}].${problem.field}` }, problem.message);
}

async function lockVariant(tx: Tx, productId: string, variantId: string) {
  const variant = await tx.selectFrom('product_variant').select(['id', 'position'])
    .where('id', '=', variantId).where('product_id', '=', productId).forUpdate().executeTakeFirst();
  if (!variant) throw new AppError('variant_not_found', { id: variantId, product_id: productId });
  return variant;
}

export async function addVariant(db: Db, productId: string, input: VariantInput): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    const options = await loadOptions(tx, productId);
    await checkVariant(tx, productId, options, input);
    await checkSku(tx, input.sku);
    const last = await tx.selectFrom('product_variant').select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
      .where('product_id', '=', productId).executeTakeFirstOrThrow();
    const linked = options.map((o) => ({ id: o.id, title: o.title, valueIds: new Map(o.values.map((v) => [v.value, v.id])) }));
    await insertRows(tx, variantRows(productId, last.next, input, linked));
    await touchProduct(tx, productId, 'product.updated', { changed: ['variants'] });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}

export async function updateVariant(db: Db, productId: string, variantId: string, patch: VariantUpdate): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    await lockVariant(tx, productId, variantId);
    const options = await loadOptions(tx, productId);
    if (patch.options !== undefined) {
      await checkVariant(tx, productId, options, { options: patch.options }, variantId);
      await tx.deleteFrom('product_variant_option').where('variant_id', '=', variantId).execute();
      if (options.length) {
        await tx.insertInto('product_variant_option').values(options.map((o) => ({
          variant_id: variantId,
          option_id: o.id,
          option_value_id: o.values.find((v) => v.value === patch.options![o.title])!.id,
        }))).execute();
      }
    }
    if (patch.sku !== undefined) await checkSku(tx, patch.sku, variantId);
    if (patch.prices !== undefined) {
      checkPrices(patch.prices);
      await tx.deleteFrom('product_variant_price').where('variant_id', '=', variantId).execute();
      if (patch.prices.length) {
        await tx.insertInto('product_variant_price').values(patch.prices.map((p) => ({ variant_id: variantId, ...p }))).execute();
      }
    }
    const { options: _o, prices: _p, metadata, ...fields } = patch;
    await tx.updateTable('product_variant')
      .set({ ...fields, metadata: ifGiven(metadata, (m) => JSON.stringify(m)), updated_at: new Date() })
      .where('id', '=', variantId)
      .execute();
    await touchProduct(tx, productId, 'product.updated', { changed: ['variants'], variant_id: variantId });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}

export async function deleteVariant(db: Db, productId: string, variantId: string): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    await lockVariant(tx, productId, variantId);
    await tx.deleteFrom('product_variant').where('id', '=', variantId).execute();
    await touchProduct(tx, productId, 'product.updated', { changed: ['variants'], variant_id: variantId });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}

/** Sets prices for the currencies given (others are kept). */
export async function setVariantPrices(db: Db, productId: string, variantId: string, prices: NonNullable<VariantInput['prices']>): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    await lockVariant(tx, productId, variantId);
    checkPrices(prices);
    for (const price of prices) {
      await tx.insertInto('product_variant_price').values({ variant_id: variantId, ...price })
        .onConflict((oc) => oc.columns(['variant_id', 'currency_code']).doUpdateSet({ amount: price.amount }))
        .execute();
    }
    await touchProduct(tx, productId, 'product.updated', { changed: ['prices'], variant_id: variantId });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}

export async function deleteVariantPrice(db: Db, productId: string, variantId: string, currencyCode: string): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    await lockVariant(tx, productId, variantId);
    const deleted = await tx.deleteFrom('product_variant_price')
      .where('variant_id', '=', variantId).where('currency_code', '=', currencyCode).executeTakeFirst();
    if (!deleted.numDeletedRows) throw new AppError('invalid_request', { field: 'params.currency_code' }, `the variant has no ${currencyCode} price`);
    await touchProduct(tx, productId, 'product.updated', { changed: ['prices'], variant_id: variantId });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}
