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
import type { CategoryInput, CategoryUpdate } from './shapes.ts';

export interface CategoryRow {
  id: string;
  name: string;
  handle: string;
  description: string;
  parent_id: string | null;
  position: number;
  depth: number;
  metadata: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

/**
 * The category tree in depth-first order (each parent before its children, siblings by position then
 * name), with each category's depth. Paged by offset: the tree is small and its order is computed.
 */
export async function listCategories(db: Db, page: { after?: unknown[]; limit: number; parent_id?: string | null }) {
  const offset = page.after?.[0] ?? 0;
  if (page.after && (page.after.length !== 1 || !Number.isInteger(offset) || (offset as number) < 0)) {
    throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
  }
  const rows = await sql<CategoryRow>`
    with recursive tree as (
      -- Each level adds three array elements (position, name, id), compared one by one: so "Bags" sorts
      -- before "Bags & Cases", which one concatenated string per level got wrong.
      select c.*, 0 as depth, array[lpad(c.position::text, 10, '0'), lower(c.name), c.id] as path
      from product_category c where c.parent_id is null
      union all
      select c.*, t.depth + 1, t.path || array[lpad(c.position::text, 10, '0'), lower(c.name), c.id]
      from product_category c join tree t on c.parent_id = t.id
    )
    select id, name, handle, description, parent_id, position, depth, metadata, created_at, updated_at from tree
    ${page.parent_id !== undefined ? sql`where parent_id is not distinct from ${page.parent_id}` : sql``}
    order by path collate "C"
    limit ${page.limit + 1} offset ${offset as number}`.execute(db);
  const data = rows.rows.slice(0, page.limit);
  return { data, next: rows.rows.length > page.limit ? [(offset as number) + page.limit] : null };
}

export async function getCategoryOrThrow(db: Db, idOrHandle: string): Promise<CategoryRow> {
  const rows = await sql<CategoryRow>`
    with recursive up as (
      select c.id, c.parent_id, 0 as depth from product_category c where c.id = ${idOrHandle} or c.handle = ${idOrHandle}
      union all
      select up.id, p.parent_id, up.depth + 1 from up join product_category p on p.id = up.parent_id
    )
    select c.id, c.name, c.handle, c.description, c.parent_id, c.position, c.metadata, c.created_at, c.updated_at,
      (select max(depth) from up where up.id = c.id) as depth
    from product_category c where c.id = ${idOrHandle} or c.handle = ${idOrHandle}`.execute(db);
  const category = rows.rows[0];
  if (!category) throw new AppError('category_not_found', { id_or_handle: idOrHandle });
  return category;
}

async function assertHandleFree(db: Db, handle: string, except?: string) {
  let query = db.selectFrom('product_category').select('id').where('handle', '=', handle);
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new AppError('category_handle_taken', { field: 'body.handle', handle });
}

/** Throws unless `parentId` exists and is neither the category nor one of its descendants. */
async function assertParent(db: Db, parentId: string, categoryId?: string) {
  const ancestors = await sql<{ id: string }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from product_category where id = ${parentId}
      union all
      select c.id, c.parent_id from product_category c join up on c.id = up.parent_id
    ) select id from up`.execute(db);
  if (ancestors.rows.length === 0) throw new AppError('category_not_found', { field: 'body.parent_id', id: parentId });
  if (categoryId && ancestors.rows.some((a) => a.id === categoryId)) throw new AppError('category_cycle', { field: 'body.parent_id' });
}

export async function createCategory(db: Db, input: CategoryInput): Promise<CategoryRow> {
  return inTransaction(db, async (tx) => {
    const handle = input.handle ?? slugify(input.name);
    if (!handle) throw new AppError('invalid_request', { field: 'body.handle' }, 'body.handle is required: none can be made from this name');
    await assertHandleFree(tx, handle);
    if (input.parent_id) await assertParent(tx, input.parent_id);
    const id = newId('pcat');
    await tx.insertInto('product_category').values({
      id, name: input.name, handle, description: input.description ?? '', parent_id: input.parent_id ?? null,
      position: input.position ?? 0, metadata: JSON.stringify(input.metadata ?? {}),
    }).execute();
    await recordEvents(tx, [{ type: 'category.created', resource_type: 'category', resource_id: id, payload: { id, handle } }]);
    await signalChange(tx, 'catalog');
    return getCategoryOrThrow(tx, id);
  });
}

export async function updateCategory(db: Db, id: string, patch: CategoryUpdate): Promise<CategoryRow> {
  return inTransaction(db, async (tx) => {
    // Serialize tree edits: two concurrent moves could otherwise build a cycle between them.
    await sql`select pg_advisory_xact_lock(hashtext('cartwright.category_tree'))`.execute(tx);
    await getCategoryOrThrow(tx, id);
    if (patch.handle) await assertHandleFree(tx, patch.handle, id);
    if (patch.parent_id) await assertParent(tx, patch.parent_id, id);
    return updateAndRecord(tx, {
      table: 'product_category', id,
      set: { ...patch, metadata: ifGiven(patch.metadata, (m) => JSON.stringify(m)) },
      event: { resource_type: 'category', patch },
      signal: 'catalog',
      reread: (tx) => getCategoryOrThrow(tx, id),
    });
  });
}

/** Deletes a category without subcategories; its products stay, no longer in it. */
export async function deleteCategory(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await getCategoryOrThrow(tx, id);
    const child = await tx.selectFrom('product_category').select('id').where('parent_id', '=', id).executeTakeFirst();
    if (child) throw new AppError('category_has_children', { id });
    await tx.deleteFrom('product_category').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'category.deleted', resource_type: 'category', resource_id: id, payload: { id } }]);
    await signalChange(tx, 'catalog');
  });
}
