import { FormatRegistry } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Db, Tx } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { EXPECTED } from '../../shapes.ts';
import { queryProducts } from './product-query.ts';
import { applyCsvUpdate, type CsvColumns, type CsvUpdate } from './product-csv-upsert.ts';
import { validateProductInputs, type InputIssue } from './product-validation.ts';
import { analyzeCatalog, createProducts } from './products.ts';
import { ProductInput, type Product } from './shapes.ts';

/**
 * Products as CSV, one row per variant (the format is documented in docs/csv-format.md). Import checks
 * every row first and writes nothing if any is bad, naming the row and column of each problem. A
 * product whose handle exists is updated (src/modules/catalog/product-csv-upsert.ts), others created.
 */

if (!FormatRegistry.Has('uri')) {
  FormatRegistry.Set('uri', (value) => URL.canParse(value));
}

const productColumns = ['handle', 'title', 'description', 'status', 'tags', 'images', 'collection_handle', 'category_handles', 'tax_class'] as const;
const optionColumns = [1, 2, 3].flatMap((n) => [`option${n}_name`, `option${n}_value`]);
const variantColumns = ['variant_title', 'variant_sku', 'variant_barcode', 'variant_weight_grams', 'variant_length_mm', 'variant_width_mm', 'variant_height_mm'] as const;
/** `true` on a row of an existing product deletes the variant with the row's SKU; variants not in the file are kept. */
const DELETE_COLUMN = 'variant_delete';
const PRICE_COLUMN = /^price_([a-z]{3})$/i;
const MAX_REPORTED = 100;

export interface CsvProblem {
  row: number;
  column: string;
  message: string;
}

type Row = Record<string, string>;

interface Group {
  firstRow: number;
  firstValues: Row;
  input: ProductInput;
  variantRows: number[];
  collectionHandle?: string;
  categoryHandles: string[];
  /** The product with this handle, when it exists: the group updates it. */
  existing?: ExistingProduct;
  /** SKUs whose variants the file deletes, with their rows. */
  deletes: { sku: string; row: number }[];
}

interface ExistingProduct {
  id: string;
  title: string;
  status: ProductInput['status'];
}

export interface ParsedCsv extends CsvColumns {
  creates: ProductInput[];
  updates: CsvUpdate[];
}

/** A cell's schema problem in words: what the cell should hold (the shape's x-expected), never a regular expression. */
function cellMessage(error: ValueError): string {
  const schema = error.schema as { [EXPECTED]?: string; minLength?: number; maxLength?: number };
  const expected = schema[EXPECTED];
  if (expected && (error.type === ValueErrorType.StringPattern || error.type === ValueErrorType.StringFormat)) return `must be ${expected}`;
  if (error.type === ValueErrorType.StringMaxLength) return `must be at most ${schema.maxLength} characters`;
  if (error.type === ValueErrorType.StringMinLength) return `must be at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`;
  return error.message;
}

