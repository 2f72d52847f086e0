import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { writeAtCommit } from '../../db/changes.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { inSpan } from '../../telemetry/tracing.ts';
import type { CartActor, CartState } from '../cart/cart-query.ts';
import { lockOpenCart } from '../cart/carts.ts';
import { recordEvents } from '../events/outbox.ts';
import { assertBalancesCover, BALANCE_PROVIDERS, redeemBalances, redemptionsOfOrder, restoreRedemptions } from '../gift-cards/redemptions.ts';
import { commitCartHoldsToOrder, revertOrderToCartHolds, type HoldSnapshot } from '../inventory/reservations.ts';
import { confirmOrder, createPendingOrder, discardPendingOrder, getOrderOrThrow, type OrderSnapshot, type PendingOrder } from '../orders/orders.ts';
import { recordOrderPlaced } from '../orders/order-placed.ts';
import type { Order, PlacedOrder } from '../orders/shapes.ts';
import { recordPaymentReceived } from '../payments/payment-amounts.ts';
import { paymentSettlementSql, recordTransactionEvents, updatePaymentAtCommit, updatePaymentWithTransactions, type PaymentRow, type TransactionRecord } from '../payments/payments.ts';
import { PaymentError, type PaymentProvider } from '../payments/provider.ts';
import { providerOrThrow } from '../payments/providers.ts';
import { customerKeyOf } from '../promotions/cart-promotions.ts';
import { assertPromotionsStillApply, redeemPromotions, releasePromotionUses } from '../promotions/redemptions.ts';
import { assertCheckoutReady } from './checkout-ready.ts';
import type { CheckoutDeps } from './start-payment.ts';

/**
 * POST /store/carts/:id/complete, as named steps (the state machine is in docs/checkout.md):
 *
 * 1. reserve   (one transaction) check the cart, create the order as `pending`, commit its stock
 *              (the cart's holds become the order's; what no hold covers is taken by a conditional
 *              UPDATE), mark the payment `authorizing`, spend the gift cards and store credit and
 *              count the promotions' uses (conditional UPDATEs, docs/gift-cards.md,
 *              docs/promotions.md). Not enough stock, a balance or a promotion used up: 409 and
 *              nothing written. When the balances pay the whole total there is no gateway to ask:
 *              the order is confirmed (step 4) in this same transaction.
 * 2. authorize (no transaction open) ask the gateway, with a timeout.
 *              undo: release the order's stock back into the cart's holds, give the balances and
 *              the promotion uses back, delete the pending order, mark the payment failed; 402/502/504 with the
 *              gateway's reason. No order is left.
 * 3. capture   (no transaction open) when PAYMENT_CAPTURE=automatic and the provider allows it (not
 *              `manual`: see PaymentProvider.neverAutoCapture). A failed capture leaves the order
 *              authorized for staff to capture; it does not undo the sale.
 * 4. confirm   (one transaction) give the order its number, record the payments (the card's, and one
 *              captured payment per balance spent), complete the cart.
 *
 * A process that dies between steps leaves a pending order: the recovery sweep (recovery.ts) asks the
 * gateway and confirms it or undoes it. A cart completes at most once: orders.cart_id is unique.
 */
