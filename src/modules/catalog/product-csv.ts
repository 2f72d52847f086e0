import { FormatRegistry } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { EXPECTED } from '../../shapes.ts';
import { queryProducts } from './product-query.ts';
import { validateProductInputs, type InputIssue } from './product-validation.ts';
import { analyzeCatalog, createProducts } from './products.ts';
import { ProductInput, type Product } from './shapes.ts';

/**
 * Products as CSV, one row per variant (the format is documented in docs/csv-format.md). Import checks
 * every row first and writes nothing if any is bad, naming the row and column of each problem.
 */

if (!FormatRegistry.Has('uri')) {
  FormatRegistry.Set('uri', (value) => URL.canParse(value));
}

const productColumns = ['handle', 'title', 'description', 'status', 'tags', 'images', 'collection_handle', 'category_handles', 'tax_class'] as const;
const optionColumns = [1, 2, 3].flatMap((n) => [`option${n}_name`, `option${n}_value`]);
const variantColumns = ['variant_title', 'variant_sku', 'variant_barcode', 'variant_weight_grams'] as const;
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
function groupRows(rows: Row[], priceColumns: string[], problems: CsvProblem[]): Map<string, Group> {
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
      if (!row.title) problems.push({ row: rowNumber, column: 'title', message: 'the first row of a product needs a title' });
      const status = row.status || 'draft';
      if (!['draft', 'published', 'archived'].includes(status)) {
        problems.push({ row: rowNumber, column: 'status', message: 'must be draft, published or archived' });
      }
      group = {
        firstRow: rowNumber,
        firstValues: row,
        variantRows: [],
        collectionHandle: row.collection_handle || undefined,
        categoryHandles: row.category_handles ? row.category_handles.split(',').map((h) => h.trim()).filter(Boolean) : [],
        input: {
          handle,
          title: row.title ?? '',
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

/** Reads a CSV text into product inputs, or throws `csv_invalid` listing every problem. */
export async function parseProductsCsv(db: Db, text: string): Promise<ProductInput[]> {
  let records: Row[];
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new AppError('csv_invalid', { errors: [{ row: e.lines ?? 1, column: '', message: e.message }] });
  }
  const header = records.length ? Object.keys(records[0]) : [];
  const problems: CsvProblem[] = [];
  const known = new Set<string>([...productColumns, ...optionColumns, ...variantColumns]);
  const priceColumns = header.filter((c) => PRICE_COLUMN.test(c));
  for (const column of header) {
    if (!known.has(column) && !PRICE_COLUMN.test(column)) problems.push({ row: 1, column, message: 'unknown column' });
  }
  if (records.length === 0) problems.push({ row: 1, column: '', message: 'the file has no product rows' });
  else if (!header.includes('handle')) problems.push({ row: 1, column: 'handle', message: 'the handle column is required' });

  const groups = [...groupRows(records, priceColumns, problems).values()];
  await resolveHandles(db, groups, problems);
  const inputs = groups.map((g) => g.input);

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
  for (const issue of await validateProductInputs(db, wellFormed.map((g) => g.input))) {
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
  return inputs;
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

/** Imports a CSV: every product in it, or (on any problem) none. */
export async function importProductsCsv(db: Db, text: string): Promise<string[]> {
  const ids = await createProducts(db, await parseProductsCsv(db, text));
  if (!db.isTransaction) await analyzeCatalog(db);
  return ids;
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
      ? [variant.title, variant.sku ?? '', variant.barcode ?? '', variant.weight_grams?.toString() ?? '']
      : ['', '', '', ''];
    const priceCells = currencies.map((c) => variant?.prices.find((p) => p.currency_code === c)?.amount.toString() ?? '');
    return [...(i === 0 ? productCells : [product.handle, ...productCells.slice(1).map(() => '')]), ...optionCells, ...variantCells, ...priceCells];
  });
}
