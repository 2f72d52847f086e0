import { divideRoundHalfUp, PPM } from '../tax/tax-calculator.ts';
import type { CurrencyAmount, PromotionTarget, PromotionTier, PromotionType } from './schema.ts';

/**
 * What promotions take off a cart, in integer minor units, decided from the cart's lines and the
 * promotions that may apply to it (the cart read loads them). Pure: the same cart and promotions
 * always give the same discounts. The rules are written down in docs/promotions.md:
 * - item promotions first, then order promotions, then shipping promotions; within each, in creation
 *   order; each works on what the ones before it left;
 * - a percentage is rounded half up on the eligible total, a fixed amount is capped at it, and the
 *   amount is spread over the eligible lines by largest remainder, so line discounts sum exactly to
 *   it and no line goes below zero;
 * - a tiered promotion takes the value of the highest tier the subtotal (before discounts) reaches;
 * - buy X get Y: for every X + Y matching units, the Y cheapest units of all get its percent off;
 * - a promotion's budget, and its campaign's budget in the cart's currency (shared with the other
 *   promotions of the campaign on the cart), cap what it takes off;
 * - promotions that do not combine: the cart gets whichever gives the most, either every combinable
 *   promotion together or one that does not combine alone.
 */

/** A promotion as the cart read loads it. `removed_reason` is set on a code that stopped applying earlier. */
export interface CandidatePromotion {
  id: string;
  code: string | null;
  type: PromotionType;
  target: PromotionTarget;
  percent_ppm: number | null;
  amounts: CurrencyAmount[] | null;
  tiers: PromotionTier[];
  buy_quantity: number | null;
  get_quantity: number | null;
  combinable: boolean;
  active: boolean;
  product_ids: string[];
  collection_ids: string[];
  category_ids: string[];
  variant_ids: string[];
  tags: string[];
  customer_group_ids: string[];
  segment_ids: string[];
  first_order_only: boolean;
  min_quantity: number | null;
  /** Its campaign's dates, and the campaign's budget in the cart's currency (`budgeted`: it has a budget in some currency). */
  campaign: CandidateCampaign | null;
  min_subtotals: CurrencyAmount[];
  currency_codes: string[];
  region_ids: string[];
  starts_at: string | Date | null;
  ends_at: string | Date | null;
  usage_limit: number | null;
  usage_count: number;
  budget_amount: number | null;
  budget_currency_code: string | null;
  budget_used: number;
  removed_reason: string | null;
}

export interface CandidateCampaign {
  id: string;
  starts_at: string | Date | null;
  ends_at: string | Date | null;
  budgeted: boolean;
  budget: { amount: number; used: number } | null;
}

export interface DiscountLine {
  /** The line's subtotal before discounts: unit_price × quantity. */
  amount: number;
  unit_price: number;
  quantity: number;
  product_id: string;
  variant_id: string;
  tags: string[];
  collection_id: string | null;
  category_ids: string[];
}

export interface AppliedPromotion {
  promotion_id: string;
  code: string | null;
  type: PromotionType;
  target: PromotionTarget;
  amount: number;
}

/**
 * A code on the cart that does not apply. `earlier`: the cart already recorded it as removed;
 * otherwise it stopped applying since the cart last changed (expired, exhausted…).
 */
export interface RemovedPromotion {
  promotion_id: string;
  code: string;
  reason: string;
  earlier: boolean;
}

export interface PromotionOutcome {
  applied: AppliedPromotion[];
  removed: RemovedPromotion[];
  line_discounts: number[];
  shipping_discount: number;
}

export interface PromotionContext {
  promotions: CandidatePromotion[];
  currency_code: string;
  region_id: string;
  now: Date;
  /** What the conditions on the buyer read (promotions/buyer-facts.ts); a guest has no groups nor segments. */
  buyer: BuyerFacts;
}

export interface BuyerFacts {
  group_ids: string[];
  segment_ids: string[];
  /** No earlier placed, not canceled order by this account or email. */
  first_order: boolean;
}

const TARGET_ORDER: Record<PromotionTarget, number> = { items: 0, order: 1, shipping: 2 };

