import { AppError } from '../../errors.ts';
import { purchasable, type CartState } from '../cart/cart-query.ts';

/**
 * Refuses a cart checkout cannot take yet, listing everything missing at once. A cart of gift cards
 * only ships nothing (the cards are emailed): it needs no shipping address nor method.
 */
export function assertCheckoutReady(cart: CartState): void {
  const missing: string[] = [];
  if (cart.lines.length === 0) missing.push('items');
  if (!cart.email) missing.push('email');
  const giftCardsOnly = cart.lines.length > 0 && cart.lines.every((line) => line.gift_card);
  if (!giftCardsOnly && !cart.shipping_address) missing.push('shipping_address');
  if (!giftCardsOnly && !cart.shipping_option) missing.push('shipping_method');
  if (missing.length) throw new AppError('cart_incomplete', { missing });
  for (const line of cart.lines) {
    if (purchasable(line)) continue;
    throw new AppError(line.product_status === 'published' ? 'variant_not_priced' : 'variant_not_for_sale', { line_item_id: line.id, variant_id: line.variant_id });
  }
}
