import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors.ts';
import type { ConversationState, ConversationTurn } from './schema.ts';

/** Turns kept for a model's context: enough for a follow-up, little to hold. */
const KEPT_TURNS = 10;
/** A stored turn's text is cut to this length. */
const TURN_CHARS = 1000;

export interface Conversation { id: string; state: ConversationState; turns: ConversationTurn[] }

/**
 * The caller's conversation: a customer's own, or a guest conversation (its id is its key). Another
 * customer's, a guest's asked for by a customer, and one pruned are all unknown alike.
 */
export async function loadConversation(db: Db, id: string, customerId: string | null): Promise<Conversation> {
  const row = await db.selectFrom('assistant_conversation').select(['id', 'customer_id', 'state', 'turns']).where('id', '=', id).executeTakeFirst();
  if (!row || row.customer_id !== customerId) throw new AppError('assistant_conversation_not_found', { id });
  return { id: row.id, state: row.state, turns: row.turns };
}

export async function saveConversation(db: Db, conversation: { id?: string; state: ConversationState; turns: ConversationTurn[] }, customerId: string | null): Promise<string> {
  const turns = JSON.stringify(conversation.turns.slice(-KEPT_TURNS).map((t) => ({ role: t.role, content: t.content.slice(0, TURN_CHARS) })));
  const state = JSON.stringify(conversation.state);
  if (conversation.id) {
    await db.updateTable('assistant_conversation').set({ state, turns, updated_at: sql`now()` }).where('id', '=', conversation.id).execute();
    return conversation.id;
  }
  const id = newId('asst');
  await db.insertInto('assistant_conversation').values({ id, customer_id: customerId, state, turns }).execute();
  return id;
}

/** Forgets conversations idle since `before`. */
export async function pruneConversations(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('assistant_conversation').where('updated_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
