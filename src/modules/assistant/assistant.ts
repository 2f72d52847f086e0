import type { FastifyBaseLogger } from 'fastify';
import { assertCurrencyCode } from '../../money/currency.ts';
import { loadCartState } from '../cart/cart-query.ts';
import { findDefaultRegion } from '../regions/regions.ts';
import { loadConversation, saveConversation } from './conversations.ts';
import { answerWithoutModel, type AssistantAnswer } from './deterministic.ts';
import { answerWithModel } from './llm.ts';
import type { AssistantDeps, Caller } from './tools.ts';

export interface AssistantRequest {
  message: string;
  conversation_id?: string;
  cart_id?: string;
  currency_code?: string;
}

/** The currency prices are compared in: the one asked for, the cart's, the default region's. */
async function currencyFor(deps: AssistantDeps, input: AssistantRequest, cartCurrency: string | null): Promise<string> {
  if (input.currency_code) {
    assertCurrencyCode(input.currency_code, 'body.currency_code');
    return input.currency_code;
  }
  return cartCurrency ?? (await findDefaultRegion(deps.db))?.currency_code ?? 'USD';
}

/**
 * One turn of a conversation: the caller's conversation continued (or a new one), answered by the
 * model when one is configured and answers, else by parsing the message; then remembered.
 */
export async function converse(
  deps: AssistantDeps, input: AssistantRequest, who: { customerId: string | null; orderToken: string | undefined }, log: FastifyBaseLogger,
): Promise<AssistantAnswer & { conversation_id: string }> {
  const conversation = input.conversation_id
    ? await loadConversation(deps.db, input.conversation_id, who.customerId)
    : { state: {}, turns: [] };
  const cart = input.cart_id ? await loadCartState(deps.db, input.cart_id, { customerId: who.customerId }) : null;
  const caller: Caller = { ...who, cartId: cart?.id ?? null, currencyCode: await currencyFor(deps, input, cart?.currency_code ?? null) };

  let result: Awaited<ReturnType<typeof answerWithoutModel>> | null = null;
  if (deps.config.assistantLlmUrl) {
    try {
      result = await answerWithModel(deps, caller, input.message, conversation);
    } catch (error) {
      log.warn({ err: error }, 'assistant model failed; answering without it');
    }
  }
  result ??= await answerWithoutModel(deps, caller, input.message, conversation.state);
  const turns = [...conversation.turns, { role: 'user' as const, content: input.message }, { role: 'assistant' as const, content: result.answer.reply }];
  const id = await saveConversation(deps.db, { id: input.conversation_id, state: result.state, turns }, who.customerId);
  return { ...result.answer, conversation_id: id };
}
