import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { emailHash } from '../../crypto/data-encryption.ts';
import { AppError } from '../../errors.ts';
import type { RemovedPromotion } from './discounts.ts';
import type { PromotionTable } from './schema.ts';

/**
 * The codes on a cart (cart_promotion). The cart module calls these under the cart's lock; which
 * codes apply is decided on every read (discounts.ts), and a code that stopped applying is marked
 * removed with its reason when the cart next changes, so the storefront can say why it went.
 */

/** Puts the code's promotion on the cart; entering a removed code again gives it another chance. */
export async function addCartPromotion(tx: Tx, cartId: string, promotionId: string): Promise<void> {
  await tx.insertInto('cart_promotion').values({ cart_id: cartId, promotion_id: promotionId })
    .onConflict((oc) => oc.columns(['cart_id', 'promotion_id']).doUpdateSet({ removed_reason: null, created_at: new Date() })).execute();
}

/** Takes the code off the cart (any case); false when the cart does not carry it. */
export async function removeCartPromotion(tx: Tx, cartId: string, code: string): Promise<boolean> {
  const deleted = await sql`delete from cart_promotion cp using promotion p
    where cp.cart_id = ${cartId} and p.id = cp.promotion_id and lower(p.code) = lower(${code})`.execute(tx);
  return Number(deleted.numAffectedRows ?? 0) > 0;
}

/** Marks the codes that stopped applying since the cart last changed as removed, with why. */
export async function recordPromotionRemovals(tx: Tx, cartId: string, removed: RemovedPromotion[]): Promise<void> {
  for (const r of removed.filter((r) => !r.earlier)) {
    await tx.updateTable('cart_promotion').set({ removed_reason: r.reason })
      .where('cart_id', '=', cartId).where('promotion_id', '=', r.promotion_id).execute();
  }
}

/** Who a use counts against: the customer's account, or a guest's email (its blind index). */
export function customerKeyOf(buyer: { customer_id: string | null; email: string | null }): string | null {
  if (buyer.customer_id) return buyer.customer_id;
  return buyer.email ? `email:${emailHash(buyer.email)}` : null;
}

/**
 * Refuses a code its buyer has used up (per_customer_limit), when the cart says who the buyer is.
 * Checkout counts the use itself (redemptions.ts); this only spares the buyer a code that cannot work.
 */
export async function assertCustomerMayUse(tx: Tx, promotion: Selectable<PromotionTable>, customerKey: string | null): Promise<void> {
  if (promotion.per_customer_limit === null || customerKey === null) return;
  const used = await tx.selectFrom('promotion_customer_use').select('uses')
    .where('promotion_id', '=', promotion.id).where('customer_key', '=', customerKey).executeTakeFirst();
  if (used && used.uses >= promotion.per_customer_limit) {
    throw new AppError('promotion_not_applicable', { field: 'body.code', code: promotion.code, promotion_id: promotion.id, reason: 'customer_limit' });
  }
}
