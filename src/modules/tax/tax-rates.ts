import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { updateAndRecord } from '../events/recorded-update.ts';
import { ratePpmFromPercent } from './rate-percent.ts';
import type { TaxRateInput, TaxRateUpdate } from './shapes.ts';
import { ppmToPercent, type TaxRules } from './tax-calculator.ts';

/** A region's override of its default tax rate, as the API shows it (the rate as a percent). */
export interface TaxRateRecord {
  id: string;
  region_id: string;
  country_code: string | null;
  tax_class: string | null;
  name: string;
  /** Percent (8.875); the table holds parts per million. */
  rate: number;
  created_at: Date;
  updated_at: Date;
}

const columns = ['id', 'region_id', 'country_code', 'tax_class', 'name', 'rate_ppm', 'created_at', 'updated_at'] as const;

function toRecord({ rate_ppm, ...row }: { rate_ppm: number } & Omit<TaxRateRecord, 'rate'>): TaxRateRecord {
  return { ...row, rate: ppmToPercent(rate_ppm) };
}

/**
 * The region's countries, read under a share lock when `lock` is set: a concurrent update of the region
 * (which may drop a country and its overrides) waits for this transaction, or this one for it.
 */
async function regionCountries(db: Db, regionId: string, lock = false): Promise<string[]> {
  let query = db.selectFrom('region').select('id').where('id', '=', regionId);
  if (lock) query = query.forShare();
  if (!(await query.executeTakeFirst())) throw new AppError('region_not_found', { id: regionId });
  const rows = await db.selectFrom('region_country').select('country_code').where('region_id', '=', regionId).execute();
  return rows.map((r) => r.country_code);
}

export async function getTaxRateOrThrow(db: Db, regionId: string, id: string): Promise<TaxRateRecord> {
  const row = await db.selectFrom('tax_rate').select(columns).where('id', '=', id).where('region_id', '=', regionId).executeTakeFirst();
  if (!row) {
    await regionCountries(db, regionId);
    throw new AppError('tax_rate_not_found', { id });
  }
  return toRecord(row);
}

/** The region's overrides in the order they were made, paged by id. */
export async function listTaxRates(db: Db, regionId: string, page: { after?: unknown[]; limit: number }): Promise<{ data: TaxRateRecord[]; next: unknown[] | null }> {
  await regionCountries(db, regionId);
  let query = db.selectFrom('tax_rate').select(columns).where('region_id', '=', regionId);
  if (page.after) {
    const [id] = page.after;
    if (typeof id !== 'string' || page.after.length !== 1) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where('id', '>', id);
  }
  const rows = await query.orderBy('id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit).map(toRecord);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

/** Refuses an override without a scope, for a country outside the region, or for a scope the region already has. */
async function assertScope(db: Db, regionId: string, scope: { country_code: string | null; tax_class: string | null }, except?: string) {
  if (scope.country_code === null && scope.tax_class === null) {
    throw new AppError('invalid_request', { field: 'body', rule: 'required' },
      'A tax rate overrides the region’s default for a country, a tax class or both: give body.country_code or body.tax_class.');
  }
  if (scope.country_code !== null && !(await regionCountries(db, regionId, true)).includes(scope.country_code)) {
    throw new AppError('country_not_in_region', { field: 'body.country_code', country_code: scope.country_code },
      `body.country_code ${scope.country_code} is not one of the region’s countries.`);
  }
  let query = db.selectFrom('tax_rate').select('id').where('region_id', '=', regionId)
    .where(sql<boolean>`country_code is not distinct from ${scope.country_code}::text`)
    .where(sql<boolean>`tax_class is not distinct from ${scope.tax_class}::text`);
  if (except) query = query.where('id', '!=', except);
  const existing = await query.executeTakeFirst();
  if (existing) throw new AppError('tax_rate_exists', { field: 'body', id: existing.id, ...scope });
}

export async function createTaxRate(db: Db, regionId: string, input: TaxRateInput): Promise<TaxRateRecord> {
  const ratePpm = ratePpmFromPercent(input.rate, 'body.rate');
  const scope = { country_code: input.country_code ?? null, tax_class: input.tax_class ?? null };
  return inTransaction(db, async (tx) => {
    await regionCountries(tx, regionId, true);
    await assertScope(tx, regionId, scope);
    const id = newId('txr');
    await tx.insertInto('tax_rate').values({ id, region_id: regionId, ...scope, name: input.name, rate_ppm: ratePpm }).execute();
    await recordEvents(tx, [{ type: 'tax_rate.created', resource_type: 'tax_rate', resource_id: id, payload: { id, region_id: regionId, ...scope, rate_ppm: ratePpm } }]);
    return getTaxRateOrThrow(tx, regionId, id);
  });
}

export async function updateTaxRate(db: Db, regionId: string, id: string, patch: TaxRateUpdate): Promise<TaxRateRecord> {
  const ratePpm = patch.rate === undefined ? undefined : ratePpmFromPercent(patch.rate, 'body.rate');
  return inTransaction(db, async (tx) => {
    await regionCountries(tx, regionId, true);
    const current = await getTaxRateOrThrow(tx, regionId, id);
    if (patch.country_code !== undefined || patch.tax_class !== undefined) {
      await assertScope(tx, regionId, {
        country_code: patch.country_code === undefined ? current.country_code : patch.country_code,
        tax_class: patch.tax_class === undefined ? current.tax_class : patch.tax_class,
      }, id);
    }
    return updateAndRecord(tx, {
      table: 'tax_rate', id,
      set: { country_code: patch.country_code, tax_class: patch.tax_class, name: patch.name, rate_ppm: ratePpm },
      event: { resource_type: 'tax_rate', patch, payload: { region_id: regionId } },
      reread: (tx) => getTaxRateOrThrow(tx, regionId, id),
    });
  });
}

export async function deleteTaxRate(db: Db, regionId: string, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await getTaxRateOrThrow(tx, regionId, id);
    await tx.deleteFrom('tax_rate').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'tax_rate.deleted', resource_type: 'tax_rate', resource_id: id, payload: { id, region_id: regionId } }]);
  });
}

/**
 * Deletes the region's country overrides for countries not in `countries`: the regions module calls it
 * when a region's countries change, so no override names a country outside its region.
 */
export async function deleteTaxRatesOutsideCountries(db: Db, input: { region_id: string; countries: string[] }): Promise<void> {
  await inTransaction(db, async (tx) => {
    let query = tx.deleteFrom('tax_rate').where('region_id', '=', input.region_id).where('country_code', 'is not', null);
    if (input.countries.length) query = query.where('country_code', 'not in', input.countries);
    const deleted = await query.returning('id').execute();
    await recordEvents(tx, deleted.map(({ id }) => ({
      type: 'tax_rate.deleted', resource_type: 'tax_rate', resource_id: id, payload: { id, region_id: input.region_id, reason: 'country_removed' },
    })));
  });
}

/** Everything the tax calculator needs to tax a cart in the region (see resolveTaxRate). */
export async function loadTaxRules(db: Db, regionId: string): Promise<TaxRules> {
  const region = await db.selectFrom('region').select('default_tax_rate_ppm').where('id', '=', regionId).executeTakeFirst();
  if (!region) throw new AppError('region_not_found', { id: regionId });
  const rules = await db.selectFrom('tax_rate').select(['country_code', 'tax_class', 'rate_ppm']).where('region_id', '=', regionId).execute();
  return { default_rate_ppm: region.default_tax_rate_ppm, rules };
}