export async function completeCart(deps: CheckoutDeps, cartId: string, actor: CartActor): Promise<PlacedOrder> {
  // Each step is a span of the request's trace (src/telemetry/tracing.ts), so a slow checkout shows which.
  const reserved = await inSpan('checkout.reserve', { 'cartwright.cart_id': cartId }, () => reserve(deps, cartId, actor));
  if (!reserved.payment) return { ...reserved.placed!, access_token: reserved.order.access_token };
  const started = reserved as Started & { payment: CheckoutPayment };
  const provider = providerOrThrow(deps.providers, started.payment.provider_id);

  let authorization: { provider_reference: string };
  try {
    authorization = await inSpan('checkout.authorize', { 'cartwright.payment_provider': started.payment.provider_id }, () => provider.authorize({
      amount: started.payment.amount,
      currency_code: started.payment.currency_code,
      reference: started.payment.id,
      data: started.payment.data,
      signal: AbortSignal.timeout(deps.config.paymentTimeoutMs),
    }));
  } catch (error) {
    await undoReserve(deps, started, provider, error);
    throw paymentFailure(error);
  }

  const captureNow = deps.config.paymentCapture === 'automatic' && !provider.neverAutoCapture;
  const captured = captureNow ? await inSpan('checkout.capture', {}, () => tryCapture(provider, started.payment, authorization.provider_reference)) : null;
  const confirmed = await inSpan('checkout.confirm', { 'cartwright.order_id': started.order.id }, () => inTransaction(deps.db, async (tx) => {
    const status = await settleIfPending(tx, started, authorization.provider_reference, captured);
    if (status !== 'pending') return status ? 'settled' : 'undone';
    const order = { id: started.order.id, cart_id: started.cart.id };
    return placeOrder(tx, order, captured ? 'captured' : 'authorized', deps.config.orderNumberPrefix, started.balancesSpent, { cartCompleted: true });
  }));
  if (confirmed === 'settled') return { ...(await getOrderOrThrow(deps.db, started.order.id, deps.config.orderNumberPrefix)), access_token: started.order.access_token };
  if (confirmed !== 'undone') return { ...confirmed, access_token: started.order.access_token };
  // Undone by the sweep meanwhile: the money must not stay taken without an order.
  await provider.cancel({ provider_reference: authorization.provider_reference, reference: started.payment.id, data: started.payment.data }).catch(() => {});
  throw new AppError('payment_timeout', { decline_code: 'timeout' });
}

/** What checkout needs of a payment (a session, or a payment row when the sweep settles one). */
export type CheckoutPayment = Pick<PaymentRow, 'id' | 'cart_id' | 'order_id' | 'provider_id' | 'status' | 'amount' | 'currency_code' | 'provider_reference' | 'data'>;

interface Started {
  order: PendingOrder;
  /** Null when gift cards and store credit paid the whole total (the order is already confirmed). */
  payment: CheckoutPayment | null;
  cart: CartState;
  consumedHolds: HoldSnapshot[];
  /** Whether gift cards or store credit paid part of the total (their payments are recorded at confirmation). */
  balancesSpent: boolean;
  /** The order as placed, when the balances paid it all. */
  placed: Order | null;
}

async function reserve(deps: CheckoutDeps, cartId: string, actor: CartActor): Promise<Started> {
  return inTransaction(deps.db, async (tx) => {
    const cart = await lockOpenCart(tx, cartId, actor);
    assertCheckoutReady(cart);
    assertPromotionsStillApply(cart.totals.promotions.removed);
    // The cart's lock keeps every other checkout of it out, so its session needs no lock of its own.
    // Any change to the cart cancels its session, so a session's amount is the cart's total less what
    // its balances paid when payment started: they must still pay the rest.
    const session = cart.payment_session;
    if (session ? session.status !== 'pending' : cart.balances.applied.length === 0) throw new AppError('payment_required', { cart_id: cartId });
    assertBalancesCover(cart.balances, cart.totals.total - (session?.amount ?? 0), session !== null);
    const payment: CheckoutPayment | null = session && { ...session, status: 'pending', cart_id: cartId, order_id: null, provider_reference: null };
    const order = await createPendingOrder(tx, snapshot(cart));
    const consumedHolds = await commitCartHoldsToOrder(tx, {
      cartId,
      orderId: order.id,
      lines: order.lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity, order_line_id: l.id })),
    });
    if (payment) updatePaymentAtCommit(tx, payment.id, { status: 'authorizing', order_id: order.id });
    const balancesSpent = cart.balances.applied.some((a) => a.amount > 0);
    // Last, so the balances' and the promotion's row locks, which every buyer of a popular card or
    // code waits for, are held the least.
    await redeemBalances(tx, { orderId: order.id, currencyCode: cart.currency_code, allocation: cart.balances });
    await redeemPromotions(tx, { orderId: order.id, currencyCode: cart.currency_code, customerKey: customerKeyOf(cart)!, applied: cart.totals.promotions.applied });
    const placed = payment ? null : await placeOrder(tx, { id: order.id, cart_id: cart.id }, 'captured', deps.config.orderNumberPrefix, balancesSpent);
    return { order, payment: payment && { ...payment, order_id: order.id }, cart, consumedHolds, balancesSpent, placed };
  });
}

