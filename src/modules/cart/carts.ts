import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { availabilityOfVariants, canSell } from '../inventory/availability.ts';
import { releaseCartHolds } from '../inventory/reservations.ts';
import { cancelPendingPayments } from '../payments/payments.ts';
import { findDefaultRegion, findRegionForCurrency } from '../regions/regions.ts';
import { shippingPrice } from '../shipping/shipping-calculator.ts';
import { loadCartState, type CartState } from './cart-query.ts';
import type { AddressInput, CreateCartInput, UpdateCartInput } from './shapes.ts';

export async function createCart(db: Db, input: CreateCartInput): Promise<CartState> {
  return inTransaction(db, async (tx) => {
    let region: { id: string; currency_code: string } | null;
    if (input.region_id) {
      region = await tx.selectFrom('region').select(['id', 'currency_code']).where('id', '=', input.region_id).executeTakeFirst() ?? null;
      if (!region) throw new AppError('region_not_found', { field: 'body.region_id', id: input.region_id });
      if (input.currency_code && input.currency_code !== region.currency_code) {
        throw new AppError('invalid_request', { field: 'body.currency_code' }, `body.currency_code must be the region's currency, ${region.currency_code}`);
      }
    } else if (input.currency_code) {
      region = await findRegionForCurrency(tx, input.currency_code);
      if (!region) throw new AppError('region_not_found', { field: 'body.currency_code', currency_code: input.currency_code }, `No region sells in ${input.currency_code}.`);
    } else {
      region = await findDefaultRegion(tx);
      if (!region) throw new AppError('region_not_found', {}, 'The shop has no region yet: create one in the Admin API.');
    }
    const id = newId('cart');
    await tx.insertInto('cart').values({ id, region_id: region.id, currency_code: region.currency_code, email: input.email ?? null }).execute();
    return loadCartState(tx, id);
  });
}

/**
 * Runs a change to a cart under its row lock, then voids what the change invalidates: the cart's stock
 * holds are released and its payment session cancelled (the amount it was for may no longer be right),
 * so the buyer starts payment again. A completed cart, or one being completed, cannot change.
 */
export async function changeCart(db: Db, cartId: string, change: (tx: Tx, cart: CartState) => Promise<void>): Promise<CartState> {
  return inTransaction(db, async (tx) => {
    await lockOpenCart(tx, cartId);
    const before = await loadCartState(tx, cartId);
    await change(tx, before);
    await releaseCartHolds(tx, cartId);
    await cancelPendingPayments(tx, cartId);
    await tx.updateTable('cart').set({ updated_at: new Date() }).where('id', '=', cartId).execute();
    return loadCartState(tx, cartId);
  });
}

/** Locks the cart row for this transaction; refuses a completed cart or one whose checkout is running. */
export async function lockOpenCart(tx: Tx, cartId: string): Promise<void> {
  const cart = await tx.selectFrom('cart').select(['id', 'completed_at']).where('id', '=', cartId).forUpdate().executeTakeFirst();
  if (!cart) throw new AppError('cart_not_found', { id: cartId });
  if (cart.completed_at) throw new AppError('cart_completed', { id: cartId });
  const order = await tx.selectFrom('orders').select(['id', 'status']).where('cart_id', '=', cartId).executeTakeFirst();
  if (order) throw new AppError(order.status === 'pending' ? 'checkout_in_progress' : 'cart_completed', { id: cartId });
}

async function assertCountryInRegion(tx: Tx, regionId: string, address: AddressInput | null | undefined, field: string) {
  if (!address) return;
  const found = await tx.selectFrom('region_country').select('region_id').where('country_code', '=', address.country_code).executeTakeFirst();
  if (found?.region_id !== regionId) {
    throw new AppError('country_not_in_region', { field: `body.${field}.country_code`, country_code: address.country_code, region_id: regionId });
  }
}

export async function updateCart(db: Db, cartId: string, patch: UpdateCartInput): Promise<CartState> {
  return changeCart(db, cartId, async (tx, cart) => {
    let regionId = cart.region_id;
    let currency = cart.currency_code;
    if (patch.region_id && patch.region_id !== cart.region_id) {
      const region = await tx.selectFrom('region').select(['id', 'currency_code']).where('id', '=', patch.region_id).executeTakeFirst();
      if (!region) throw new AppError('region_not_found', { field: 'body.region_id', id: patch.region_id });
      regionId = region.id;
      currency = region.currency_code;
    }
    const shipping = patch.shipping_address !== undefined ? patch.shipping_address : cart.shipping_address;
    const billing = patch.billing_address !== undefined ? patch.billing_address : cart.billing_address;
    await assertCountryInRegion(tx, regionId, shipping as AddressInput | null, 'shipping_address');
    await assertCountryInRegion(tx, regionId, billing as AddressInput | null, 'billing_address');
    if (regionId !== cart.region_id) {
      for (const line of cart.lines) await assertPriced(tx, line.variant_id, currency, 'body.region_id');
    }
    await tx.updateTable('cart').set({
      region_id: regionId,
      currency_code: currency,
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.shipping_address !== undefined ? { shipping_address: patch.shipping_address && JSON.stringify(patch.shipping_address) } : {}),
      ...(patch.billing_address !== undefined ? { billing_address: patch.billing_address && JSON.stringify(patch.billing_address) } : {}),
      // Shipping options belong to a region: a new region needs a new choice.
      ...(regionId !== cart.region_id ? { shipping_option_id: null } : {}),
    }).where('id', '=', cartId).execute();
  });
}