function intCell(value: string): number | undefined {
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** Turns rows into product inputs, collecting the problems a single row can show on its own. */
function groupRows(rows: Row[], priceColumns: string[], existing: Map<string, ExistingProduct>, problems: CsvProblem[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  rows.forEach((row, index) => {
    const rowNumber = index + 2; // row 1 is the header, as a spreadsheet numbers them
    const handle = row.handle;
    if (!handle) {
      problems.push({ row: rowNumber, column: 'handle', message: 'every row needs the handle of its product' });
      return;
    }
    let group = groups.get(handle);
    if (!group) {
      const current = existing.get(handle);
      // An existing product keeps its title and status where the file leaves them empty.
      if (!row.title && !current) problems.push({ row: rowNumber, column: 'title', message: 'the first row of a product needs a title' });
      const status = row.status || current?.status || 'draft';
      if (!['draft', 'published', 'archived'].includes(status)) {
        problems.push({ row: rowNumber, column: 'status', message: 'must be draft, published or archived' });
      }
      group = {
        firstRow: rowNumber,
        firstValues: row,
        variantRows: [],
        existing: current,
        deletes: [],
        collectionHandle: row.collection_handle || undefined,
        categoryHandles: row.category_handles ? row.category_handles.split(',').map((h) => h.trim()).filter(Boolean) : [],
        input: {
          handle,
          title: row.title || current?.title || '',
          description: row.description ?? '',
          status: status as ProductInput['status'],
          tags: row.tags ? row.tags.split(',').map((t) => t.trim()).filter(Boolean) : [],
          images: row.images ? row.images.split(/\s+/).filter(Boolean) : [],
          tax_class: row.tax_class || null,
          options: [],
          variants: [],
        },
      };
      groups.set(handle, group);
    } else {
      for (const column of productColumns) {
        if (column !== 'handle' && row[column] && row[column] !== group.firstValues[column]) {
          problems.push({ row: rowNumber, column, message: `differs from row ${group.firstRow}; leave product columns empty on a product's later rows` });
        }
      }
    }
    const remove = (row[DELETE_COLUMN] ?? '').toLowerCase();
    if (remove && remove !== 'true' && remove !== 'false') problems.push({ row: rowNumber, column: DELETE_COLUMN, message: 'must be true, false or empty' });
    if (remove === 'true') {
      if (!row.variant_sku) problems.push({ row: rowNumber, column: 'variant_sku', message: `${DELETE_COLUMN} needs the SKU of the variant to delete` });
      else if (!group.existing) problems.push({ row: rowNumber, column: DELETE_COLUMN, message: `no product with handle "${handle}" exists, so it has no variant to delete` });
      else group.deletes.push({ sku: row.variant_sku, row: rowNumber });
      return;
    }
    const options = group.input.options!;
    const chosen: Record<string, string> = {};
    for (const n of [1, 2, 3]) {
      const name = row[`option${n}_name`];
      const value = row[`option${n}_value`];
      if (name) {
        if (!options[n - 1]) options[n - 1] = { title: name, values: [] };
        else if (options[n - 1].title !== name) {
          problems.push({ row: rowNumber, column: `option${n}_name`, message: `is "${options[n - 1].title}" on row ${group.firstRow}` });
        }
      }
      if (value) {
        const option = options[n - 1];
        if (!option) {
          problems.push({ row: rowNumber, column: `option${n}_value`, message: `has no option${n}_name` });
          continue;
        }
        if (!option.values.includes(value)) option.values.push(value);
        chosen[option.title] = value;
      }
    }
    const hasVariant = Object.keys(chosen).length > 0 || variantColumns.some((c) => row[c]) || priceColumns.some((c) => row[c]);
    if (!hasVariant) return;
    const weight = row.variant_weight_grams ? intCell(row.variant_weight_grams) : null;
    if (weight === undefined) problems.push({ row: rowNumber, column: 'variant_weight_grams', message: 'must be a whole number of grams' });
    const size = (column: 'variant_length_mm' | 'variant_width_mm' | 'variant_height_mm') => {
      const value = row[column] ? intCell(row[column]) : null;
      if (value === undefined || value === 0) problems.push({ row: rowNumber, column, message: 'must be a whole number of millimetres, at least 1' });
      return value || null;
    };
    const [length, width, height] = [size('variant_length_mm'), size('variant_width_mm'), size('variant_height_mm')];
    const prices: { currency_code: string; amount: number }[] = [];
    for (const column of priceColumns) {
      if (!row[column]) continue;
      const amount = intCell(row[column]);
      if (amount === undefined) problems.push({ row: rowNumber, column, message: 'must be a whole number in the minor unit (cents), e.g. 1999 for 19.99' });
      else prices.push({ currency_code: PRICE_COLUMN.exec(column)![1].toUpperCase(), amount });
    }
    group.variantRows.push(rowNumber);
    group.input.variants!.push({
      ...(row.variant_title ? { title: row.variant_title } : {}),
      sku: row.variant_sku || null,
      barcode: row.variant_barcode || null,
      weight_grams: weight ?? null,
      length_mm: length, width_mm: width, height_mm: height,
      options: chosen,
      prices,
    });
  });
  return groups;
}

/** Where in the file an issue about product `group` points: [field path] → row and column. */
function locate(group: Group, path: (string | number)[], priceColumns: string[]): { row: number; column: string } {
  const [field, index, sub, priceIndex] = path;
  switch (field) {
    case 'options':
      return { row: group.firstRow, column: `option${typeof index === 'number' ? index + 1 : 1}_name` };
    case 'collection_id':
      return { row: group.firstRow, column: 'collection_handle' };
    case 'category_ids':
      return { row: group.firstRow, column: 'category_handles' };
    case 'variants': {
      if (typeof index !== 'number') return { row: group.firstRow, column: 'option1_value' };
      const row = group.variantRows[index] ?? group.firstRow;
      if (sub === 'prices') {
        const currency = group.input.variants![index].prices![priceIndex as number]?.currency_code.toLowerCase();
        return { row, column: priceColumns.find((c) => c.toLowerCase() === `price_${currency}`) ?? 'price' };
      }
      if (sub === 'options') return { row, column: 'option1_value' };
      return { row, column: sub === undefined ? 'variant_sku' : `variant_${sub}` };
    }
    default:
      return { row: group.firstRow, column: typeof field === 'string' ? field : 'handle' };
  }
}

/** Reads a CSV text into products to create and products to update, or throws `csv_invalid` listing every problem. */
export async function parseProductsCsv(db: Db, text: string): Promise<ParsedCsv> {
  let records: Row[];
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new AppError('csv_invalid', { errors: [{ row: e.lines ?? 1, column: '', message: e.message }] });
  }
  const header = records.length ? Object.keys(records[0]) : [];
  const problems: CsvProblem[] = [];
  const known = new Set<string>([...productColumns, ...optionColumns, ...variantColumns, DELETE_COLUMN]);
  const priceColumns = header.filter((c) => PRICE_COLUMN.test(c));
  for (const column of header) {
    if (!known.has(column) && !PRICE_COLUMN.test(column)) problems.push({ row: 1, column, message: 'unknown column' });
  }
  if (records.length === 0) problems.push({ row: 1, column: '', message: 'the file has no product rows' });
  else if (!header.includes('handle')) problems.push({ row: 1, column: 'handle', message: 'the handle column is required' });

  const handles = [...new Set(records.map((r) => r.handle).filter(Boolean))];
  const existing = new Map((handles.length
    ? await db.selectFrom('product').select(['id', 'handle', 'title', 'status']).where(sql<boolean>`handle = any(${handles}::text[])`).execute()
    : []).map((p) => [p.handle, { id: p.id, title: p.title, status: p.status as ProductInput['status'] }]));
  const groups = [...groupRows(records, priceColumns, existing, problems).values()];
  await resolveHandles(db, groups, problems);

  const issues: { group: Group; issue: InputIssue }[] = [];
  const malformed = new Set<Group>();
  groups.forEach((group) => {
    for (const error of Value.Errors(ProductInput, group.input)) {
      const path = error.path.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      issues.push({ group, issue: { path: [0, ...path], code: 'invalid_request', message: cellMessage(error) } });
      malformed.add(group);
    }
  });
  // The checks against each other and the database run on every product of the right shape, whatever
  // else is wrong in the file, so one upload lists all its problems.
  const wellFormed = groups.filter((g) => !malformed.has(g));
  const updating = new Map(wellFormed.filter((g) => g.existing).map((g) => [g.input.handle!, g.existing!.id]));
  for (const issue of await validateProductInputs(db, wellFormed.map((g) => g.input), updating)) {
    issues.push({ group: wellFormed[issue.path[0] as number], issue });
  }
  // One problem per cell: the first found, which is the most specific (a cell can break several schema rules).
  const reported = new Set(problems.map((p) => `${p.row}:${p.column}`));
  for (const { group, issue } of issues) {
    const at = locate(group, issue.path.slice(1), priceColumns);
    if (reported.has(`${at.row}:${at.column}`)) continue;
    reported.add(`${at.row}:${at.column}`);
    problems.push({ ...at, message: issue.message });
  }
  if (problems.length) {
    problems.sort((a, b) => a.row - b.row);
    throw new AppError('csv_invalid', { error_count: problems.length, errors: problems.slice(0, MAX_REPORTED) });
  }
  return {
    creates: groups.filter((g) => !g.existing).map((g) => g.input),
    updates: groups.filter((g) => g.existing).map((g) => ({
      productId: g.existing!.id, input: g.input, firstRow: g.firstRow, variantRows: g.variantRows, deletes: g.deletes,
    })),
    columns: new Set(header),
    currencies: new Set(priceColumns.map((c) => PRICE_COLUMN.exec(c)![1].toUpperCase())),
  };
}

/** Collection and category handles in the file → ids; unknown handles are problems. */
async function resolveHandles(db: Db, groups: Group[], problems: CsvProblem[]): Promise<void> {
  const collections = new Map((await db.selectFrom('product_collection').select(['id', 'handle']).execute()).map((c) => [c.handle, c.id]));
  const categories = new Map((await db.selectFrom('product_category').select(['id', 'handle']).execute()).map((c) => [c.handle, c.id]));
  for (const group of groups) {
    if (group.collectionHandle) {
      const id = collections.get(group.collectionHandle);
      if (id) group.input.collection_id = id;
      else problems.push({ row: group.firstRow, column: 'collection_handle', message: `no collection with handle "${group.collectionHandle}"` });
    }
    const ids: string[] = [];
    for (const handle of group.categoryHandles) {
      const id = categories.get(handle);
      if (id) ids.push(id);
      else problems.push({ row: group.firstRow, column: 'category_handles', message: `no category with handle "${handle}"` });
    }
    group.input.category_ids = ids;
  }
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The products created. */
  product_ids: string[];
  updated_ids: string[];
  dry_run: boolean;
}

/** Thrown to roll a dry run back once it has done everything a real import would. */
class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const CREATE_BATCH = 100;

/**
 * Imports a CSV: creates the products whose handles are new and updates those that exist, every one
 * or (on any problem) none. A dry run does all of it in a transaction it then rolls back, so it
 * reports exactly what the import would do. `onProgress` hears how many products are done.
 */
export async function importProductsCsv(db: Db, text: string, opts: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportResult> {
  const parsed = await parseProductsCsv(db, text);
  const total = parsed.creates.length + parsed.updates.length;
  const run = async (tx: Tx): Promise<ImportResult> => {
    const created: string[] = [];
    for (let i = 0; i < parsed.creates.length; i += CREATE_BATCH) {
      created.push(...await createProducts(tx, parsed.creates.slice(i, i + CREATE_BATCH)));
      opts.onProgress?.(created.length, total);
    }
    const updated: string[] = [];
    for (const [i, update] of parsed.updates.entries()) {
      if (await applyCsvUpdate(tx, update, parsed)) updated.push(update.productId);
      opts.onProgress?.(created.length + i + 1, total);
    }
    const result = {
      created: created.length, updated: updated.length, unchanged: parsed.updates.length - updated.length,
      product_ids: created, updated_ids: updated, dry_run: Boolean(opts.dryRun),
    };
    if (opts.dryRun) throw new DryRunDone(result);
    return result;
  };
  try {
    const result = await inTransaction(db, run);
    if (!db.isTransaction && result.created + result.updated > 0) await analyzeCatalog(db);
    return result;
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

/** Streams every product (any status) as CSV, a page of products at a time. */
export async function* exportProductsCsv(db: Db): AsyncGenerator<string> {
  const currencies = (await db.selectFrom('product_variant_price').select('currency_code').distinct().orderBy('currency_code').execute())
    .map((r) => r.currency_code);
  const collections = new Map((await db.selectFrom('product_collection').select(['id', 'handle']).execute()).map((c) => [c.id, c.handle]));
  const categories = new Map((await db.selectFrom('product_category').select(['id', 'handle']).execute()).map((c) => [c.id, c.handle]));
  const header = [...productColumns, ...optionColumns, ...variantColumns, ...currencies.map((c) => `price_${c.toLowerCase()}`)];
  yield stringify([header]);

  let after: unknown[] | undefined;
  do {
    const page = await queryProducts(db, {}, { sort: 'newest', limit: 100, after });
    const rows = page.products.flatMap((p) => productToRows(p, currencies, collections, categories));
    if (rows.length) yield stringify(rows);
    after = page.next ?? undefined;
  } while (after);
}

function productToRows(product: Product, currencies: string[], collections: Map<string, string>, categories: Map<string, string>): string[][] {
  const productCells = [
    product.handle, product.title, product.description, product.status, product.tags.join(', '), product.images.join(' '),
    product.collection_id ? collections.get(product.collection_id) ?? '' : '',
    product.category_ids.map((id) => categories.get(id) ?? '').filter(Boolean).join(', '),
    product.tax_class ?? '',
  ];
  const variants = product.variants.length ? product.variants : [null];
  return variants.map((variant, i) => {
    const optionCells = [0, 1, 2].flatMap((n) => {
      const option = product.options[n];
      return option ? [option.title, variant?.options[option.title] ?? ''] : ['', ''];
    });
    const variantCells = variant
      ? [variant.title, variant.sku ?? '', variant.barcode ?? '', variant.weight_grams?.toString() ?? '',
        variant.length_mm?.toString() ?? '', variant.width_mm?.toString() ?? '', variant.height_mm?.toString() ?? '']
      : ['', '', '', '', '', '', ''];
    const priceCells = currencies.map((c) => variant?.prices.find((p) => p.currency_code === c)?.amount.toString() ?? '');
    return [...(i === 0 ? productCells : [product.handle, ...productCells.slice(1).map(() => '')]), ...optionCells, ...variantCells, ...priceCells];
  });
}
