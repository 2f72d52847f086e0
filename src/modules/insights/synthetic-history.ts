/**
 * A synthetic shop history with planted structure, for the evaluation (evaluation.ts): the right
 * answers are known because they were put there. Deterministic for a seed.
 *
 * Orders: customers belong to segments, each with a taste for one category; products have a
 * popularity; some products have a partner bought with them, some form bundles of three.
 * Demand: per variant, a daily series with a level, a trend, a weekly season, promotions (demand
 * lifted for a few days) and stock-outs (days with no sales).
 */
export interface SyntheticOrder { customer_id: string; placed_at: Date; product_ids: string[] }

export interface SyntheticHistory {
  products: string[];
  orders: SyntheticOrder[];
  /** Daily units per variant, day 0 first. */
  demand: number[][];
}

export interface HistorySize { days: number; products: number; categories: number; customers: number; ordersPerDay: number; series: number }

export const FULL_SIZE: HistorySize = { days: 364, products: 240, categories: 8, customers: 4000, ordersPerDay: 60, series: 120 };
export const SMALL_SIZE: HistorySize = { days: 245, products: 80, categories: 4, customers: 600, ordersPerDay: 20, series: 24 };

const START = Date.UTC(2025, 0, 6);
const DAY_MS = 86_400_000;

/** mulberry32: a tiny seeded generator, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(random: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) { k++; p *= random(); }
  return k;
}

/** Fisher–Yates, in place. */
function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Picks an index with probability proportional to its weight. */
function pick(random: () => number, weights: readonly number[], total: number): number {
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

export function generateHistory(seed: number, size: HistorySize): SyntheticHistory {
  const random = seededRandom(seed);
  const products = Array.from({ length: size.products }, (_, i) => `prod_${String(i).padStart(4, '0')}`);
  const category = products.map((_, i) => i % size.categories);
  // Zipf-like popularity, shuffled so it does not follow the category.
  const popularity = shuffle(random, products.map((_, i) => 1 / (1 + i) ** 0.8));
  const inCategory = Array.from({ length: size.categories }, (_, c) => products.map((_, i) => i).filter((i) => category[i] === c));
  const partner = new Map<number, number>();
  const bundle = new Map<number, number[]>();
  for (const members of inCategory) {
    const shuffled = shuffle(random, [...members]);
    // A third of each category in partner pairs (both ways), a sixth in bundles of three.
    const pairs = Math.floor(shuffled.length / 3 / 2) * 2;
    for (let i = 0; i < pairs; i += 2) { partner.set(shuffled[i], shuffled[i + 1]); partner.set(shuffled[i + 1], shuffled[i]); }
    const bundled = shuffled.slice(pairs, pairs + Math.floor(shuffled.length / 6 / 3) * 3);
    for (let i = 0; i < bundled.length; i += 3) for (const m of bundled.slice(i, i + 3)) bundle.set(m, bundled.slice(i, i + 3));
  }
  const segment = Array.from({ length: size.customers }, () => Math.floor(random() * size.categories));
  const activity = Array.from({ length: size.customers }, () => random() ** 2 + 0.05);
  const activityTotal = activity.reduce((a, b) => a + b, 0);
  const popularityTotal = popularity.reduce((a, b) => a + b, 0);
  const categoryWeights = inCategory.map((members) => members.map((i) => popularity[i]));

  const orders: SyntheticOrder[] = [];
  for (let day = 0; day < size.days; day++) {
    const weekday = day % 7;
    const count = poisson(random, size.ordersPerDay * (weekday >= 5 ? 1.3 : 1) * (1 + day / size.days / 2));
    for (let n = 0; n < count; n++) {
      const customer = pick(random, activity, activityTotal);
      const members = inCategory[segment[customer]];
      const weights = categoryWeights[segment[customer]];
      const anchor = random() < 0.8 ? members[pick(random, weights, weights.reduce((a, b) => a + b, 0))] : pick(random, popularity, popularityTotal);
      const basket = new Set([anchor]);
      if (partner.has(anchor) && random() < 0.6) basket.add(partner.get(anchor)!);
      if (bundle.has(anchor) && random() < 0.5) for (const m of bundle.get(anchor)!) basket.add(m);
      if (random() < 0.3) basket.add(members[Math.floor(random() * members.length)]);
      orders.push({
        customer_id: `cus_${customer}`,
        placed_at: new Date(START + day * DAY_MS + Math.floor(random() * DAY_MS)),
        product_ids: [...basket].map((i) => products[i]),
      });
    }
  }

  const demand = Array.from({ length: size.series }, () => {
    const level = 4 + random() * 36;
    const slope = (random() - 0.4) * level / size.days;
    const season = Array.from({ length: 7 }, (_, d) => (d >= 5 ? 0.5 : 0) + (random() - 0.5) * 0.4);
    const series: number[] = [];
    let promotionLeft = 0;
    let stockOutLeft = 0;
    for (let day = 0; day < size.days; day++) {
      if (promotionLeft === 0 && random() < 1 / 60) promotionLeft = 3 + Math.floor(random() * 4);
      if (stockOutLeft === 0 && random() < 1 / 90) stockOutLeft = 2 + Math.floor(random() * 5);
      const lift = promotionLeft > 0 ? 1.8 : 1;
      const expected = Math.max(0, (level + slope * day) * (1 + season[day % 7]) * lift);
      series.push(stockOutLeft > 0 ? 0 : poisson(random, expected));
      if (promotionLeft > 0) promotionLeft--;
      if (stockOutLeft > 0) stockOutLeft--;
    }
    return series;
  });
  return { products, orders, demand };
}
