import type { PriceListType } from './schema.ts';

/**
 * The one rule deciding what a unit costs once price lists apply (docs/price-lists.md), used by the
 * Store API's catalog and by the cart read alike, so the price shown is the price charged.
 */

/** A price-list price that may apply: its list is active, in its window, and for this buyer. */
export interface ListPrice {
  price_list_id: string;
  type: PriceListType;
  amount: number;
  min_quantity: number;
}

export interface ResolvedPrice {
  /** What a unit costs. */
  amount: number;
  /** The price before a sale lowered it; null when no sale applies. */
  original_amount: number | null;
  /** The list that set `amount`; null for the variant's own price. */
  price_list_id: string | null;
}

/** The cheapest of `prices`; on a tie, the list with the smaller (older) id, so the answer never depends on row order. */
function cheapest(prices: ListPrice[]): ListPrice | null {
  let best: ListPrice | null = null;
  for (const p of prices) {
    if (!best || p.amount < best.amount || (p.amount === best.amount && p.price_list_id < best.price_list_id)) best = p;
  }
  return best;
}

/**
 * The price of a unit bought `quantity` at a time. Of the prices whose `min_quantity` the quantity
 * reaches: an override list's price replaces the base price (the cheapest override, when several
 * apply), which is the original price; a sale's price applies when it is below that original, and is
 * then shown beside it.
 */
export function resolvePrice(base: number, listPrices: ListPrice[], quantity: number): ResolvedPrice {
  const reached = listPrices.filter((p) => p.min_quantity <= quantity);
  const override = cheapest(reached.filter((p) => p.type === 'override'));
  const original = override?.amount ?? base;
  const sale = cheapest(reached.filter((p) => p.type === 'sale'));
  if (sale && sale.amount < original) return { amount: sale.amount, original_amount: original, price_list_id: sale.price_list_id };
  return { amount: original, original_amount: null, price_list_id: override?.price_list_id ?? null };
}

export interface PriceTier {
  min_quantity: number;
  amount: number;
  price_list_id: string | null;
}

/** The quantities from which a unit costs less than it does for one: what a storefront shows as "from 10: 8.00 each". */
export function priceTiers(base: number, listPrices: ListPrice[]): PriceTier[] {
  const tiers: PriceTier[] = [];
  let current = resolvePrice(base, listPrices, 1).amount;
  const quantities = [...new Set(listPrices.map((p) => p.min_quantity).filter((q) => q > 1))].sort((a, b) => a - b);
  for (const quantity of quantities) {
    const price = resolvePrice(base, listPrices, quantity);
    if (price.amount < current) {
      tiers.push({ min_quantity: quantity, amount: price.amount, price_list_id: price.price_list_id });
      current = price.amount;
    }
  }
  return tiers;
}
