import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { getShopSettings } from '../shop/shop-settings.ts';
import { addDays, readDemandHistory, todayIn, type DemandSeries } from './demand-history.ts';
import { forecastDemand, type HoltWintersParams } from './holt-winters.ts';
import { reorderAdvice, type ReorderAdvice } from './reorder-policy.ts';

export interface ReorderSettings { leadTimeDays: number; reviewDays: number; serviceLevel: number }

/** The forecast's interval: the 10th to the 90th percentile of a day's demand. */
const COVERAGE = 0.8;
const HISTORY_SHOWN_DAYS = 56;

export interface VariantForecast {
  variant_id: string;
  location_id: string;
  method: 'holt_winters' | 'mean';
  params: HoltWintersParams | null;
  sigma: number;
  history: { date: string; units: number }[];
  forecast: { date: string; mean: number; lower: number; upper: number }[];
  available: number;
  reorder: ReorderAdvice & { lead_time_days: number; service_level: number };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A series' forecast and reorder advice, at least long enough to cover the lead time and the review period. */
export function forecastSeries(series: Pick<DemandSeries, 'units'>, available: number, settings: ReorderSettings, horizon: number) {
  const forecast = forecastDemand(series.units, Math.max(horizon, settings.leadTimeDays + settings.reviewDays), COVERAGE);
  const advice = reorderAdvice({ points: forecast.points, sigma: forecast.sigma, available, ...settings });
  return { forecast, advice };
}

/**
 * The daily demand forecast of one variant at each of its locations (or at one), from the shop's
 * order history, with the reorder advice for its available stock there.
 */
export async function forecastVariant(db: Db, input: { variantId: string; locationId?: string; horizon: number; settings: ReorderSettings }): Promise<VariantForecast[]> {
  const variant = await db.selectFrom('product_variant').select('id').where('id', '=', input.variantId).executeTakeFirst();
  if (!variant) throw new AppError('variant_not_found', { variant_id: input.variantId });
  if (input.locationId) {
    const location = await db.selectFrom('stock_location').select('id').where('id', '=', input.locationId).executeTakeFirst();
    if (!location) throw new AppError('location_not_found', { location_id: input.locationId });
  }
  const { time_zone: timeZone } = await getShopSettings(db);
  const today = todayIn(timeZone);
  let levels = db.selectFrom('inventory_level as l').innerJoin('inventory_item as i', 'i.id', 'l.item_id')
    .select(['l.location_id', (eb) => eb(eb(eb('l.on_hand', '-', eb.ref('l.committed')), '-', eb.ref('l.reserved')), '-', eb.ref('l.safety_stock')).as('available')])
    .where('i.variant_id', '=', input.variantId);
  if (input.locationId) levels = levels.where('l.location_id', '=', input.locationId);
  const available = new Map((await levels.execute()).map((l) => [l.location_id, Number(l.available)]));
  const history = await readDemandHistory(db, { timeZone, variantId: input.variantId, locationId: input.locationId, today });
  const byLocation = new Map(history.map((s) => [s.location_id, s]));
  const locations = [...new Set([...available.keys(), ...byLocation.keys(), ...(input.locationId ? [input.locationId] : [])])].sort();
  return locations.map((locationId) => {
    const series = byLocation.get(locationId) ?? { variant_id: input.variantId, location_id: locationId, start: today, units: [] };
    const stock = available.get(locationId) ?? 0;
    const { forecast, advice } = forecastSeries(series, stock, input.settings, input.horizon);
    const shownFrom = Math.max(0, series.units.length - HISTORY_SHOWN_DAYS);
    return {
      variant_id: input.variantId, location_id: locationId, method: forecast.method, params: forecast.params,
      sigma: round(forecast.sigma),
      history: series.units.slice(shownFrom).map((units, i) => ({ date: addDays(series.start, shownFrom + i), units })),
      forecast: forecast.points.slice(0, input.horizon).map((p) => ({ date: addDays(today, p.h - 1), mean: round(p.mean), lower: round(p.lower), upper: round(p.upper) })),
      available: stock,
      reorder: {
        ...advice, mean_daily_demand: round(advice.mean_daily_demand), days_of_cover: advice.days_of_cover === null ? null : round(advice.days_of_cover),
        lead_time_days: input.settings.leadTimeDays, service_level: input.settings.serviceLevel,
      },
    };
  });
}
