import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents, type NewEvent } from '../events/outbox.ts';
import { lockProductsMatching, type MatchedProduct, type ProductFilter } from './product-query.ts';
import { missingIds } from './product-validation.ts';

/**
 * The most products one bulk action changes. Bounded so the action runs in one transaction — all
 * of it or none, answered at once — and holds its row locks for well under a second; a larger
 * selection is narrowed first (by status, tag, collection…).
 */
export const BULK_PRODUCT_MAX = 1000;

export type ProductBulkAction =
  | { type: 'publish' | 'unpublish' | 'archive' }
  | { type: 'add_tag' | 'remove_tag'; tag: string }
  | { type: 'set_collection'; collection_id: string | null };

export interface ProductBulkResult {
  action: ProductBulkAction['type'];
  matched: number;
  changed: number;
  unchanged: number;
  changed_ids: string[];
  dry_run: boolean;
}

const STATUS_OF = { publish: 'published', unpublish: 'draft', archive: 'archived' } as const;

/** Whether the action would change this product (one already in the target state is left alone). */
function changes(action: ProductBulkAction, product: MatchedProduct): boolean {
  switch (action.type) {
    case 'publish': case 'unpublish': case 'archive': return product.status !== STATUS_OF[action.type];
    case 'add_tag': return !product.tags.includes(action.tag);
    case 'remove_tag': return product.tags.includes(action.tag);
    case 'set_collection': return product.collection_id !== action.collection_id;
  }
}

/**
 * Applies one action to every product the filter matches, in one transaction: the matched rows are
 * locked, counted and compared with `expectedCount` (what the staff member was shown), and any
 * difference, or more than BULK_PRODUCT_MAX, refuses the whole action. Products already in the
 * target state count as unchanged and get no event, so running it twice changes nothing the second
 * time. Each changed product gets the events a single edit gives it.
 */
export async function bulkUpdateProducts(
  db: Db,
  input: { filter: ProductFilter; action: ProductBulkAction; expectedCount?: number; dryRun?: boolean },
): Promise<ProductBulkResult> {
  const { action } = input;
  return inTransaction(db, async (tx) => {
    if (action.type === 'set_collection' && action.collection_id
      && (await missingIds(tx, 'product_collection', new Set([action.collection_id]))).size) {
      throw new AppError('collection_not_found', { field: 'body.collection_id', id: action.collection_id });
    }
    const matched = await lockProductsMatching(tx, input.filter, BULK_PRODUCT_MAX, 'body.filter');
    if (matched.length > BULK_PRODUCT_MAX) {
      throw new AppError('bulk_too_many', { field: 'body.filter', max: BULK_PRODUCT_MAX, matched_at_least: matched.length });
    }
    if (input.expectedCount !== undefined && input.expectedCount !== matched.length) {
      throw new AppError('bulk_count_changed', { field: 'body.expected_count', expected_count: input.expectedCount, matched: matched.length });
    }
    const changing = matched.filter((product) => changes(action, product));
    const ids = changing.map((p) => p.id);
    const result = { action: action.type, matched: matched.length, changed: ids.length, unchanged: matched.length - ids.length, changed_ids: ids, dry_run: input.dryRun ?? false };
    if (input.dryRun || !ids.length) return result;

    const events: NewEvent[] = [];
    const changed = (product: MatchedProduct, field: string) =>
      events.push({ type: 'product.updated', resource_type: 'product', resource_id: product.id, payload: { id: product.id, changed: [field] } });
    const where = sql`id = any(${ids}::text[])`;
    switch (action.type) {
      case 'publish': case 'unpublish': case 'archive': {
        const status = STATUS_OF[action.type];
        await sql`update product set status = ${status}, updated_at = now(),
          published_at = ${status === 'published' ? sql`now()` : sql`published_at`} where ${where}`.execute(tx);
        for (const product of changing) {
          changed(product, 'status');
          events.push({ type: `product.${status}`, resource_type: 'product', resource_id: product.id, payload: { id: product.id, previous_status: product.status } });
        }
        break;
      }
      case 'add_tag':
        await sql`update product set tags = array_append(tags, ${action.tag}::text), updated_at = now() where ${where}`.execute(tx);
        for (const product of changing) changed(product, 'tags');
        break;
      case 'remove_tag':
        await sql`update product set tags = array_remove(tags, ${action.tag}::text), updated_at = now() where ${where}`.execute(tx);
        for (const product of changing) changed(product, 'tags');
        break;
      case 'set_collection':
        await sql`update product set collection_id = ${action.collection_id}, updated_at = now() where ${where}`.execute(tx);
        for (const product of changing) changed(product, 'collection_id');
        break;
    }
    await recordEvents(tx, events);
    await signalChange(tx, 'catalog');
    return result;
  });
}
