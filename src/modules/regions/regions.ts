import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { signalChange } from '../../db/changes.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { assertCurrencyCode } from '../../money/currency.ts';
import { recordEvents } from '../events/outbox.ts';
import { updateAndRecord } from '../events/recorded-update.ts';
import { ratePpmFromPercent } from '../tax/rate-percent.ts';
import { ppmToPercent } from '../tax/tax-calculator.ts';
import { deleteTaxRatesOutsideCountries } from '../tax/tax-rates.ts';
import { isCountryCode } from './countries.ts';
import type { RegionInput, RegionUpdate } from './shapes.ts';

/** A region as the API shows it: the default tax rate as a percent, its countries sorted. */
export interface RegionRecord {
  id: string;
  name: string;
  currency_code: string;
  tax_inclusive: boolean;
  /** Percent (8.875); the table holds parts per million. */
  default_tax_rate: number;
  countries: string[];
  created_at: Date;
  updated_at: Date;
}

function selectRegions(db: Db, from = db.selectFrom('region')) {
  return from
    .select(['region.id', 'region.name', 'region.currency_code', 'region.tax_inclusive', 'region.default_tax_rate_ppm', 'region.created_at', 'region.updated_at'])
    .select(sql<string[]>`coalesce((select json_agg(rc.country_code order by rc.country_code collate "C") from region_country rc where rc.region_id = region.id), '[]'::json)`.as('countries'));
}

type RegionRow = Awaited<ReturnType<ReturnType<typeof selectRegions>['executeTakeFirstOrThrow']>>;

function toRecord({ default_tax_rate_ppm, ...row }: RegionRow): RegionRecord {
  return {
    id: row.id, name: row.name, currency_code: row.currency_code, tax_inclusive: row.tax_inclusive,
    default_tax_rate: ppmToPercent(default_tax_rate_ppm), countries: row.countries, created_at: row.created_at, updated_at: row.updated_at,
  };
}

