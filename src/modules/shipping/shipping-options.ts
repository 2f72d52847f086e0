import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { updateAndRecord } from '../events/recorded-update.ts';
import type { WeightBand } from './schema.ts';
import type { ShippingOptionInput, ShippingOptionUpdate } from './shapes.ts';
import type { CalculatedOption } from './carrier-rates.ts';
import type { Carriers } from './carriers.ts';
import type { PricedOption } from './shipping-calculator.ts';

/** A shipping option as the API shows it, with its region's currency; usable as is with shippingPrice(). */
export interface ShippingOptionRecord extends PricedOption, Omit<CalculatedOption, 'amount'> {
  id: string;
  region_id: string;
  currency_code: string;
  name: string;
  active: boolean;
  position: number;
  created_at: Date;
  updated_at: Date;
}

/** The option as the API shows it: the markup as a percentage. */
export type ShippingOptionView = Omit<ShippingOptionRecord, 'rate_markup_ppm'> & { rate_markup_percent: number };

function selectOptions(db: Db) {
  return db.selectFrom('shipping_option as so').innerJoin('region as r', 'r.id', 'so.region_id')
    .select(['so.id', 'so.region_id', 'r.currency_code', 'so.name', 'so.price_type', 'so.amount', 'so.weight_bands', 'so.free_over_amount',
      'so.carrier_id', 'so.carrier_service', 'so.rate_markup_ppm', 'so.rate_markup_amount', 'so.active', 'so.position', 'so.created_at', 'so.updated_at']);
}

export function shippingOptionView({ rate_markup_ppm, ...option }: ShippingOptionRecord): ShippingOptionView {
  return { ...option, rate_markup_amount: Number(option.rate_markup_amount), rate_markup_percent: rate_markup_ppm / 10_000 };
}

const notFound = (id: string) => new AppError('shipping_option_not_found', { id }, 'No shipping option with this id.');

