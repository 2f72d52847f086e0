import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

export interface ShopSettings { name: string; time_zone: string }

const SHOP_ID = 'default';

/** An IANA time zone name the runtime (and so PostgreSQL's list, which both take from tzdata) knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function checkTimeZone(name: string, field: string): string {
  if (!isTimeZone(name)) throw new AppError('invalid_request', { field, reason: 'unknown time zone' }, `${field} must be an IANA time zone name such as Europe/Paris or America/New_York`);
  return name;
}

/** The shop's settings; before the first start has recorded the shop, the defaults. */
export async function getShopSettings(db: Db): Promise<ShopSettings> {
  const row = await db.selectFrom('shop').select(['name', 'time_zone']).where('id', '=', SHOP_ID).executeTakeFirst();
  return row ?? { name: 'Cartwright', time_zone: 'UTC' };
}

export async function updateShopSettings(db: Db, input: Partial<ShopSettings>): Promise<ShopSettings> {
  if (input.time_zone !== undefined) checkTimeZone(input.time_zone, 'body.time_zone');
  const current = await getShopSettings(db);
  const next = { ...current, ...input };
  await db.insertInto('shop').values({ id: SHOP_ID, ...next })
    .onConflict((oc) => oc.column('id').doUpdateSet(next)).execute();
  return next;
}
