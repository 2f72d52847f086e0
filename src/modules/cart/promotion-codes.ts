import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { addCartPromotion, assertCustomerMayUse, customerKeyOf, removeCartPromotion } from '../promotions/cart-promotions.ts';
import { findPromotionByCode } from '../promotions/promotions.ts';
import { loadCartState, type CartActor, type CartState } from './cart-query.ts';
import { changeCart } from './carts.ts';

/**
 * A buyer enters a promotion code: 404 promotion_not_found for no such code, 409
 * promotion_not_applicable with the reason when it does not apply to the cart as it is (and the cart
 * is left as it was). Like any cart change, it voids a payment already started (the total changed).
 */
export async function applyPromotionCode(db: Db, cartId: string, code: string, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    const promotion = await findPromotionByCode(tx, code);
    if (!promotion) throw new AppError('promotion_not_found', { field: 'body.code', code });
    await assertCustomerMayUse(tx, promotion, customerKeyOf(cart));
    await addCartPromotion(tx, cartId, promotion.id);
    const after = await loadCartState(tx, cartId, actor);
    const refused = after.totals.promotions.removed.find((r) => r.promotion_id === promotion.id);
    if (refused) throw new AppError('promotion_not_applicable', { field: 'body.code', code: promotion.code, promotion_id: promotion.id, reason: refused.reason });
  });
}

export async function removePromotionCode(db: Db, cartId: string, code: string, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx) => {
    if (!(await removeCartPromotion(tx, cartId, code))) throw new AppError('promotion_not_found', { code }, 'The cart carries no promotion with this code.');
  });
}
