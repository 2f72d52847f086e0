import type { Db } from '../../db/database.ts';
import { consentHistory, currentConsent } from '../marketing/consent.ts';
import { getOrderOrThrow } from '../orders/orders.ts';
import { listAddresses } from './addresses.ts';
import { getCustomerOrThrow } from './profile.ts';

/**
 * Everything the shop holds about one customer, in one document (GDPR art. 15 and 20: access and
 * portability): the profile, the address book, marketing consent with its whole history (when and
 * where each grant and withdrawal was recorded), and every order with its lines, addresses and
 * payments. Decrypted for the customer or staff asking; an erased customer's export shows what
 * erasure left.
 */
export async function exportCustomerData(db: Db, customerId: string, orderNumberPrefix: string) {
  const customer = await getCustomerOrThrow(db, customerId);
  const orderIds = await db.selectFrom('orders').select('id').where('customer_id', '=', customerId).where('status', '<>', 'pending')
    .orderBy('placed_at').orderBy('id').execute();
  const orders = [];
  for (const { id } of orderIds) orders.push(await getOrderOrThrow(db, id, orderNumberPrefix));
  return {
    format: 'cartwright.customer_export' as const,
    version: 1,
    exported_at: new Date(),
    customer,
    addresses: await listAddresses(db, customerId),
    marketing_consent: { ...(await currentConsent(db, customerId)), history: await consentHistory(db, customerId) },
    orders,
  };
}
