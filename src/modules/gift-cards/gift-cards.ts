import type { Static } from '@sinclair/typebox';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import { hashCode, last4Of, newGiftCardCode } from './codes.ts';
import { listMovements, moveBalance } from './movements.ts';
import type { IssueGiftCardInput, UpdateGiftCardInput } from './shapes.ts';

/**
 * Staff's gift cards: issued with a code shown once (only its hash and last four characters are
 * kept), read with their movements, disabled or re-enabled, their balance adjusted with a reason.
 */
const columns = ['id', 'last4', 'currency_code', 'initial_value', 'balance', 'status', 'expires_at', 'customer_id', 'note', 'created_by', 'created_at', 'updated_at'] as const;

// The body's DateTime reaches routes typed unknown (an ISO string once validated).
type IssueInput = Omit<Static<typeof IssueGiftCardInput>, 'expires_at'> & { expires_at?: unknown };
type UpdateInput = Omit<Static<typeof UpdateGiftCardInput>, 'expires_at'> & { expires_at?: unknown };

/** A timestamp as the body gives it (DateTime: an ISO string), or null. */
const timestamp = (value: unknown) => (value == null ? null : new Date(value as string));

export async function issueGiftCard(db: Db, input: IssueInput, actor: string) {
  return inTransaction(db, async (tx) => {
    if (input.customer_id) await assertCustomerExists(tx, input.customer_id, 'body.customer_id');
    const issued = await insertGiftCard(tx, {
      currencyCode: input.currency_code, amount: input.amount, expiresAt: timestamp(input.expires_at), customerId: input.customer_id ?? null, note: input.note ?? null, actor,
    });
    return { ...(await getGiftCardOrThrow(tx, issued!.id)), code: issued!.code };
  });
}

/**
 * Writes a new card with its `issue` movement and `gift_card.issued` event, in the caller's
 * transaction; returns its id and the code (shown this once). A card for a sold unit (`sold`) that
 * already has one is not issued again: null.
 */
async function insertGiftCard(
  tx: Tx,
  input: { currencyCode: string; amount: number; expiresAt: Date | null; customerId: string | null; note: string | null; actor: string; orderId?: string; sold?: { lineItemId: string; unit: number } },
): Promise<{ id: string; code: string } | null> {
  const code = newGiftCardCode();
  const id = newId('gc');
  const inserted = await tx.insertInto('gift_card').values({
    id, kind: 'gift_card', code_hash: hashCode(code), last4: last4Of(code), currency_code: input.currencyCode, initial_value: input.amount, balance: 0,
    expires_at: input.expiresAt, customer_id: input.customerId, note: input.note, created_by: input.actor,
    order_line_item_id: input.sold?.lineItemId ?? null, order_unit: input.sold?.unit ?? null,
  }).onConflict((oc) => oc.columns(['order_line_item_id', 'order_unit']).where('order_line_item_id', 'is not', null).doNothing()).returning('id').executeTakeFirst();
  if (!inserted) return null;
  await moveBalance(tx, { balanceId: id, kind: 'issue', amount: input.amount, orderId: input.orderId ?? null, actor: input.actor });
  await recordEvents(tx, [{
    type: 'gift_card.issued', resource_type: 'gift_card', resource_id: id,
    payload: { id, last4: last4Of(code), currency_code: input.currencyCode, amount: input.amount, customer_id: input.customerId, order_id: input.orderId ?? null },
  }]);
  return { id, code };
}

/**
 * The cards for sold units (gift-card products, docs/gift-cards.md "Selling gift cards"), one per unit,
 * in the caller's transaction: a unit that already has its card is skipped, so a retry issues nothing
 * twice. Returns the cards issued now, with their codes.
 */
export async function issueSoldGiftCards(
  tx: Tx,
  input: { orderId: string; currencyCode: string; customerId: string | null; units: { lineItemId: string; unit: number; amount: number }[] },
): Promise<{ id: string; code: string; last4: string; line_item_id: string; amount: number }[]> {
  const issued = [];
  for (const unit of input.units) {
    const card = await insertGiftCard(tx, {
      currencyCode: input.currencyCode, amount: unit.amount, expiresAt: null, customerId: input.customerId, note: null, actor: 'checkout',
      orderId: input.orderId, sold: { lineItemId: unit.lineItemId, unit: unit.unit },
    });
    if (card) issued.push({ ...card, last4: last4Of(card.code), line_item_id: unit.lineItemId, amount: unit.amount });
  }
  return issued;
}

