import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { recordEvents } from '../events/outbox.ts';
import type { MovementKind } from './schema.ts';

/**
 * The one way a balance changes: one conditional UPDATE (the database decides; the balance never goes
 * below zero, and `guard` adds the caller's conditions, e.g. the card is active), then its movement row
 * and a `<kind>.balance_changed` event, in the caller's transaction. Null when the UPDATE matched nothing.
 */
export async function moveBalance(
  tx: Tx,
  input: { balanceId: string; kind: MovementKind; amount: number; reason?: string | null; orderId?: string | null; reference?: string | null; actor: string; guard?: RawBuilder<boolean> },
): Promise<{ id: string; balance_before: number; balance_after: number } | null> {
  const { rows } = await sql<{ balance: string | number; kind: 'gift_card' | 'store_credit'; currency_code: string; customer_id: string | null }>`
    update gift_card set balance = balance + ${input.amount}::bigint, updated_at = now()
    where id = ${input.balanceId} and balance + ${input.amount}::bigint >= 0 and ${input.guard ?? sql<boolean>`true`}
    returning balance, kind, currency_code, customer_id`.execute(tx);
  const row = rows[0];
  if (!row) return null;
  const after = Number(row.balance);
  const movement = {
    id: newId('gcm'), gift_card_id: input.balanceId, kind: input.kind, amount: input.amount, balance_before: after - input.amount, balance_after: after,
    reason: input.reason ?? null, order_id: input.orderId ?? null, reference: input.reference ?? null, actor: input.actor,
  };
  await tx.insertInto('gift_card_movement').values(movement).execute();
  await recordEvents(tx, [{
    type: `${row.kind}.balance_changed`, resource_type: row.kind, resource_id: input.balanceId,
    payload: {
      id: input.balanceId, movement_id: movement.id, kind: input.kind, amount: input.amount, balance: after, currency_code: row.currency_code,
      order_id: movement.order_id, ...(row.kind === 'store_credit' ? { customer_id: row.customer_id } : {}),
    },
  }]);
  return movement;
}

export async function listMovements(db: Db, balanceIds: string[], limit = 100) {
  if (balanceIds.length === 0) return [];
  return db.selectFrom('gift_card_movement')
    .select(['id', 'gift_card_id', 'kind', 'amount', 'balance_before', 'balance_after', 'reason', 'order_id', 'actor', 'created_at'])
    .where('gift_card_id', 'in', balanceIds).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
