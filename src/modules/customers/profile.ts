import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { decrypt, decryptNullable, encrypt, encryptNullable } from '../../crypto/data-encryption.ts';
import { ifGiven } from '../../db/patch.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { Customer, ProfileUpdate } from './shapes.ts';

/** A customer as the API shows them: personal fields decrypted. */
export async function getCustomerOrThrow(db: Db, id: string): Promise<Customer> {
  const row = await db.selectFrom('customer')
    .select(['id', 'email', 'first_name', 'last_name', 'phone', 'email_verified_at', 'metadata', 'created_at', 'anonymized_at'])
    .select((eb) => eb.fn.coalesce(
      eb.selectFrom('customer_group_member').select((m) => m.fn.agg<string[]>('array_agg', ['group_id']).as('ids')).whereRef('customer_id', '=', 'customer.id'),
      eb.val<string[]>([]),
    ).as('group_ids'))
    .where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('customer_not_found', { id });
  return {
    id: row.id,
    email: row.anonymized_at ? '' : decrypt(row.email),
    first_name: decryptNullable(row.first_name),
    last_name: decryptNullable(row.last_name),
    phone: decryptNullable(row.phone),
    email_verified: row.email_verified_at !== null,
    group_ids: [...(row.group_ids ?? [])].sort(),
    metadata: row.metadata,
    created_at: row.created_at,
  };
}

export async function updateCustomerProfile(db: Db, id: string, patch: ProfileUpdate): Promise<Customer> {
  return inTransaction(db, async (tx) => {
    const updated = await tx.updateTable('customer').set({
      first_name: ifGiven(patch.first_name, encrypt),
      last_name: ifGiven(patch.last_name, encrypt),
      phone: ifGiven(patch.phone, encryptNullable),
      metadata: ifGiven(patch.metadata, (m) => JSON.stringify(m)),
      updated_at: new Date(),
    }).where('id', '=', id).where('anonymized_at', 'is', null).executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw new AppError('customer_not_found', { id });
    await recordEvents(tx, [{ type: 'customer.updated', resource_type: 'customer', resource_id: id, payload: { id, changed: Object.keys(patch) } }]);
    return getCustomerOrThrow(tx, id);
  });
}
