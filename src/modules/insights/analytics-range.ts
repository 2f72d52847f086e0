import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { checkTimeZone, getShopSettings } from '../shop/shop-settings.ts';
import { todayIn } from './demand-history.ts';

export type Granularity = 'day' | 'week' | 'month';

/** A report's period, resolved: whole days in the shop's time zone, `from` and `to` included. */
export interface AnalyticsRange {
  from: string;
  to: string;
  time_zone: string;
  /** The period's bounds as instants: [start, end). */
  start: RawBuilder<Date>;
  end: RawBuilder<Date>;
}

const DEFAULT_DAYS = 30;
const MAX_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

function parseDate(value: string, field: string): number {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new AppError('invalid_request', { field: `querystring.${field}` }, `querystring.${field} must be a date (YYYY-MM-DD)`);
  }
  return time;
}

/**
 * From the query: `from`/`to` (default: the last 30 days up to today), `time_zone` (default: the
 * shop's). Refuses a period that ends before it starts or spans more than three years.
 */
export async function resolveRange(db: Db, query: { from?: string; to?: string; time_zone?: string }): Promise<AnalyticsRange> {
  const timeZone = query.time_zone === undefined ? (await getShopSettings(db)).time_zone : checkTimeZone(query.time_zone, 'querystring.time_zone');
  const to = query.to ?? todayIn(timeZone);
  const toTime = parseDate(to, 'to');
  const from = query.from ?? new Date(toTime - (DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const fromTime = parseDate(from, 'from');
  if (fromTime > toTime) throw new AppError('invalid_request', { field: 'querystring.from' }, 'querystring.from must not be after querystring.to');
  if ((toTime - fromTime) / DAY_MS + 1 > MAX_DAYS) throw new AppError('invalid_request', { field: 'querystring.from' }, `the period may span at most ${MAX_DAYS} days`);
  return {
    from, to, time_zone: timeZone,
    start: sql<Date>`(${from}::date)::timestamp at time zone ${timeZone}`,
    end: sql<Date>`(${to}::date + 1)::timestamp at time zone ${timeZone}`,
  };
}

/** The first day (YYYY-MM-DD, in the range's time zone) of the day, ISO week (Monday) or month an instant falls in. */
export function bucketOf(column: RawBuilder<unknown>, granularity: Granularity, range: AnalyticsRange): RawBuilder<string> {
  return sql<string>`to_char(date_trunc(${granularity}, ${column} at time zone ${range.time_zone}), 'YYYY-MM-DD')`;
}
