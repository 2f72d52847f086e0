import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvents } from '../events/outbox.ts';
import { getShopSettings } from '../shop/shop-settings.ts';
import { readDemandHistory, todayIn } from './demand-history.ts';
import { forecastSeries, type ReorderSettings } from './forecasts.ts';
import type { ReorderAdvice } from './reorder-policy.ts';

/** Series forecast between two yields to the event loop: a long run must not hold up requests. */
const SERIES_PER_SLICE = 25;

/**
 * The daily job: forecasts every tracked variant with demand at each location, stores its reorder
 * advice (GET /admin/reorder-suggestions), and writes `inventory.reorder_suggested` for each one that
 * went to or below its reorder point since the last run (once per crossing: staying below writes
 * nothing, going back above re-arms it). The forecasts are computed outside any transaction; the
 * verdicts replace the previous ones in one.
 */
export async function recomputeReorderSuggestions(db: Db, settings: ReorderSettings): Promise<{ forecasts: number; suggested: number }> {
  const { time_zone: timeZone } = await getShopSettings(db);
  const history = await readDemandHistory(db, { timeZone, today: todayIn(timeZone) });
  const { rows: levels } = await sql<{ item_id: string; variant_id: string; product_id: string; sku: string | null; location_id: string; available: number }>`
    select i.id as item_id, i.variant_id, v.product_id, v.sku, l.location_id, (l.on_hand - l.committed - l.reserved - l.safety_stock)::int as available
    from inventory_item i join product_variant v on v.id = i.variant_id join inventory_level l on l.item_id = i.id
    where i.manage_inventory`.execute(db);
  const levelOf = new Map(levels.map((l) => [`${l.variant_id} ${l.location_id}`, l]));
  const verdicts: { level: (typeof levels)[number]; advice: ReorderAdvice }[] = [];
  for (const [n, series] of history.entries()) {
    if (n % SERIES_PER_SLICE === SERIES_PER_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
    const level = levelOf.get(`${series.variant_id} ${series.location_id}`);
    if (!level) continue;
    const { advice } = forecastSeries(series, level.available, settings, 0);
    verdicts.push({ level, advice });
  }
  return inTransaction(db, async (tx) => {
    const before = new Set((await tx.selectFrom('reorder_suggestion').select(['variant_id', 'location_id']).where('below_reorder_point', '=', true).execute())
      .map((r) => `${r.variant_id} ${r.location_id}`));
    await tx.deleteFrom('reorder_suggestion').execute();
    const rows = verdicts.map(({ level, advice }) => ({
      variant_id: level.variant_id, location_id: level.location_id, available: level.available,
      mean_daily_demand: advice.mean_daily_demand, lead_time_days: settings.leadTimeDays, service_level: settings.serviceLevel,
      safety_stock: advice.safety_stock, reorder_point: advice.reorder_point, suggested_quantity: advice.suggested_quantity,
      days_of_cover: advice.days_of_cover, below_reorder_point: advice.below_reorder_point,
    }));
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('reorder_suggestion').values(rows.slice(i, i + 500)).execute();
    const crossed = verdicts.filter(({ level, advice }) => advice.below_reorder_point && !before.has(`${level.variant_id} ${level.location_id}`));
    await recordEvents(tx, crossed.map(({ level, advice }) => ({
      type: 'inventory.reorder_suggested', resource_type: 'inventory_item', resource_id: level.item_id,
      payload: {
        item_id: level.item_id, variant_id: level.variant_id, product_id: level.product_id, sku: level.sku, location_id: level.location_id,
        available: level.available, reorder_point: advice.reorder_point, suggested_quantity: advice.suggested_quantity,
        days_of_cover: advice.days_of_cover, mean_daily_demand: advice.mean_daily_demand,
        lead_time_days: settings.leadTimeDays, service_level: settings.serviceLevel,
      },
    })));
    return { forecasts: rows.length, suggested: crossed.length };
  });
}

export interface ReorderSuggestionRow {
  variant_id: string; location_id: string; sku: string | null; product_id: string; title: string;
  available: number; mean_daily_demand: number; lead_time_days: number; service_level: number; safety_stock: number;
  reorder_point: number; suggested_quantity: number; days_of_cover: number | null; below_reorder_point: boolean; computed_at: Date;
}

/** The last run's verdicts, the most urgent (fewest days of cover) first. */
export async function listReorderSuggestions(db: Db, opts: { all: boolean; location_id?: string; limit: number; offset: number }): Promise<ReorderSuggestionRow[]> {
  const { rows } = await sql<ReorderSuggestionRow>`
    select s.variant_id, s.location_id, v.sku, v.product_id, p.title || case when v.title = '' then '' else ' / ' || v.title end as title,
      s.available, s.mean_daily_demand, s.lead_time_days, s.service_level, s.safety_stock, s.reorder_point, s.suggested_quantity,
      s.days_of_cover, s.below_reorder_point, s.computed_at
    from reorder_suggestion s join product_variant v on v.id = s.variant_id join product p on p.id = v.product_id
    where true ${opts.all ? sql`` : sql`and s.below_reorder_point`} ${opts.location_id ? sql`and s.location_id = ${opts.location_id}` : sql``}
    order by s.days_of_cover nulls last, s.variant_id, s.location_id
    limit ${opts.limit + 1} offset ${opts.offset}`.execute(db);
  return rows;
}
