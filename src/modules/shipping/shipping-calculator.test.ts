import { describe, expect, test } from 'vitest';
import { shippingPrice, type PricedOption } from './shipping-calculator.ts';

/** What a shipping option costs a cart (docs/shipping.md). */

const flat = (amount: number, free_over_amount: number | null = null): PricedOption => ({ price_type: 'flat', amount, weight_bands: null, free_over_amount });
const bands = [{ up_to_grams: 1000, amount: 500 }, { up_to_grams: 5000, amount: 900 }, { up_to_grams: 20_000, amount: 1500 }];
const byWeight = (free_over_amount: number | null = null): PricedOption => ({ price_type: 'weight', amount: null, weight_bands: bands, free_over_amount });

describe('flat rate', () => {
  test('costs its amount whatever the cart', () => {
    expect(shippingPrice(flat(495), { itemSubtotal: 0, weightGrams: 0 })).toBe(495);
    expect(shippingPrice(flat(495), { itemSubtotal: 1_000_000, weightGrams: 50_000_000 })).toBe(495);
    expect(shippingPrice(flat(0), { itemSubtotal: 10, weightGrams: 10 })).toBe(0);
  });

  test('free from the threshold on: below pays, equal and above are free', () => {
    const option = flat(495, 5000);
    expect(shippingPrice(option, { itemSubtotal: 4999, weightGrams: 0 })).toBe(495);
    expect(shippingPrice(option, { itemSubtotal: 5000, weightGrams: 0 })).toBe(0);
    expect(shippingPrice(option, { itemSubtotal: 5001, weightGrams: 0 })).toBe(0);
    expect(shippingPrice(option, { itemSubtotal: 0, weightGrams: 0 })).toBe(495);
  });

  test('a threshold of 0 makes it always free', () => {
    expect(shippingPrice(flat(495, 0), { itemSubtotal: 0, weightGrams: 0 })).toBe(0);
  });
});

describe('weight bands: the first band whose upper bound (inclusive) the cart does not pass', () => {
  test.each([
    [0, 500],
    [1, 500],
    [999, 500],
    [1000, 500], // exactly at the bound: still this band
    [1001, 900], // one gram over
    [5000, 900],
    [5001, 1500],
    [20_000, 1500],
  ])('%i g → %i', (grams, price) => {
    expect(shippingPrice(byWeight(), { itemSubtotal: 0, weightGrams: grams })).toBe(price);
  });

  test('heavier than the last band: the option does not apply (null)', () => {
    expect(shippingPrice(byWeight(), { itemSubtotal: 0, weightGrams: 20_001 })).toBeNull();
    // …even when the cart is over the free threshold.
    expect(shippingPrice(byWeight(1000), { itemSubtotal: 1_000_000, weightGrams: 20_001 })).toBeNull();
  });

  test('free from the threshold on, in any band it fits', () => {
    expect(shippingPrice(byWeight(10_000), { itemSubtotal: 9999, weightGrams: 1001 })).toBe(900);
    expect(shippingPrice(byWeight(10_000), { itemSubtotal: 10_000, weightGrams: 1001 })).toBe(0);
    expect(shippingPrice(byWeight(10_000), { itemSubtotal: 10_000, weightGrams: 20_000 })).toBe(0);
  });

  test('bands are read in weight order whatever order they are stored in', () => {
    const shuffled: PricedOption = { ...byWeight(), weight_bands: [bands[2], bands[0], bands[1]] };
    expect(shippingPrice(shuffled, { itemSubtotal: 0, weightGrams: 1000 })).toBe(500);
    expect(shippingPrice(shuffled, { itemSubtotal: 0, weightGrams: 1001 })).toBe(900);
    expect(shippingPrice(shuffled, { itemSubtotal: 0, weightGrams: 20_001 })).toBeNull();
  });

  test('a band can start at 0 g: only weightless carts', () => {
    const option: PricedOption = { price_type: 'weight', amount: null, weight_bands: [{ up_to_grams: 0, amount: 0 }, { up_to_grams: 500, amount: 300 }], free_over_amount: null };
    expect(shippingPrice(option, { itemSubtotal: 0, weightGrams: 0 })).toBe(0);
    expect(shippingPrice(option, { itemSubtotal: 0, weightGrams: 1 })).toBe(300);
  });
});
