/**
 * Tax arithmetic, in integers only. Rates are parts per million (20 % = 200000). Each line is taxed on
 * its own, then rounded half-up to the currency's minor unit (docs/taxes.md):
 * - exclusive (tax on top): tax = round(net × rate)
 * - inclusive (tax in the price): tax = round(gross × rate / (1 + rate))
 */
export const PPM = 1_000_000;

/** a / b rounded half up, for non-negative integers, exactly (BigInt: a × rate can pass 2^53). */
export function divideRoundHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

export function taxOf(amount: number, ratePpm: number, inclusive: boolean): number {
  if (amount <= 0 || ratePpm <= 0) return 0;
  const a = BigInt(amount);
  const r = BigInt(ratePpm);
  return Number(inclusive ? divideRoundHalfUp(a * r, BigInt(PPM) + r) : divideRoundHalfUp(a * r, BigInt(PPM)));
}

export interface TaxRule {
  country_code: string | null;
  tax_class: string | null;
  rate_ppm: number;
}

export interface TaxRules {
  default_rate_ppm: number;
  rules: TaxRule[];
}

/**
 * The rate for a product of `taxClass` shipped to `countryCode`, most specific first: country and class,
 * then class alone, then country alone, then the region's default.
 */
export function resolveTaxRate(rules: TaxRules, countryCode: string | null, taxClass: string | null): number {
  const find = (country: string | null, cls: string | null) =>
    rules.rules.find((r) => r.country_code === country && r.tax_class === cls);
  const match =
    (countryCode && taxClass ? find(countryCode, taxClass) : undefined) ??
    (taxClass ? find(null, taxClass) : undefined) ??
    (countryCode ? find(countryCode, null) : undefined);
  return match ? match.rate_ppm : rules.default_rate_ppm;
}

/** 8.875 (percent, up to 4 decimals) → 88750 ppm. */
export function percentToPpm(percent: number): number {
  return Math.round(percent * 10_000);
}

export function ppmToPercent(ppm: number): number {
  return ppm / 10_000;
}
