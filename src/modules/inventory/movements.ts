import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { InventoryField } from './schema.ts';

export interface Movement {
  item_id: string;
  location_id: string;
  field: InventoryField;
  before: number;
  after: number;
  /** Why: received, damaged, count_correction, transfer, safety_stock, order_committed, order_released… */
  reason: string;
  /** Who: an admin user id, `checkout`, `system`. */
  actor: string;
  reference_type?: string | null;
  reference_id?: string | null;
  note?: string | null;
}

/** Appends movement rows; call it in the transaction that changes the quantities. */
export async function recordMovements(tx: Db, movements: Movement[]): Promise<void> {
  if (movements.length === 0) return;
  await tx.insertInto('inventory_movement')
    .values(movements.map((m) => ({ id: newId('imov'), reference_type: null, reference_id: null, note: null, ...m })))
    .execute();
}