export async function getRegionOrThrow(db: Db, id: string): Promise<RegionRecord> {
  const row = await selectRegions(db).where('region.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('region_not_found', { id });
  return toRecord(row);
}

/** Regions by name (A–Z), paged by [lower-case name, id]. */
export async function listRegions(db: Db, page: { after?: unknown[]; limit: number }): Promise<{ data: RegionRecord[]; next: unknown[] | null }> {
  let query = selectRegions(db).select(sql<string>`lower(region.name) collate "C"`.as('sort_key'));
  if (page.after) {
    const [key, id] = page.after;
    if (typeof key !== 'string' || typeof id !== 'string' || page.after.length !== 2) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`(lower(region.name) collate "C", region.id) > (${key}::text collate "C", ${id}::text)`);
  }
  const rows = await query.orderBy(sql`lower(region.name) collate "C"`).orderBy('region.id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return { data: data.map(({ sort_key: _s, ...r }) => toRecord(r)), next: rows.length > page.limit ? [last.sort_key, last.id] : null };
}

/**
 * The region a cart in `currencyCode` gets when it names none: the oldest region with that currency,
 * or null when no region uses it.
 */
export async function findRegionForCurrency(db: Db, currencyCode: string): Promise<RegionRecord | null> {
  const row = await selectRegions(db, regionForNewCart(db, { currency_code: currencyCode })).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The region a cart gets when it names neither region nor currency: the oldest one, or null when there is none. */
export async function findDefaultRegion(db: Db): Promise<RegionRecord | null> {
  const row = await selectRegions(db, regionForNewCart(db, {})).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * The region a new cart gets, as a query (the cart's insert selects from it, one statement): the
 * region named, if it sells the currency named; else the oldest region selling the currency; else the
 * oldest region. No row: no such region.
 */
export function regionForNewCart(db: Db, input: { region_id?: string; currency_code?: string }) {
  let query = db.selectFrom('region');
  if (input.region_id) query = query.where('region.id', '=', input.region_id);
  if (input.currency_code) query = query.where('region.currency_code', '=', input.currency_code);
  return query.orderBy('region.created_at').orderBy('region.id').limit(1);
}

/** Refuses a code that is not an assigned country, then one that another region already has. */
async function assertCountriesFree(db: Db, countries: string[], regionId?: string): Promise<void> {
  countries.forEach((code, i) => {
    if (!isCountryCode(code)) throw new AppError('invalid_country', { field: `body.countries[${i}]`, country_code: code }, `body.countries[${i}] must be an ISO 3166-1 alpha-2 country code such as US or DE; ${code} is not one`);
  });
  if (countries.length === 0) return;
  let query = db.selectFrom('region_country').select(['country_code', 'region_id']).where('country_code', 'in', countries);
  if (regionId) query = query.where('region_id', '!=', regionId);
  const taken = new Map((await query.execute()).map((r) => [r.country_code, r.region_id]));
  const i = countries.findIndex((code) => taken.has(code));
  if (i >= 0) {
    throw new AppError('country_in_other_region', { field: `body.countries[${i}]`, country_code: countries[i], region_id: taken.get(countries[i]) });
  }
}

async function insertCountries(db: Db, regionId: string, countries: string[]): Promise<void> {
  if (countries.length) await db.insertInto('region_country').values(countries.map((country_code) => ({ country_code, region_id: regionId }))).execute();
}

/** Locks the region row until the transaction ends: carts cannot start using it meanwhile (their foreign key waits). */
async function lockRegion(db: Db, id: string) {
  const row = await db.selectFrom('region').select(['id', 'currency_code']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('region_not_found', { id });
  return row;
}

export async function createRegion(db: Db, input: RegionInput): Promise<RegionRecord> {
  assertCurrencyCode(input.currency_code, 'body.currency_code');
  const ratePpm = input.default_tax_rate === undefined ? 0 : ratePpmFromPercent(input.default_tax_rate, 'body.default_tax_rate');
  const countries = input.countries ?? [];
  return inTransaction(db, async (tx) => {
    await assertCountriesFree(tx, countries);
    const id = newId('reg');
    await tx.insertInto('region').values({
      id, name: input.name, currency_code: input.currency_code, tax_inclusive: input.tax_inclusive ?? false, default_tax_rate_ppm: ratePpm,
    }).execute();
    await insertCountries(tx, id, countries);
    await recordEvents(tx, [{ type: 'region.created', resource_type: 'region', resource_id: id, payload: { id, currency_code: input.currency_code, countries } }]);
    await signalChange(tx, 'regions');
    return getRegionOrThrow(tx, id);
  });
}

/**
 * Updates the given fields; `countries` replaces the set, and the region's tax overrides for countries
 * it no longer has go with them. The currency cannot change while open carts use the region: their
 * prices and shipping amounts are in the old one.
 */
export async function updateRegion(db: Db, id: string, patch: RegionUpdate): Promise<RegionRecord> {
  if (patch.currency_code !== undefined) assertCurrencyCode(patch.currency_code, 'body.currency_code');
  const ratePpm = patch.default_tax_rate === undefined ? undefined : ratePpmFromPercent(patch.default_tax_rate, 'body.default_tax_rate');
  return inTransaction(db, async (tx) => {
    const current = await lockRegion(tx, id);
    if (patch.currency_code !== undefined && patch.currency_code !== current.currency_code) {
      const openCart = await tx.selectFrom('cart').select('id').where('region_id', '=', id).where('completed_at', 'is', null).limit(1).executeTakeFirst();
      if (openCart) {
        throw new AppError('region_in_use', { field: 'body.currency_code', id }, 'Open carts use this region, so its currency cannot change; create another region instead.');
      }
    }
    if (patch.countries) {
      await assertCountriesFree(tx, patch.countries, id);
      await tx.deleteFrom('region_country').where('region_id', '=', id).execute();
      await insertCountries(tx, id, patch.countries);
      await deleteTaxRatesOutsideCountries(tx, { region_id: id, countries: patch.countries });
    }
    await signalChange(tx, 'regions');
    return updateAndRecord(tx, {
      table: 'region', id,
      set: { name: patch.name, currency_code: patch.currency_code, tax_inclusive: patch.tax_inclusive, default_tax_rate_ppm: ratePpm },
      event: { resource_type: 'region', patch },
      reread: (tx) => getRegionOrThrow(tx, id),
    });
  });
}

/** Deletes a region no cart uses (a cart, completed or not, keeps its region), with its countries, tax rates and shipping options. */
export async function deleteRegion(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockRegion(tx, id);
    const cart = await tx.selectFrom('cart').select('id').where('region_id', '=', id).limit(1).executeTakeFirst();
    if (cart) throw new AppError('region_in_use', { id });
    await tx.deleteFrom('region').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'region.deleted', resource_type: 'region', resource_id: id, payload: { id } }]);
    await signalChange(tx, 'regions');
  });
}
