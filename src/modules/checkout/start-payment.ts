import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { loadCartState, type CartActor, type CartState } from '../cart/cart-query.ts';
import { lockCartAsRead, voidCheckoutStart } from '../cart/carts.ts';
import { holdStockForCart } from '../inventory/reservations.ts';
import { createPaymentSession } from '../payments/payments.ts';
import { PaymentError } from '../payments/provider.ts';
import { providerOrThrow, type PaymentProviders } from '../payments/providers.ts';
import { recordPromotionRemovals } from '../promotions/cart-promotions.ts';
import { assertCheckoutReady } from './checkout-ready.ts';

export interface CheckoutDeps {
  db: Db;
  providers: PaymentProviders;
  config: Pick<Config, 'paymentTimeoutMs' | 'paymentCapture' | 'checkoutHoldMinutes' | 'orderNumberPrefix'>;
}

/**
 * The buyer starts paying: the provider checks the payment details (outside any transaction: it may
 * call a gateway), then one transaction opens the payment session and holds the cart's stock for
 * `checkoutHoldMinutes`. Not enough stock: 409 insufficient_inventory, and nothing is held. The session
 * is for what the cart's gift cards and store credit leave to pay; when they pay it all, 409
 * payment_not_required (complete the cart directly). The cart as read first stands when no change
 * came in meanwhile (lockCartAsRead), and the answer is that cart with its session and holds.
 */
export async function startPayment(
  deps: CheckoutDeps, cartId: string, input: { provider_id: string; data?: Record<string, unknown> }, actor: CartActor,
): Promise<CartState> {
  const provider = providerOrThrow(deps.providers, input.provider_id);
  const draft = await loadCartState(deps.db, cartId, actor);
  assertCheckoutReady(draft);
  const amountDue = draft.totals.total - draft.balances.total;
  if (amountDue === 0 && draft.balances.total > 0) throw new AppError('payment_not_required', { cart_id: cartId });
  let initiated: { data: Record<string, unknown> };
  try {
    initiated = await provider.initiate({ amount: amountDue, currency_code: draft.currency_code, data: input.data ?? {} });
  } catch (error) {
    if (error instanceof PaymentError) throw new AppError('invalid_payment_data', { field: 'body.data', provider_id: provider.id }, error.message);
    throw error;
  }
  return inTransaction(deps.db, async (tx) => {
    const cart = await lockCartAsRead(tx, draft, actor);
    assertCheckoutReady(cart);
    await voidCheckoutStart(tx, cart); // a second attempt replaces the first's session and holds
    await recordPromotionRemovals(tx, cartId, cart.totals.promotions.removed); // the buyer pays the total without them
    const session = createPaymentSession(tx, { cartId, providerId: provider.id, amount: cart.totals.total - cart.balances.total, currencyCode: cart.currency_code, data: initiated.data });
    const expiresAt = new Date(Date.now() + deps.config.checkoutHoldMinutes * 60_000);
    const held = await holdStockForCart(tx, cartId, cart.lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })), expiresAt);
    const { id, provider_id, status, amount, currency_code, data } = session;
    return { ...cart, payment_session: { id, provider_id, status, amount, currency_code, data }, holds_expire_at: held ? expiresAt : null };
  });
}
