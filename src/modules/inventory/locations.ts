import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ifGiven } from '../../db/patch.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { Location, LocationInput, LocationUpdate } from './shapes.ts';

/** Stock locations: warehouses, stores, anywhere stock is counted. */

const columns = ['id', 'name', 'code', 'address', 'priority', 'active', 'created_at', 'updated_at'] as const;

/**
 * Storefront availability counts active locations only, so turning a location on or off can change any
 * product's availability: that signals `catalog`, which drops every cached store page. Creating a
 * location (no levels yet) or deleting one (only empty levels go) changes no availability.
 */
const ACTIVE_CHANGED_TOPIC = 'catalog';

export async function getLocationOrThrow(db: Db, id: string): Promise<Location> {
  const location = await db.selectFrom('stock_location').select(columns).where('id', '=', id).executeTakeFirst();
  if (!location) throw new AppError('location_not_found', { id });
  return location;
}

/** Throws location_not_found (naming `field`) unless the location exists. */
export async function requireLocation(db: Db, id: string, field: string): Promise<void> {
  const found = await db.selectFrom('stock_location').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('location_not_found', { field, id });
}

/**
 * Locations by priority, highest first (the order checkout draws stock from them), then oldest first;
 * paged by [priority, id].
 */
export async function listLocations(db: Db, filter: { active?: boolean }, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('stock_location').select(columns);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (page.after) {
    const [priority, id] = page.after;
    if (page.after.length !== 2 || !Number.isInteger(priority) || typeof id !== 'string') {
      throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    }
    query = query.where(sql<boolean>`(priority < ${priority}::int or (priority = ${priority}::int and id > ${id}::text))`);
  }
  const rows = await query.orderBy('priority', 'desc').orderBy('id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return { data, next: rows.length > page.limit ? [last.priority, last.id] : null };
}

async function assertCodeFree(tx: Tx, code: string, except?: string) {
  let query = tx.selectFrom('stock_location').select('id').where('code', '=', code);
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new AppError('location_code_taken', { field: 'body.code', code });
}

export async function createLocation(db: Db, input: LocationInput): Promise<Location> {
  return inTransaction(db, async (tx) => {
    await assertCodeFree(tx, input.code);
    const id = newId('sloc');
    await tx.insertInto('stock_location').values({
      id,
      name: input.name,
      code: input.code,
      address: JSON.stringify(input.address ?? {}),
      priority: input.priority ?? 0,
      active: input.active ?? true,
    }).execute();
    await recordEvents(tx, [{ type: 'stock_location.created', resource_type: 'stock_location', resource_id: id, payload: { id, code: input.code } }]);
    return getLocationOrThrow(tx, id);
  });
}

export async function updateLocation(db: Db, id: string, patch: LocationUpdate): Promise<Location> {
  return inTransaction(db, async (tx) => {
    const current = await tx.selectFrom('stock_location').select(['id', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new AppError('location_not_found', { id });
    if (patch.code !== undefined) await assertCodeFree(tx, patch.code, id);
    const { address, ...fields } = patch;
    await tx.updateTable('stock_location')
      .set({ ...fields, address: ifGiven(address, (a) => JSON.stringify(a)), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordEvents(tx, [{ type: 'stock_location.updated', resource_type: 'stock_location', resource_id: id, payload: { id, changed: Object.keys(patch) } }]);
    if (patch.active !== undefined && patch.active !== current.active) await signalChange(tx, ACTIVE_CHANGED_TOPIC);
    return getLocationOrThrow(tx, id);
  });
}

/**
 * Deletes a location that holds nothing: refused (location_in_use) while any level there has stock on
 * hand, committed, reserved or incoming, or any reservation points at it. Its empty levels go with it
 * (their safety stock too: there is nothing left to keep back); its movement history stays.
 */
export async function deleteLocation(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    // The lock makes new levels here wait (their foreign key check needs a share of this row).
    const location = await tx.selectFrom('stock_location').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!location) throw new AppError('location_not_found', { id });
    const usage = await sql<{ levels: number; reservations: number }>`
      select
        (select count(*) from inventory_level
          where location_id = ${id} and (on_hand > 0 or committed > 0 or reserved > 0 or incoming > 0)) as levels,
        (select count(*) from inventory_reservation where location_id = ${id}) as reservations`.execute(tx);
    const { levels, reservations } = usage.rows[0];
    if (levels > 0 || reservations > 0) throw new AppError('location_in_use', { id, levels_in_use: levels, reservations });
    // Conditional, so a level that gained stock since the check stays, and the foreign key (on delete
    // restrict) then refuses the location's deletion below.
    await sql`
      delete from inventory_level l
      where l.location_id = ${id} and l.on_hand = 0 and l.committed = 0 and l.reserved = 0 and l.incoming = 0
        and not exists (select 1 from inventory_reservation r where r.item_id = l.item_id and r.location_id = l.location_id)`.execute(tx);
    try {
      await tx.deleteFrom('stock_location').where('id', '=', id).execute();
    } catch (error) {
      if ((error as { code?: string }).code === '23503') throw new AppError('location_in_use', { id });
      throw error;
    }
    await recordEvents(tx, [{ type: 'stock_location.deleted', resource_type: 'stock_location', resource_id: id, payload: { id } }]);
  });
}
