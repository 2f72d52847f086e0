import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { decrypt, encrypt } from '../../crypto/data-encryption.ts';
import { AppError } from '../../errors.ts';
import type { Address } from '../cart/schema.ts';
import type { AddressBookEntryInput, AddressBookEntryUpdate } from './shapes.ts';

/** The address book: encrypted addresses; at most one default for shipping and one for billing. */
export interface AddressBookEntry {
  id: string;
  address: Address;
  is_default_shipping: boolean;
  is_default_billing: boolean;
  created_at: Date;
}

const columns = ['id', 'address', 'is_default_shipping', 'is_default_billing', 'created_at'] as const;

function decoded(row: { id: string; address: string; is_default_shipping: boolean; is_default_billing: boolean; created_at: Date }): AddressBookEntry {
  return { ...row, address: JSON.parse(decrypt(row.address)) as Address };
}

export async function listAddresses(db: Db, customerId: string): Promise<AddressBookEntry[]> {
  const rows = await db.selectFrom('customer_address').select(columns).where('customer_id', '=', customerId).orderBy('created_at').orderBy('id').execute();
  return rows.map(decoded);
}

/** Another customer's address is as unknown as a missing one. */
async function ownedOrThrow(tx: Db, customerId: string, addressId: string) {
  const row = await tx.selectFrom('customer_address').select(columns).where('id', '=', addressId).where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) throw new AppError('address_not_found', { id: addressId });
  return row;
}

async function clearDefaults(tx: Tx, customerId: string, input: { is_default_shipping?: boolean; is_default_billing?: boolean }) {
  if (input.is_default_shipping) await tx.updateTable('customer_address').set({ is_default_shipping: false }).where('customer_id', '=', customerId).execute();
  if (input.is_default_billing) await tx.updateTable('customer_address').set({ is_default_billing: false }).where('customer_id', '=', customerId).execute();
}

export async function addAddress(db: Db, customerId: string, input: AddressBookEntryInput): Promise<AddressBookEntry> {
  return inTransaction(db, async (tx) => {
    await clearDefaults(tx, customerId, input);
    const row = await tx.insertInto('customer_address').values({
      id: newId('caddr'), customer_id: customerId, address: encrypt(JSON.stringify(input.address)),
      is_default_shipping: input.is_default_shipping ?? false, is_default_billing: input.is_default_billing ?? false,
    }).returning(columns).executeTakeFirstOrThrow();
    return decoded(row);
  });
}

export async function updateAddress(db: Db, customerId: string, addressId: string, patch: AddressBookEntryUpdate): Promise<AddressBookEntry> {
  return inTransaction(db, async (tx) => {
    await ownedOrThrow(tx, customerId, addressId);
    await clearDefaults(tx, customerId, patch);
    const row = await tx.updateTable('customer_address').set({
      ...(patch.address ? { address: encrypt(JSON.stringify(patch.address)) } : {}),
      is_default_shipping: patch.is_default_shipping,
      is_default_billing: patch.is_default_billing,
      updated_at: new Date(),
    }).where('id', '=', addressId).returning(columns).executeTakeFirstOrThrow();
    return decoded(row);
  });
}

export async function deleteAddress(db: Db, customerId: string, addressId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await ownedOrThrow(tx, customerId, addressId);
    await tx.deleteFrom('customer_address').where('id', '=', addressId).execute();
  });
}
