import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import { problemOf, type BalanceAllocation } from './allocation.ts';
import { moveBalance } from './movements.ts';
import type { BalanceKind } from './schema.ts';

/**
 * Balances at checkout (docs/gift-cards.md): spent in checkout's reserve transaction by one conditional
 * UPDATE each, given back when the checkout is undone, paid back by refunds. On the order each balance
 * spent is a payment of the `gift_card` or `store_credit` provider, captured at once.
 */
export const BALANCE_PROVIDERS: Record<BalanceKind, string> = { gift_card: 'gift_card', store_credit: 'store_credit' };

export function isBalanceProvider(providerId: string): boolean {
  return Object.values(BALANCE_PROVIDERS).includes(providerId);
}

/**
 * Checks that the cart's balances pay `needed` (the total less what the buyer started paying by card):
 * less, because a card was emptied, disabled or expired since, is 409 with that card's reason
 * (`gift_card_insufficient_balance` when none is named), nothing charged; more (a card was topped up)
 * asks for payment again. `paying`: a card payment was started.
 */
export function assertBalancesCover(allocation: BalanceAllocation, needed: number, paying: boolean): void {
  if (allocation.total === needed) return;
  if (allocation.total < needed) {
    const short = allocation.applied.find((a) => a.problem);
    if (short) throw new AppError(short.problem!, { kind: short.kind, last4: short.last4 });
    if (paying) throw new AppError('gift_card_insufficient_balance', { needed, available: allocation.total });
  }
  throw new AppError('payment_required', { amount_due: needed - allocation.total });
}

/**
 * Spends the balances for the order, in id order (so two checkouts sharing cards cannot deadlock).
 * Each is one conditional UPDATE: active, not expired, in the order's currency, balance ≥ amount.
 * Zero rows: 409 with the reason, and the caller's transaction rolls back everything.
 */
export async function redeemBalances(tx: Tx, input: { orderId: string; currencyCode: string; allocation: BalanceAllocation }): Promise<void> {
  const spent = input.allocation.applied.filter((a) => a.amount > 0).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const part of spent) {
    const moved = await moveBalance(tx, {
      balanceId: part.id, kind: 'redeem', amount: -part.amount, orderId: input.orderId, actor: 'checkout',
      guard: sql<boolean>`status = 'active' and (expires_at is null or expires_at > now()) and currency_code = ${input.currencyCode}`,
    });
    if (!moved) {
      const card = await tx.selectFrom('gift_card').select(['currency_code', 'status', 'expires_at', 'balance']).where('id', '=', part.id).executeTakeFirstOrThrow();
      const problem = problemOf(card, input.currencyCode, new Date()) ?? 'gift_card_insufficient_balance';
      throw new AppError(problem, { kind: part.kind, last4: part.last4, ...(problem === 'gift_card_insufficient_balance' ? { needed: part.amount, balance: card.balance } : {}) });
    }
  }
}

/** What the order spent of each balance (before confirmation: nothing given back yet). */
export async function redemptionsOfOrder(db: Db, orderId: string) {
  return db.selectFrom('gift_card_movement as m').innerJoin('gift_card as g', 'g.id', 'm.gift_card_id')
    .select(['m.gift_card_id', 'g.kind', 'g.last4', 'g.currency_code', sql<number>`-m.amount`.as('amount')])
    .where('m.order_id', '=', orderId).where('m.kind', '=', 'redeem').orderBy('m.id').execute();
}

/** An undone checkout gives back what it spent (payment failed, or the sweep settled it as failed). */
export async function restoreRedemptions(tx: Tx, orderId: string): Promise<void> {
  for (const spent of await redemptionsOfOrder(tx, orderId)) {
    await moveBalance(tx, { balanceId: spent.gift_card_id, kind: 'restore', amount: Number(spent.amount), orderId, reference: `restore_${orderId}_${spent.gift_card_id}`, actor: 'checkout' });
  }
}

/**
 * The "gateway" of balance payments, for the order's money operations (orders/payment-operations.ts):
 * a refund credits the balance once per operation id (the movement's unique reference), in its own
 * transaction; capture and void have nothing to do, since a balance payment is captured when spent.
 */
export function balanceGateway(db: Db): Pick<PaymentProvider, 'capture' | 'refund' | 'cancel'> {
  return {
    async capture(input) {
      return { provider_reference: input.provider_reference };
    },
    async refund(input) {
      return inTransaction(db, async (tx) => {
        const card = await tx.selectFrom('gift_card').select('id').where('id', '=', input.provider_reference).forUpdate().executeTakeFirstOrThrow();
        const done = await tx.selectFrom('gift_card_movement').select('id').where('reference', '=', input.reference).executeTakeFirst();
        if (done) return { provider_reference: done.id };
        const order = await tx.selectFrom('order_payment_operation').select('order_id').where('id', '=', input.reference).executeTakeFirst();
        const moved = await moveBalance(tx, { balanceId: card.id, kind: 'refund', amount: input.amount, orderId: order?.order_id ?? null, reference: input.reference, actor: 'refund' });
        return { provider_reference: moved!.id };
      });
    },
    async cancel() {},
  };
}
