import type { WeightBand } from './schema.ts';

export interface PricedOption {
  /** calculated: `amount` is the rate the cart was quoted (carrier-rates.ts), priced like a flat one. */
  price_type: 'flat' | 'weight' | 'calculated';
  amount: number | null;
  weight_bands: WeightBand[] | null;
  free_over_amount: number | null;
}

/**
 * What an option costs for a cart, or null when it does not apply (a weight option whose heaviest band
 * is below the cart's weight). `itemSubtotal` is the items' subtotal after discounts, in the region's
 * currency (tax included when the region's prices include tax), as the free-shipping threshold reads it.
 */
export function shippingPrice(option: PricedOption, cart: { itemSubtotal: number; weightGrams: number }): number | null {
  let price: number;
  if (option.price_type !== 'weight') {
    price = option.amount ?? 0;
  } else {
    const band = [...(option.weight_bands ?? [])].sort((a, b) => a.up_to_grams - b.up_to_grams)
      .find((b) => cart.weightGrams <= b.up_to_grams);
    if (!band) return null;
    price = band.amount;
  }
  if (option.free_over_amount !== null && cart.itemSubtotal >= option.free_over_amount) return 0;
  return price;
}
