import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** How far back the forecasts look: a year holds every weekday many times and a whole trend. */
export const HISTORY_DAYS = 365;
const DAY_MS = 86_400_000;

export interface DemandSeries {
  variant_id: string;
  location_id: string;
  /** The first day of `units` (YYYY-MM-DD, in the shop's time zone). */
  start: string;
  /** Units committed to orders per day, up to yesterday (today is not over). */
  units: number[];
}

/**
 * Daily demand per variant and location: the units orders committed there (inventory movements of
 * reason order_committed, which also say where the allocation took the stock). Days in the shop's time
 * zone; a series starts on the first day with demand, and days without are zeros. Stock-outs show as
 * zeros too: demand nobody could place leaves no trace.
 */
export async function readDemandHistory(db: Db, opts: { timeZone: string; variantId?: string; locationId?: string; today: string }): Promise<DemandSeries[]> {
  const { rows } = await sql<{ variant_id: string; location_id: string; day: string; units: string }>`
    select i.variant_id, m.location_id, to_char(m.created_at at time zone ${opts.timeZone}, 'YYYY-MM-DD') as day, sum(m.after - m.before)::text as units
    from inventory_movement m join inventory_item i on i.id = m.item_id
    where m.field = 'committed' and m.reason = 'order_committed'
      and m.created_at >= (${opts.today}::date - ${HISTORY_DAYS}::int)::timestamp at time zone ${opts.timeZone}
      and m.created_at < (${opts.today}::date)::timestamp at time zone ${opts.timeZone}
      ${opts.variantId ? sql`and i.variant_id = ${opts.variantId}` : sql``}
      ${opts.locationId ? sql`and m.location_id = ${opts.locationId}` : sql``}
    group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  const series = new Map<string, { variant_id: string; location_id: string; days: Map<string, number> }>();
  for (const row of rows) {
    const key = `${row.variant_id} ${row.location_id}`;
    const entry = series.get(key) ?? { variant_id: row.variant_id, location_id: row.location_id, days: new Map() };
    entry.days.set(row.day, Number(row.units));
    series.set(key, entry);
  }
  const end = Date.parse(`${opts.today}T00:00:00Z`);
  return [...series.values()].map(({ variant_id, location_id, days }) => {
    const start = [...days.keys()][0];
    const units: number[] = [];
    for (let t = Date.parse(`${start}T00:00:00Z`); t < end; t += DAY_MS) units.push(days.get(new Date(t).toISOString().slice(0, 10)) ?? 0);
    return { variant_id, location_id, start, units };
  });
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
