import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { assertCustomerExists } from './gift-cards.ts';
import { listMovements, moveBalance } from './movements.ts';

/**
 * Store credit: a balance per customer account and currency, granted or debited by staff with a
 * reason (or paid back by a refund), spent at checkout like a gift card. The account row is created
 * on first use.
 */
export async function storeCreditOf(db: Db, customerId: string) {
  await assertCustomerExists(db, customerId);
  const balances = await db.selectFrom('gift_card').select(['id', 'currency_code', 'balance', 'updated_at'])
    .where('kind', '=', 'store_credit').where('customer_id', '=', customerId).orderBy('currency_code').execute();
  return { customer_id: customerId, balances, movements: await listMovements(db, balances.map((b) => b.id)) };
}

/** Staff grant (amount > 0) or debit (amount < 0) a customer's store credit; never below zero. */
export async function changeStoreCredit(db: Db, customerId: string, input: { currency_code: string; amount: number; reason: string }, actor: string) {
  await inTransaction(db, async (tx) => {
    await assertCustomerExists(tx, customerId);
    const id = await storeCreditAccount(tx, customerId, input.currency_code, actor);
    const moved = await moveBalance(tx, { balanceId: id, kind: input.amount > 0 ? 'grant' : 'debit', amount: input.amount, reason: input.reason, actor });
    if (!moved) throw new AppError('gift_card_insufficient_balance', { field: 'body.amount', requested: -input.amount });
  });
  return storeCreditOf(db, customerId);
}

/** The customer's store credit account in this currency, created empty if it does not exist yet. */
export async function storeCreditAccount(tx: Tx, customerId: string, currencyCode: string, actor: string): Promise<string> {
  await sql`
    insert into gift_card (id, kind, currency_code, balance, customer_id, created_by)
    values (${newId('scr')}, 'store_credit', ${currencyCode}, 0, ${customerId}, ${actor})
    on conflict (customer_id, currency_code) where kind = 'store_credit' do nothing`.execute(tx);
  const row = await tx.selectFrom('gift_card').select('id')
    .where('kind', '=', 'store_credit').where('customer_id', '=', customerId).where('currency_code', '=', currencyCode).executeTakeFirstOrThrow();
  return row.id;
}
