import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { updateAndRecord } from '../events/recorded-update.ts';
import type { CurrencyAmount, PromotionCampaignTable } from './schema.ts';
import type { Campaign, CampaignInput, CampaignUpdate } from './campaign-shapes.ts';

/**
 * Campaigns: promotions grouped under shared dates (a promotion applies only within its own and its
 * campaign's) and a shared budget per currency (the discount all its promotions may give together,
 * counted at checkout by redemptions.ts). Admin reads show the uses, orders and discount counted
 * against it (docs/promotions.md).
 */

const invalid = (field: string, message: string) => new AppError('invalid_request', { field }, message);
const notFound = (id: string) => new AppError('campaign_not_found', { id });

function selectCampaigns(db: Db) {
  return db.selectFrom('promotion_campaign as ca').selectAll('ca').select([
    sql<{ currency_code: string; amount: number; used: number }[]>`coalesce((select json_agg(json_build_object('currency_code', b.currency_code, 'amount', b.amount, 'used', b.used) order by b.currency_code)
      from promotion_campaign_budget b where b.campaign_id = ca.id), '[]')`.as('budgets'),
    sql<string[]>`coalesce((select json_agg(p.id order by p.id) from promotion p where p.campaign_id = ca.id), '[]')`.as('promotion_ids'),
    sql<number>`(select count(*)::int from promotion_usage u where u.campaign_id = ca.id)`.as('usage_count'),
    sql<number>`(select count(distinct u.order_id)::int from promotion_usage u where u.campaign_id = ca.id)`.as('order_count'),
    sql<CurrencyAmount[]>`coalesce((select json_agg(json_build_object('currency_code', g.currency_code, 'amount', g.amount) order by g.currency_code)
      from (select u.currency_code, sum(u.amount)::bigint as amount from promotion_usage u where u.campaign_id = ca.id group by u.currency_code) g), '[]')`.as('discount_given'),
  ]);
}

export async function getCampaignOrThrow(db: Db, id: string): Promise<Campaign> {
  const row = await selectCampaigns(db).where('ca.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  return row;
}

/** Campaigns in creation order, paged by id. */
export async function listCampaigns(db: Db, page: { after?: unknown[]; limit: number }) {
  let query = selectCampaigns(db);
  if (page.after) {
    if (page.after.length !== 1 || typeof page.after[0] !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where('ca.id', '>', page.after[0]);
  }
  const rows = await query.orderBy('ca.id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

function datesOf(input: { starts_at?: string | null; ends_at?: string | null }) {
  const startsAt = input.starts_at == null ? null : new Date(input.starts_at);
  const endsAt = input.ends_at == null ? null : new Date(input.ends_at);
  if (startsAt && endsAt && endsAt <= startsAt) throw invalid('body.ends_at', 'body.ends_at must be after body.starts_at');
  return { starts_at: startsAt, ends_at: endsAt };
}

/**
 * Sets the campaign's budgets to `budgets` (one per currency): a currency it already gave discount in
 * keeps a budget of at least what was given.
 */
async function saveBudgets(tx: Tx, campaignId: string, budgets: CurrencyAmount[]): Promise<void> {
  budgets.forEach((b, i) => {
    if (budgets.findIndex((o) => o.currency_code === b.currency_code) !== i) throw invalid(`body.budgets[${i}].currency_code`, 'one budget per currency');
    if (b.amount === 0) throw invalid(`body.budgets[${i}].amount`, 'a budget is above 0');
  });
  const current = await tx.selectFrom('promotion_campaign_budget').select(['currency_code', 'used'])
    .where('campaign_id', '=', campaignId).orderBy('currency_code').forUpdate().execute();
  for (const { currency_code, used } of current) {
    const index = budgets.findIndex((b) => b.currency_code === currency_code);
    if (used > 0 && index < 0) throw invalid('body.budgets', `the ${currency_code} budget already gave ${used}: it cannot be removed`);
    if (index >= 0 && budgets[index].amount < used) throw invalid(`body.budgets[${index}].amount`, `the ${currency_code} budget cannot be below the ${used} already given`);
  }
  const kept = budgets.map((b) => b.currency_code);
  let removal = tx.deleteFrom('promotion_campaign_budget').where('campaign_id', '=', campaignId);
  if (kept.length) removal = removal.where('currency_code', 'not in', kept);
  await removal.execute();
  for (const b of budgets) {
    await tx.insertInto('promotion_campaign_budget').values({ campaign_id: campaignId, currency_code: b.currency_code, amount: b.amount })
      .onConflict((oc) => oc.columns(['campaign_id', 'currency_code']).doUpdateSet({ amount: b.amount })).execute();
  }
}

export async function createCampaign(db: Db, input: CampaignInput): Promise<Campaign> {
  const dates = datesOf(input);
  return inTransaction(db, async (tx) => {
    const id = newId('camp');
    await tx.insertInto('promotion_campaign').values({ id, name: input.name, description: input.description ?? null, ...dates }).execute();
    await saveBudgets(tx, id, input.budgets ?? []);
    await recordEvents(tx, [{ type: 'campaign.created', resource_type: 'campaign', resource_id: id, payload: { id, name: input.name } }]);
    return getCampaignOrThrow(tx, id);
  });
}

/** Changes the given fields; `budgets` replaces the whole set (see saveBudgets). */
export async function updateCampaign(db: Db, id: string, patch: CampaignUpdate): Promise<Campaign> {
  return inTransaction(db, async (tx) => {
    const current: Selectable<PromotionCampaignTable> | undefined = await tx.selectFrom('promotion_campaign').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound(id);
    const dates = datesOf({
      starts_at: patch.starts_at !== undefined ? patch.starts_at : current.starts_at && new Date(current.starts_at).toISOString(),
      ends_at: patch.ends_at !== undefined ? patch.ends_at : current.ends_at && new Date(current.ends_at).toISOString(),
    });
    if (patch.budgets !== undefined) await saveBudgets(tx, id, patch.budgets);
    return updateAndRecord(tx, {
      table: 'promotion_campaign', id,
      set: { name: patch.name, description: patch.description, ...dates },
      event: { resource_type: 'campaign', patch },
      reread: (tx) => getCampaignOrThrow(tx, id),
    });
  });
}

/** Deletes a campaign with no promotions and no uses counted against it (409 campaign_in_use otherwise). */
export async function deleteCampaign(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = await tx.selectFrom('promotion_campaign').select('name').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound(id);
    const promotion = await tx.selectFrom('promotion').select('id').where('campaign_id', '=', id).limit(1).executeTakeFirst();
    const use = await tx.selectFrom('promotion_usage').select('order_id').where('campaign_id', '=', id).limit(1).executeTakeFirst();
    if (promotion || use) throw new AppError('campaign_in_use', { id, promotion_id: promotion?.id ?? null });
    await tx.deleteFrom('promotion_campaign').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'campaign.deleted', resource_type: 'campaign', resource_id: id, payload: { id, name: current.name } }]);
  });
}