function snapshot(cart: CartState): OrderSnapshot {
  const { totals } = cart;
  return {
    cart_id: cart.id,
    customer_id: cart.customer_id,
    region_id: cart.region_id,
    currency_code: cart.currency_code,
    email: cart.email!,
    tax_inclusive: cart.tax_inclusive,
    shipping_address: cart.shipping_address,
    billing_address: cart.billing_address ?? cart.shipping_address,
    shipping_method: cart.shipping_option && {
      option_id: cart.shipping_option.id,
      name: cart.shipping_option.name,
      amount: totals.shipping_total,
      tax_total: totals.shipping_tax_total,
      tax_rate_ppm: totals.shipping_tax_rate_ppm,
    },
    subtotal: totals.subtotal,
    discount_total: totals.discount_total,
    shipping_total: totals.shipping_total,
    tax_total: totals.tax_total,
    total: totals.total,
    lines: cart.lines.map((line, i) => ({
      variant_id: line.variant_id,
      product_id: line.product_id,
      sku: line.sku,
      title: line.title,
      variant_title: line.variant_title,
      quantity: line.quantity,
      unit_price: line.unit_price!,
      ...totals.lines[i],
    })),
  };
}

/** Step 2's undo: the cart is left exactly as before the attempt, holds included. */
async function undoReserve(deps: CheckoutDeps, started: Started & { payment: CheckoutPayment }, provider: PaymentProvider, error: unknown): Promise<void> {
  const code = error instanceof PaymentError ? error.code : 'provider_error';
  if (code === 'timeout' || code === 'provider_error') {
    // We do not know what the gateway did: void whatever it may have authorized under our reference.
    await provider.cancel({ provider_reference: null, reference: started.payment.id, data: started.payment.data }).catch(() => {});
  }
  await inTransaction(deps.db, async (tx) => {
    await revertOrderToCartHolds(tx, { orderId: started.order.id, cartId: started.cart.id, restoreHolds: started.consumedHolds });
    await releasePromotionUses(tx, started.order.id, 'checkout_undone');
    await restoreRedemptions(tx, started.order.id);
    await discardPendingOrder(tx, started.order.id);
    await updatePaymentWithTransactions(tx, { ...started.payment, order_id: null }, { status: 'failed', order_id: null }, [{
      kind: 'failure', amount: started.payment.amount, error_code: code, error_message: error instanceof Error ? error.message : String(error),
    }]);
  });
}

function paymentFailure(error: unknown): AppError {
  if (!(error instanceof PaymentError)) return new AppError('payment_provider_error', { decline_code: 'provider_error' });
  switch (error.code) {
    case 'card_declined':
    case 'insufficient_funds':
      return new AppError('payment_declined', { decline_code: error.code }, error.message);
    case 'timeout':
      return new AppError('payment_timeout', { decline_code: 'timeout' });
    case 'invalid_payment_data':
      return new AppError('invalid_payment_data', { decline_code: error.code }, error.message);
    default:
      return new AppError('payment_provider_error', { decline_code: error.code });
  }
}

async function tryCapture(provider: PaymentProvider, payment: CheckoutPayment, providerReference: string): Promise<{ provider_reference: string } | null> {
  try {
    return await provider.capture({ provider_reference: providerReference, amount: payment.amount, reference: `${payment.id}_capture` });
  } catch {
    return null;
  }
}

/**
 * Step 4, as the recovery sweep runs it for a payment the gateway says it authorized, with the
 * pending order locked. Returns the order as placed. `balancesSpent` false spares looking for
 * gift-card and store-credit redemptions known to be none.
 */
