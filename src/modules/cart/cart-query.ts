import { sql, type OperationNodeSource, type RawBuilder, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { decryptJson, decryptNullable } from '../../crypto/data-encryption.ts';
import type { ProductTable, ProductVariantPriceTable, ProductVariantTable } from '../catalog/schema.ts';
import { allocateBalances, type BalanceAllocation, type BalanceSource } from '../gift-cards/allocation.ts';
import { applicableListPricesSql } from '../pricing/applicable-prices.ts';
import { resolvePrice, type ListPrice } from '../pricing/price-rule.ts';
import { loadBuyerFacts } from '../promotions/buyer-facts.ts';
import type { CandidatePromotion } from '../promotions/discounts.ts';
import type { ShippingQuote } from '../shipping/carrier-rates.ts';
import { quotedAmount } from '../shipping/cart-rates.ts';
import type { PricedOption } from '../shipping/shipping-calculator.ts';
import { ppmToPercent, type TaxRule } from '../tax/tax-calculator.ts';
import { computeCartTotals, type CartTotals } from './cart-totals.ts';
import type { Address, CartLineItemTable } from './schema.ts';
import type { Cart } from './shapes.ts';

/**
 * The cart read: the cart with its lines, their variants, products and prices in the cart's currency,
 * the region's tax settings and rates, the chosen shipping option, the open payment session and the
 * holds, in one SQL statement; then every amount computed (cart-totals.ts). Checkout snapshots orders
 * from the same state, so what the buyer saw is what the order says.
 */
type Line = Selectable<CartLineItemTable>;
type Variant = Selectable<ProductVariantTable>;
type Product = Selectable<ProductTable>;

/** A line as the cart read joins it: the line, its variant and product, and its price (null: none in the cart's currency). */
export interface CartLineState extends Pick<Line, 'id' | 'variant_id' | 'quantity'>, Pick<Variant, 'sku' | 'weight_grams' | 'length_mm' | 'width_mm' | 'height_mm'>, Pick<Product, 'title' | 'tax_class' | 'collection_id' | 'gift_card'> {
  tags: string[];
  product_id: Product['id'];
  category_ids: string[];
  variant_title: Variant['title'];
  unit_price: Selectable<ProductVariantPriceTable>['amount'] | null;
  product_status: Product['status'];
}

export interface CartState {
  id: string;
  /**
   * The cart row's version as read (its `xmin`): every change to a cart leaves a new version of its
   * row, so a write guarded by this applies only if no change came in since (carts.ts).
   */
  version: string;
  region_id: string;
  currency_code: string;
  email: string | null;
  shipping_address: Address | null;
  billing_address: Address | null;
  customer_id: string | null;
  /** Set when the cart is a draft order's (staff set its lines and prices; the buyer cannot change them). */
  draft_order_id: string | null;
  shipping_option: (PricedOption & { id: string; name: string }) | null;
  shipping_option_id: string | null;
  /** The carrier rate quoted for a calculated option (shipping/cart-rates.ts). */
  shipping_quote: ShippingQuote | null;
  tax_inclusive: boolean;
  default_tax_rate_ppm: number;
  tax_rules: TaxRule[];
  lines: CartLineState[];
  /** The codes entered on the cart and the automatic promotions running now (promotions/discounts.ts decides which apply). */
  promotions: CandidatePromotion[];
  /** The open payment session, with what checkout needs to take it to the gateway. */
  payment_session: { id: string; provider_id: string; status: string; amount: number; currency_code: string; data: Record<string, unknown> } | null;
  holds_expire_at: Date | string | null;
  completed_at: Date | null;
  /** The status of the cart's order, if checkout has created one. */
  order_status: string | null;
  created_at: Date;
  updated_at: Date;
  totals: CartTotals;
  /** The gift cards and store credit applied, and what each pays of the total (gift-cards/allocation.ts). */
  balances: BalanceAllocation;
}

/**
 * Who asks for a cart: a customer (`customerId`), a guest (`customerId: null`), or the shop's own work
 * (`'system'`: staff tools, emails, draft orders), which may read any cart. A cart that belongs to a
 * customer is theirs alone: anyone else is told it does not exist (a guest cart's id is its buyer's
 * key). Every cart service requires one, so a new caller cannot turn the check off by leaving it out.
 */
export type CartActor = { customerId: string | null } | 'system';

/** Values a caller reads with the cart, in the same statement: by name, each a scalar SQL expression that may use the cart as `c`. */
export type CartExtras<E> = { [K in keyof E]: RawBuilder<E[K]> };

export interface CartReadOptions<E> {
  extra?: CartExtras<E>;
  /**
   * Also locks the cart row in the same statement, marking it changed at this time, but only if the
   * row is still the version this statement's snapshot reads; `locked` says whether it was (see
   * lockOpenCart in carts.ts for why a version that moved on needs a fresh read).
   */
  lockAt?: Date;
}

/**
 * A write read back by the statement that makes it (carts.ts): `cart` writes the cart row and returns
 * it as written (`returning *, xmin`); `line`, run only when `cart` wrote (it reads WRITTEN_CART),
 * writes one line and returns it (LINE_RETURNING). The statement's other reads see the cart as it was
 * before, so the read takes the cart row and that line from what the writes return.
 */
export interface CartWriteSql {
  cart: OperationNodeSource;
  line?: OperationNodeSource;
}

/** The names the writes' statements go by in the read (see CartWriteSql). */
export const WRITTEN_CART = sql.raw('written_cart');
const WRITTEN_LINE = sql.raw('written_line');
/** A line as the cart read takes it: what a line's write returns, with `removed` (whether it deleted the line). */
export const LINE_RETURNING = sql.raw('id, cart_id, variant_id, quantity, unit_price_override, created_at');

export type CartStateWith<E> = CartState & { extra: E; locked: boolean };

export async function loadCartState<E = Record<string, never>>(db: Db, cartId: string, actor: CartActor, options: CartReadOptions<E> = {}): Promise<CartStateWith<E>> {
  const cart = await readCartState(db, cartId, actor, options);
  if (!cart) throw new AppError('cart_not_found', { id: cartId });
  return cart;
}

/** Writes the cart and reads it as written, in one statement; null when the write did not apply. */
export async function loadWrittenCartState(db: Db, cartId: string, actor: CartActor, written: CartWriteSql): Promise<CartState | null> {
  return readCartState(db, cartId, actor, {}, written);
}

/** Makes the writes alone (the caller holds the cart's lock and reads it after). */
export async function writeCart(db: Db, written: CartWriteSql): Promise<void> {
  await sql`${writesFirst(written)} select 1`.execute(db);
}

function writesFirst(written: CartWriteSql) {
  const line = written.line ? sql`, ${WRITTEN_LINE} as (${written.line})` : sql``;
  return sql`with ${WRITTEN_CART} as (${written.cart})${line}`;
}

function cartSource(cartId: string, options: CartReadOptions<unknown>, written?: CartWriteSql) {
  if (written) return { with: writesFirst(written), cart: sql`${WRITTEN_CART} c`, where: sql`true` };
  const lock = options.lockAt && sql`with locked as (
      update cart set updated_at = ${options.lockAt} where id = ${cartId} and xmin = (select c0.xmin from cart c0 where c0.id = ${cartId}) returning id)`;
  return { with: lock ?? sql``, cart: sql`cart c`, where: sql`c.id = ${cartId}` };
}

/** The cart's lines: as stored, or with the line the statement wrote in place of the stored one. */
function linesSource(written?: CartWriteSql) {
  if (!written?.line) return sql`cart_line_item`;
  return sql`(select ${LINE_RETURNING} from cart_line_item where id not in (select id from ${WRITTEN_LINE})
    union all select ${LINE_RETURNING} from ${WRITTEN_LINE} where not removed)`;
}

async function readCartState<E>(db: Db, cartId: string, actor: CartActor, options: CartReadOptions<E>, written?: CartWriteSql): Promise<CartStateWith<E> | null> {
  const now = new Date();
  const extras = Object.entries(options.extra ?? {}) as [string, RawBuilder<unknown>][];
  const source = cartSource(cartId, options, written);
  const result = await sql<Omit<CartState, 'totals' | 'balances'> & { balance_sources: BalanceSource[]; store_credit_source: BalanceSource | null; locked: boolean }>`
    ${source.with}
    select c.id, c.xmin::text as version, ${options.lockAt ? sql`exists (select 1 from locked)` : sql`false`} as locked, c.region_id, c.currency_code, c.email, c.shipping_address, c.billing_address, c.shipping_option_id, c.shipping_quote, c.customer_id, c.draft_order_id,
      c.completed_at, c.created_at, c.updated_at, r.tax_inclusive, r.default_tax_rate_ppm,
      coalesce((select json_agg(json_build_object('country_code', t.country_code, 'tax_class', t.tax_class, 'rate_ppm', t.rate_ppm))
        from tax_rate t where t.region_id = c.region_id), '[]') as tax_rules,
      (select json_build_object('id', so.id, 'name', so.name, 'price_type', so.price_type, 'amount', so.amount,
          'weight_bands', so.weight_bands, 'free_over_amount', so.free_over_amount, 'carrier_id', so.carrier_id)
        from shipping_option so where so.id = c.shipping_option_id and so.active and so.region_id = c.region_id) as shipping_option,
      coalesce((select json_agg(json_build_object(
          'id', li.id, 'variant_id', li.variant_id, 'product_id', p.id, 'sku', v.sku, 'title', p.title,
          'variant_title', v.title, 'quantity', li.quantity, 'unit_price', coalesce(li.unit_price_override, vp.amount), 'product_status', p.status,
          'list_prices', case when li.unit_price_override is null and vp.amount is not null
            then ${applicableListPricesSql({ variant: sql`v.id`, currency: sql`c.currency_code`, customer: sql`c.customer_id` }, now)} end,
          'tax_class', p.tax_class, 'weight_grams', v.weight_grams, 'length_mm', v.length_mm, 'width_mm', v.width_mm, 'height_mm', v.height_mm, 'collection_id', p.collection_id, 'tags', p.tags, 'gift_card', p.gift_card,
          'category_ids', coalesce((select json_agg(pca.category_id) from product_category_assignment pca where pca.product_id = p.id), '[]')) order by li.created_at, li.id)
        from ${linesSource(written)} li
        join product_variant v on v.id = li.variant_id
        join product p on p.id = v.product_id
        left join product_variant_price vp on vp.variant_id = v.id and vp.currency_code = c.currency_code
        where li.cart_id = c.id), '[]') as lines,
      coalesce((select json_agg(json_build_object('id', pr.id, 'code', pr.code, 'type', pr.type, 'target', pr.target, 'percent_ppm', pr.percent_ppm,
          'amounts', pr.amounts, 'tiers', pr.tiers, 'buy_quantity', pr.buy_quantity, 'get_quantity', pr.get_quantity, 'combinable', pr.combinable, 'active', pr.active, 'product_ids', pr.product_ids, 'collection_ids', pr.collection_ids,
          'category_ids', pr.category_ids, 'variant_ids', pr.variant_ids, 'tags', pr.tags, 'customer_group_ids', pr.customer_group_ids, 'segment_ids', pr.segment_ids,
          'first_order_only', pr.first_order_only, 'min_quantity', pr.min_quantity, 'min_subtotals', pr.min_subtotals,
          'campaign', (select json_build_object('id', ca.id, 'starts_at', ca.starts_at, 'ends_at', ca.ends_at,
              'budgeted', exists (select 1 from promotion_campaign_budget b where b.campaign_id = ca.id),
              'budget', (select json_build_object('amount', b.amount, 'used', b.used) from promotion_campaign_budget b where b.campaign_id = ca.id and b.currency_code = c.currency_code))
            from promotion_campaign ca where ca.id = pr.campaign_id), 'currency_codes', pr.currency_codes, 'region_ids', pr.region_ids,
          'starts_at', pr.starts_at, 'ends_at', pr.ends_at, 'usage_limit', pr.usage_limit, 'usage_count', pr.usage_count,
          'budget_amount', pr.budget_amount, 'budget_currency_code', pr.budget_currency_code, 'budget_used', pr.budget_used,
          'removed_reason', cp.removed_reason) order by cp.created_at nulls first, pr.id)
        from promotion pr left join cart_promotion cp on cp.promotion_id = pr.id and cp.cart_id = c.id
        where cp.cart_id is not null or (pr.code is null and pr.active and (pr.ends_at is null or pr.ends_at > ${now}))), '[]') as promotions,
      (select json_build_object('id', pay.id, 'provider_id', pay.provider_id, 'status', pay.status, 'amount', pay.amount,
          'currency_code', pay.currency_code, 'data', pay.data)
        from payment pay where pay.cart_id = c.id and pay.status in ('pending', 'authorizing')
        order by pay.created_at desc limit 1) as payment_session,
      (select min(h.expires_at) from inventory_reservation h where h.cart_id = c.id and h.kind = 'hold') as holds_expire_at,
      (select o.status from orders o where o.cart_id = c.id) as order_status,
      coalesce((select json_agg(json_build_object('id', g.id, 'kind', g.kind, 'last4', g.last4, 'currency_code', g.currency_code, 'balance', g.balance,
          'status', g.status, 'expires_at', g.expires_at, 'cap', null) order by cg.created_at, g.id)
        from cart_gift_card cg join gift_card g on g.id = cg.gift_card_id where cg.cart_id = c.id), '[]') as balance_sources,
      (select json_build_object('id', g.id, 'kind', g.kind, 'last4', null, 'currency_code', g.currency_code, 'balance', g.balance,
          'status', g.status, 'expires_at', g.expires_at, 'cap', cs.amount)
        from cart_store_credit cs join gift_card g on g.kind = 'store_credit' and g.customer_id = c.customer_id and g.currency_code = c.currency_code
        where cs.cart_id = c.id) as store_credit_source
      ${sql.join(extras.map(([name, value]) => sql`, ${value} as ${sql.ref(`extra_${name}`)}`), sql``)}
    from ${source.cart} join region r on r.id = c.region_id
    where ${source.where}`.execute(db);
  const stored = withListPrices(result.rows[0]);
  if (!stored) return null;
  if (actor !== 'system' && stored.customer_id !== null && stored.customer_id !== actor.customerId) {
    throw new AppError('cart_not_found', { id: cartId });
  }
  const { balance_sources, store_credit_source, ...rest } = stored;
  const fields = rest as typeof rest & Record<string, unknown>;
  const extra = Object.fromEntries(extras.map(([name]) => [name, fields[`extra_${name}`]])) as E;
  for (const [name] of extras) delete fields[`extra_${name}`];
  const row = {
    ...rest,
    email: decryptNullable(stored.email),
    shipping_address: decryptJson<Address>(stored.shipping_address as unknown as { enc: string } | null),
    billing_address: decryptJson<Address>(stored.billing_address as unknown as { enc: string } | null),
  };
  if (row.shipping_option?.price_type === 'calculated') {
    row.shipping_option = { ...row.shipping_option, amount: quotedAmount(row.shipping_option, row.shipping_quote, row) };
  }
  const totals = computeCartTotals({
    lines: row.lines.map((l) => ({ ...l, unit_price: purchasable(l) ? l.unit_price! : 0 })),
    taxInclusive: row.tax_inclusive,
    rules: { default_rate_ppm: row.default_tax_rate_ppm, rules: row.tax_rules },
    countryCode: row.shipping_address?.country_code ?? null,
    shipping: row.shipping_option,
    promotions: { promotions: row.promotions, currency_code: row.currency_code, region_id: row.region_id, now, buyer: await loadBuyerFacts(db, { cart_id: row.id, customer_id: row.customer_id, email: row.email }, row.promotions) },
  });
  const sources = store_credit_source ? [...balance_sources, store_credit_source] : balance_sources;
  const balances = allocateBalances(sources.map((b) => ({ ...b, balance: Number(b.balance), cap: b.cap === null ? null : Number(b.cap) })), totals.total, row.currency_code, now);
  return { ...row, shipping_option: totals.shipping_applies ? row.shipping_option : null, totals, balances, extra };
}

/** Each line's price with the price lists applying to it (pricing/price-rule.ts); a draft's custom price stays. */
function withListPrices<T extends { lines: (CartLineState & { list_prices?: ListPrice[] | null })[] }>(row: T | undefined): T | undefined {
  if (!row) return row;
  return {
    ...row,
    lines: row.lines.map(({ list_prices, ...line }) => (list_prices?.length ? { ...line, unit_price: resolvePrice(line.unit_price!, list_prices, line.quantity).amount } : line)),
  };
}

export function purchasable(line: Pick<CartLineState, 'unit_price' | 'product_status'>): boolean {
  return line.unit_price !== null && line.product_status === 'published';
}

export function toCartResponse(state: CartState): Cart {
  const { totals } = state;
  return {
    id: state.id,
    region_id: state.region_id,
    currency_code: state.currency_code,
    tax_inclusive: state.tax_inclusive,
    email: state.email,
    items: state.lines.map((line, i) => ({
      id: line.id,
      variant_id: line.variant_id,
      product_id: line.product_id,
      sku: line.sku,
      title: line.title,
      variant_title: line.variant_title,
      quantity: line.quantity,
      unit_price: purchasable(line) ? line.unit_price! : 0,
      subtotal: totals.lines[i].subtotal,
      discount_total: totals.lines[i].discount_total,
      tax_rate: ppmToPercent(totals.lines[i].tax_rate_ppm),
      tax_total: totals.lines[i].tax_total,
      total: totals.lines[i].total,
      purchasable: purchasable(line),
    })),
    shipping_address: state.shipping_address,
    billing_address: state.billing_address,
    shipping_method: state.shipping_option
      ? { option_id: state.shipping_option.id, name: state.shipping_option.name, amount: totals.shipping_total }
      : null,
    payment_session: state.payment_session && {
      id: state.payment_session.id, provider_id: state.payment_session.provider_id,
      status: state.payment_session.status, amount: state.payment_session.amount,
    },
    holds_expire_at: state.holds_expire_at,
    subtotal: totals.subtotal,
    discount_total: totals.discount_total,
    shipping_total: totals.shipping_total,
    tax_total: totals.tax_total,
    total: totals.total,
    gift_cards: state.balances.applied.filter((b) => b.kind === 'gift_card').map((b) => ({ last4: b.last4!, amount: b.amount, problem: b.problem })),
    gift_card_total: state.balances.applied.filter((b) => b.kind === 'gift_card').reduce((n, b) => n + b.amount, 0),
    store_credit_total: state.balances.applied.filter((b) => b.kind === 'store_credit').reduce((n, b) => n + b.amount, 0),
    amount_due: totals.total - state.balances.total,
    weight_grams: totals.weight_grams,
    promotions: totals.promotions.applied.map((p) => ({ promotion_id: p.promotion_id, code: p.code, type: p.type, target: p.target, amount: p.amount })),
    removed_promotions: totals.promotions.removed.map((p) => ({ promotion_id: p.promotion_id, code: p.code, reason: p.reason })),
    completed_at: state.completed_at,
    created_at: state.created_at,
    updated_at: state.updated_at,
  };
}
