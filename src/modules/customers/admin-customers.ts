import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { emailHash, emailHashes, encrypt } from '../../crypto/data-encryption.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { withdrawAllConsent } from '../marketing/consent.ts';
import { customerOrderTotals, listCustomerOrders } from '../orders/order-customers.ts';
import { logoutEverywhere } from './accounts.ts';
import { getCustomerOrThrow, updateCustomerProfile } from './profile.ts';
import type { Customer, ProfileUpdate } from './shapes.ts';

export interface CustomerFilter { email?: string; group_id?: string }

/** The ids of the customers (not anonymized) a staff list filter matches. */
export function customersMatching(db: Db, filter: CustomerFilter) {
  let query = db.selectFrom('customer').select('id').where('anonymized_at', 'is', null);
  if (filter.email) query = query.where('email_hash', 'in', emailHashes(filter.email));
  if (filter.group_id) query = query.where('id', 'in', db.selectFrom('customer_group_member').select('customer_id').where('group_id', '=', filter.group_id));
  return query;
}

/**
 * Staff's view of customers. Names are encrypted, so search is by email (exact, through the blind
 * index) or by customer group; the list is newest first.
 */
export async function listCustomers(db: Db, filter: CustomerFilter, page: { after?: unknown[]; limit: number }) {
  let query = customersMatching(db, filter);
  if (page.after) query = query.where(sql<boolean>`id < ${String(page.after[0])}`);
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const ids = rows.slice(0, page.limit).map((r) => r.id);
  const data: Customer[] = [];
  for (const id of ids) data.push(await getCustomerOrThrow(db, id));
  return { data, next: rows.length > page.limit ? [ids[ids.length - 1]] : null };
}

/** A customer with their recent orders and what they have spent, per currency. */
export async function getCustomerDetail(db: Db, id: string) {
  const customer = await getCustomerOrThrow(db, id);
  const totals = await customerOrderTotals(db, id);
  const recent = await listCustomerOrders(db, id, { limit: 20 });
  return {
    ...customer,
    orders: recent.data,
    lifetime_value: totals.map((t) => ({ currency_code: t.currency_code, orders: Number(t.orders), total: Number(t.total) })),
  };
}

export async function updateCustomerByStaff(db: Db, id: string, patch: ProfileUpdate & { group_ids?: string[] }) {
  return inTransaction(db, async (tx) => {
    const { group_ids: groupIds, ...profile } = patch;
    if (Object.keys(profile).length) {
      await updateCustomerProfile(tx, id, profile);
    } else {
      await getCustomerOrThrow(tx, id);
    }
    if (groupIds) {
      const known = await tx.selectFrom('customer_group').select('id').where('id', 'in', groupIds.length ? groupIds : ['']).execute();
      const missing = groupIds.filter((g) => !known.some((k) => k.id === g));
      if (missing.length) throw new AppError('customer_group_not_found', { field: 'body.group_ids', ids: missing });
      await tx.deleteFrom('customer_group_member').where('customer_id', '=', id).execute();
      if (groupIds.length) await tx.insertInto('customer_group_member').values([...new Set(groupIds)].map((group_id) => ({ group_id, customer_id: id }))).execute();
      await recordEvents(tx, [{ type: 'customer.groups_changed', resource_type: 'customer', resource_id: id, payload: { id, group_ids: groupIds } }]);
    }
    return getCustomerDetail(tx, id);
  });
}

/**
 * GDPR erasure: personal fields wiped (the email replaced by an unmatchable placeholder), sessions,
 * tokens and the address book deleted; orders stay, with their totals, for the books.
 */
export async function anonymizeCustomer(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const placeholder = `erased-${id}@invalid`;
    const done = await tx.updateTable('customer').set({
      email: encrypt(placeholder), email_hash: emailHash(placeholder), first_name: null, last_name: null, phone: null,
      password_hash: null, metadata: '{}', anonymized_at: new Date(), updated_at: new Date(),
    }).where('id', '=', id).where('anonymized_at', 'is', null).executeTakeFirst();
    if (!Number(done.numUpdatedRows)) throw new AppError('customer_not_found', { id });
    await logoutEverywhere(tx, id);
    await tx.deleteFrom('customer_address').where('customer_id', '=', id).execute();
    await tx.deleteFrom('customer_token').where('customer_id', '=', id).execute();
    await tx.deleteFrom('customer_group_member').where('customer_id', '=', id).execute();
    // Here, not in the marketing sync: consent must end with the erasure whether or not a tool is configured.
    await withdrawAllConsent(tx, id, 'anonymized');
    await recordEvents(tx, [{ type: 'customer.anonymized', resource_type: 'customer', resource_id: id, payload: { id } }]);
  });
}

export async function listCustomerGroups(db: Db) {
  return db.selectFrom('customer_group as g')
    .select(['g.id', 'g.name', 'g.created_at'])
    .select((eb) => eb.selectFrom('customer_group_member as m').select((m) => m.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('member_count'))
    .orderBy('g.name').execute();
}

export async function createCustomerGroup(db: Db, name: string) {
  return inTransaction(db, async (tx) => {
    const group = await tx.insertInto('customer_group').values({ id: newId('cgrp'), name }).returning(['id', 'name', 'created_at']).executeTakeFirstOrThrow();
    await recordEvents(tx, [{ type: 'customer_group.created', resource_type: 'customer_group', resource_id: group.id, payload: { id: group.id } }]);
    return { ...group, member_count: 0 };
  });
}

export async function deleteCustomerGroup(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const deleted = await tx.deleteFrom('customer_group').where('id', '=', id).executeTakeFirst();
    if (!Number(deleted.numDeletedRows)) throw new AppError('customer_group_not_found', { id });
    await recordEvents(tx, [{ type: 'customer_group.deleted', resource_type: 'customer_group', resource_id: id, payload: { id } }]);
  });
}
