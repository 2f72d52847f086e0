import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { signalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { isCurrencyCode } from '../../money/currency.ts';
import { recordEvents } from '../events/outbox.ts';

/**
 * A price list's prices as CSV, one row per price (docs/csv-format.md, "Price lists"): the same
 * parsing, the same all-or-nothing check with `csv_invalid` naming each problem's row and column, and
 * the same dry run as the product CSV. An import replaces the list's prices with the file's.
 */

const COLUMNS = ['variant_id', 'variant_sku', 'currency_code', 'amount', 'min_quantity'] as const;
const MAX_REPORTED = 100;

interface Problem { row: number; column: string; message: string }
interface ParsedPrice { variant_id: string; currency_code: string; amount: number; min_quantity: number }

export interface PriceListImportResult {
  /** Prices the list has after the import. */
  prices: number;
  /** Prices the list had before that the file does not hold (removed). */
  removed: number;
  dry_run: boolean;
}

const wholeNumber = (value: string) => (/^\d{1,15}$/.test(value) ? Number(value) : undefined);

async function parsePrices(db: Db, text: string): Promise<ParsedPrice[]> {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new AppError('csv_invalid', { error_count: 1, errors: [{ row: e.lines ?? 1, column: '', message: e.message }] });
  }
  const problems: Problem[] = [];
  const header = records.length ? Object.keys(records[0]) : [];
  for (const column of header) if (!(COLUMNS as readonly string[]).includes(column)) problems.push({ row: 1, column, message: 'unknown column' });
  if (records.length === 0) problems.push({ row: 1, column: '', message: 'the file has no price rows (to remove every price, delete them or the list)' });
  for (const column of ['currency_code', 'amount']) if (records.length && !header.includes(column)) problems.push({ row: 1, column, message: `the ${column} column is required` });
  const skus = [...new Set(records.filter((r) => !r.variant_id && r.variant_sku).map((r) => r.variant_sku))];
  const ids = [...new Set(records.map((r) => r.variant_id).filter(Boolean))];
  const bySku = new Map((skus.length ? await db.selectFrom('product_variant').select(['id', 'sku']).where('sku', 'in', skus).execute() : []).map((v) => [v.sku, v.id]));
  const knownIds = new Set((ids.length ? await db.selectFrom('product_variant').select('id').where('id', 'in', ids).execute() : []).map((v) => v.id));
  const seen = new Map<string, number>();
  const prices: ParsedPrice[] = [];
  records.forEach((record, i) => {
    const row = i + 2; // the header is row 1, as spreadsheets number them
    let variantId: string | undefined;
    if (record.variant_id) {
      if (knownIds.has(record.variant_id)) variantId = record.variant_id;
      else problems.push({ row, column: 'variant_id', message: `no variant has the id "${record.variant_id}"` });
    } else if (record.variant_sku) {
      variantId = bySku.get(record.variant_sku);
      if (!variantId) problems.push({ row, column: 'variant_sku', message: `no variant has the SKU "${record.variant_sku}"` });
    } else {
      problems.push({ row, column: 'variant_sku', message: 'a variant_sku or a variant_id is required' });
    }
    const currency = (record.currency_code ?? '').toUpperCase();
    if (!isCurrencyCode(currency)) problems.push({ row, column: 'currency_code', message: 'must be an ISO 4217 code such as USD' });
    const amount = wholeNumber(record.amount ?? '');
    if (amount === undefined) problems.push({ row, column: 'amount', message: 'must be a whole number in the minor unit (cents), e.g. 1999 for 19.99' });
    const minQuantity = record.min_quantity ? wholeNumber(record.min_quantity) : 1;
    if (minQuantity === undefined || minQuantity < 1 || minQuantity > 10_000) problems.push({ row, column: 'min_quantity', message: 'must be a whole number from 1 to 10000 (empty: 1)' });
    if (variantId && amount !== undefined && minQuantity !== undefined && isCurrencyCode(currency)) {
      const key = `${variantId} ${currency} ${minQuantity}`;
      const earlier = seen.get(key);
      if (earlier) problems.push({ row, column: 'min_quantity', message: `row ${earlier} prices the same variant, currency and min_quantity` });
      else seen.set(key, row);
      prices.push({ variant_id: variantId, currency_code: currency, amount, min_quantity: minQuantity });
    }
  });
  if (problems.length) throw new AppError('csv_invalid', { error_count: problems.length, errors: problems.slice(0, MAX_REPORTED) });
  return prices;
}

/** Replaces the list's prices with the file's, or (on any problem) changes nothing; a dry run only counts. */
export async function importPriceListCsv(db: Db, listId: string, text: string, opts: { dryRun?: boolean } = {}): Promise<PriceListImportResult> {
  const list = await db.selectFrom('price_list').select('id').where('id', '=', listId).executeTakeFirst();
  if (!list) throw new AppError('price_list_not_found', { id: listId });
  const prices = await parsePrices(db, text);
  return inTransaction(db, async (tx) => {
    const locked = await tx.selectFrom('price_list').select('id').where('id', '=', listId).forUpdate().executeTakeFirst();
    if (!locked) throw new AppError('price_list_not_found', { id: listId });
    const before = await tx.selectFrom('price_list_price').select(['variant_id', 'currency_code', 'min_quantity']).where('price_list_id', '=', listId).execute();
    const kept = new Set(prices.map((p) => `${p.variant_id} ${p.currency_code} ${p.min_quantity}`));
    const result = { prices: prices.length, removed: before.filter((p) => !kept.has(`${p.variant_id} ${p.currency_code} ${p.min_quantity}`)).length, dry_run: Boolean(opts.dryRun) };
    if (opts.dryRun) return result;
    await tx.deleteFrom('price_list_price').where('price_list_id', '=', listId).execute();
    if (prices.length) await tx.insertInto('price_list_price').values(prices.map((p) => ({ id: newId('plp'), price_list_id: listId, ...p }))).execute();
    const variantIds = [...new Set([...before, ...prices].map((p) => p.variant_id))];
    await recordEvents(tx, [{ type: 'price_list.prices_changed', resource_type: 'price_list', resource_id: listId, payload: { id: listId, variant_ids: variantIds } }]);
    await signalChange(tx, 'catalog');
    return result;
  });
}

/** The list's prices as CSV, by SKU then currency then min_quantity; importing it back gives the list the same prices. */
export async function exportPriceListCsv(db: Db, listId: string): Promise<string> {
  const list = await db.selectFrom('price_list').select('id').where('id', '=', listId).executeTakeFirst();
  if (!list) throw new AppError('price_list_not_found', { id: listId });
  const rows = await db.selectFrom('price_list_price as p').innerJoin('product_variant as v', 'v.id', 'p.variant_id')
    .select(['p.variant_id', 'v.sku', 'p.currency_code', 'p.amount', 'p.min_quantity'])
    .where('p.price_list_id', '=', listId).orderBy('v.sku').orderBy('p.variant_id').orderBy('p.currency_code').orderBy('p.min_quantity').execute();
  return stringify([[...COLUMNS], ...rows.map((r) => [r.variant_id, r.sku ?? '', r.currency_code, String(r.amount), String(r.min_quantity)])]);
}
