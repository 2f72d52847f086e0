import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { encryptJson, encryptNullable } from '../../crypto/data-encryption.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ifGiven } from '../../db/patch.ts';
import { AppError } from '../../errors.ts';
import { canSell } from '../inventory/availability.ts';
import { releaseCartHolds } from '../inventory/reservations.ts';
import { cancelPendingPayments } from '../payments/payments.ts';
import { recordPromotionRemovals } from '../promotions/cart-promotions.ts';
import { findDefaultRegion, findRegionForCurrency } from '../regions/regions.ts';
import { quoteForCart, type RateDeps } from '../shipping/cart-rates.ts';
import { shippingPrice } from '../shipping/shipping-calculator.ts';
import { loadCartState, type CartActor, type CartState } from './cart-query.ts';
import type { AddressInput, CreateCartInput, UpdateCartInput } from './shapes.ts';

/** A new cart, owned by `actor` when a customer creates it (the shop's own carts and guests' have no owner). */
export async function createCart(db: Db, input: CreateCartInput, actor: CartActor): Promise<CartState> {
  // A single insert: no transaction needed (two round trips fewer on the busiest route).
  let region: { id: string; currency_code: string } | null;
  if (input.region_id) {
    region = await db.selectFrom('region').select(['id', 'currency_code']).where('id', '=', input.region_id).executeTakeFirst() ?? null;
    if (!region) throw new AppError('region_not_found', { field: 'body.region_id', id: input.region_id });
    if (input.currency_code && input.currency_code !== region.currency_code) {
      throw new AppError('invalid_request', { field: 'body.currency_code' }, `body.currency_code must be the region's currency, ${region.currency_code}`);
    }
  } else if (input.currency_code) {
    region = await findRegionForCurrency(db, input.currency_code);
    if (!region) throw new AppError('region_not_found', { field: 'body.currency_code', currency_code: input.currency_code }, `No region sells in ${input.currency_code}.`);
  } else {
    region = await findDefaultRegion(db);
    if (!region) throw new AppError('region_not_found', {}, 'The shop has no region yet: create one in the Admin API.');
  }
  const id = newId('cart');
  await db.insertInto('cart').values({
    id, region_id: region.id, currency_code: region.currency_code, email: encryptNullable(input.email), customer_id: actor === 'system' ? null : actor.customerId,
  }).execute();
  return loadCartState(db, id, actor);
}

/**
 * Runs a change to a cart under its row lock, then voids what the change invalidates: the cart's stock
 * holds are released and its payment session cancelled (the amount it was for may no longer be right),
 * so the buyer starts payment again; codes that stopped applying are marked removed. A completed cart,
 * or one being completed, cannot change.
 */
export async function changeCart(db: Db, cartId: string, actor: CartActor, change: (tx: Tx, cart: CartState) => Promise<void>): Promise<CartState> {
  return inTransaction(db, async (tx) => {
    const before = await lockOpenCart(tx, cartId, actor);
    await change(tx, before);
    await voidCheckoutStart(tx, before);
    const after = await loadCartState(tx, cartId, actor);
    await recordPromotionRemovals(tx, cartId, after.totals.promotions.removed);
    return after;
  });
}

/** Voids what starting payment did to the cart: its stock holds are released, its payment session cancelled. */
export async function voidCheckoutStart(tx: Tx, cart: CartState): Promise<void> {
  if (cart.holds_expire_at) await releaseCartHolds(tx, cart.id);
  if (cart.payment_session) await cancelPendingPayments(tx, cart.id);
}

/**
 * Locks the cart row for this transaction (marking it changed) and loads it. Refuses a completed cart,
 * or one whose checkout is running. The load is a separate statement on purpose: it takes a fresh
 * snapshot after the lock is granted, so it sees an order committed by the transaction we waited for.
 * `actor` as for loadCartState: another customer's cart is not found (and the lock rolls back).
 */
export async function lockOpenCart(tx: Tx, cartId: string, actor: CartActor): Promise<CartState> {
  const locked = await tx.updateTable('cart').set({ updated_at: new Date() }).where('id', '=', cartId).returning('id').executeTakeFirst();
  if (!locked) throw new AppError('cart_not_found', { id: cartId });
  const cart = await loadCartState(tx, cartId, actor);
  if (cart.completed_at || cart.order_status) {
    throw new AppError(cart.order_status === 'pending' ? 'checkout_in_progress' : 'cart_completed', { id: cartId });
  }
  return cart;
}

