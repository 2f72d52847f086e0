import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { assertCurrencyCode } from '../../money/currency.ts';
import { recordEvents } from '../events/outbox.ts';
import { updateAndRecord } from '../events/recorded-update.ts';
import type { PriceList, PriceListInput, PriceListPriceInput, PriceListSummary, PriceListUpdate } from './shapes.ts';

/**
 * Staff's price lists: create, read, change, delete, and their prices (docs/price-lists.md). Every
 * write signals `catalog`, so the store cache drops the pages it priced.
 */

const invalid = (field: string, message: string) => new AppError('invalid_request', { field }, message);
const notFound = (id: string) => new AppError('price_list_not_found', { id });

function selectSummaries(db: Db) {
  return db.selectFrom('price_list as pl').selectAll('pl')
    .select(sql<number>`(select count(*)::int from price_list_price p where p.price_list_id = pl.id)`.as('price_count'));
}

async function getSummary(db: Db, id: string): Promise<PriceListSummary> {
  const row = await selectSummaries(db).where('pl.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  return row;
}

export async function getPriceListOrThrow(db: Db, id: string): Promise<PriceList> {
  const summary = await getSummary(db, id);
  const prices = await db.selectFrom('price_list_price').select(['id', 'variant_id', 'currency_code', 'amount', 'min_quantity'])
    .where('price_list_id', '=', id).orderBy('variant_id').orderBy('currency_code').orderBy('min_quantity').execute();
  return { ...summary, prices };
}

/** Price lists in creation order, paged by id, without their prices (`price_count` says how many). */
export async function listPriceLists(db: Db, filter: { status?: 'active' | 'draft' }, page: { after?: unknown[]; limit: number }) {
  let query = selectSummaries(db);
  if (filter.status) query = query.where('pl.status', '=', filter.status);
  if (page.after) {
    if (page.after.length !== 1 || typeof page.after[0] !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where('pl.id', '>', page.after[0]);
  }
  const rows = await query.orderBy('pl.id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

/** Refuses a window that ends before it starts and groups that do not exist. */
async function checkList(tx: Tx, list: { starts_at: Date | null; ends_at: Date | null; customer_group_ids: string[] }): Promise<void> {
  if (list.starts_at && list.ends_at && list.ends_at <= list.starts_at) throw invalid('body.ends_at', 'body.ends_at must be after body.starts_at');
  const ids = list.customer_group_ids;
  if (!ids.length) return;
  const found = new Set((await tx.selectFrom('customer_group').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError('invalid_reference', { field: `body.customer_group_ids[${missing}]`, id: ids[missing] }, `body.customer_group_ids[${missing}] names nothing: ${ids[missing]}`);
}

const dateOrNull = (value: string | null | undefined) => (value == null ? null : new Date(value));

/**
 * Adds `prices` to the list, replacing its price for the same variant, currency and min_quantity.
 * Refuses the whole batch when one is bad (`field` is where the array sits in the body).
 */
async function upsertPrices(tx: Tx, listId: string, prices: PriceListPriceInput[], field: string): Promise<void> {
  if (!prices.length) return;
  prices.forEach((p, i) => {
    assertCurrencyCode(p.currency_code, `${field}[${i}].currency_code`);
    const same = prices.findIndex((o) => o.variant_id === p.variant_id && o.currency_code === p.currency_code && (o.min_quantity ?? 1) === (p.min_quantity ?? 1));
    if (same !== i) throw invalid(`${field}[${i}]`, `${field}[${i}] repeats ${field}[${same}]: one price per variant, currency and min_quantity`);
  });
  const variantIds = [...new Set(prices.map((p) => p.variant_id))];
  const found = new Set((await tx.selectFrom('product_variant').select('id').where('id', 'in', variantIds).execute()).map((r) => r.id));
  const missing = prices.findIndex((p) => !found.has(p.variant_id));
  if (missing >= 0) {
    throw new AppError('invalid_reference', { field: `${field}[${missing}].variant_id`, id: prices[missing].variant_id }, `${field}[${missing}].variant_id names nothing: ${prices[missing].variant_id}`);
  }
  await tx.insertInto('price_list_price')
    .values(prices.map((p) => ({ id: newId('plp'), price_list_id: listId, variant_id: p.variant_id, currency_code: p.currency_code, amount: p.amount, min_quantity: p.min_quantity ?? 1 })))
    .onConflict((oc) => oc.columns(['price_list_id', 'variant_id', 'currency_code', 'min_quantity']).doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') })))
    .execute();
}

export async function createPriceList(db: Db, input: PriceListInput): Promise<PriceList> {
  const values = {
    name: input.name, description: input.description ?? null, type: input.type, status: input.status ?? 'draft',
    starts_at: dateOrNull(input.starts_at), ends_at: dateOrNull(input.ends_at), customer_group_ids: input.customer_group_ids ?? [],
  };
  return inTransaction(db, async (tx) => {
    await checkList(tx, values);
    const id = newId('plist');
    await tx.insertInto('price_list').values({ id, ...values }).execute();
    await upsertPrices(tx, id, input.prices ?? [], 'body.prices');
    await recordEvents(tx, [{ type: 'price_list.created', resource_type: 'price_list', resource_id: id, payload: { id, name: values.name, type: values.type, status: values.status } }]);
    await signalChange(tx, 'catalog');
    return getPriceListOrThrow(tx, id);
  });
}

/** Changes the given fields, checked with what the patch leaves as it is (a new end before the kept start is refused). */
export async function updatePriceList(db: Db, id: string, patch: PriceListUpdate): Promise<PriceList> {
  return inTransaction(db, async (tx) => {
    const current = await tx.selectFrom('price_list').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound(id);
    const set = {
      name: patch.name, description: patch.description, type: patch.type, status: patch.status,
      starts_at: patch.starts_at === undefined ? undefined : dateOrNull(patch.starts_at),
      ends_at: patch.ends_at === undefined ? undefined : dateOrNull(patch.ends_at),
      customer_group_ids: patch.customer_group_ids,
    };
    await checkList(tx, {
      starts_at: set.starts_at === undefined ? current.starts_at : set.starts_at,
      ends_at: set.ends_at === undefined ? current.ends_at : set.ends_at,
      customer_group_ids: patch.customer_group_ids ?? [],
    });
    return updateAndRecord(tx, {
      table: 'price_list', id, set, event: { resource_type: 'price_list', patch }, signal: 'catalog',
      reread: (tx) => getPriceListOrThrow(tx, id),
    });
  });
}

export async function deletePriceList(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const deleted = await tx.deleteFrom('price_list').where('id', '=', id).returning('name').executeTakeFirst();
    if (!deleted) throw notFound(id);
    await recordEvents(tx, [{ type: 'price_list.deleted', resource_type: 'price_list', resource_id: id, payload: { id, name: deleted.name } }]);
    await signalChange(tx, 'catalog');
  });
}

/** Adds or replaces prices of a list (see upsertPrices). */
export async function setPriceListPrices(db: Db, id: string, prices: PriceListPriceInput[]): Promise<PriceList> {
  return inTransaction(db, async (tx) => {
    const list = await tx.selectFrom('price_list').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!list) throw notFound(id);
    await upsertPrices(tx, id, prices, 'body.prices');
    await recordEvents(tx, [{ type: 'price_list.prices_changed', resource_type: 'price_list', resource_id: id, payload: { id, variant_ids: [...new Set(prices.map((p) => p.variant_id))] } }]);
    await signalChange(tx, 'catalog');
    return getPriceListOrThrow(tx, id);
  });
}

export async function removePriceListPrice(db: Db, id: string, priceId: string): Promise<PriceList> {
  return inTransaction(db, async (tx) => {
    const list = await tx.selectFrom('price_list').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!list) throw notFound(id);
    const removed = await tx.deleteFrom('price_list_price').where('id', '=', priceId).where('price_list_id', '=', id).returning('variant_id').executeTakeFirst();
    if (!removed) throw new AppError('price_list_price_not_found', { id: priceId, price_list_id: id });
    await recordEvents(tx, [{ type: 'price_list.prices_changed', resource_type: 'price_list', resource_id: id, payload: { id, variant_ids: [removed.variant_id] } }]);
    await signalChange(tx, 'catalog');
    return getPriceListOrThrow(tx, id);
  });
}