export function applyPromotions(
  context: PromotionContext,
  lines: DiscountLine[],
  /** The shipping price before discounts, given the items' total after them (free-over thresholds read it). */
  shippingBefore: (itemsAfterDiscount: number) => number,
): PromotionOutcome {
  const removed: RemovedPromotion[] = [];
  const eligible: CandidatePromotion[] = [];
  const subtotal = lines.reduce((n, l) => n + l.amount, 0);
  for (const promotion of context.promotions) {
    if (promotion.removed_reason !== null) {
      removed.push({ promotion_id: promotion.id, code: promotion.code!, reason: promotion.removed_reason, earlier: true });
      continue;
    }
    const reason = ineligibility(promotion, context, lines, subtotal);
    if (reason === null) eligible.push(promotion);
    else if (promotion.code !== null) removed.push({ promotion_id: promotion.id, code: promotion.code, reason, earlier: false });
  }
  eligible.sort((a, b) => TARGET_ORDER[a.target] - TARGET_ORDER[b.target] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const combinable = eligible.filter((p) => p.combinable);
  const choices = [...(combinable.length ? [combinable] : []), ...eligible.filter((p) => !p.combinable).map((p) => [p])];
  let best = discountsOf([], context, lines, shippingBefore);
  for (const choice of choices) {
    const outcome = discountsOf(choice, context, lines, shippingBefore);
    if (totalOf(outcome) > totalOf(best) || best.applied.length === 0) best = outcome;
  }
  const chosen = new Set(best.applied.map((a) => a.promotion_id));
  for (const promotion of eligible) {
    if (!chosen.has(promotion.id) && promotion.code !== null) {
      removed.push({ promotion_id: promotion.id, code: promotion.code, reason: 'not_combinable', earlier: false });
    }
  }
  return { ...best, removed };
}

const totalOf = (o: Omit<PromotionOutcome, 'removed'>) => o.line_discounts.reduce((n, d) => n + d, 0) + o.shipping_discount;

/** Why a promotion does not apply to this cart (docs/promotions.md lists the reasons), or null. */
function ineligibility(p: CandidatePromotion, context: PromotionContext, lines: DiscountLine[], subtotal: number): string | null {
  const { currency_code: currency, now } = context;
  if (!p.active) return 'inactive';
  const campaign = p.campaign;
  if ([p.starts_at, campaign?.starts_at].some((at) => at != null && new Date(at) > now)) return 'not_started';
  if ([p.ends_at, campaign?.ends_at].some((at) => at != null && new Date(at) <= now)) return 'expired';
  if (p.currency_codes.length && !p.currency_codes.includes(currency)) return 'currency';
  if (campaign?.budgeted && campaign.budget === null) return 'currency';
  if (p.region_ids.length && !p.region_ids.includes(context.region_id)) return 'region';
  const { buyer } = context;
  if (p.customer_group_ids.length && !p.customer_group_ids.some((g) => buyer.group_ids.includes(g))) return 'customer_group';
  if (p.segment_ids.length && !p.segment_ids.some((g) => buyer.segment_ids.includes(g))) return 'segment';
  if (p.first_order_only && !buyer.first_order) return 'first_order';
  if (p.tiers.length) {
    const tiers = p.tiers.filter((t) => t.currency_code === currency);
    if (!tiers.length) return 'currency';
    if (!tiers.some((t) => t.min_subtotal <= subtotal)) return 'minimum_subtotal';
  } else if (p.type === 'fixed' && !p.amounts?.some((a) => a.currency_code === currency)) return 'currency';
  if (p.budget_amount !== null && p.budget_currency_code !== currency) return 'currency';
  if (p.min_subtotals.length) {
    const minimum = p.min_subtotals.find((m) => m.currency_code === currency);
    if (!minimum) return 'currency';
    if (subtotal < minimum.amount) return 'minimum_subtotal';
  }
  if ((conditioned(p) || p.target === 'items') && !lines.some((l) => matches(p, l))) return 'no_matching_items';
  const units = lines.filter((l) => matches(p, l)).reduce((n, l) => n + l.quantity, 0);
  if (p.type === 'buy_x_get_y' && units < p.buy_quantity! + p.get_quantity!) return 'minimum_quantity';
  if (p.min_quantity !== null && units < p.min_quantity) return 'minimum_quantity';
  if (p.usage_limit !== null && p.usage_count >= p.usage_limit) return 'exhausted';
  if (p.budget_amount !== null && p.budget_used >= p.budget_amount) return 'exhausted';
  if (campaign?.budget && campaign.budget.used >= campaign.budget.amount) return 'exhausted';
  return null;
}

const conditioned = (p: CandidatePromotion) => p.product_ids.length + p.variant_ids.length + p.collection_ids.length + p.category_ids.length + p.tags.length > 0;

/** A line matches a promotion that names no products, variants, collections, categories or tags, or one of those it names. */
function matches(p: CandidatePromotion, line: DiscountLine): boolean {
  if (!conditioned(p)) return true;
  return p.product_ids.includes(line.product_id)
    || p.variant_ids.includes(line.variant_id)
    || (line.collection_id !== null && p.collection_ids.includes(line.collection_id))
    || line.category_ids.some((c) => p.category_ids.includes(c))
    || line.tags.some((t) => p.tags.includes(t));
}

/** The discounts `promotions` (already in application order) give together. */
function discountsOf(
  promotions: CandidatePromotion[], context: PromotionContext, lines: DiscountLine[], shippingBefore: (items: number) => number,
): Omit<PromotionOutcome, 'removed'> {
  const left = lines.map((l) => l.amount);
  const applied: AppliedPromotion[] = [];
  let shippingLeft: number | null = null;
  let shippingDiscount = 0;
  const subtotal = lines.reduce((n, l) => n + l.amount, 0);
  // What each campaign's budget has left in the cart's currency, shared by its promotions on the cart.
  const campaignLeft = new Map<string, number>();
  for (const tiered of promotions) {
    const p = atTier(tiered, context.currency_code, subtotal);
    const budget = p.campaign?.budget;
    if (budget && !campaignLeft.has(p.campaign!.id)) campaignLeft.set(p.campaign!.id, budget.amount - budget.used);
    const cap = Math.min(
      p.budget_amount === null ? Infinity : p.budget_amount - p.budget_used,
      budget ? campaignLeft.get(p.campaign!.id)! : Infinity,
    );
    let amount: number;
    if (p.target === 'shipping') {
      shippingLeft ??= shippingBefore(left.reduce((n, a) => n + a, 0));
      amount = Math.min(cap, amountOff(p, shippingLeft, context.currency_code));
      shippingLeft -= amount;
      shippingDiscount += amount;
    } else if (p.type === 'buy_x_get_y') {
      const shares = cheapestUnits(p, lines).map((units, i) => Math.min(units * lines[i].unit_price, left[i]));
      amount = Math.min(cap, Number(divideRoundHalfUp(BigInt(shares.reduce((n, s) => n + s, 0)) * BigInt(p.percent_ppm!), BigInt(PPM))));
      allocate(amount, shares).forEach((share, i) => { left[i] -= share; });
    } else {
      const indexes = lines.flatMap((l, i) => (p.target === 'order' || matches(p, l) ? [i] : []));
      const base = indexes.reduce((n, i) => n + left[i], 0);
      amount = Math.min(cap, amountOff(p, base, context.currency_code));
      allocate(amount, indexes.map((i) => left[i])).forEach((share, k) => { left[indexes[k]] -= share; });
    }
    if (budget) campaignLeft.set(p.campaign!.id, campaignLeft.get(p.campaign!.id)! - amount);
    applied.push({ promotion_id: p.id, code: p.code, type: p.type, target: p.target, amount });
  }
  return { applied, line_discounts: lines.map((l, i) => l.amount - left[i]), shipping_discount: shippingDiscount };
}

/** A tiered promotion as the plain one its highest reached tier makes it (the others as they are). */
function atTier(p: CandidatePromotion, currency: string, subtotal: number): CandidatePromotion {
  if (!p.tiers.length) return p;
  const tier = p.tiers.filter((t) => t.currency_code === currency && t.min_subtotal <= subtotal)
    .reduce((best, t) => (t.min_subtotal > best.min_subtotal ? t : best));
  return p.type === 'percentage' ? { ...p, percent_ppm: tier.value } : { ...p, amounts: [{ currency_code: currency, amount: tier.value }] };
}

/**
 * How many units of each line a buy-X-get-Y promotion discounts: of all matching units, one group of
 * X + Y per X + Y units, and the Y per group taken from the cheapest units (the earlier line on a tie).
 */
function cheapestUnits(p: CandidatePromotion, lines: DiscountLine[]): number[] {
  const matching = lines.flatMap((l, i) => (matches(p, l) ? [i] : []));
  const units = matching.reduce((n, i) => n + lines[i].quantity, 0);
  let free = Math.floor(units / (p.buy_quantity! + p.get_quantity!)) * p.get_quantity!;
  const counts = lines.map(() => 0);
  for (const i of [...matching].sort((a, b) => lines[a].unit_price - lines[b].unit_price || a - b)) {
    counts[i] = Math.min(free, lines[i].quantity);
    free -= counts[i];
  }
  return counts;
}

/** What the promotion takes off `base`, never more than base (budgets cap it afterwards). */
function amountOff(p: CandidatePromotion, base: number, currency: string): number {
  if (p.type === 'percentage') return Number(divideRoundHalfUp(BigInt(base) * BigInt(p.percent_ppm!), BigInt(PPM)));
  if (p.type === 'fixed') return Math.min(base, p.amounts!.find((a) => a.currency_code === currency)!.amount);
  return base;
}

/**
 * Spreads `total` over parts in proportion to `weights` by largest remainder: each part gets the floor
 * of its exact share, and the units left over go to the largest fractional remainders (the earlier
 * part on a tie). The parts sum to `total`, and with total ≤ sum(weights) none exceeds its weight.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((n, w) => n + w, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const t = BigInt(total);
  const s = BigInt(sum);
  const parts = weights.map((w) => Number((t * BigInt(w)) / s));
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  let leftOver = total - parts.reduce((n, p) => n + p, 0);
  for (const { i } of remainders) {
    if (leftOver === 0) break;
    parts[i] += 1;
    leftOver -= 1;
  }
  return parts;
}
