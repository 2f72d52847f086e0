import type { Db, Tx } from '../../db/database.ts';
import { releaseCartHolds } from '../inventory/reservations.ts';
import { cancelPendingPayments } from '../payments/payments.ts';
import { lockOpenCart } from './carts.ts';

/**
 * Carts staff build for a draft order (orders/draft-orders.ts): custom prices on its lines, with their
 * reason, and a lock so the buyer completing it cannot change its lines or region (carts.ts refuses
 * with 409 cart_locked). Checkout prices a line at its custom price (cart-query.ts) and snapshots it
 * into the order like any other.
 */
export async function lockCartForDraftOrder(
  tx: Tx,
  input: { cartId: string; draftOrderId: string; prices: { line_id: string; unit_price: number; reason: string }[] },
): Promise<void> {
  for (const price of input.prices) {
    await tx.updateTable('cart_line_item').set({ unit_price_override: price.unit_price, price_override_reason: price.reason, updated_at: new Date() })
      .where('id', '=', price.line_id).where('cart_id', '=', input.cartId).execute();
  }
  await tx.updateTable('cart').set({ draft_order_id: input.draftOrderId, updated_at: new Date() }).where('id', '=', input.cartId).execute();
}

/** The custom prices on a draft order's cart lines, by line id. */
export async function draftCartPrices(tx: Db, cartId: string): Promise<Map<string, { unit_price: number; reason: string | null }>> {
  const rows = await tx.selectFrom('cart_line_item').select(['id', 'unit_price_override', 'price_override_reason'])
    .where('cart_id', '=', cartId).where('unit_price_override', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, { unit_price: r.unit_price_override!, reason: r.price_override_reason }]));
}

/**
 * Closes a canceled draft's cart so its payment link no longer works: it reads as completed (409
 * cart_completed at checkout). Refused while the buyer's checkout of it is running (409
 * checkout_in_progress) or once it completed (409 cart_completed).
 */
export async function closeDraftCart(tx: Tx, cartId: string): Promise<void> {
  await lockOpenCart(tx, cartId, 'system');
  await releaseCartHolds(tx, cartId);
  await cancelPendingPayments(tx, cartId);
  await tx.updateTable('cart').set({ completed_at: new Date(), updated_at: new Date() }).where('id', '=', cartId).execute();
}