/** The units of these order lines that have their card: line id → unit numbers. */
export async function soldUnitsWithCards(db: Db, lineItemIds: string[]): Promise<Map<string, Set<number>>> {
  const units = new Map<string, Set<number>>(lineItemIds.map((id) => [id, new Set()]));
  if (lineItemIds.length === 0) return units;
  const rows = await db.selectFrom('gift_card').select(['order_line_item_id', 'order_unit']).where('order_line_item_id', 'in', lineItemIds).execute();
  for (const row of rows) units.get(row.order_line_item_id!)!.add(row.order_unit!);
  return units;
}

/**
 * Disables `count` of a line's sold cards that are still active, the fullest first (unspent before
 * partly spent): what refunding units of a gift-card line does (docs/gift-cards.md). Returns their ids.
 */
export async function disableSoldGiftCards(tx: Tx, input: { lineItemId: string; count: number }): Promise<string[]> {
  if (input.count <= 0) return [];
  const cards = await tx.selectFrom('gift_card').select('id')
    .where('order_line_item_id', '=', input.lineItemId).where('status', '=', 'active')
    .orderBy('balance', 'desc').orderBy('order_unit', 'desc').limit(input.count).forUpdate().execute();
  const ids = cards.map((c) => c.id);
  if (ids.length === 0) return [];
  await tx.updateTable('gift_card').set({ status: 'disabled', updated_at: new Date() }).where('id', 'in', ids).execute();
  await recordEvents(tx, ids.map((id) => ({
    type: 'gift_card.updated', resource_type: 'gift_card', resource_id: id, payload: { id, changed: ['status'] },
  })));
  return ids;
}

export async function getGiftCardOrThrow(db: Db, id: string) {
  const card = await db.selectFrom('gift_card').select(columns).where('id', '=', id).where('kind', '=', 'gift_card').$narrowType<{ last4: string }>().executeTakeFirst();
  if (!card) throw new AppError('gift_card_not_found', { id });
  return card;
}

export async function giftCardDetail(db: Db, id: string) {
  const card = await getGiftCardOrThrow(db, id);
  return { ...card, movements: await listMovements(db, [id]) };
}

export async function listGiftCards(db: Db, filter: { code?: string; customer_id?: string }, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('gift_card').select(columns).where('kind', '=', 'gift_card').$narrowType<{ last4: string }>();
  if (filter.code !== undefined) query = query.where('code_hash', '=', hashCode(filter.code));
  if (filter.customer_id !== undefined) query = query.where('customer_id', '=', filter.customer_id);
  if (page.after) {
    if (page.after.length !== 1 || typeof page.after[0] !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where('id', '<', page.after[0]);
  }
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

export async function updateGiftCard(db: Db, id: string, input: UpdateInput) {
  return inTransaction(db, async (tx) => {
    await getGiftCardOrThrow(tx, id);
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateInput] !== undefined);
    if (changed.length > 0) {
      const patch = { status: input.status, note: input.note, expires_at: input.expires_at === undefined ? undefined : timestamp(input.expires_at) };
      await tx.updateTable('gift_card').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
      await recordEvents(tx, [{ type: 'gift_card.updated', resource_type: 'gift_card', resource_id: id, payload: { id, changed } }]);
    }
    return giftCardDetail(tx, id);
  });
}

/** Staff add to or take from a card's balance (a signed amount), with a reason; never below zero. */
export async function adjustGiftCard(db: Db, id: string, input: { amount: number; reason: string }, actor: string) {
  return inTransaction(db, async (tx) => {
    const card = await getGiftCardOrThrow(tx, id);
    const moved = await moveBalance(tx, { balanceId: id, kind: 'adjust', amount: input.amount, reason: input.reason, actor });
    if (!moved) throw new AppError('gift_card_insufficient_balance', { field: 'body.amount', balance: card.balance, requested: -input.amount });
    return giftCardDetail(tx, id);
  });
}

export async function assertCustomerExists(db: Db, customerId: string, field?: string): Promise<void> {
  const found = await db.selectFrom('customer').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!found) throw new AppError('customer_not_found', { ...(field ? { field } : {}), id: customerId });
}

/** A gift card by the code a buyer typed (any case, dashes or not); undefined when none. */
export async function findGiftCardByCode(db: Db, code: string) {
  return db.selectFrom('gift_card').select([...columns, 'kind']).where('code_hash', '=', hashCode(code)).executeTakeFirst();
}
