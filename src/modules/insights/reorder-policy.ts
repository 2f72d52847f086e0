import { normalQuantile, type ForecastPoint } from './holt-winters.ts';

export interface ReorderInput {
  /** The daily forecast from tomorrow on, at least lead time + review period long. */
  points: readonly ForecastPoint[];
  /** Standard deviation of a day's forecast error. */
  sigma: number;
  available: number;
  leadTimeDays: number;
  /** Days until the next order can be placed: the order covers them too. */
  reviewDays: number;
  /** The probability of not running out before a reorder arrives (0.95). */
  serviceLevel: number;
}

export interface ReorderAdvice {
  mean_daily_demand: number;
  safety_stock: number;
  /** Reorder when available stock is at or below it: demand over the lead time plus safety stock. */
  reorder_point: number;
  /** Enough to bring stock to the reorder point plus the review period's demand; 0 above the reorder point. */
  suggested_quantity: number;
  /** How many days the available stock lasts at the forecast demand; null when none is forecast. */
  days_of_cover: number | null;
  below_reorder_point: boolean;
}

/**
 * The classic continuous-review policy: reorder point = forecast demand over the lead time
 * + z·σ·√L, z the service level's normal quantile. Units are whole, rounded up (a part unit short is
 * a unit short).
 */
export function reorderAdvice(input: ReorderInput): ReorderAdvice {
  const { points, sigma, available, leadTimeDays, reviewDays, serviceLevel } = input;
  if (points.length < leadTimeDays + reviewDays) throw new RangeError('the forecast must cover the lead time and the review period');
  const leadDemand = sum(points.slice(0, leadTimeDays));
  const reviewDemand = sum(points.slice(leadTimeDays, leadTimeDays + reviewDays));
  const safety = wholeUnits(Math.max(0, normalQuantile(serviceLevel)) * sigma * Math.sqrt(leadTimeDays));
  const reorderPoint = wholeUnits(leadDemand + safety);
  const below = available <= reorderPoint;
  const meanDaily = sum(points) / points.length;
  return {
    mean_daily_demand: meanDaily,
    safety_stock: safety,
    reorder_point: reorderPoint,
    suggested_quantity: below ? wholeUnits(reorderPoint + reviewDemand - available) : 0,
    days_of_cover: daysOfCover(points, Math.max(0, available), meanDaily),
    below_reorder_point: below,
  };
}

/** Walks the forecast day by day until the stock is gone; past its end, at the mean daily demand. */
function daysOfCover(points: readonly ForecastPoint[], available: number, meanDaily: number): number | null {
  if (meanDaily <= 0) return null;
  let left = available;
  for (let day = 0; day < points.length; day++) {
    const demand = points[day].mean;
    if (demand >= left) return day + (demand > 0 ? left / demand : 0);
    left -= demand;
  }
  return points.length + left / meanDaily;
}

/** Rounded up, but not for a float's last-digit noise (40.000000001 is 40); never below zero. */
function wholeUnits(value: number): number {
  return Math.max(0, Math.ceil(value - 1e-9));
}

function sum(points: readonly ForecastPoint[]): number {
  return points.reduce((total, p) => total + p.mean, 0);
}
