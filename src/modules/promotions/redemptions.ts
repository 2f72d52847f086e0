import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { AppliedPromotion, RemovedPromotion } from './discounts.ts';

/**
 * Promotion uses, counted by the database in checkout's reserve transaction (checkout/complete-cart.ts),
 * before the gateway is asked: each counter moves in one conditional statement, and zero rows updated
 * means the promotion is used up, so the whole reserve rolls back and nothing is charged. Undoing the
 * checkout gives the uses back. The rules are in docs/promotions.md.
 */

/**
 * Refuses a checkout whose cart lost a code since payment started (it expired, others used it up):
 * the payment was started for the discounted total, and the buyer must see the new one first.
 */
export function assertPromotionsStillApply(removed: RemovedPromotion[]): void {
  const lost = removed.find((r) => !r.earlier);
  if (!lost) return;
  const details = { promotion_id: lost.promotion_id, code: lost.code, reason: lost.reason };
  throw lost.reason === 'exhausted' ? new AppError('promotion_exhausted', details) : new AppError('promotion_not_applicable', details);
}

/**
 * Counts one use of each promotion that took something off the order (total uses, the budget, the
 * buyer's own uses), in promotion id order, then its share of each campaign's budget, in campaign id
 * order, so concurrent checkouts lock the rows alike. A first-order promotion counts at most one use
 * per buyer, so two carts racing cannot both get it. 409 promotion_exhausted names the first
 * promotion that has none left (scope promotion, customer or campaign).
 */
export async function redeemPromotions(tx: Tx, input: { orderId: string; currencyCode: string; customerKey: string; applied: AppliedPromotion[] }): Promise<void> {
  const used = input.applied.filter((a) => a.amount > 0).sort((a, b) => (a.promotion_id < b.promotion_id ? -1 : 1));
  const events = [];
  const campaigns = new Map<string, { amount: number; promotion: AppliedPromotion }>();
  for (const promotion of used) {
    const exhausted = (scope: string) => new AppError('promotion_exhausted', { promotion_id: promotion.promotion_id, code: promotion.code, scope });
    const counted = await sql<{
      usage_count: number; usage_limit: number | null; budget_used: number; budget_amount: number | null; per_customer_limit: number | null; first_order_only: boolean; campaign_id: string | null;
    }>`
      update promotion set usage_count = usage_count + 1,
        budget_used = budget_used + case when budget_amount is null then 0 else ${promotion.amount}::bigint end
      where id = ${promotion.promotion_id}
        and (usage_limit is null or usage_count < usage_limit)
        and (budget_amount is null or budget_used + ${promotion.amount}::bigint <= budget_amount)
      returning usage_count, usage_limit, budget_used, budget_amount, per_customer_limit, first_order_only, campaign_id`.execute(tx);
    const row = counted.rows[0];
    if (!row) throw exhausted('promotion');
    const customerLimit = row.first_order_only ? 1 : row.per_customer_limit;
    if (customerLimit !== null) {
      const mine = await sql`
        insert into promotion_customer_use (promotion_id, customer_key, uses) values (${promotion.promotion_id}, ${input.customerKey}, 1)
        on conflict (promotion_id, customer_key) do update set uses = promotion_customer_use.uses + 1
          where promotion_customer_use.uses < ${customerLimit}::int
        returning uses`.execute(tx);
      if (mine.rows.length === 0) throw exhausted('customer');
    }
    await tx.insertInto('promotion_usage').values({
      promotion_id: promotion.promotion_id, order_id: input.orderId, customer_key: input.customerKey, currency_code: input.currencyCode, amount: promotion.amount,
      campaign_id: row.campaign_id,
    }).execute();
    if (row.campaign_id !== null) {
      const share = campaigns.get(row.campaign_id);
      campaigns.set(row.campaign_id, { amount: (share?.amount ?? 0) + promotion.amount, promotion: share?.promotion ?? promotion });
    }
    const payload = { id: promotion.promotion_id, code: promotion.code, order_id: input.orderId, amount: promotion.amount, currency_code: input.currencyCode, usage_count: row.usage_count };
    events.push({ type: 'promotion.redeemed', resource_type: 'promotion', resource_id: promotion.promotion_id, payload });
    if (row.usage_count === row.usage_limit || (row.budget_amount !== null && Number(row.budget_used) === Number(row.budget_amount))) {
      events.push({ type: 'promotion.exhausted', resource_type: 'promotion', resource_id: promotion.promotion_id, payload: { id: promotion.promotion_id, code: promotion.code } });
    }
  }
  for (const [campaignId, share] of [...campaigns].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const counted = await sql<{ used: number; amount: number }>`update promotion_campaign_budget set used = used + ${share.amount}::bigint
      where campaign_id = ${campaignId} and currency_code = ${input.currencyCode} and used + ${share.amount}::bigint <= amount
      returning used, amount`.execute(tx);
    const row = counted.rows[0];
    if (!row) {
      // No row: spent, or the campaign has no budget in this currency, which is only fine when it has none at all.
      const budgeted = await tx.selectFrom('promotion_campaign_budget').select('currency_code').where('campaign_id', '=', campaignId).limit(1).executeTakeFirst();
      if (budgeted) throw new AppError('promotion_exhausted', { promotion_id: share.promotion.promotion_id, code: share.promotion.code, scope: 'campaign', campaign_id: campaignId });
    } else if (Number(row.used) === Number(row.amount)) {
      events.push({ type: 'campaign.exhausted', resource_type: 'campaign', resource_id: campaignId, payload: { id: campaignId, currency_code: input.currencyCode } });
    }
  }
  await recordEvents(tx, events);
}

/**
 * Gives back the uses an order counted: its checkout was undone (its pending order is being
 * discarded), or the order was canceled. The usage rows are deleted as the counters go down, so a
 * second call finds nothing to give back.
 */
export async function releasePromotionUses(tx: Tx, orderId: string, reason: 'checkout_undone' | 'order_canceled'): Promise<void> {
  const released = await tx.deleteFrom('promotion_usage').where('order_id', '=', orderId)
    .returning(['promotion_id', 'customer_key', 'amount', 'currency_code', 'campaign_id']).execute();
  for (const use of released.sort((a, b) => (a.promotion_id < b.promotion_id ? -1 : 1))) {
    await sql`update promotion set usage_count = usage_count - 1,
        budget_used = case when budget_amount is null then budget_used else greatest(budget_used - ${use.amount}::bigint, 0) end
      where id = ${use.promotion_id}`.execute(tx);
    await sql`update promotion_customer_use set uses = uses - 1
      where promotion_id = ${use.promotion_id} and customer_key = ${use.customer_key} and uses > 0`.execute(tx);
  }
  const campaignShares = new Map<string, number>();
  for (const use of released) if (use.campaign_id !== null) campaignShares.set(use.campaign_id, (campaignShares.get(use.campaign_id) ?? 0) + Number(use.amount));
  for (const [campaignId, amount] of [...campaignShares].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await sql`update promotion_campaign_budget set used = greatest(used - ${amount}::bigint, 0)
      where campaign_id = ${campaignId} and currency_code = ${released[0].currency_code}`.execute(tx);
  }
  await recordEvents(tx, released.map((use) => ({
    type: 'promotion.released', resource_type: 'promotion', resource_id: use.promotion_id,
    payload: { id: use.promotion_id, order_id: orderId, amount: use.amount, currency_code: use.currency_code, reason },
  })));
}
