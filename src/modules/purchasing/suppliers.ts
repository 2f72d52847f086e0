import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { SupplierInput, SupplierUpdate } from './shapes.ts';

/** Suppliers: who purchase orders go to and whom lots came from. */

export async function getSupplierOrThrow(db: Db, id: string, field?: string) {
  const supplier = await db.selectFrom('supplier').selectAll().where('id', '=', id).executeTakeFirst();
  if (!supplier) throw new AppError('supplier_not_found', { ...(field ? { field } : {}), id });
  return supplier;
}

/** By name, then id; paged by [name, id]. */
export async function listSuppliers(db: Db, filter: { q?: string }, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('supplier').selectAll();
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'ilike', like)]));
  }
  if (page.after) {
    const [name, id] = page.after;
    if (typeof name !== 'string' || typeof id !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`(name, id) > (${name}::text, ${id}::text)`);
  }
  const rows = await query.orderBy('name').orderBy('id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return { data, next: rows.length > page.limit ? [last.name, last.id] : null };
}

async function assertCodeFree(db: Db, code: string | null | undefined, except?: string) {
  if (!code) return;
  let query = db.selectFrom('supplier').select('id').where(sql<boolean>`lower(code) = lower(${code})`);
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new AppError('supplier_code_taken', { field: 'body.code', code });
}

export async function createSupplier(db: Db, input: SupplierInput) {
  return inTransaction(db, async (tx) => {
    await assertCodeFree(tx, input.code);
    const id = newId('sup');
    await tx.insertInto('supplier').values({
      id, name: input.name, code: input.code ?? null, email: input.email ?? null, phone: input.phone ?? null, note: input.note ?? null,
    }).execute();
    await recordEvents(tx, [{ type: 'supplier.created', resource_type: 'supplier', resource_id: id, payload: { id, name: input.name } }]);
    return getSupplierOrThrow(tx, id);
  });
}

export async function updateSupplier(db: Db, id: string, patch: SupplierUpdate) {
  return inTransaction(db, async (tx) => {
    await getSupplierOrThrow(tx, id);
    await assertCodeFree(tx, patch.code, id);
    await tx.updateTable('supplier').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'supplier.updated', resource_type: 'supplier', resource_id: id, payload: { id, changed: Object.keys(patch) } }]);
    return getSupplierOrThrow(tx, id);
  });
}

/** Deletes a supplier nothing refers to; one with purchase orders or lots stays as their history (409 supplier_in_use). */
export async function deleteSupplier(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const found = await tx.selectFrom('supplier').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!found) throw new AppError('supplier_not_found', { id });
    const used = await tx.selectFrom('purchase_order').select('id').where('supplier_id', '=', id).limit(1).executeTakeFirst()
      ?? await tx.selectFrom('lot').select('id').where('supplier_id', '=', id).limit(1).executeTakeFirst();
    if (used) throw new AppError('supplier_in_use', { id });
    await tx.deleteFrom('supplier').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'supplier.deleted', resource_type: 'supplier', resource_id: id, payload: { id } }]);
  });
}