export async function getShippingOptionOrThrow(db: Db, id: string): Promise<ShippingOptionRecord> {
  const row = await selectOptions(db).where('so.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  return row;
}

/** Options by position, then name (byte order), then id; optionally of one region. Paged by [position, name, id]. */
export async function listShippingOptions(db: Db, filter: { region_id?: string }, page: { after?: unknown[]; limit: number }): Promise<{ data: ShippingOptionRecord[]; next: unknown[] | null }> {
  let query = selectOptions(db);
  if (filter.region_id) query = query.where('so.region_id', '=', filter.region_id);
  if (page.after) {
    const [position, name, id] = page.after;
    if (page.after.length !== 3 || !Number.isInteger(position) || typeof name !== 'string' || typeof id !== 'string') {
      throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    }
    query = query.where(sql<boolean>`(so.position, so.name collate "C", so.id) > (${position as number}::int, ${name}::text collate "C", ${id}::text)`);
  }
  const rows = await query.orderBy('so.position').orderBy(sql`so.name collate "C"`).orderBy('so.id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return { data, next: rows.length > page.limit ? [last.position, last.name, last.id] : null };
}

/** The options a cart in the region may choose: active ones, by position then name. Price each with shippingPrice(). */
export async function listShippingOptionsForRegion(db: Db, regionId: string): Promise<ShippingOptionRecord[]> {
  return selectOptions(db).where('so.region_id', '=', regionId).where('so.active', '=', true)
    .orderBy('so.position').orderBy(sql`so.name collate "C"`).orderBy('so.id').execute();
}

interface Pricing {
  price_type: 'flat' | 'weight' | 'calculated';
  amount: number | null;
  weight_bands: WeightBand[] | null;
  carrier_id: string | null;
  carrier_service: string | null;
}

const invalid = (field: string, rule: string, message: string) => new AppError('invalid_request', { field, rule }, message);

/**
 * A flat option has an amount and no bands; a weight option has bands and no amount. Bands must rise
 * strictly in weight, so each cart weight falls in exactly one band (the first whose bound it does not pass).
 */
function assertPricing({ price_type, amount, weight_bands, carrier_id, carrier_service }: Pricing, carriers: Carriers): void {
  if (price_type !== 'calculated') {
    if (carrier_id !== null) throw invalid('body.carrier_id', 'price_type', 'body.carrier_id is only for calculated options (price_type "calculated")');
    if (carrier_service !== null) throw invalid('body.carrier_service', 'price_type', 'body.carrier_service is only for calculated options (price_type "calculated")');
  }
  if (price_type === 'calculated') {
    if (carrier_id === null) throw invalid('body.carrier_id', 'required', 'body.carrier_id is required for a calculated option');
    if (!carriers.get(carrier_id)?.rates) {
      throw new AppError('carrier_not_found', { field: 'body.carrier_id', carrier_id, available: [...carriers.values()].filter((c) => c.rates).map((c) => c.id) },
        'No carrier with this id quotes rates.');
    }
    if (amount === null) throw invalid('body.amount', 'required', 'body.amount (the fallback when the carrier does not answer) is required for a calculated option');
    if (weight_bands !== null) throw invalid('body.weight_bands', 'price_type', 'body.weight_bands is only for weight options (price_type "weight")');
    return;
  }
  if (price_type === 'flat') {
    if (amount === null) throw invalid('body.amount', 'required', 'body.amount is required for a flat option');
    if (weight_bands !== null) throw invalid('body.weight_bands', 'price_type', 'body.weight_bands is only for weight options (price_type "weight")');
    return;
  }
  if (weight_bands === null) throw invalid('body.weight_bands', 'required', 'body.weight_bands is required for a weight option');
  if (amount !== null) throw invalid('body.amount', 'price_type', 'body.amount is only for flat options (price_type "flat"); weight options price each band');
  weight_bands.forEach((band, i) => {
    if (i > 0 && band.up_to_grams <= weight_bands[i - 1].up_to_grams) {
      const field = `body.weight_bands[${i}].up_to_grams`;
      throw invalid(field, 'increasing', `${field} must be greater than the band before it (${weight_bands[i - 1].up_to_grams})`);
    }
  });
}

const bandsJson = (bands: WeightBand[] | null) => (bands ? JSON.stringify(bands.map((b) => ({ up_to_grams: b.up_to_grams, amount: b.amount }))) : null);

const ppm = (percent: number | undefined) => (percent === undefined ? undefined : Math.round(percent * 10_000));

export async function createShippingOption(db: Db, input: ShippingOptionInput, carriers: Carriers = new Map()): Promise<ShippingOptionRecord> {
  const pricing: Pricing = {
    price_type: input.price_type, amount: input.amount ?? null, weight_bands: input.weight_bands ?? null,
    carrier_id: input.carrier_id ?? null, carrier_service: input.carrier_service ?? null,
  };
  assertPricing(pricing, carriers);
  return inTransaction(db, async (tx) => {
    const region = await tx.selectFrom('region').select('id').where('id', '=', input.region_id).executeTakeFirst();
    if (!region) throw new AppError('region_not_found', { field: 'body.region_id', id: input.region_id });
    const id = newId('so');
    await tx.insertInto('shipping_option').values({
      id, region_id: input.region_id, name: input.name, price_type: pricing.price_type, amount: pricing.amount,
      weight_bands: bandsJson(pricing.weight_bands), free_over_amount: input.free_over_amount ?? null,
      carrier_id: pricing.carrier_id, carrier_service: pricing.carrier_service,
      rate_markup_ppm: ppm(input.rate_markup_percent) ?? 0, rate_markup_amount: input.rate_markup_amount ?? 0,
      active: input.active ?? true, position: input.position ?? 0,
    }).execute();
    await recordEvents(tx, [{ type: 'shipping_option.created', resource_type: 'shipping_option', resource_id: id, payload: { id, region_id: input.region_id } }]);
    return getShippingOptionOrThrow(tx, id);
  });
}

/**
 * Updates the given fields. Changing price_type drops the other type's price (a flat amount or the
 * bands), so the request must give the new type's own.
 */
export async function updateShippingOption(db: Db, id: string, patch: ShippingOptionUpdate, carriers: Carriers): Promise<ShippingOptionRecord> {
  return inTransaction(db, async (tx) => {
    const current = await tx.selectFrom('shipping_option').select(['price_type', 'amount', 'weight_bands', 'carrier_id', 'carrier_service'])
      .where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound(id);
    const price_type = patch.price_type ?? current.price_type;
    const keep = price_type === current.price_type;
    const pricing: Pricing = {
      price_type,
      amount: patch.amount !== undefined ? patch.amount : keep ? current.amount : null,
      weight_bands: patch.weight_bands !== undefined ? patch.weight_bands : keep ? current.weight_bands : null,
      carrier_id: patch.carrier_id !== undefined ? patch.carrier_id : keep ? current.carrier_id : null,
      carrier_service: patch.carrier_service !== undefined ? patch.carrier_service : keep ? current.carrier_service : null,
    };
    assertPricing(pricing, carriers);
    return updateAndRecord(tx, {
      table: 'shipping_option', id,
      set: {
        price_type: pricing.price_type, amount: pricing.amount, weight_bands: bandsJson(pricing.weight_bands),
        carrier_id: pricing.carrier_id, carrier_service: pricing.carrier_service,
        rate_markup_ppm: ppm(patch.rate_markup_percent), rate_markup_amount: patch.rate_markup_amount,
        name: patch.name, free_over_amount: patch.free_over_amount, active: patch.active, position: patch.position,
      },
      event: { resource_type: 'shipping_option', patch },
      reread: (tx) => getShippingOptionOrThrow(tx, id),
    });
  });
}

/** Deletes the option; carts that had chosen it are left without a shipping method (the foreign key sets it null). */
export async function deleteShippingOption(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const deleted = await tx.deleteFrom('shipping_option').where('id', '=', id).returning('region_id').executeTakeFirst();
    if (!deleted) throw notFound(id);
    await recordEvents(tx, [{ type: 'shipping_option.deleted', resource_type: 'shipping_option', resource_id: id, payload: { id, region_id: deleted.region_id } }]);
  });
}
