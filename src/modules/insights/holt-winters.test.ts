import { describe, expect, test } from 'vitest';
import { forecastDemand, normalQuantile, seasonalNaive } from './holt-winters.ts';
import { seededRandom } from './synthetic-history.ts';

/** Series whose future is known: the forecast must find it. */
const weekly = [10, 12, 11, 13, 15, 30, 25];

describe('Holt-Winters forecast', () => {
  test('a pure weekly pattern is forecast exactly, weekday by weekday, with zero-width intervals', () => {
    const series = Array.from({ length: 70 }, (_, t) => weekly[t % 7]);
    const forecast = forecastDemand(series, 14);
    expect(forecast.method).toBe('holt_winters');
    expect(forecast.sigma).toBeCloseTo(0, 9);
    forecast.points.forEach((p, i) => {
      expect(p.h).toBe(i + 1);
      expect(p.mean).toBeCloseTo(weekly[(70 + i) % 7], 6);
      expect(p.upper - p.lower).toBeCloseTo(0, 6);
    });
  });

  test('a trend with a weekly season continues (damped) beyond the history', () => {
    const series = Array.from({ length: 84 }, (_, t) => 20 + 0.5 * t + weekly[t % 7]);
    const forecast = forecastDemand(series, 7);
    // One step ahead the trend has barely been damped: the next value within a tenth of a unit.
    expect(forecast.points[0].mean).toBeCloseTo(20 + 0.5 * 84 + weekly[0], 0);
    expect(forecast.points[6].mean).toBeGreaterThan(20 + 0.5 * 84 + weekly[6] - 2);
    expect(forecast.points[6].mean).toBeLessThan(20 + 0.5 * 90 + weekly[6] + 0.01);
  });

  test('noise widens the intervals around the mean, wider further ahead, about 80 % of future days inside', () => {
    const random = seededRandom(3);
    const series = Array.from({ length: 400 }, (_, t) => 50 + weekly[t % 7] + (random() - 0.5) * 20);
    const history = series.slice(0, 364);
    const forecast = forecastDemand(history, 28, 0.8);
    expect(forecast.points[27].upper - forecast.points[27].lower).toBeGreaterThan(forecast.points[0].upper - forecast.points[0].lower);
    const inside = forecast.points.filter((p, i) => series[364 + i] >= p.lower && series[364 + i] <= p.upper).length;
    expect(inside).toBeGreaterThanOrEqual(18);
    // The noise's standard deviation is 20/√12 ≈ 5.8: the forecast finds the true means to well within it.
    const deviations = forecast.points.map((p, i) => Math.abs(p.mean - (50 + weekly[(364 + i) % 7])));
    expect(deviations.reduce((a, b) => a + b, 0) / deviations.length).toBeLessThan(4);
    expect(Math.max(...deviations)).toBeLessThan(8);
  });

  test('a promotion week in the history does not lift the forecast', () => {
    const series = Array.from({ length: 98 }, (_, t) => weekly[t % 7] + (t >= 84 && t < 91 ? 40 : 0));
    const forecast = forecastDemand(series, 7);
    forecast.points.forEach((p, i) => expect(Math.abs(p.mean - weekly[(98 + i) % 7])).toBeLessThan(3));
  });

  test('under two weeks of history: a flat forecast at the mean; none: zero; never negative', () => {
    const short = forecastDemand([4, 6, 5, 5], 3);
    expect(short.method).toBe('mean');
    expect(short.points.map((p) => p.mean)).toEqual([5, 5, 5]);
    expect(forecastDemand([], 2).points).toEqual([{ h: 1, mean: 0, lower: 0, upper: 0 }, { h: 2, mean: 0, lower: 0, upper: 0 }]);
    const falling = Array.from({ length: 56 }, (_, t) => Math.max(0, 56 - t));
    for (const p of forecastDemand(falling, 30).points) expect(p.lower).toBeGreaterThanOrEqual(0);
  });

  test('seasonal naive repeats the last week', () => {
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 9)).toEqual([8, 9, 10, 11, 12, 13, 14, 8, 9]);
  });

  test('normal quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
