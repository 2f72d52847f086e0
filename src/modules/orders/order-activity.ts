import type { Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { recordEvents } from '../events/outbox.ts';
import type { Actor } from './order-state.ts';

/**
 * Writes what happened to an order twice, in the caller's transaction: as an event in the outbox
 * (webhooks, subscribers) and as a row of the order's timeline with who did it. Both commit with the
 * change or not at all. Return events are about the return (`resource_type: 'return'`) and carry the
 * order's id; every other event is about the order.
 */
export async function recordOrderActivity(
  tx: Tx,
  input: { orderId: string; type: string; actor: Actor; data: Record<string, unknown>; resource?: { type: string; id: string } },
): Promise<string> {
  const resource = input.resource ?? { type: 'order', id: input.orderId };
  const id = newId('oact');
  await tx.insertInto('order_activity').values({
    id, order_id: input.orderId, type: input.type, actor_type: input.actor.type, actor_id: input.actor.id,
    data: JSON.stringify(input.data),
  }).execute();
  await recordEvents(tx, [{
    type: input.type, resource_type: resource.type, resource_id: resource.id,
    payload: { order_id: input.orderId, ...input.data, actor: { type: input.actor.type, id: input.actor.id } },
  }]);
  return id;
}
