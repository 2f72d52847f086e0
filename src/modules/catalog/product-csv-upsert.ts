import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { updateOption } from './options.ts';
import { getProductOrThrow } from './product-query.ts';
import { updateProduct } from './products.ts';
import type { ProductInput, ProductUpdate, VariantInput, VariantUpdate } from './shapes.ts';
import { addVariant, deleteVariant, updateVariant } from './variants.ts';

/** A product of the file that exists: what the file says of it, and where. */
export interface CsvUpdate {
  productId: string;
  input: ProductInput;
  firstRow: number;
  /** The row of each of input.variants. */
  variantRows: number[];
  /** SKUs whose variants the file deletes, with their rows. */
  deletes: { sku: string; row: number }[];
}

export interface CsvColumns {
  /** The columns the file has: an update changes only what they hold. */
  columns: Set<string>;
  /** The currencies of the file's price columns. */
  currencies: Set<string>;
}

/**
 * Applies a CSV import's rows to a product that exists (matched by handle): only what the file's
 * columns hold, only where it differs, so an unchanged product is not touched (its updated_at and
 * events stay). Variants are matched by SKU; a variant not in the file is kept unless a row deletes
 * it. Prices are set for the currencies the file has columns for (an empty cell removes that price);
 * others are kept. The product's option titles cannot change here (the Admin API does that); new
 * option values are added. Returns whether anything changed.
 */
export async function applyCsvUpdate(tx: Tx, update: CsvUpdate, file: CsvColumns): Promise<boolean> {
  const { productId: id, input } = update;
  const has = (column: string) => file.columns.has(column);
  const current = await getProductOrThrow(tx, id, { anyStatus: true });
  let changed = false;
  const problem = (column: string, message: string, row = update.firstRow) => new AppError('csv_invalid', { error_count: 1, errors: [{ row, column, message }] });
  // A service's refusal (two variants with the same option values…) is reported as the row's problem.
  const at = async (row: number, column: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      if (error instanceof AppError && error.code !== 'csv_invalid') throw problem(column, error.message, row);
      throw error;
    }
    changed = true;
  };

  const patch: ProductUpdate = {};
  if (input.title !== current.title) patch.title = input.title;
  if (input.status !== current.status) patch.status = input.status;
  if (has('description') && input.description !== current.description) patch.description = input.description;
  if (has('tags') && !sameList(input.tags, current.tags)) patch.tags = input.tags;
  if (has('images') && !sameList(input.images, current.images)) patch.images = input.images;
  if (has('collection_handle') && (input.collection_id ?? null) !== current.collection_id) patch.collection_id = input.collection_id ?? null;
  if (has('category_handles') && !sameList([...input.category_ids ?? []].sort(), [...current.category_ids].sort())) patch.category_ids = input.category_ids;
  if (has('tax_class') && (input.tax_class ?? null) !== current.tax_class) patch.tax_class = input.tax_class ?? null;
  if (Object.keys(patch).length) await at(update.firstRow, 'handle', () => updateProduct(tx, id, patch));

  const fileOptions = input.options ?? [];
  const withOptions = fileOptions.length > 0;
  if (withOptions) {
    const titles = current.options.map((o) => o.title);
    if (!sameList(fileOptions.map((o) => o.title), titles)) {
      throw problem('option1_name', `the product's options are ${titles.length ? titles.map((t) => `"${t}"`).join(', ') : 'none'}; change options in the Admin API`);
    }
    for (const [i, option] of current.options.entries()) {
      const added = fileOptions[i].values.filter((v) => !option.values.includes(v));
      if (added.length) await at(update.firstRow, `option${i + 1}_value`, () => updateOption(tx, id, option.id, { values: [...option.values, ...added] }));
    }
  }

  const bySku = new Map(current.variants.filter((v) => v.sku).map((v) => [v.sku!, v]));
  for (const [v, variant] of (input.variants ?? []).entries()) {
    const row = update.variantRows[v];
    const existing = variant.sku ? bySku.get(variant.sku) : undefined;
    if (!existing) {
      await at(row, 'variant_sku', () => addVariant(tx, id, variant));
      continue;
    }
    const vpatch: VariantUpdate = {};
    if (variant.title && variant.title !== existing.title) vpatch.title = variant.title;
    if (has('variant_barcode') && (variant.barcode ?? null) !== existing.barcode) vpatch.barcode = variant.barcode ?? null;
    if (has('variant_weight_grams') && (variant.weight_grams ?? null) !== existing.weight_grams) vpatch.weight_grams = variant.weight_grams ?? null;
    for (const size of ['length_mm', 'width_mm', 'height_mm'] as const) {
      if (has(`variant_${size}`) && (variant[size] ?? null) !== existing[size]) vpatch[size] = variant[size] ?? null;
    }
    if (withOptions && JSON.stringify(sortedEntries(variant.options ?? {})) !== JSON.stringify(sortedEntries(existing.options))) vpatch.options = variant.options;
    const prices = withPrices(variant, existing.prices.filter((p) => !file.currencies.has(p.currency_code))).prices!;
    if (priceKey(prices) !== priceKey(existing.prices)) vpatch.prices = prices;
    if (Object.keys(vpatch).length) await at(row, 'variant_sku', () => updateVariant(tx, id, existing.id, vpatch));
  }

  for (const { sku, row } of update.deletes) {
    const existing = bySku.get(sku);
    if (!existing) throw problem('variant_sku', `the product has no variant with SKU "${sku}" to delete`, row);
    await at(row, 'variant_delete', () => deleteVariant(tx, id, existing.id));
  }
  return changed;
}

function withPrices(variant: VariantInput, kept: { currency_code: string; amount: number }[]): VariantInput {
  return { ...variant, prices: [...kept, ...(variant.prices ?? [])] };
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}

function sortedEntries(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function priceKey(prices: { currency_code: string; amount: number }[]): string {
  return prices.map((p) => `${p.currency_code}:${p.amount}`).sort().join(',');
}
