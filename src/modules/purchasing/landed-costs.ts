/**
 * Landed costs (docs/purchasing.md): a receipt's extra costs (freight, duty…) spread over the lots it
 * makes, in proportion to each lot's value (units × unit cost) or its units, in whole minor units by
 * the largest remainder method: each lot first gets ⌊total × weight / Σ weights⌋, then the minor units
 * left over go one each to the lots with the largest remainders (ties: the earlier line). The shares
 * always add up to the total exactly.
 */
export function allocateLandedCost(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (total === 0 || sum === 0n) return weights.map(() => 0);
  // BigInt: total × weight can pass 2^53 (a large freight bill over a large order's value).
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const shares = exact.map((x) => x / sum);
  let left = BigInt(total) - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = exact.map((x, i) => ({ i, remainder: x % sum })).sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares.map(Number);
}
