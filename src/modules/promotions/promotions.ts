import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { updateAndRecord } from '../events/recorded-update.ts';
import { ratePpmFromPercent } from '../tax/rate-percent.ts';
import { ppmToPercent } from '../tax/tax-calculator.ts';
import type { CurrencyAmount, PromotionTable, PromotionTier } from './schema.ts';
import type { Promotion, PromotionInput, PromotionUpdate } from './shapes.ts';

/** Staff's promotions: create, read, change, delete (docs/promotions.md). */

type Row = Selectable<PromotionTable>;
type Values = Omit<Insertable<PromotionTable>, 'id' | 'created_at' | 'updated_at' | 'usage_count' | 'budget_used'>;

const invalid = (field: string, message: string) => new AppError('invalid_request', { field }, message);
const notFound = (details: Record<string, unknown>) => new AppError('promotion_not_found', details);

function selectPromotions(db: Db) {
  return db.selectFrom('promotion as p').selectAll('p').select(sql<CurrencyAmount[]>`coalesce((
    select json_agg(json_build_object('currency_code', g.currency_code, 'amount', g.amount) order by g.currency_code)
    from (select u.currency_code, sum(u.amount)::bigint as amount from promotion_usage u where u.promotion_id = p.id group by u.currency_code) g), '[]')`.as('discount_given'));
}

function toPromotion(row: Row & { discount_given: CurrencyAmount[] }): Promotion {
  return {
    id: row.id, code: row.code, automatic: row.code === null, description: row.description, type: row.type, target: row.target,
    value: row.percent_ppm === null ? null : ppmToPercent(row.percent_ppm), amounts: row.amounts, tiers: tiersOut(row),
    buy_quantity: row.buy_quantity, get_quantity: row.get_quantity, combinable: row.combinable, active: row.active,
    product_ids: row.product_ids, collection_ids: row.collection_ids, category_ids: row.category_ids, ...conditionsOf(row), min_subtotals: row.min_subtotals,
    currency_codes: row.currency_codes, region_ids: row.region_ids, starts_at: row.starts_at, ends_at: row.ends_at,
    usage_limit: row.usage_limit, usage_count: row.usage_count, per_customer_limit: row.per_customer_limit,
    budget: row.budget_amount === null ? null : { currency_code: row.budget_currency_code!, amount: row.budget_amount, used: row.budget_used },
    discount_given: row.discount_given, created_at: row.created_at, updated_at: row.updated_at,
  };
}

/** The conditions on variants, tags and the buyer, and the campaign, as stored and as given. */
function conditionsOf(row: Row) {
  return {
    variant_ids: row.variant_ids, tags: row.tags, customer_group_ids: row.customer_group_ids, segment_ids: row.segment_ids,
    first_order_only: row.first_order_only, min_quantity: row.min_quantity, campaign_id: row.campaign_id,
  };
}

/** Tiers as the API gives them: a percentage tier's value as a percent. */
function tiersOut(row: Row): PromotionTier[] {
  return row.tiers.map((t) => ({ ...t, value: row.type === 'percentage' ? ppmToPercent(t.value) : t.value }));
}

export async function getPromotionOrThrow(db: Db, id: string): Promise<Promotion> {
  const row = await selectPromotions(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id });
  return toPromotion(row);
}

/** The promotion a buyer's code names, in any case; null when none has it. */
export async function findPromotionByCode(db: Db, code: string): Promise<Row | null> {
  return (await db.selectFrom('promotion').selectAll().where(sql<boolean>`lower(code) = lower(${code})`).executeTakeFirst()) ?? null;
}

