import { applyPromotions, type AppliedPromotion, type DiscountLine, type PromotionContext, type RemovedPromotion } from '../promotions/discounts.ts';
import type { PricedOption } from '../shipping/shipping-calculator.ts';
import { shippingPrice } from '../shipping/shipping-calculator.ts';
import { resolveTaxRate, taxOf, type TaxRules } from '../tax/tax-calculator.ts';

/**
 * Every amount of a cart, computed from its lines and the region's rules; nothing a client sends is
 * trusted. Integer minor units throughout; tax per line, then on shipping, each rounded half-up
 * (docs/taxes.md). Promotions come off first (promotions/discounts.ts), so tax is on the discounted
 * amounts in both tax modes; shipping discounts lower shipping_total (docs/promotions.md).
 */
export interface LineInput extends Omit<DiscountLine, 'amount'> {
  unit_price: number;
  quantity: number;
  tax_class: string | null;
  weight_grams: number | null;
  /** A gift card sold: no tax on it (tax is due when the card is spent), docs/gift-cards.md. */
  gift_card?: boolean;
}

export interface LineTotals {
  subtotal: number;
  discount_total: number;
  tax_rate_ppm: number;
  tax_total: number;
  total: number;
}

export interface CartTotals {
  lines: LineTotals[];
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  /** False when the chosen option does not apply to this cart (too heavy for its bands): no shipping then. */
  shipping_applies: boolean;
  shipping_tax_total: number;
  shipping_tax_rate_ppm: number;
  tax_total: number;
  total: number;
  weight_grams: number;
  /** The promotions that apply, and the codes on the cart that do not, with why. */
  promotions: { applied: AppliedPromotion[]; removed: RemovedPromotion[] };
}

/** Shipping is taxed at the rate of tax class `shipping` if the region has one, else the default. */
export const SHIPPING_TAX_CLASS = 'shipping';

export function computeCartTotals(input: {
  lines: LineInput[];
  taxInclusive: boolean;
  rules: TaxRules;
  countryCode: string | null;
  shipping: PricedOption | null;
  promotions: PromotionContext;
}): CartTotals {
  const weight = input.lines.reduce((n, l) => n + (l.weight_grams ?? 0) * l.quantity, 0);
  const priceShipping = (itemSubtotal: number) => (input.shipping ? shippingPrice(input.shipping, { itemSubtotal, weightGrams: weight }) : null);
  const promotions = applyPromotions(
    input.promotions,
    input.lines.map((l) => ({ amount: l.unit_price * l.quantity, unit_price: l.unit_price, quantity: l.quantity, product_id: l.product_id, variant_id: l.variant_id, tags: l.tags, collection_id: l.collection_id, category_ids: l.category_ids })),
    (items) => priceShipping(items) ?? 0,
  );
  const lines = input.lines.map((line, i) => {
    const subtotal = line.unit_price * line.quantity;
    const discount = promotions.line_discounts[i];
    const rate = line.gift_card ? 0 : resolveTaxRate(input.rules, input.countryCode, line.tax_class);
    const tax = taxOf(subtotal - discount, rate, input.taxInclusive);
    return {
      subtotal,
      discount_total: discount,
      tax_rate_ppm: rate,
      tax_total: tax,
      total: subtotal - discount + (input.taxInclusive ? 0 : tax),
    };
  });
  const sum = (pick: (l: LineTotals) => number) => lines.reduce((n, l) => n + pick(l), 0);
  const subtotal = sum((l) => l.subtotal);
  const discount = sum((l) => l.discount_total);
  const price = priceShipping(subtotal - discount);
  const shipping = (price ?? 0) - promotions.shipping_discount;
  const shippingRate = resolveTaxRate(input.rules, input.countryCode, SHIPPING_TAX_CLASS);
  const shippingTax = taxOf(shipping, shippingRate, input.taxInclusive);
  const tax = sum((l) => l.tax_total) + shippingTax;
  return {
    lines,
    subtotal,
    discount_total: discount,
    shipping_total: shipping,
    shipping_applies: price !== null,
    shipping_tax_total: shippingTax,
    shipping_tax_rate_ppm: shippingRate,
    tax_total: tax,
    total: subtotal - discount + shipping + (input.taxInclusive ? 0 : tax),
    weight_grams: weight,
    promotions: { applied: promotions.applied, removed: promotions.removed },
  };
}