export async function confirm(
  tx: Tx,
  payment: CheckoutPayment,
  order: PlacingOrder,
  providerReference: string,
  captured: { provider_reference: string } | null,
  orderNumberPrefix: string,
  balancesSpent = true,
): Promise<Order> {
  const { fields, records } = settlement(payment, providerReference, captured);
  await updatePaymentWithTransactions(tx, { ...payment, order_id: order.id }, fields, records);
  return placeOrder(tx, order, fields.status, orderNumberPrefix, balancesSpent);
}

/**
 * Step 4's first statement, in checkout: the order locked (first, as the recovery sweep takes it)
 * and, only if it is still pending (the sweep may have settled or undone the checkout while the
 * gateway was slow to answer), the cart completed and the payment settled. Returns the order's status
 * as locked, null when the order is gone.
 */
async function settleIfPending(tx: Tx, started: Started & { payment: CheckoutPayment }, providerReference: string, captured: { provider_reference: string } | null): Promise<string | null> {
  const payment = { ...started.payment, order_id: started.order.id };
  const { fields, records } = settlement(payment, providerReference, captured);
  const pending = sql<boolean>`(select status from locked_order) = 'pending'`;
  const settle = paymentSettlementSql(tx, payment, fields, records, pending);
  const { rows: [row] } = await sql<{ status: string | null }>`
    with locked_order as (select status from orders where id = ${started.order.id} for update),
      completed as (${cartCompletion(tx, started.cart.id).where(pending)}),
      settled as (${settle.update}),
      logged as (${settle.transactions})
    select (select status from locked_order) as status`.execute(tx);
  if (row.status === 'pending') await recordTransactionEvents(tx, payment, records);
  return row.status;
}

/** What the gateway's answer writes on the payment: its status and amounts, and its transactions. */
function settlement(payment: CheckoutPayment, providerReference: string, captured: { provider_reference: string } | null) {
  const fields = {
    status: captured ? 'captured' as const : 'authorized' as const,
    provider_reference: providerReference,
    authorized_amount: payment.amount,
    captured_amount: captured ? payment.amount : 0,
  };
  const records: TransactionRecord[] = [
    { kind: 'authorization', amount: payment.amount, provider_reference: providerReference },
    ...(captured ? [{ kind: 'capture' as const, amount: payment.amount, provider_reference: captured.provider_reference }] : []),
  ];
  return { fields, records };
}

const cartCompletion = (tx: Tx, cartId: string) => tx.updateTable('cart').set({ completed_at: new Date(), updated_at: new Date() }).where('id', '=', cartId);

/**
 * Records what the order's balances paid as captured payments, completes the cart (unless
 * settleIfPending did, under the order's lock, before the number's), numbers the order
 * and announces it. The number's lock is held to commit and every checkout waits for it: what does not
 * need the number runs before it, and the numbering statement reads what the announcement needs, so
 * only the events' insert runs under it.
 */
async function placeOrder(
  tx: Tx, order: PlacingOrder, paymentStatus: 'captured' | 'authorized', orderNumberPrefix: string, balancesSpent: boolean, { cartCompleted = false } = {},
): Promise<Order> {
  for (const spent of balancesSpent ? await redemptionsOfOrder(tx, order.id) : []) {
    await recordPaymentReceived(tx, {
      orderId: order.id, providerId: BALANCE_PROVIDERS[spent.kind], providerReference: spent.gift_card_id, amount: Number(spent.amount),
      currencyCode: spent.currency_code, captured: true, data: spent.last4 ? { last4: spent.last4 } : {},
    });
  }
  if (!cartCompleted) writeAtCommit(tx, cartCompletion(tx, order.cart_id));
  const placed = await recordOrderPlaced(tx, await confirmOrder(tx, order.id, paymentStatus), orderNumberPrefix);
  await recordEvents(tx, [{ type: 'cart.completed', resource_type: 'cart', resource_id: order.cart_id, payload: { cart_id: order.cart_id, order_id: order.id } }]);
  return placed;
}

/** The pending order being placed, and the cart it completes. */
interface PlacingOrder {
  id: string;
  cart_id: string;
}
