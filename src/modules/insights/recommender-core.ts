/**
 * The recommender's arithmetic, shared by the shop (recommendation-scores.ts, recommendations.ts) and
 * the evaluation (scripts/eval.ts), so what is measured is what runs.
 *
 * Time decay without rewrites: an order placed at t adds e^(ln2·(t − epoch)/half-life) to a score.
 * Scores grow with time instead of old ones shrinking, so a new order is one addition and never
 * touches older rows, while the ranking is exactly that of weights halving every HALF_LIFE_DAYS
 * (every score is the decayed weight times the same factor). Doubles hold this for ~250 years.
 */
export const DECAY_EPOCH = Date.UTC(2020, 0, 1);
export const HALF_LIFE_DAYS = 90;
const DAY_MS = 86_400_000;

/** A product that may be re-bought (re-recommended to the customer who bought it) carries this tag. */
export const CONSUMABLE_TAG = 'consumable';

export function decayWeight(at: Date): number {
  return 2 ** ((at.getTime() - DECAY_EPOCH) / (HALF_LIFE_DAYS * DAY_MS));
}

export interface ScoreIncrement { product_id: string; score: number }
export interface PairIncrement { product_id: string; other_product_id: string; score: number }

/** What one order adds: each distinct product once to popularity, each ordered pair of them once. */
export function basketIncrements(productIds: readonly string[], placedAt: Date): { popularity: ScoreIncrement[]; pairs: PairIncrement[] } {
  const products = [...new Set(productIds)].sort();
  const weight = decayWeight(placedAt);
  const pairs: PairIncrement[] = [];
  for (const a of products) for (const b of products) if (a !== b) pairs.push({ product_id: a, other_product_id: b, score: weight });
  return { popularity: products.map((product_id) => ({ product_id, score: weight })), pairs };
}

/** A product the recommendations start from, with its popularity and its best co-purchases. */
export interface Seed { popularity: number; pairs: readonly ScoreIncrement[] }

/**
 * Ranks candidates by Σ over seeds of pair score / seed popularity (an estimate of P(bought with the
 * seed), so a customer's rare purchase counts as much as a common one), ties by id; then fills the
 * rest from `popular` (most popular first). `accept` says what may be shown (published, in stock);
 * it is asked in that order, once per candidate, and no more once `limit` are chosen (so what it was
 * asked is all the answer depended on). `exclude` never is shown (the product asked about, what the
 * customer already bought).
 */
export function rankRecommendations(
  input: { seeds: readonly Seed[]; exclude: ReadonlySet<string>; popular: readonly ScoreIncrement[]; accept: (productId: string) => boolean; limit: number },
): string[] {
  const combined = new Map<string, number>();
  for (const seed of input.seeds) {
    if (seed.popularity <= 0) continue;
    for (const pair of seed.pairs) combined.set(pair.product_id, (combined.get(pair.product_id) ?? 0) + pair.score / seed.popularity);
  }
  const ranked = [...combined].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const chosen: string[] = [];
  const seen = new Set<string>();
  for (const id of [...ranked, ...input.popular.map((p) => p.product_id)]) {
    if (chosen.length >= input.limit) break;
    if (seen.has(id) || input.exclude.has(id) || !input.accept(id)) continue;
    seen.add(id);
    chosen.push(id);
  }
  return chosen;
}
