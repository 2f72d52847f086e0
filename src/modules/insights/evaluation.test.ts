import { expect, test } from 'vitest';
import { evaluate } from './evaluation.ts';
import { SMALL_SIZE } from './synthetic-history.ts';

/**
 * The evaluation in small (npm run eval runs it in full, docs/insights.md has the figures): on a
 * synthetic history with planted structure, the recommender's hit-rate@10 is at least twice the
 * popularity baseline's, and the forecast's MASE at least 20 % below seasonal-naive's. The seed is
 * fixed, so the figures are the same on every run.
 */
test('recommender and forecaster beat their baselines on a history with a known answer', () => {
  const result = evaluate(7, SMALL_SIZE, { horizon: 14, origins: 4, step: 14 });
  expect(result.frequently_bought_together.queries).toBeGreaterThan(300);
  expect(result.frequently_bought_together.ratio).toBeGreaterThanOrEqual(2);
  expect(result.for_customer.queries).toBeGreaterThan(300);
  expect(result.for_customer.ratio).toBeGreaterThanOrEqual(2);
  expect(result.forecast.improvement).toBeGreaterThanOrEqual(0.2);
  expect(result.forecast.model_wape).toBeLessThan(result.forecast.naive_wape);
});