async function assertPriced(tx: Db, variantId: string, currency: string, field: string) {
  const price = await tx.selectFrom('product_variant_price').select('amount')
    .where('variant_id', '=', variantId).where('currency_code', '=', currency).executeTakeFirst();
  if (!price) throw new AppError('variant_not_priced', { field, variant_id: variantId, currency_code: currency });
}

/** Refuses a variant that cannot be sold in this cart: unknown, unpublished, unpriced, or short of stock. */
async function assertSellable(tx: Tx, cart: CartState, variantId: string, quantity: number, field: string) {
  const variant = await tx.selectFrom('product_variant as v').innerJoin('product as p', 'p.id', 'v.product_id')
    .select(['v.id', 'p.status']).where('v.id', '=', variantId).executeTakeFirst();
  if (!variant) throw new AppError('variant_not_found', { field, id: variantId });
  if (variant.status !== 'published') throw new AppError('variant_not_for_sale', { field, variant_id: variantId });
  await assertPriced(tx, variantId, cart.currency_code, field);
  const availability = (await availabilityOfVariants(tx, [variantId])).get(variantId)!;
  // The cart's own holds are released by this change, so they count as available to it.
  const ownHold = await tx.selectFrom('inventory_reservation as r').innerJoin('inventory_item as i', 'i.id', 'r.item_id')
    .select(sql<number>`coalesce(sum(r.quantity), 0)::int`.as('held'))
    .where('r.cart_id', '=', cart.id).where('r.kind', '=', 'hold').where('i.variant_id', '=', variantId)
    .executeTakeFirstOrThrow();
  const effective = { ...availability, available: availability.available + ownHold.held };
  if (!canSell(effective, quantity)) {
    throw new AppError('insufficient_inventory', { field, variant_id: variantId, requested: quantity, available: effective.available });
  }
}

/** Adds a line; a variant already in the cart has its quantity increased instead. */
export async function addLineItem(db: Db, cartId: string, input: { variant_id: string; quantity: number }): Promise<CartState> {
  return changeCart(db, cartId, async (tx, cart) => {
    const existing = cart.lines.find((l) => l.variant_id === input.variant_id);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (quantity > 10_000) throw new AppError('invalid_request', { field: 'body.quantity' }, 'a line holds at most 10000 units');
    await assertSellable(tx, cart, input.variant_id, quantity, 'body.variant_id');
    if (existing) {
      await tx.updateTable('cart_line_item').set({ quantity, updated_at: new Date() }).where('id', '=', existing.id).execute();
    } else {
      await tx.insertInto('cart_line_item').values({ id: newId('cali'), cart_id: cartId, variant_id: input.variant_id, quantity }).execute();
    }
  });
}

export async function updateLineItem(db: Db, cartId: string, lineId: string, input: { quantity: number }): Promise<CartState> {
  return changeCart(db, cartId, async (tx, cart) => {
    const line = cart.lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('line_item_not_found', { id: lineId });
    if (input.quantity > line.quantity) await assertSellable(tx, cart, line.variant_id, input.quantity, 'body.quantity');
    await tx.updateTable('cart_line_item').set({ quantity: input.quantity, updated_at: new Date() }).where('id', '=', lineId).execute();
  });
}

export async function removeLineItem(db: Db, cartId: string, lineId: string): Promise<CartState> {
  return changeCart(db, cartId, async (tx, cart) => {
    if (!cart.lines.some((l) => l.id === lineId)) throw new AppError('line_item_not_found', { id: lineId });
    await tx.deleteFrom('cart_line_item').where('id', '=', lineId).execute();
  });
}

/** The region's active shipping options that apply to the cart, with what each costs it. */
export async function shippingOptionsForCart(db: Db, cartId: string): Promise<{ id: string; name: string; amount: number }[]> {
  const cart = await loadCartState(db, cartId);
  const options = await db.selectFrom('shipping_option')
    .select(['id', 'name', 'price_type', 'amount', 'weight_bands', 'free_over_amount'])
    .where('region_id', '=', cart.region_id).where('active', '=', true)
    .orderBy('position').orderBy('name').orderBy('id')
    .execute();
  const itemSubtotal = cart.totals.subtotal - cart.totals.discount_total;
  return options.flatMap((option) => {
    const amount = shippingPrice(option, { itemSubtotal, weightGrams: cart.totals.weight_grams });
    return amount === null ? [] : [{ id: option.id, name: option.name, amount }];
  });
}

export async function setShippingMethod(db: Db, cartId: string, optionId: string): Promise<CartState> {
  return changeCart(db, cartId, async (tx, cart) => {
    const option = await tx.selectFrom('shipping_option')
      .select(['id', 'name', 'price_type', 'amount', 'weight_bands', 'free_over_amount'])
      .where('id', '=', optionId).where('region_id', '=', cart.region_id).where('active', '=', true)
      .executeTakeFirst();
    if (!option) throw new AppError('shipping_option_not_found', { field: 'body.option_id', id: optionId });
    const amount = shippingPrice(option, { itemSubtotal: cart.totals.subtotal - cart.totals.discount_total, weightGrams: cart.totals.weight_grams });
    if (amount === null) throw new AppError('shipping_option_unavailable', { field: 'body.option_id', id: optionId, weight_grams: cart.totals.weight_grams });
    await tx.updateTable('cart').set({ shipping_option_id: optionId }).where('id', '=', cartId).execute();
  });
}
