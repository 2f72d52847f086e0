import { describe, expect, test } from 'vitest';
import { divideRoundHalfUp, percentToPpm, ppmToPercent, resolveTaxRate, taxOf, type TaxRules } from './tax-calculator.ts';

/** The tax arithmetic (docs/taxes.md): integer only, each amount rounded half up to the minor unit. */

describe('taxOf, tax added on top (exclusive): round(net × rate)', () => {
  test.each([
    // [net, rate ppm, tax, exact value]
    [1, 200_000, 0], // 0.2
    [2, 200_000, 0], // 0.4
    [3, 200_000, 1], // 0.6
    [25, 20_000, 1], // 0.5: half goes up
    [24, 20_000, 0], // 0.48
    [75, 20_000, 2], // 1.5
    [1000, 200_000, 200],
    [1999, 88_750, 177], // 177.41125
    [1_000_000, 88_750, 88_750],
    [100, 1_000_000, 100], // 100 %
    [12_345, 1, 0], // 0.012345
  ])('%i at %i ppm → %i', (net, rate, tax) => {
    expect(taxOf(net, rate, false)).toBe(tax);
  });
});

describe('taxOf, tax inside the price (inclusive): round(gross × rate / (1 + rate))', () => {
  test.each([
    [1200, 200_000, 200],
    [1000, 190_000, 160], // 159.66…
    [1190, 190_000, 190],
    [999, 70_000, 65], // 65.355…
    [1, 200_000, 0], // 0.1666…
    [3, 1_000_000, 2], // 1.5: half goes up
    [1, 1_000_000, 1], // 0.5
    [1, 190_000, 0], // 0.159…
  ])('%i at %i ppm → %i', (gross, rate, tax) => {
    expect(taxOf(gross, rate, true)).toBe(tax);
  });
});

describe('taxOf edges', () => {
  test('nothing to tax, or no rate, is no tax', () => {
    for (const inclusive of [false, true]) {
      expect(taxOf(0, 200_000, inclusive)).toBe(0);
      expect(taxOf(-500, 200_000, inclusive)).toBe(0);
      expect(taxOf(1000, 0, inclusive)).toBe(0);
    }
  });

  test('amounts far beyond 2^53 / 10^6 stay exact (the products pass 2^53; floats would drift)', () => {
    const MAX = Number.MAX_SAFE_INTEGER; // 9 007 199 254 740 991
    expect(taxOf(MAX, 200_000, false)).toBe(1_801_439_850_948_198); // …198.2
    expect(taxOf(9_007_199_254_740_985, 100_000, false)).toBe(900_719_925_474_099); // …098.5, half up
    expect(taxOf(MAX, 88_750, false)).toBe(799_388_933_858_263);
    expect(taxOf(123_456_789_012, 88_750, false)).toBe(10_956_790_025); // …024.815
    expect(taxOf(MAX, 190_000, true)).toBe(1_438_124_250_756_965);
    expect(taxOf(MAX, 1_000_000, true)).toBe(4_503_599_627_370_496); // …495.5, half up
  });

  test('divideRoundHalfUp rounds halves up and everything else to the nearest', () => {
    expect(divideRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundHalfUp(4n, 3n)).toBe(1n);
    expect(divideRoundHalfUp(5n, 3n)).toBe(2n);
    expect(divideRoundHalfUp(0n, 7n)).toBe(0n);
    expect(divideRoundHalfUp(10n ** 30n + 5n, 10n)).toBe(10n ** 29n + 1n);
  });
});

describe('percent ↔ parts per million', () => {
  test.each([
    [8.875, 88_750],
    [19, 190_000],
    [20, 200_000],
    [0, 0],
    [100, 1_000_000],
    [0.0001, 1],
    [12.3456, 123_456],
    [7.7, 77_000],
    [0.1, 1000],
  ])('%d %% ↔ %i ppm, both ways exactly', (percent, ppm) => {
    expect(percentToPpm(percent)).toBe(ppm);
    expect(ppmToPercent(ppm)).toBe(percent);
  });
});

describe('resolveTaxRate: country and class, then class, then country, then the default', () => {
  const rules: TaxRules = {
    default_rate_ppm: 190_000,
    rules: [
      { country_code: 'DE', tax_class: null, rate_ppm: 160_000 },
      { country_code: null, tax_class: 'reduced', rate_ppm: 70_000 },
      { country_code: 'AT', tax_class: 'reduced', rate_ppm: 100_000 },
      { country_code: 'AT', tax_class: null, rate_ppm: 200_000 },
      { country_code: 'FR', tax_class: 'books', rate_ppm: 55_000 },
    ],
  };

  test.each([
    ['AT', 'reduced', 100_000, 'country and class'],
    ['DE', 'reduced', 70_000, 'class alone beats country alone'],
    ['FR', 'reduced', 70_000, 'class alone'],
    [null, 'reduced', 70_000, 'class alone, no country known yet'],
    ['DE', null, 160_000, 'country alone'],
    ['DE', 'books', 160_000, 'no rule for the class here: the country'],
    ['AT', 'luxury', 200_000, 'an unknown class: the country'],
    ['FR', 'books', 55_000, 'country and class'],
    ['FR', null, 190_000, 'a class rule does not apply to unclassed products'],
    [null, 'books', 190_000, 'a country-and-class rule needs the country'],
    ['US', null, 190_000, 'the default'],
    [null, null, 190_000, 'the default'],
  ])('%s / %s → %i (%s)', (country, cls, rate, _why) => {
    expect(resolveTaxRate(rules, country, cls)).toBe(rate);
  });

  test('no rules: always the default', () => {
    expect(resolveTaxRate({ default_rate_ppm: 0, rules: [] }, 'DE', 'reduced')).toBe(0);
  });
});
