import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { PickOrder } from './schema.ts';

/**
 * A product's lot settings: which lot ships first (fefo, the default: soonest expiry; fifo: first
 * received) and whether its lots' journey is public (GET /store/provenance/:lot_id).
 */
export interface LotSetting {
  product_id: string;
  pick_order: PickOrder;
  public_provenance: boolean;
}

async function requireProduct(db: Db, productId: string): Promise<void> {
  const found = await db.selectFrom('product').select('id').where('id', '=', productId).executeTakeFirst();
  if (!found) throw new AppError('product_not_found', { id: productId });
}

export async function getLotSetting(db: Db, productId: string): Promise<LotSetting> {
  await requireProduct(db, productId);
  const row = await db.selectFrom('product_lot_setting').select(['pick_order', 'public_provenance']).where('product_id', '=', productId).executeTakeFirst();
  return { product_id: productId, pick_order: row?.pick_order ?? 'fefo', public_provenance: row?.public_provenance ?? false };
}

export async function updateLotSetting(db: Db, productId: string, patch: { pick_order?: PickOrder; public_provenance?: boolean }): Promise<LotSetting> {
  return inTransaction(db, async (tx) => {
    const current = await getLotSetting(tx, productId);
    const next = { ...current, ...patch };
    await tx.insertInto('product_lot_setting').values({ product_id: productId, pick_order: next.pick_order, public_provenance: next.public_provenance })
      .onConflict((oc) => oc.column('product_id').doUpdateSet({ pick_order: next.pick_order, public_provenance: next.public_provenance, updated_at: new Date() }))
      .execute();
    return next;
  });
}
