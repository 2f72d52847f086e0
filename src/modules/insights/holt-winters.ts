/**
 * Daily demand forecasting: additive Holt-Winters with a damped trend and a weekly season
 * (ETS(A,Ad,A)), its smoothing parameters chosen by grid search on the history's one-step errors, and
 * prediction intervals from those errors. Pure functions on numbers: the shop's forecasts and the
 * evaluation (scripts/eval.ts) run this same code.
 */
export const WEEK = 7;

export interface HoltWintersParams { alpha: number; beta: number; gamma: number; phi: number }

export interface ForecastPoint {
  /** Days after the last day of history, from 1. */
  h: number;
  mean: number;
  lower: number;
  upper: number;
}

export interface Forecast {
  method: 'holt_winters' | 'mean';
  params: HoltWintersParams | null;
  /** Standard deviation of the one-step errors on the history. */
  sigma: number;
  points: ForecastPoint[];
}

const ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
const BETAS = [0, 0.01, 0.05, 0.1];
const GAMMAS = [0.01, 0.05, 0.1, 0.2, 0.3];
const PHIS = [0.9, 0.98];
const CLIP_SIGMAS = 1.5;

/**
 * A day's noise, robustly: the median absolute week-on-week change (scaled to a standard deviation,
 * over √2 for the difference of two days), blind to the few days a promotion or stock-out moved.
 */
function robustNoise(y: readonly number[], m: number): number {
  const changes = [];
  for (let t = m; t < y.length; t++) changes.push(Math.abs(y[t] - y[t - m]));
  changes.sort((a, b) => a - b);
  const median = changes[Math.floor(changes.length / 2)] ?? 0;
  return Math.max(1e-9, (1.4826 * median) / Math.SQRT2);
}

interface Fit { sae: number; sse: number; errors: number[]; level: number; trend: number; season: number[] }

/**
 * Runs the recursions over the series; the state after the last day forecasts the next ones. Robust
 * (after Gelper, Fried & Croux 2010): a day further than `clip` from its forecast — a promotion, a
 * stock-out — updates the state as if it had been at that distance, so one odd week does not bend
 * the level and the season for months.
 */
function fit(y: readonly number[], p: HoltWintersParams, m: number, clip: number): Fit {
  const first = mean(y.slice(0, m));
  const second = mean(y.slice(m, 2 * m));
  let level = first;
  let trend = (second - first) / m;
  const season = y.slice(0, m).map((v) => v - first);
  const errors: number[] = [];
  let sse = 0;
  let sae = 0;
  for (let t = m; t < y.length; t++) {
    const s = season[t % m];
    const predicted = level + p.phi * trend + s;
    const error = y[t] - predicted;
    errors.push(error);
    sse += error * error;
    sae += Math.abs(error);
    const cleaned = predicted + Math.max(-clip, Math.min(clip, error));
    const previous = level;
    level = p.alpha * (cleaned - s) + (1 - p.alpha) * (previous + p.phi * trend);
    trend = p.beta * (level - previous) + (1 - p.beta) * p.phi * trend;
    season[t % m] = p.gamma * (cleaned - level) + (1 - p.gamma) * s;
  }
  return { sae, sse, errors, level, trend, season };
}

/**
 * Forecasts `horizon` days after the series, with intervals at `coverage` (0.8 → the 10th and 90th
 * percentiles). Demand is never negative, so means and bounds are clipped at zero. Fewer than two
 * weeks of history give a flat forecast at the mean: too little to tell a season from noise.
 */
export function forecastDemand(y: readonly number[], horizon: number, coverage = 0.8, m = WEEK): Forecast {
  const z = normalQuantile(0.5 + coverage / 2);
  if (y.length < 2 * m) {
    const level = y.length ? mean(y) : 0;
    const sigma = y.length > 1 ? Math.sqrt(y.reduce((sum, v) => sum + (v - level) ** 2, 0) / (y.length - 1)) : 0;
    return {
      method: 'mean', params: null, sigma,
      points: range(horizon).map((h) => point(h, level, z * sigma * Math.sqrt(1 + 1 / Math.max(1, y.length)))),
    };
  }
  const clip = CLIP_SIGMAS * robustNoise(y, m);
  let best: { params: HoltWintersParams; fit: Fit } | null = null;
  for (const alpha of ALPHAS) for (const beta of BETAS) for (const gamma of GAMMAS) for (const phi of PHIS) {
    const params = { alpha, beta, gamma, phi };
    const result = fit(y, params, m, clip);
    // Absolute errors choose the parameters: squares would let a few odd days decide them.
    if (!best || result.sae < best.fit.sae) best = { params, fit: result };
  }
  const { params, fit: f } = best!;
  const sigma = Math.sqrt(f.sse / Math.max(1, f.errors.length));
  const n = y.length;
  const points: ForecastPoint[] = [];
  let damped = 0;
  let variance = 0;
  for (let h = 1; h <= horizon; h++) {
    damped += params.phi ** h;
    // h-step error variance of the additive model: σ²(1 + Σ_{j<h} c_j²), c_j = α(1 + jβ) + γ on whole seasons.
    if (h > 1) {
      const j = h - 1;
      const c = params.alpha * (1 + j * params.beta) + (j % m === 0 ? params.gamma : 0);
      variance += c * c;
    }
    const mean = f.level + damped * f.trend + f.season[(n + h - 1) % m];
    points.push(point(h, mean, z * sigma * Math.sqrt(1 + variance)));
  }
  return { method: 'holt_winters', params, sigma, points };
}

/** The benchmark to beat: each day as the same weekday of the last week of history. */
export function seasonalNaive(y: readonly number[], horizon: number, m = WEEK): number[] {
  return range(horizon).map((h) => y[y.length - m + ((h - 1) % m)] ?? 0);
}

function point(h: number, value: number, halfWidth: number): ForecastPoint {
  return { h, mean: Math.max(0, value), lower: Math.max(0, value - halfWidth), upper: Math.max(0, value + halfWidth) };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/**
 * The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9): the z of a
 * service level or an interval's coverage.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1, not ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
