import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { problemOf } from '../gift-cards/allocation.ts';
import { addCartGiftCard, removeCartGiftCard, setCartStoreCredit, storeCreditBalance } from '../gift-cards/cart-balances.ts';
import { findGiftCardByCode } from '../gift-cards/gift-cards.ts';
import type { CartActor, CartState } from './cart-query.ts';
import { changeCart } from './carts.ts';

/**
 * A buyer enters a gift card code, or spends their store credit: 404 gift_card_not_found for no such
 * code, 409 with the reason when it cannot pay this cart (other currency, disabled, expired, empty),
 * and the cart is left as it was. Like any cart change, it voids a payment already started.
 */
export async function applyGiftCardCode(db: Db, cartId: string, code: string, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    const card = await findGiftCardByCode(tx, code);
    if (!card) throw new AppError('gift_card_not_found', { field: 'body.code' });
    const problem = problemOf(card, cart.currency_code, new Date());
    if (problem) throw new AppError(problem, { field: 'body.code', last4: card.last4, ...(problem === 'gift_card_currency_mismatch' ? { currency_code: card.currency_code } : {}) });
    await addCartGiftCard(tx, cartId, card.id);
  });
}

/** Takes a gift card off the cart, named by its code or by the last four characters the cart shows. */
export async function removeGiftCardCode(db: Db, cartId: string, code: string, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    const card = await findGiftCardByCode(tx, code);
    const matches = cart.balances.applied.filter((b) => b.kind === 'gift_card' && (b.id === card?.id || b.last4 === code.toUpperCase()));
    if (matches.length !== 1) throw new AppError('gift_card_not_found', { code: code.length > 4 ? `…${code.slice(-4)}` : code }, 'The cart carries no gift card with this code.');
    await removeCartGiftCard(tx, cartId, matches[0].id);
  });
}

/** The signed-in buyer spends store credit on their cart (all that is needed, or up to `amount`). */
export async function useStoreCredit(db: Db, cartId: string, input: { amount?: number }, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    if (!cart.customer_id) throw new AppError('store_credit_not_available', { reason: 'not_signed_in' });
    const balance = await storeCreditBalance(tx, cart.customer_id, cart.currency_code);
    if (!balance) throw new AppError('store_credit_not_available', { reason: 'no_balance', currency_code: cart.currency_code });
    await setCartStoreCredit(tx, cartId, input.amount ?? null);
  });
}

export async function stopUsingStoreCredit(db: Db, cartId: string, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx) => {
    await setCartStoreCredit(tx, cartId, undefined);
  });
}
