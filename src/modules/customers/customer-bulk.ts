import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { customersMatching, type CustomerFilter } from './admin-customers.ts';

/** The most customers one bulk action changes: one transaction, answered at once (as products' bulk actions). */
export const BULK_CUSTOMER_MAX = 1000;

export interface CustomerBulkResult {
  action: 'add_to_group' | 'remove_from_group';
  matched: number;
  changed: number;
  unchanged: number;
  changed_ids: string[];
  dry_run: boolean;
}

/**
 * Adds every customer a list filter matches to a group, or takes them out of it, all or none: the
 * matched customers are locked and counted, more than BULK_CUSTOMER_MAX or another count than
 * `expectedCount` refuses the whole action, and customers already in (or out of) the group are
 * unchanged and get no event.
 */
export async function bulkChangeCustomerGroup(
  db: Db,
  input: { filter: CustomerFilter; action: CustomerBulkResult['action']; groupId: string; expectedCount?: number; dryRun?: boolean },
): Promise<CustomerBulkResult> {
  return inTransaction(db, async (tx) => {
    const group = await tx.selectFrom('customer_group').select('id').where('id', '=', input.groupId).executeTakeFirst();
    if (!group) throw new AppError('customer_group_not_found', { field: 'body.group_id', id: input.groupId });
    const matched = (await customersMatching(tx, input.filter).orderBy('id').limit(BULK_CUSTOMER_MAX + 1).forUpdate().execute()).map((r) => r.id);
    if (matched.length > BULK_CUSTOMER_MAX) {
      throw new AppError('bulk_too_many', { field: 'body.filter', max: BULK_CUSTOMER_MAX, matched_at_least: matched.length });
    }
    if (input.expectedCount !== undefined && input.expectedCount !== matched.length) {
      throw new AppError('bulk_count_changed', { field: 'body.expected_count', expected_count: input.expectedCount, matched: matched.length });
    }
    const members = new Set(matched.length
      ? (await tx.selectFrom('customer_group_member').select('customer_id').where('group_id', '=', input.groupId).where('customer_id', 'in', matched).execute()).map((m) => m.customer_id)
      : []);
    const changing = matched.filter((id) => (input.action === 'add_to_group' ? !members.has(id) : members.has(id)));
    const result = { action: input.action, matched: matched.length, changed: changing.length, unchanged: matched.length - changing.length, changed_ids: changing, dry_run: input.dryRun ?? false };
    if (input.dryRun || !changing.length) return result;

    if (input.action === 'add_to_group') {
      await tx.insertInto('customer_group_member').values(changing.map((customer_id) => ({ group_id: input.groupId, customer_id }))).execute();
    } else {
      await tx.deleteFrom('customer_group_member').where('group_id', '=', input.groupId).where('customer_id', 'in', changing).execute();
    }
    // The event carries each customer's groups after the change, as an edit of one customer does.
    const groups = await sql<{ customer_id: string; group_ids: string[] | null }>`
      select c.id as customer_id, (select array_agg(m.group_id order by m.group_id) from customer_group_member m where m.customer_id = c.id) as group_ids
      from customer c where c.id = any(${changing}::text[])`.execute(tx);
    await recordEvents(tx, groups.rows.map((row) => ({
      type: 'customer.groups_changed', resource_type: 'customer', resource_id: row.customer_id, payload: { id: row.customer_id, group_ids: row.group_ids ?? [] },
    })));
    return result;
  });
}
