import { sql, type QueryCreator, type RawBuilder, type Updateable } from 'kysely';
import type { Database, Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { encryptJson, encryptNullable } from '../../crypto/data-encryption.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ifGiven } from '../../db/patch.ts';
import { AppError } from '../../errors.ts';
import { canSell } from '../inventory/availability.ts';
import { releaseCartHolds } from '../inventory/reservations.ts';
import { cancelPendingPayments } from '../payments/payments.ts';
import { recordPromotionRemovals } from '../promotions/cart-promotions.ts';
import { regionForNewCart } from '../regions/regions.ts';
import { quoteForCart, type RateDeps } from '../shipping/cart-rates.ts';
import { shippingPrice } from '../shipping/shipping-calculator.ts';
import type { ShippingOptionTable } from '../shipping/schema.ts';
import { LINE_RETURNING, loadCartState, loadWrittenCartState, writeCart, WRITTEN_CART, type CartActor, type CartExtras, type CartState, type CartStateWith, type CartWriteSql } from './cart-query.ts';
import type { CartTable } from './schema.ts';
import type { AddressInput, CreateCartInput, UpdateCartInput } from './shapes.ts';

/** A new cart, owned by `actor` when a customer creates it (the shop's own carts and guests' have no owner). */
export async function createCart(db: Db, input: CreateCartInput, actor: CartActor): Promise<CartState> {
  // One statement and no transaction: the insert picks its region itself, and the cart is read as inserted.
  const id = newId('cart');
  const insert = db.insertInto('cart').columns(['id', 'region_id', 'currency_code', 'email', 'customer_id'])
    .expression(regionForNewCart(db, input).select([
      sql<string>`${id}::text`.as('id'), 'region.id as region_id', 'region.currency_code',
      sql<string | null>`${encryptNullable(input.email)}::text`.as('email'),
      sql<string | null>`${actor === 'system' ? null : actor.customerId}::text`.as('customer_id'),
    ]))
    .returningAll().returning(CART_VERSION);
  return (await loadWrittenCartState(db, id, actor, { cart: insert })) ?? refuseRegion(db, input);
}

/** Says why no region takes a new cart (createCart inserted none). */
async function refuseRegion(db: Db, input: CreateCartInput): Promise<never> {
  if (input.region_id) {
    const region = await db.selectFrom('region').select('currency_code').where('id', '=', input.region_id).executeTakeFirst();
    if (!region) throw new AppError('region_not_found', { field: 'body.region_id', id: input.region_id });
    throw new AppError('invalid_request', { field: 'body.currency_code' }, `body.currency_code must be the region's currency, ${region.currency_code}`);
  }
  if (input.currency_code) throw new AppError('region_not_found', { field: 'body.currency_code', currency_code: input.currency_code }, `No region sells in ${input.currency_code}.`);
  throw new AppError('region_not_found', {}, 'The shop has no region yet: create one in the Admin API.');
}

/**
 * Runs a change to a cart under its row lock, then voids what the change invalidates: the cart's stock
 * holds are released and its payment session cancelled (the amount it was for may no longer be right),
 * so the buyer starts payment again; codes that stopped applying are marked removed. A completed cart,
 * or one being completed, cannot change. `extra`: what the change reads with the cart (cart-query.ts).
 */
export async function changeCart<E = Record<string, never>>(
  db: Db, cartId: string, actor: CartActor, change: (tx: Tx, cart: CartStateWith<E>) => Promise<void>, extra?: CartExtras<E>,
): Promise<CartState> {
  return inTransaction(db, async (tx) => {
    const before = await lockOpenCart(tx, cartId, actor, extra);
    await change(tx, before);
    await voidCheckoutStart(tx, before);
    const after = await loadCartState(tx, cartId, actor);
    await recordPromotionRemovals(tx, cartId, after.totals.promotions.removed);
    return after;
  });
}

/**
 * A change that is one write: the cart's own fields set (cart.updated_at is set with them), and at
 * most one of its lines added, changed or removed.
 */
export interface CartWrite {
  set?: Updateable<CartTable>;
  line?: { id: string; variant_id: string; quantity: number; exists: boolean } | { id: string; removed: true };
}

/**
 * A change that is one write: a line added, changed or removed, the cart's own fields set. Most come
 * with no other change to the cart in between, so none takes the lock: `read` is the cart as read
 * without it (with what the change checks, `extra`), `plan` checks the change against it and returns
 * the write, and the write applies only if the cart row is still the version read; every change leaves
 * a new version of the row, so then nothing came in between. The write is read back by the statement
 * that makes it: two statements, no transaction. When a checkout was started (its holds and payment
 * session go with the change), or another change came in between, the change is planned and written
 * again under the lock (changeCart). `plan` reads what else it needs through the handle it is given.
 */
export async function changeCartInOneWrite<E>(
  db: Db, read: CartStateWith<E>, actor: CartActor, extra: CartExtras<E>, plan: (db: Db, cart: CartStateWith<E>) => Promise<CartWrite>,
): Promise<CartState> {
  assertOpen(read);
  if (!checkoutStarted(read)) {
    const after = await loadWrittenCartState(db, read.id, actor, cartWriteSql(db, read.id, await plan(db, read), read.version));
    if (after) return withRemovalsRecorded(db, after, actor);
  }
  return changeCart(db, read.id, actor, async (tx, cart) => {
    await writeCart(tx, cartWriteSql(tx, cart.id, await plan(tx, cart), null));
  }, extra);
}

/** The cart after a change written without its lock; codes the change made stop applying are then marked removed, under it. */
async function withRemovalsRecorded(db: Db, after: CartState, actor: CartActor): Promise<CartState> {
  if (!after.totals.promotions.removed.some((r) => !r.earlier)) return after;
  return inTransaction(db, async (tx) => {
    const cart = await lockCart(tx, after.id, actor);
    if (!cart.completed_at && !cart.order_status) await recordPromotionRemovals(tx, after.id, cart.totals.promotions.removed);
    return cart;
  });
}

function checkoutStarted(cart: CartState): boolean {
  return Boolean(cart.holds_expire_at || cart.payment_session);
}

/** Voids what starting payment did to the cart: its stock holds are released, its payment session cancelled. */
export async function voidCheckoutStart(tx: Tx, cart: CartState): Promise<void> {
  if (cart.holds_expire_at) await releaseCartHolds(tx, cart.id);
  if (cart.payment_session) await cancelPendingPayments(tx, cart.id);
}

/**
 * Locks the cart row for this transaction (marking it changed) and loads it. Refuses a completed cart,
 * or one whose checkout is running. `actor` as for loadCartState: another customer's cart is not found
 * (and the lock rolls back). Every change under this lock leaves a new version of the cart row (the
 * lock is an UPDATE), which lockCart and changeCartInOneWrite rely on: keep it so.
 */
export async function lockOpenCart<E = Record<string, never>>(tx: Tx, cartId: string, actor: CartActor, extra?: CartExtras<E>): Promise<CartStateWith<E>> {
  const cart = await lockCart(tx, cartId, actor, extra);
  assertOpen(cart);
  return cart;
}

/**
 * Locks a cart read earlier without its lock (marking it changed). When its row is still the version
 * read, nothing changed the cart since and the read stands: one statement. Otherwise the cart is
 * locked and read again (lockOpenCart).
 */
export async function lockCartAsRead<E>(tx: Tx, read: CartStateWith<E>, actor: CartActor, extra?: CartExtras<E>): Promise<CartStateWith<E>> {
  const touched = await touchCart(tx, read.id, read.version).returning('updated_at').executeTakeFirst();
  if (!touched) return lockOpenCart(tx, read.id, actor, extra);
  assertOpen(read);
  return { ...read, updated_at: touched.updated_at };
}

/**
 * The lock and the read in one statement when that is safe. The read must see what the transaction
 * that held the lock before us committed (an order placed, a line added); but a statement that waits
 * for a row lock reads everything else from the snapshot it took before waiting. So the statement
 * locks the row only if it is still the version that snapshot reads: an unchanged row means no change
 * was made under the lock since, and the snapshot is as fresh as a read after the lock. Otherwise (a
 * change committed while we waited) the lock is taken and the cart read again, apart.
 */
async function lockCart<E>(tx: Tx, cartId: string, actor: CartActor, extra?: CartExtras<E>): Promise<CartStateWith<E>> {
  const now = new Date();
  const cart = await loadCartState(tx, cartId, actor, { extra, lockAt: now });
  if (cart.locked) return { ...cart, updated_at: now };
  await tx.updateTable('cart').set({ updated_at: now }).where('id', '=', cartId).execute();
  return loadCartState(tx, cartId, actor, { extra });
}

/** Refuses a change to a completed cart, or to one whose checkout is running. */
function assertOpen(cart: CartState): void {
  if (cart.completed_at || cart.order_status) {
    throw new AppError(cart.order_status === 'pending' ? 'checkout_in_progress' : 'cart_completed', { id: cart.id });
  }
}

/** Sets the cart's fields and marks it changed, while its row is still `version` (null: the caller holds the lock). */
function touchCart(db: QueryCreator<Database>, cartId: string, version: string | null, set: Updateable<CartTable> = {}) {
  const update = db.updateTable('cart').set({ ...set, updated_at: new Date() }).where('id', '=', cartId);
  return version === null ? update : update.where(sql<boolean>`xmin = ${version}::xid`);
}

/** The cart row's version, returned by each write of it (see CartState.version). */
const CART_VERSION = sql<string>`xmin`.as('xmin');

/** The statements of `write`, applied only while the cart row is still `version` (null: the caller holds the lock). */
function cartWriteSql(db: Db, cartId: string, write: CartWrite, version: string | null): CartWriteSql {
  const cart = touchCart(db, cartId, version, write.set).returningAll().returning(CART_VERSION);
  return { cart, line: write.line && lineWriteSql(write.line) };
}

/** A line's write, made only when the cart row's was (its condition applies to both). */
function lineWriteSql(line: NonNullable<CartWrite['line']>) {
  const cartWritten = sql`exists (select 1 from ${WRITTEN_CART})`;
  if ('removed' in line) return sql`delete from cart_line_item where id = ${line.id} and ${cartWritten} returning ${LINE_RETURNING}, true as removed`;
  if (line.exists) {
    return sql`update cart_line_item set quantity = ${line.quantity}::int, updated_at = ${new Date()}
      where id = ${line.id} and ${cartWritten} returning ${LINE_RETURNING}, false as removed`;
  }
  return sql`insert into cart_line_item (id, cart_id, variant_id, quantity)
    select ${line.id}::text, id, ${line.variant_id}::text, ${line.quantity}::int from ${WRITTEN_CART}
    returning ${LINE_RETURNING}, false as removed`;
}

/** The region's countries, read with the cart (`c`) or a region row (`region`). */
const countriesOf = (regionId: RawBuilder<string>) =>
  sql<string[]>`(select coalesce(json_agg(rc.country_code), '[]') from region_country rc where rc.region_id = ${regionId})`;

/** Refuses addresses whose country is not in the region. */
function assertCountriesInRegion(region: { id: string; countries: string[] }, addresses: [string, AddressInput | null | undefined][]) {
  for (const [field, address] of addresses) {
    if (address && !region.countries.includes(address.country_code)) {
      throw new AppError('country_not_in_region', { field: `body.${field}.country_code`, country_code: address.country_code, region_id: region.id });
    }
  }
}

export async function updateCart(db: Db, cartId: string, patch: UpdateCartInput, actor: CartActor): Promise<CartState> {
  const extra = { countries: countriesOf(sql`c.region_id`) };
  return changeCartInOneWrite(db, await loadCartState(db, cartId, actor, { extra }), actor, extra, async (reader, cart) => {
    let region = { id: cart.region_id, currency_code: cart.currency_code, countries: cart.extra.countries };
    if (patch.region_id && patch.region_id !== cart.region_id) {
      assertLinesEditable(cart); // a draft's custom prices are in its currency
      const found = await reader.selectFrom('region').select(['id', 'currency_code', countriesOf(sql`region.id`).as('countries')])
        .where('id', '=', patch.region_id).executeTakeFirst();
      if (!found) throw new AppError('region_not_found', { field: 'body.region_id', id: patch.region_id });
      region = found;
    }
    const shipping = patch.shipping_address !== undefined ? patch.shipping_address : cart.shipping_address;
    const billing = patch.billing_address !== undefined ? patch.billing_address : cart.billing_address;
    assertCountriesInRegion(region, [['shipping_address', shipping as AddressInput | null], ['billing_address', billing as AddressInput | null]]);
    if (region.id !== cart.region_id) {
      for (const line of cart.lines) await assertPriced(reader, line.variant_id, region.currency_code, 'body.region_id');
    }
    return { set: {
      region_id: region.id,
      currency_code: region.currency_code,
      // Personal data is stored encrypted (src/crypto/data-encryption.ts).
      email: ifGiven(patch.email, encryptNullable),
      shipping_address: ifGiven(patch.shipping_address, (address) => address && encryptJson(address)),
      billing_address: ifGiven(patch.billing_address, (address) => address && encryptJson(address)),
      // Shipping options belong to a region: a new region needs a new choice.
      ...(region.id !== cart.region_id ? { shipping_option_id: null } : {}),
    } };
  });
}

async function assertPriced(tx: Db, variantId: string, currency: string, field: string) {
  const price = await tx.selectFrom('product_variant_price').select('amount')
    .where('variant_id', '=', variantId).where('currency_code', '=', currency).executeTakeFirst();
  if (!price) throw new AppError('variant_not_priced', { field, variant_id: variantId, currency_code: currency });
}

/** What selling a variant in the cart (`c`) depends on, read with the cart; null: no such variant. */
interface SellableFacts { status: string; priced: boolean; managed: boolean | null; allow_backorder: boolean | null; available: number; held: number }

/**
 * The variant's product status, whether it has a price in the cart's currency, its availability, and
 * what this cart itself holds of it (released by this change, so available to it).
 */
const sellableFacts = (variantId: RawBuilder<string>) => sql<SellableFacts | null>`(
    select json_build_object('status', p.status,
      'priced', exists (select 1 from product_variant_price vp where vp.variant_id = v.id and vp.currency_code = c.currency_code),
      'managed', i.manage_inventory, 'allow_backorder', i.allow_backorder,
      'available', coalesce((select sum(greatest(l.on_hand - l.committed - l.reserved - l.safety_stock, 0))
        from inventory_level l join stock_location s on s.id = l.location_id and s.active where l.item_id = i.id), 0)::int,
      'held', coalesce((select sum(r.quantity) from inventory_reservation r
        where r.item_id = i.id and r.cart_id = c.id and r.kind = 'hold'), 0)::int)
    from product_variant v join product p on p.id = v.product_id
    left join inventory_item i on i.variant_id = v.id
    where v.id = ${variantId})`;

/** Refuses a variant that cannot be sold in this cart: unknown, unpublished, unpriced, or short of stock. */
function assertSellable(cart: CartState, facts: SellableFacts | null, variantId: string, quantity: number, field: string) {
  if (!facts) throw new AppError('variant_not_found', { field, id: variantId });
  if (facts.status !== 'published') throw new AppError('variant_not_for_sale', { field, variant_id: variantId });
  if (!facts.priced) throw new AppError('variant_not_priced', { field, variant_id: variantId, currency_code: cart.currency_code });
  const availability = { managed: facts.managed ?? true, allow_backorder: facts.allow_backorder ?? false, available: facts.available + facts.held };
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
  const extra = { sellable: sellableFacts(sql`${input.variant_id}::text`) };
  return changeCartInOneWrite(db, await loadCartState(db, cartId, actor, { extra }), actor, extra, async (_reader, cart) => {
    assertLinesEditable(cart);
    const existing = cart.lines.find((l) => l.variant_id === input.variant_id);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (quantity > 10_000) throw new AppError('invalid_request', { field: 'body.quantity' }, 'a line holds at most 10000 units');
    assertSellable(cart, cart.extra.sellable, input.variant_id, quantity, 'body.variant_id');
    return { line: { id: existing?.id ?? newId('cali'), variant_id: input.variant_id, quantity, exists: Boolean(existing) } };
  });
}

export async function updateLineItem(db: Db, cartId: string, lineId: string, input: { quantity: number }, actor: CartActor): Promise<CartState> {
  const extra = { sellable: sellableFacts(sql`(select li.variant_id from cart_line_item li where li.id = ${lineId} and li.cart_id = c.id)`) };
  return changeCartInOneWrite(db, await loadCartState(db, cartId, actor, { extra }), actor, extra, async (_reader, cart) => {
    assertLinesEditable(cart);
    const line = cart.lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('line_item_not_found', { id: lineId });
    if (input.quantity > line.quantity) assertSellable(cart, cart.extra.sellable, line.variant_id, input.quantity, 'body.quantity');
    return { line: { id: lineId, variant_id: line.variant_id, quantity: input.quantity, exists: true } };
  });
}

export async function removeLineItem(db: Db, cartId: string, lineId: string, actor: CartActor): Promise<CartState> {
  return changeCartInOneWrite(db, await loadCartState(db, cartId, actor), actor, {}, async (_reader, cart) => {
    assertLinesEditable(cart);
    if (!cart.lines.some((l) => l.id === lineId)) throw new AppError('line_item_not_found', { id: lineId });
    return { line: { id: lineId, removed: true } };
  });
}

/**
 * For carts changed inside a caller's transaction (draft orders): no carrier is asked while a
 * transaction is open, so calculated options cost their fallback amount there.
 */
export const FALLBACK_RATES_ONLY: RateDeps = { carriers: new Map(), timeoutMs: 0 };

type OptionRow = Pick<ShippingOptionTable, 'id' | 'name' | 'price_type' | 'amount' | 'free_over_amount' | 'carrier_id' | 'carrier_service'>
  & { weight_bands: ShippingOptionTable['weight_bands']['__select__']; rate_markup_ppm: number; rate_markup_amount: number };

/** A shipping option (`so`) as pricing and quoting read it. */
const optionJson = sql`json_build_object('id', so.id, 'name', so.name, 'price_type', so.price_type, 'amount', so.amount,
  'weight_bands', so.weight_bands, 'free_over_amount', so.free_over_amount, 'carrier_id', so.carrier_id, 'carrier_service', so.carrier_service,
  'rate_markup_ppm', so.rate_markup_ppm, 'rate_markup_amount', so.rate_markup_amount)`;

/**
 * The region's active shipping options that apply to the cart, with what each costs it (read with the
 * cart, one statement). Calculated options are quoted by their carriers at once, each within the
 * timeout (or at its fallback).
 */
export async function shippingOptionsForCart(db: Db, cartId: string, actor: CartActor, rates: RateDeps): Promise<{ id: string; name: string; amount: number }[]> {
  const cart = await loadCartState(db, cartId, actor, {
    extra: {
      options: sql<OptionRow[]>`(select coalesce(json_agg(${optionJson} order by so.position, so.name, so.id), '[]')
        from shipping_option so where so.region_id = c.region_id and so.active)`,
    },
  });
  const itemSubtotal = cart.totals.subtotal - cart.totals.discount_total;
  const priced = await Promise.all(cart.extra.options.map(async (option) => {
    const quoted = option.price_type === 'calculated' ? { ...option, amount: (await quoteForCart(db, rates, option, cart)).amount } : option;
    const amount = shippingPrice(quoted, { itemSubtotal, weightGrams: cart.totals.weight_grams });
    return amount === null ? [] : [{ id: option.id, name: option.name, amount }];
  }));
  return priced.flat();
}

/**
 * Chooses a shipping option. A calculated one is quoted first, outside any transaction (none waits on
 * a carrier), and the quote is kept with the parcel and destination it was for.
 */
export async function setShippingMethod(db: Db, cartId: string, optionId: string, actor: CartActor, rates: RateDeps): Promise<CartState> {
  const extra = {
    chosen: sql<OptionRow | null>`(select ${optionJson} from shipping_option so where so.id = ${optionId} and so.region_id = c.region_id and so.active)`,
  };
  const read = await loadCartState(db, cartId, actor, { extra });
  const chosen = read.extra.chosen;
  if (!chosen) throw new AppError('shipping_option_not_found', { field: 'body.option_id', id: optionId });
  const quote = chosen.price_type === 'calculated' ? await quoteForCart(db, rates, chosen, read) : null;
  return changeCartInOneWrite(db, read, actor, extra, async (_reader, cart) => {
    const option = quote ? { ...chosen, amount: quote.amount } : chosen;
    const amount = shippingPrice(option, { itemSubtotal: cart.totals.subtotal - cart.totals.discount_total, weightGrams: cart.totals.weight_grams });
    if (amount === null) throw new AppError('shipping_option_unavailable', { field: 'body.option_id', id: optionId, weight_grams: cart.totals.weight_grams });
    return { set: { shipping_option_id: optionId, shipping_quote: quote ? JSON.stringify(quote) : null } };
  });
}
