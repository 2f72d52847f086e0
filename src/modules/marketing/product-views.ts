import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvent } from '../events/outbox.ts';
import { currentConsent } from './consent.ts';

/**
 * A product view the storefront reports for a signed-in customer, for the marketing tool's "viewed
 * product" flows. Recorded (customer.product_viewed) only for a customer who consented to email
 * marketing: without consent nothing about their browsing is kept. Returns whether it was recorded.
 */
export async function recordProductView(db: Db, customerId: string, productId: string): Promise<boolean> {
  const product = await db.selectFrom('product').select('id').where('id', '=', productId).where('status', '=', 'published').executeTakeFirst();
  if (!product) throw new AppError('product_not_found', { field: 'body.product_id', id: productId });
  if (!(await currentConsent(db, customerId)).email.granted) return false;
  await inTransaction(db, (tx) => recordEvent(tx, {
    type: 'customer.product_viewed', resource_type: 'customer', resource_id: customerId, payload: { customer_id: customerId, product_id: productId },
  }));
  return true;
}
