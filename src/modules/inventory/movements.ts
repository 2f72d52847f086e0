import type { Insertable, QueryCreator } from 'kysely';
import type { Database } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { InventoryMovementTable } from './schema.ts';

/** A movement row as services describe it: all but the id and time, which recordMovements and the database add. */
export type Movement = Omit<Insertable<InventoryMovementTable>, 'id' | 'created_at'>;

/** Appends movement rows; call it in the transaction that changes the quantities. */
export async function recordMovements(tx: Pick<QueryCreator<Database>, 'insertInto'>, movements: Movement[]): Promise<void> {
  if (movements.length === 0) return;
  await movementsInsert(tx, movements).execute();
}

/** The statement that appends the movement rows (for writeAtCommit). */
export function movementsInsert(tx: Pick<QueryCreator<Database>, 'insertInto'>, movements: Movement[]) {
  return tx.insertInto('inventory_movement')
    .values(movements.map((m) => ({ id: newId('imov'), reference_type: null, reference_id: null, note: null, ...m })));
}