/** Promotions in creation order, paged by id; `code` finds one in any case, `automatic` filters. */
export async function listPromotions(db: Db, filter: { code?: string; automatic?: boolean }, page: { after?: unknown[]; limit: number }) {
  let query = selectPromotions(db);
  if (filter.code !== undefined) query = query.where(sql<boolean>`lower(p.code) = lower(${filter.code})`);
  if (filter.automatic !== undefined) query = query.where('p.code', filter.automatic ? 'is' : 'is not', null);
  if (page.after) {
    if (page.after.length !== 1 || typeof page.after[0] !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where('p.id', '>', page.after[0]);
  }
  const rows = await query.orderBy('p.id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit).map(toPromotion);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

/** The input as stored columns, checked as a whole (a new promotion, or a current one with a patch applied). */
function toValues(input: PromotionInput): Values {
  const automatic = input.automatic ?? false;
  const code = input.code ?? null;
  if (automatic && code !== null) throw invalid('body.code', 'an automatic promotion has no code');
  if (!automatic && code === null) throw invalid('body.code', 'body.code is required (or automatic: true for a promotion without one)');
  const target = input.target ?? (input.type === 'free_shipping' ? 'shipping' : input.type === 'buy_x_get_y' ? 'items' : 'order');
  let percent_ppm: number | null = null;
  let amounts: CurrencyAmount[] | null = null;
  const buyGet = input.type === 'buy_x_get_y';
  if (!buyGet && (input.buy_quantity != null || input.get_quantity != null)) throw invalid('body.buy_quantity', 'buy_quantity and get_quantity are for buy_x_get_y promotions');
  if (buyGet) {
    if (input.buy_quantity == null) throw invalid('body.buy_quantity', 'body.buy_quantity is required for buy_x_get_y');
    if (input.get_quantity == null) throw invalid('body.get_quantity', 'body.get_quantity is required for buy_x_get_y');
    if (target !== 'items') throw invalid('body.target', 'buy_x_get_y applies to items');
    if (input.tiers?.length) throw invalid('body.tiers', 'tiers are for percentage and fixed promotions');
    if (input.amounts != null || input.currency_code != null) throw invalid('body.amounts', 'buy_x_get_y takes a percent value, not amounts');
    percent_ppm = ratePpmFromPercent(input.value ?? 100, 'body.value');
    if (percent_ppm === 0) throw invalid('body.value', 'body.value is the percent off the units got: above 0');
  } else if (input.tiers?.length) {
    if (input.type === 'free_shipping') throw invalid('body.tiers', 'tiers are for percentage and fixed promotions');
    if (input.value != null || input.amounts != null || input.currency_code != null) throw invalid('body.value', 'a tiered promotion takes its values from its tiers');
  } else if (input.type === 'percentage') {
    if (input.value == null || input.value === 0) throw invalid('body.value', 'body.value is required: the percent off, above 0 and at most 100');
    if (input.amounts != null || input.currency_code != null) throw invalid('body.amounts', 'a percentage has a value, not amounts');
    percent_ppm = ratePpmFromPercent(input.value, 'body.value');
  } else if (input.type === 'fixed') {
    if (input.value != null && input.amounts != null) throw invalid('body.amounts', 'give value with currency_code, or amounts, not both');
    if (input.value != null) {
      if (!Number.isInteger(input.value) || input.value <= 0) throw invalid('body.value', 'body.value is the amount off in minor units: a whole number above 0');
      if (input.currency_code == null) throw invalid('body.currency_code', 'body.currency_code is required with a fixed value');
      amounts = [{ currency_code: input.currency_code, amount: input.value }];
    } else {
      if (input.amounts == null) throw invalid('body.value', 'body.value (with currency_code) or body.amounts is required for a fixed promotion');
      amounts = input.amounts.map((a) => ({ currency_code: a.currency_code, amount: a.amount }));
    }
    amounts.forEach((a, i) => {
      if (a.amount === 0) throw invalid(`body.amounts[${i}].amount`, 'an amount off is above 0');
      if (amounts!.findIndex((b) => b.currency_code === a.currency_code) !== i) throw invalid(`body.amounts[${i}].currency_code`, 'one amount per currency');
    });
  } else {
    if (input.value != null || input.amounts != null) throw invalid('body.value', 'free shipping takes no value');
    if (target !== 'shipping') throw invalid('body.target', 'free shipping applies to shipping');
  }
  const tiers = (input.tiers ?? []).map((t, i, all) => {
    const field = `body.tiers[${i}]`;
    if (all.findIndex((o) => o.currency_code === t.currency_code && o.min_subtotal === t.min_subtotal) !== i) throw invalid(`${field}.min_subtotal`, 'one tier per currency and minimum');
    if (input.type === 'fixed' && (!Number.isInteger(t.value) || t.value <= 0)) throw invalid(`${field}.value`, 'a fixed tier\'s value is the amount off in minor units: a whole number above 0');
    const value = input.type === 'percentage' ? ratePpmFromPercent(t.value, `${field}.value`) : t.value;
    if (value === 0) throw invalid(`${field}.value`, 'a tier\'s percent is above 0');
    return { currency_code: t.currency_code, min_subtotal: t.min_subtotal, value };
  });
  (input.min_subtotals ?? []).forEach((m, i, all) => {
    if (all.findIndex((b) => b.currency_code === m.currency_code) !== i) throw invalid(`body.min_subtotals[${i}].currency_code`, 'one minimum per currency');
  });
  const startsAt = input.starts_at == null ? null : new Date(input.starts_at);
  const endsAt = input.ends_at == null ? null : new Date(input.ends_at);
  if (startsAt && endsAt && endsAt <= startsAt) throw invalid('body.ends_at', 'body.ends_at must be after body.starts_at');
  return {
    code, description: input.description ?? null, type: input.type, target, percent_ppm, amounts: amounts && JSON.stringify(amounts),
    tiers: JSON.stringify(tiers), buy_quantity: buyGet ? input.buy_quantity! : null, get_quantity: buyGet ? input.get_quantity! : null,
    combinable: input.combinable ?? false, active: input.active ?? true,
    product_ids: input.product_ids ?? [], collection_ids: input.collection_ids ?? [], category_ids: input.category_ids ?? [],
    variant_ids: input.variant_ids ?? [], tags: input.tags ?? [], customer_group_ids: input.customer_group_ids ?? [], segment_ids: input.segment_ids ?? [],
    first_order_only: input.first_order_only ?? false, min_quantity: input.min_quantity ?? null, campaign_id: input.campaign_id ?? null,
    min_subtotals: JSON.stringify((input.min_subtotals ?? []).map((m) => ({ currency_code: m.currency_code, amount: m.amount }))),
    currency_codes: input.currency_codes ?? [], region_ids: input.region_ids ?? [],
    starts_at: startsAt, ends_at: endsAt, usage_limit: input.usage_limit ?? null, per_customer_limit: input.per_customer_limit ?? null,
    budget_amount: input.budget?.amount ?? null, budget_currency_code: input.budget?.currency_code ?? null,
  };
}

/** Refuses ids that name nothing, with the field of the first one missing. */
async function assertReferences(db: Db, values: Values): Promise<void> {
  const lists = [
    ['product_ids', 'product'], ['variant_ids', 'product_variant'], ['collection_ids', 'product_collection'], ['category_ids', 'product_category'],
    ['region_ids', 'region'], ['customer_group_ids', 'customer_group'], ['segment_ids', 'customer_segment'], ['campaign_id', 'promotion_campaign'],
  ] as const;
  for (const [field, table] of lists) {
    const value = values[field];
    const ids = (Array.isArray(value) ? value : value == null ? [] : [value]) as string[];
    if (!ids.length) continue;
    const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    const missing = ids.findIndex((id) => !found.has(id));
    const name = Array.isArray(value) ? `body.${field}[${missing}]` : `body.${field}`;
    if (missing >= 0) throw new AppError('invalid_reference', { field: name, id: ids[missing] }, `${name} names nothing: ${ids[missing]}`);
  }
}

export async function createPromotion(db: Db, input: PromotionInput): Promise<Promotion> {
  const values = toValues(input);
  return inTransaction(db, async (tx) => {
    await assertReferences(tx, values);
    const id = newId('promo');
    await tx.insertInto('promotion').values({ id, ...values }).execute();
    await recordEvents(tx, [{ type: 'promotion.created', resource_type: 'promotion', resource_id: id, payload: { id, code: values.code ?? null, type: values.type } }]);
    return getPromotionOrThrow(tx, id);
  });
}

/** The current promotion as input, so a patch is checked with everything it leaves as it is. */
function asInput(row: Row): PromotionInput {
  return {
    code: row.code, automatic: row.code === null, description: row.description, type: row.type, target: row.target,
    value: row.percent_ppm === null ? null : ppmToPercent(row.percent_ppm), amounts: row.amounts, tiers: tiersOut(row),
    buy_quantity: row.buy_quantity, get_quantity: row.get_quantity, combinable: row.combinable, active: row.active,
    product_ids: row.product_ids, collection_ids: row.collection_ids, category_ids: row.category_ids, ...conditionsOf(row), min_subtotals: row.min_subtotals,
    currency_codes: row.currency_codes, region_ids: row.region_ids, starts_at: row.starts_at && new Date(row.starts_at).toISOString(), ends_at: row.ends_at && new Date(row.ends_at).toISOString(),
    usage_limit: row.usage_limit, per_customer_limit: row.per_customer_limit,
    budget: row.budget_amount === null ? null : { currency_code: row.budget_currency_code!, amount: row.budget_amount },
  };
}

/**
 * Changes the given fields. Changing the type drops the other type's value and amounts unless given
 * again; a limit or budget cannot go below what was already used.
 */
export async function updatePromotion(db: Db, id: string, patch: PromotionUpdate): Promise<Promotion> {
  return inTransaction(db, async (tx) => {
    const current = await tx.selectFrom('promotion').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound({ id });
    const base = asInput(current);
    if (patch.type && patch.type !== current.type) Object.assign(base, { value: null, amounts: null, currency_code: null, buy_quantity: null, get_quantity: null, target: undefined });
    if (patch.value !== undefined || patch.currency_code !== undefined) Object.assign(base, { amounts: null, tiers: [] });
    if (patch.amounts !== undefined) Object.assign(base, { value: null, tiers: [] });
    if (patch.tiers?.length) Object.assign(base, { value: null, amounts: null, currency_code: null });
    const values = toValues({ ...base, ...patch });
    if (values.usage_limit != null && values.usage_limit < current.usage_count) {
      throw invalid('body.usage_limit', `body.usage_limit cannot be below the ${current.usage_count} uses already counted`);
    }
    if (values.budget_amount != null && (values.budget_amount < current.budget_used || (current.budget_used > 0 && values.budget_currency_code !== current.budget_currency_code))) {
      throw invalid('body.budget', `body.budget cannot be below the ${current.budget_used} already given, nor change currency once used`);
    }
    await assertReferences(tx, values);
    return updateAndRecord(tx, {
      table: 'promotion', id, set: values,
      event: { resource_type: 'promotion', patch },
      reread: (tx) => getPromotionOrThrow(tx, id),
    });
  });
}

/** Deletes a promotion no order used (carts holding its code lose it); a used one can be deactivated instead. */
export async function deletePromotion(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = await tx.selectFrom('promotion').select(['code', 'usage_count']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound({ id });
    const used = await tx.selectFrom('promotion_usage').select('order_id').where('promotion_id', '=', id).limit(1).executeTakeFirst();
    if (used) throw new AppError('promotion_in_use', { id, usage_count: current.usage_count });
    await tx.deleteFrom('promotion').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'promotion.deleted', resource_type: 'promotion', resource_id: id, payload: { id, code: current.code } }]);
  });
}
