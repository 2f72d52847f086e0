import { expect, test } from 'vitest';
import { basketIncrements, decayWeight, DECAY_EPOCH, HALF_LIFE_DAYS, rankRecommendations } from './recommender-core.ts';

test('the weight doubles every half-life, so an old order counts half as much as one a half-life newer', () => {
  expect(decayWeight(new Date(DECAY_EPOCH))).toBe(1);
  expect(decayWeight(new Date(DECAY_EPOCH + HALF_LIFE_DAYS * 86_400_000))).toBeCloseTo(2, 12);
});

test('an order adds each distinct product once and each ordered pair once', () => {
  const at = new Date(DECAY_EPOCH);
  const { popularity, pairs } = basketIncrements(['b', 'a', 'b'], at);
  expect(popularity).toEqual([{ product_id: 'a', score: 1 }, { product_id: 'b', score: 1 }]);
  expect(pairs).toEqual([{ product_id: 'a', other_product_id: 'b', score: 1 }, { product_id: 'b', other_product_id: 'a', score: 1 }]);
});

test('co-purchases rank first (by share of the seed\'s orders), then popularity fills; seeds and refused products never show', () => {
  const popular = [{ product_id: 'p1', score: 9 }, { product_id: 'x', score: 8 }, { product_id: 'p2', score: 7 }, { product_id: 'c', score: 1 }];
  const seeds = [
    { popularity: 10, pairs: [{ product_id: 'a', score: 2 }, { product_id: 'b', score: 5 }] },
    { popularity: 1, pairs: [{ product_id: 'a', score: 1 }, { product_id: 'x', score: 1 }] },
  ];
  const ranked = rankRecommendations({ seeds, exclude: new Set(['c']), popular, accept: (id) => id !== 'x', limit: 4 });
  // a: 0.2 + 1 = 1.2; b: 0.5; x refused; then p1, p2 from popularity (x refused, c a seed).
  expect(ranked).toEqual(['a', 'b', 'p1', 'p2']);
  expect(rankRecommendations({ seeds: [], exclude: new Set(), popular, accept: () => true, limit: 2 })).toEqual(['p1', 'x']);
});
