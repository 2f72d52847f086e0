import { forecastDemand, seasonalNaive, WEEK } from './holt-winters.ts';
import { basketIncrements, rankRecommendations, type ScoreIncrement, type Seed } from './recommender-core.ts';
import { generateHistory, type HistorySize, type SyntheticOrder } from './synthetic-history.ts';

/**
 * The evaluation of the recommender and the forecaster on a synthetic history (synthetic-history.ts),
 * each against the simple baseline it must beat. `npm run eval` runs it at full size and writes the
 * figures into docs/insights.md; evaluation.test.ts runs a smaller one and asserts the thresholds.
 */
export interface RecommendationScores { queries: number; model: number; popularity: number; ratio: number }
export interface ForecastScores { series: number; origins: number; horizon: number; model_mase: number; naive_mase: number; model_wape: number; naive_wape: number; improvement: number }
export interface Evaluation { size: HistorySize; seed: number; orders: number; frequently_bought_together: RecommendationScores; for_customer: RecommendationScores; forecast: ForecastScores }

const K = 10;

/** Scores built from orders with the shop's own increments (basketIncrements), held in memory. */
class Scores {
  readonly popularity = new Map<string, number>();
  readonly pairs = new Map<string, Map<string, number>>();

  add(order: SyntheticOrder): void {
    const { popularity, pairs } = basketIncrements(order.product_ids, order.placed_at);
    for (const p of popularity) this.popularity.set(p.product_id, (this.popularity.get(p.product_id) ?? 0) + p.score);
    for (const p of pairs) {
      const row = this.pairs.get(p.product_id) ?? new Map<string, number>();
      row.set(p.other_product_id, (row.get(p.other_product_id) ?? 0) + p.score);
      this.pairs.set(p.product_id, row);
    }
  }

  seed(productId: string): Seed {
    const pairs = [...(this.pairs.get(productId) ?? [])].map(([product_id, score]) => ({ product_id, score }));
    return { popularity: this.popularity.get(productId) ?? 0, pairs };
  }

  popular(): ScoreIncrement[] {
    return [...this.popularity].map(([product_id, score]) => ({ product_id, score })).sort((a, b) => b.score - a.score || (a.product_id < b.product_id ? -1 : 1));
  }
}

function ratio(model: number, baseline: number): number {
  return baseline === 0 ? Infinity : model / baseline;
}

/**
 * Held-out orders: the last fifth of the history. "Frequently bought together": from an order's first
 * product, a hit when another product of the order is in the top 10. For the customer: from what they
 * bought before, a hit when a product of the order they had not bought is in the top 10 (what they
 * already bought is never shown). The baseline is the most popular products, under the same rules.
 */
export function evaluateRecommendations(orders: readonly SyntheticOrder[]): { fbt: RecommendationScores; customer: RecommendationScores } {
  const cut = Math.floor(orders.length * 0.8);
  const scores = new Scores();
  const history = new Map<string, Set<string>>();
  for (const order of orders.slice(0, cut)) {
    scores.add(order);
    const bought = history.get(order.customer_id) ?? new Set<string>();
    for (const id of order.product_ids) bought.add(id);
    history.set(order.customer_id, bought);
  }
  const popular = scores.popular();
  const fbt = { queries: 0, model: 0, popularity: 0 };
  const customer = { queries: 0, model: 0, popularity: 0 };
  for (const order of orders.slice(cut)) {
    if (order.product_ids.length > 1) {
      const [seedId, ...rest] = order.product_ids;
      const exclude = new Set([seedId]);
      const model = rankRecommendations({ seeds: [scores.seed(seedId)], exclude, popular, accept: () => true, limit: K });
      const baseline = rankRecommendations({ seeds: [], exclude, popular, accept: () => true, limit: K });
      fbt.queries++;
      if (rest.some((id) => model.includes(id))) fbt.model++;
      if (rest.some((id) => baseline.includes(id))) fbt.popularity++;
    }
    const bought = history.get(order.customer_id);
    const wanted = order.product_ids.filter((id) => !bought?.has(id));
    if (bought && wanted.length) {
      const exclude = new Set(bought);
      const model = rankRecommendations({ seeds: [...bought].map((id) => scores.seed(id)), exclude, popular, accept: () => true, limit: K });
      const baseline = rankRecommendations({ seeds: [], exclude, popular, accept: () => true, limit: K });
      customer.queries++;
      if (wanted.some((id) => model.includes(id))) customer.model++;
      if (wanted.some((id) => baseline.includes(id))) customer.popularity++;
    }
  }
  const rates = (c: typeof fbt): RecommendationScores => ({
    queries: c.queries, model: c.model / c.queries, popularity: c.popularity / c.queries, ratio: ratio(c.model, c.popularity),
  });
  return { fbt: rates(fbt), customer: rates(customer) };
}

/**
 * Rolling-origin backtest: from each origin (every two weeks over the last part of the history), fit
 * on the days before it and forecast the next `horizon`. MASE scales each window's absolute error by
 * the in-sample error of the seasonal-naive forecast one week back; WAPE is Σ|error| / Σ actual.
 */
export function evaluateForecasts(demand: readonly number[][], opts: { horizon: number; origins: number; step: number }): ForecastScores {
  let modelMase = 0;
  let naiveMase = 0;
  let windows = 0;
  let modelError = 0;
  let naiveError = 0;
  let actualTotal = 0;
  for (const series of demand) {
    for (let o = 0; o < opts.origins; o++) {
      const origin = series.length - opts.horizon - o * opts.step;
      const train = series.slice(0, origin);
      const actual = series.slice(origin, origin + opts.horizon);
      const model = forecastDemand(train, opts.horizon).points.map((p) => p.mean);
      const naive = seasonalNaive(train, opts.horizon);
      let scale = 0;
      for (let t = WEEK; t < train.length; t++) scale += Math.abs(train[t] - train[t - WEEK]);
      scale /= train.length - WEEK;
      if (scale === 0) continue;
      const m = actual.reduce((sum, y, i) => sum + Math.abs(y - model[i]), 0);
      const n = actual.reduce((sum, y, i) => sum + Math.abs(y - naive[i]), 0);
      modelMase += m / opts.horizon / scale;
      naiveMase += n / opts.horizon / scale;
      modelError += m;
      naiveError += n;
      actualTotal += actual.reduce((a, b) => a + b, 0);
      windows++;
    }
  }
  return {
    series: demand.length, origins: opts.origins, horizon: opts.horizon,
    model_mase: modelMase / windows, naive_mase: naiveMase / windows,
    model_wape: modelError / actualTotal, naive_wape: naiveError / actualTotal,
    improvement: 1 - modelMase / naiveMase,
  };
}

export function evaluate(seed: number, size: HistorySize, backtest: { horizon: number; origins: number; step: number }): Evaluation {
  const history = generateHistory(seed, size);
  const recommendations = evaluateRecommendations(history.orders);
  return {
    size, seed, orders: history.orders.length,
    frequently_bought_together: recommendations.fbt,
    for_customer: recommendations.customer,
    forecast: evaluateForecasts(history.demand, backtest),
  };
}
