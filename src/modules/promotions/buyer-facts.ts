import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { emailHashes } from '../../crypto/data-encryption.ts';
import { segmentsContaining } from '../marketing/segments.ts';
import type { BuyerFacts, CandidatePromotion } from './discounts.ts';

/**
 * What the conditions on the buyer read, for the cart read: the signed-in customer's groups, the
 * marketing segments they are in (asked of the marketing module, among those the promotions name),
 * and whether this is their first order. Each is looked up only when a promotion on the cart asks
 * for it, so carts without such promotions pay nothing.
 *
 * First order: no earlier order placed by the account or with the cart's email (a guest's earlier
 * orders count against their account too, and the reverse), other than this cart's own; canceled
 * orders do not count (the buyer got nothing, and canceling gave the promotion's use back).
 */
export async function loadBuyerFacts(
  db: Db, buyer: { cart_id: string; customer_id: string | null; email: string | null }, promotions: CandidatePromotion[],
): Promise<BuyerFacts> {
  const facts: BuyerFacts = { group_ids: [], segment_ids: [], first_order: true };
  const customerId = buyer.customer_id;
  if (customerId !== null && promotions.some((p) => p.customer_group_ids.length)) {
    facts.group_ids = (await db.selectFrom('customer_group_member').select('group_id').where('customer_id', '=', customerId).execute()).map((m) => m.group_id);
  }
  const segmentIds = [...new Set(promotions.flatMap((p) => p.segment_ids))];
  if (customerId !== null && segmentIds.length) facts.segment_ids = await segmentsContaining(db, customerId, segmentIds);
  if (promotions.some((p) => p.first_order_only) && (customerId !== null || buyer.email !== null)) {
    const hashes = buyer.email === null ? [] : emailHashes(buyer.email);
    const { rows } = await sql<{ one: number }>`select 1 as one from orders o
      where o.placed_at is not null and o.status <> 'canceled' and o.cart_id <> ${buyer.cart_id}
        and (o.customer_id = ${customerId} or o.email_hash = any(${hashes}::text[])) limit 1`.execute(db);
    facts.first_order = rows.length === 0;
  }
  return facts;
}
