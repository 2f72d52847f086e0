import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ErrorCode } from '../../errors.ts';
import { isCurrencyCode } from '../../money/currency.ts';
import type { ProductInput, VariantInput } from './shapes.ts';

/**
 * Checks products before anything is written. Returns every problem found (not just the first), each
 * with the path of the field at fault, so the API can name the field and the CSV import the row and column.
 */
export interface InputIssue {
  /** Index of the product in the batch, then the field path inside it: [3, 'variants', 0, 'sku']. */
  path: (string | number)[];
  code: ErrorCode;
  message: string;
}

export const MAX_OPTIONS = 3;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
}

/**
 * The key products sort by title: compatibility-decomposed, accents dropped, lower case. Computed here
 * rather than by a collation so PGlite and every PostgreSQL server (whatever its locale) agree.
 */
export function sortableTitle(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface OptionShape {
  title: string;
  values: string[];
}

/** Why a variant's option values do not fit its product's options, or null when they do. */
export function variantOptionsProblem(options: OptionShape[], chosen: Record<string, string> | undefined): string | null {
  const given = chosen ?? {};
  for (const title of Object.keys(given)) {
    if (!options.some((o) => o.title === title)) return `the product has no option "${title}"`;
  }
  for (const option of options) {
    const value = given[option.title];
    if (value === undefined) return `a value for option "${option.title}" is required`;
    if (!option.values.includes(value)) return `"${value}" is not a value of option "${option.title}" (${option.values.join(', ')})`;
  }
  return null;
}

/** The key two variants of one product must not share: their option values in option order. */
export function optionCombination(options: OptionShape[], chosen: Record<string, string> | undefined): string {
  return JSON.stringify(options.map((o) => chosen?.[o.title] ?? null));
}

export function pricesProblems(prices: VariantInput['prices']): { index: number; field: string; code: ErrorCode; message: string }[] {
  const problems: { index: number; field: string; code: ErrorCode; message: string }[] = [];
  const seen = new Set<string>();
  (prices ?? []).forEach((price, index) => {
    if (!isCurrencyCode(price.currency_code)) {
      problems.push({ index, field: 'currency_code', code: 'invalid_currency', message: `${price.currency_code} is not an ISO 4217 code such as USD` });
    } else if (seen.has(price.currency_code)) {
      problems.push({ index, field: 'currency_code', code: 'invalid_request', message: `${price.currency_code} is priced twice` });
    }
    seen.add(price.currency_code);
  });
  return problems;
}

/** Checks options and variants of one product against each other; `at` prefixes the paths. */
export function optionAndVariantIssues(at: (string | number)[], options: OptionShape[], variants: VariantInput[]): InputIssue[] {
  const issues: InputIssue[] = [];
  if (options.length > MAX_OPTIONS) {
    issues.push({ path: [...at, 'options'], code: 'too_many_options', message: `a product has at most ${MAX_OPTIONS} options` });
  }
  const titles = new Set<string>();
  options.forEach((option, i) => {
    if (titles.has(option.title)) issues.push({ path: [...at, 'options', i, 'title'], code: 'option_title_taken', message: `option "${option.title}" appears twice` });
    titles.add(option.title);
    if (new Set(option.values).size !== option.values.length) {
      issues.push({ path: [...at, 'options', i, 'values'], code: 'invalid_request', message: `option "${option.title}" lists a value twice` });
    }
  });
  if (options.length === 0 && variants.length > 1) {
    issues.push({ path: [...at, 'variants'], code: 'too_many_variants', message: 'a product without options has one variant; add options to sell several' });
  }
  const combinations = new Set<string>();
  variants.forEach((variant, v) => {
    const problem = variantOptionsProblem(options, variant.options);
    if (problem) {
      issues.push({ path: [...at, 'variants', v, 'options'], code: 'variant_options_invalid', message: problem });
    } else if (options.length > 0) {
      const key = optionCombination(options, variant.options);
      if (combinations.has(key)) issues.push({ path: [...at, 'variants', v, 'options'], code: 'variant_options_taken', message: 'another variant has the same option values' });
      combinations.add(key);
    }
    for (const p of pricesProblems(variant.prices)) issues.push({ path: [...at, 'variants', v, 'prices', p.index, p.field], code: p.code, message: p.message });
  });
  return issues;
}

/**
 * Checks references and uniqueness against the database and within the batch. `updating` maps the
 * handles of products the batch updates (a CSV import) to their ids: their handles are not taken,
 * nor are their own variants' SKUs.
 */
export async function validateProductInputs(db: Db, inputs: ProductInput[], updating = new Map<string, string>()): Promise<InputIssue[]> {
  const issues: InputIssue[] = [];
  const handles = new Map<string, number>();
  const skus = new Map<string, (string | number)[]>();
  const collectionIds = new Set<string>();
  const categoryIds = new Set<string>();

  inputs.forEach((input, i) => {
    const handle = input.handle ?? slugify(input.title);
    if (!handle) issues.push({ path: [i, 'handle'], code: 'invalid_request', message: 'give a handle: none can be made from this title' });
    else if (handles.has(handle)) issues.push({ path: [i, 'handle'], code: 'product_handle_taken', message: `handle "${handle}" is used twice` });
    else handles.set(handle, i);
    issues.push(...optionAndVariantIssues([i], input.options ?? [], input.variants ?? []));
    (input.variants ?? []).forEach((variant, v) => {
      if (!variant.sku) return;
      if (skus.has(variant.sku)) issues.push({ path: [i, 'variants', v, 'sku'], code: 'variant_sku_taken', message: `SKU "${variant.sku}" is used twice` });
      else skus.set(variant.sku, [i, 'variants', v, 'sku']);
    });
    if (input.collection_id) collectionIds.add(input.collection_id);
    for (const id of input.category_ids ?? []) categoryIds.add(id);
  });

  if (handles.size > 0) {
    const taken = await db.selectFrom('product').select('handle').where(sql<boolean>`handle = any(${[...handles.keys()]}::text[])`).execute();
    for (const { handle } of taken.filter((t) => !updating.has(t.handle))) issues.push({ path: [handles.get(handle)!, 'handle'], code: 'product_handle_taken', message: `a product with handle "${handle}" exists` });
  }
  if (skus.size > 0) {
    const taken = await db.selectFrom('product_variant').select(['sku', 'product_id']).where(sql<boolean>`sku = any(${[...skus.keys()]}::text[])`).execute();
    const ownVariant = (sku: string, productId: string) => {
      const input = inputs[skus.get(sku)![0] as number];
      return updating.get(input.handle ?? '') === productId;
    };
    for (const { sku } of taken.filter((t) => !ownVariant(t.sku!, t.product_id))) issues.push({ path: skus.get(sku!)!, code: 'variant_sku_taken', message: `a variant with SKU "${sku}" exists` });
  }
  const missingCollections = await missingIds(db, 'product_collection', collectionIds);
  const missingCategories = await missingIds(db, 'product_category', categoryIds);
  inputs.forEach((input, i) => {
    if (input.collection_id && missingCollections.has(input.collection_id)) {
      issues.push({ path: [i, 'collection_id'], code: 'collection_not_found', message: `no collection ${input.collection_id}` });
    }
    (input.category_ids ?? []).forEach((id, c) => {
      if (missingCategories.has(id)) issues.push({ path: [i, 'category_ids', c], code: 'category_not_found', message: `no category ${id}` });
    });
  });
  return issues;
}

export async function missingIds(db: Db, table: 'product_collection' | 'product_category', ids: Set<string>): Promise<Set<string>> {
  if (ids.size === 0) return new Set();
  const found = await db.selectFrom(table).select('id').where(sql<boolean>`id = any(${[...ids]}::text[])`).execute();
  const missing = new Set(ids);
  for (const { id } of found) missing.delete(id);
  return missing;
}

/** `[0, 'variants', 2, 'sku']` → `variants[2].sku` (the product index is dropped for single-product requests). */
export function fieldPath(path: (string | number)[]): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}
