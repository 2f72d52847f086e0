import { inTransaction } from '../../db/transaction.ts';
import { captureOrder } from '../orders/capture.ts';
import { openDraftOrderOrThrow, recordDraftCompleted } from '../orders/draft-orders.ts';
import { recordOrderActivity } from '../orders/order-activity.ts';
import { actorRef, type Actor } from '../orders/order-state.ts';
import { completeCart } from './complete-cart.ts';
import { startPayment, type CheckoutDeps } from './start-payment.ts';

/**
 * Staff mark a draft order paid: its cart goes through ordinary checkout (payment with the manual
 * provider, complete), then what checkout left authorized (the manual provider never captures at
 * checkout) is captured: staff saying it is paid is the money having arrived.
 * Returns the order's id.
 */
export async function markDraftOrderPaid(deps: CheckoutDeps, id: string, input: { note?: string }, actor: Actor): Promise<string> {
  const draft = await openDraftOrderOrThrow(deps.db, id);
  await startPayment(deps, draft.cart_id, { provider_id: 'manual' }, 'system');
  const order = await completeCart(deps, draft.cart_id, 'system');
  if (order.payment_status === 'authorized') await captureOrder(deps, order.id, {}, actor);
  await inTransaction(deps.db, async (tx) => {
    await recordDraftCompleted(tx, draft.cart_id, order.id, actorRef(actor));
    await recordOrderActivity(tx, { orderId: order.id, type: 'order.created_from_draft', actor, data: { draft_order_id: id, provider_id: 'manual', note: input.note ?? null } });
  });
  return order.id;
}
