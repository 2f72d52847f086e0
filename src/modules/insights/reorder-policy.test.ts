import { expect, test } from 'vitest';
import type { ForecastPoint } from './holt-winters.ts';
import { reorderAdvice } from './reorder-policy.ts';

const flat = (perDay: number, days: number): ForecastPoint[] => Array.from({ length: days }, (_, i) => ({ h: i + 1, mean: perDay, lower: perDay, upper: perDay }));

test('reorder point = lead-time demand + z·σ·√L; the suggestion refills to it plus the review period', () => {
  // 10 a day, 4 days' lead time, σ 3, 95 %: safety = ceil(1.6449 × 3 × 2) = ceil(9.87) = 10; point = 40 + 10.
  const advice = reorderAdvice({ points: flat(10, 14), sigma: 3, available: 35, leadTimeDays: 4, reviewDays: 7, serviceLevel: 0.95 });
  expect(advice).toEqual({
    mean_daily_demand: 10, safety_stock: 10, reorder_point: 50, suggested_quantity: 50 + 70 - 35, days_of_cover: 3.5, below_reorder_point: true,
  });
});

test('above the reorder point: nothing to order; cover walks the forecast day by day', () => {
  const points = [...flat(5, 3), ...flat(20, 11)].map((p, i) => ({ ...p, h: i + 1 }));
  const advice = reorderAdvice({ points, sigma: 0, available: 100, leadTimeDays: 2, reviewDays: 7, serviceLevel: 0.9 });
  expect(advice.reorder_point).toBe(10);
  expect(advice.safety_stock).toBe(0);
  expect(advice.suggested_quantity).toBe(0);
  expect(advice.below_reorder_point).toBe(false);
  // 15 in three days, then 20 a day: 85 left lasts 4.25 more days.
  expect(advice.days_of_cover).toBeCloseTo(7.25, 9);
});

test('no forecast demand: no cover figure, no order; past the horizon, cover runs on at the mean', () => {
  expect(reorderAdvice({ points: flat(0, 14), sigma: 0, available: 3, leadTimeDays: 7, reviewDays: 7, serviceLevel: 0.95 }))
    .toMatchObject({ reorder_point: 0, suggested_quantity: 0, days_of_cover: null, below_reorder_point: false });
  expect(reorderAdvice({ points: flat(1, 14), sigma: 0, available: 30, leadTimeDays: 7, reviewDays: 7, serviceLevel: 0.95 }).days_of_cover).toBe(30);
  expect(() => reorderAdvice({ points: flat(1, 5), sigma: 0, available: 30, leadTimeDays: 7, reviewDays: 7, serviceLevel: 0.95 })).toThrow(RangeError);
});
