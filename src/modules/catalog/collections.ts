import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { ifGiven } from '../../db/patch.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { updateAndRecord } from '../events/recorded-update.ts';
import { slugify } from './product-validation.ts';
import type { CollectionInput, CollectionUpdate } from './shapes.ts';

const columns = ['id', 'title', 'handle', 'description', 'metadata', 'created_at', 'updated_at'] as const;

export async function getCollectionOrThrow(db: Db, idOrHandle: string) {
  const collection = await db.selectFrom('product_collection').select(columns)
    .where((eb) => eb.or([eb('id', '=', idOrHandle), eb('handle', '=', idOrHandle)]))
    .executeTakeFirst();
  if (!collection) throw new AppError('collection_not_found', { id_or_handle: idOrHandle });
  return collection;
}

/** Collections by title (A–Z), paged by [lower-case title, id]. */
export async function listCollections(db: Db, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('product_collection').select(columns).select(sql<string>`lower(title) collate "C"`.as('sort_key'));
  if (page.after) {
    const [key, id] = page.after;
    if (typeof key !== 'string' || typeof id !== 'string' || page.after.length !== 2) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`(lower(title) collate "C", id) > (${key}::text collate "C", ${id}::text)`);
  }
  const rows = await query.orderBy(sql`lower(title) collate "C"`).orderBy('id').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  const next = rows.length > page.limit ? [data[data.length - 1].sort_key, data[data.length - 1].id] : null;
  return { data: data.map(({ sort_key: _s, ...c }) => c), next };
}

async function assertHandleFree(db: Db, handle: string, except?: string) {
  let query = db.selectFrom('product_collection').select('id').where('handle', '=', handle);
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new AppError('collection_handle_taken', { field: 'body.handle', handle });
}

export async function createCollection(db: Db, input: CollectionInput) {
  return inTransaction(db, async (tx) => {
    const handle = input.handle ?? slugify(input.title);
    if (!handle) throw new AppError('invalid_request', { field: 'body.handle' }, 'body.handle is required: none can be made from this title');
    await assertHandleFree(tx, handle);
    const id = newId('pcol');
    await tx.insertInto('product_collection').values({
      id, title: input.title, handle, description: input.description ?? '', metadata: JSON.stringify(input.metadata ?? {}),
    }).execute();
    await recordEvents(tx, [{ type: 'collection.created', resource_type: 'collection', resource_id: id, payload: { id, handle } }]);
    await signalChange(tx, 'catalog');
    return getCollectionOrThrow(tx, id);
  });
}

export async function updateCollection(db: Db, id: string, patch: CollectionUpdate) {
  return inTransaction(db, async (tx) => {
    await getCollectionOrThrow(tx, id);
    if (patch.handle) await assertHandleFree(tx, patch.handle, id);
    return updateAndRecord(tx, {
      table: 'product_collection', id,
      set: { ...patch, metadata: ifGiven(patch.metadata, (m) => JSON.stringify(m)) },
      event: { resource_type: 'collection', patch },
      signal: 'catalog',
      reread: (tx) => getCollectionOrThrow(tx, id),
    });
  });
}

/** Deletes the collection; its products stay, outside any collection. */
export async function deleteCollection(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const deleted = await tx.deleteFrom('product_collection').where('id', '=', id).executeTakeFirst();
    if (!deleted.numDeletedRows) throw new AppError('collection_not_found', { id });
    await recordEvents(tx, [{ type: 'collection.deleted', resource_type: 'collection', resource_id: id, payload: { id } }]);
    await signalChange(tx, 'catalog');
  });
}