/** Refuses addresses whose country is not in the region (one query for both addresses). */
async function assertCountriesInRegion(tx: Tx, regionId: string, addresses: [string, AddressInput | null | undefined][]) {
  const given = addresses.filter((a): a is [string, AddressInput] => Boolean(a[1]));
  if (given.length === 0) return;
  const inRegion = new Set((await tx.selectFrom('region_country').select('country_code')
    .where('region_id', '=', regionId).where('country_code', 'in', given.map(([, a]) => a.country_code)).execute()).map((r) => r.country_code));
  for (const [field, address] of given) {
    if (!inRegion.has(address.country_code)) {
      throw new AppError('country_not_in_region', { field: `body.${field}.country_code`, country_code: address.country_code, region_id: regionId });
    }
  }
}

export async function updateCart(db: Db, cartId: string, patch: UpdateCartInput, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    let regionId = cart.region_id;
    let currency = cart.currency_code;
    if (patch.region_id && patch.region_id !== cart.region_id) {
      assertLinesEditable(cart); // a draft's custom prices are in its currency
      const region = await tx.selectFrom('region').select(['id', 'currency_code']).where('id', '=', patch.region_id).executeTakeFirst();
      if (!region) throw new AppError('region_not_found', { field: 'body.region_id', id: patch.region_id });
      regionId = region.id;
      currency = region.currency_code;
    }
    const shipping = patch.shipping_address !== undefined ? patch.shipping_address : cart.shipping_address;
    const billing = patch.billing_address !== undefined ? patch.billing_address : cart.billing_address;
    await assertCountriesInRegion(tx, regionId, [['shipping_address', shipping as AddressInput | null], ['billing_address', billing as AddressInput | null]]);
    if (regionId !== cart.region_id) {
      for (const line of cart.lines) await assertPriced(tx, line.variant_id, currency, 'body.region_id');
    }
    await tx.updateTable('cart').set({
      region_id: regionId,
      currency_code: currency,
      // Personal data is stored encrypted (src/crypto/data-encryption.ts).
      email: ifGiven(patch.email, encryptNullable),
      shipping_address: ifGiven(patch.shipping_address, (address) => address && encryptJson(address)),
      billing_address: ifGiven(patch.billing_address, (address) => address && encryptJson(address)),
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
  // One read: the variant's product status, its price in the cart's currency, its availability, and what
  // this cart itself holds of it (released by this change, so available to it).
  const found = await sql<{ status: string; priced: boolean; managed: boolean | null; allow_backorder: boolean | null; available: number; held: number }>`
    select p.status,
      exists (select 1 from product_variant_price vp where vp.variant_id = v.id and vp.currency_code = ${cart.currency_code}) as priced,
      i.manage_inventory as managed, i.allow_backorder,
      coalesce((select sum(greatest(l.on_hand - l.committed - l.reserved - l.safety_stock, 0))
        from inventory_level l join stock_location s on s.id = l.location_id and s.active where l.item_id = i.id), 0)::int as available,
      coalesce((select sum(r.quantity) from inventory_reservation r
        where r.item_id = i.id and r.cart_id = ${cart.id} and r.kind = 'hold'), 0)::int as held
    from product_variant v join product p on p.id = v.product_id
    left join inventory_item i on i.variant_id = v.id
    where v.id = ${variantId}`.execute(tx);
  const row = found.rows[0];
  if (!row) throw new AppError('variant_not_found', { field, id: variantId });
  if (row.status !== 'published') throw new AppError('variant_not_for_sale', { field, variant_id: variantId });
  if (!row.priced) throw new AppError('variant_not_priced', { field, variant_id: variantId, currency_code: cart.currency_code });
  const availability = { managed: row.managed ?? true, allow_backorder: row.allow_backorder ?? false, available: row.available + row.held };
  if (!canSell(availability, quantity)) {
    throw new AppError('insufficient_inventory', { field, variant_id: variantId, requested: quantity, available: availability.available });
  }
}

/** A draft order's cart keeps the lines and prices staff set (draft-carts.ts). */
function assertLinesEditable(cart: CartState): void {
  if (cart.draft_order_id) throw new AppError('cart_locked', { id: cart.id, draft_order_id: cart.draft_order_id });
}

/** Adds a line; a variant already in the cart has its quantity increased instead. */
export async function addLineItem(db: Db, cartId: string, input: { variant_id: string; quantity: number }, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    assertLinesEditable(cart);
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

export async function updateLineItem(db: Db, cartId: string, lineId: string, input: { quantity: number }, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    assertLinesEditable(cart);
    const line = cart.lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('line_item_not_found', { id: lineId });
    if (input.quantity > line.quantity) await assertSellable(tx, cart, line.variant_id, input.quantity, 'body.quantity');
    await tx.updateTable('cart_line_item').set({ quantity: input.quantity, updated_at: new Date() }).where('id', '=', lineId).execute();
  });
}

export async function removeLineItem(db: Db, cartId: string, lineId: string, actor: CartActor): Promise<CartState> {
  return changeCart(db, cartId, actor, async (tx, cart) => {
    assertLinesEditable(cart);
    if (!cart.lines.some((l) => l.id === lineId)) throw new AppError('line_item_not_found', { id: lineId });
    await tx.deleteFrom('cart_line_item').where('id', '=', lineId).execute();
  });
}

/**
 * For carts changed inside a caller's transaction (draft orders): no carrier is asked while a
 * transaction is open, so calculated options cost their fallback amount there.
 */
export const FALLBACK_RATES_ONLY: RateDeps = { carriers: new Map(), timeoutMs: 0 };

const optionColumns = ['id', 'name', 'price_type', 'amount', 'weight_bands', 'free_over_amount', 'carrier_id', 'carrier_service', 'rate_markup_ppm', 'rate_markup_amount'] as const;

/**
 * The region's active shipping options that apply to the cart, with what each costs it. Calculated
 * options are quoted by their carriers at once, each within the timeout (or at its fallback).
 */
export async function shippingOptionsForCart(db: Db, cartId: string, actor: CartActor, rates: RateDeps): Promise<{ id: string; name: string; amount: number }[]> {
  const cart = await loadCartState(db, cartId, actor);
  const options = await db.selectFrom('shipping_option').select(optionColumns)
    .where('region_id', '=', cart.region_id).where('active', '=', true)
    .orderBy('position').orderBy('name').orderBy('id')
    .execute();
  const itemSubtotal = cart.totals.subtotal - cart.totals.discount_total;
  const priced = await Promise.all(options.map(async (option) => {
    const quoted = option.price_type === 'calculated' ? { ...option, amount: (await quoteForCart(db, rates, option, cart)).amount } : option;
    const amount = shippingPrice(quoted, { itemSubtotal, weightGrams: cart.totals.weight_grams });
    return amount === null ? [] : [{ id: option.id, name: option.name, amount }];
  }));
  return priced.flat();
}

/**
 * Chooses a shipping option. A calculated one is quoted first, outside the transaction (no transaction
 * waits on a carrier), and the quote is kept with the parcel and destination it was for.
 */
export async function setShippingMethod(db: Db, cartId: string, optionId: string, actor: CartActor, rates: RateDeps): Promise<CartState> {
  const current = await loadCartState(db, cartId, actor);
  const chosen = await db.selectFrom('shipping_option').select(optionColumns)
    .where('id', '=', optionId).where('region_id', '=', current.region_id).where('active', '=', true)
    .executeTakeFirst();
  if (!chosen) throw new AppError('shipping_option_not_found', { field: 'body.option_id', id: optionId });
  const quote = chosen.price_type === 'calculated' ? await quoteForCart(db, rates, chosen, current) : null;
  return changeCart(db, cartId, actor, async (tx, cart) => {
    const option = quote ? { ...chosen, amount: quote.amount } : chosen;
    const amount = shippingPrice(option, { itemSubtotal: cart.totals.subtotal - cart.totals.discount_total, weightGrams: cart.totals.weight_grams });
    if (amount === null) throw new AppError('shipping_option_unavailable', { field: 'body.option_id', id: optionId, weight_grams: cart.totals.weight_grams });
    await tx.updateTable('cart').set({ shipping_option_id: optionId, shipping_quote: quote ? JSON.stringify(quote) : null }).where('id', '=', cartId).execute();
  });
}
