import { formatMoney, isCurrencyCode } from '../../money/currency.ts';
import type { Product } from '../catalog/shapes.ts';
import { orderReply, policyReply, type AssistantAnswer } from './deterministic.ts';
import { priceBounds, type Intent } from './intents.ts';
import { POLICY_TOPICS, type ConversationState, type ConversationTurn, type PolicyTopic, type SearchSlots } from './schema.ts';
import { getOrderStatus, getPolicy, proposeCartAction, searchProducts, type AssistantDeps, type Caller } from './tools.ts';

/**
 * The assistant with a model: any OpenAI-compatible chat-completions endpoint (ASSISTANT_LLM_URL) that
 * calls the assistant's tools. The tools are the functions the assistant runs without a model, bound
 * to the caller: the model chooses what to search and which order number to ask about, never whose
 * order it is. A model that fails, is too slow or loops past MAX_STEPS gets no say: the caller throws,
 * and the route answers without it.
 */
export const MAX_STEPS = 5;

interface ToolCall { id: string; type: 'function'; function: { name: string; arguments: string } }
type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

const TOOLS = [
  {
    name: 'search_products',
    description: 'Search the shop\'s catalog for products in stock. Returns products with their variants (ids, options, prices).',
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'words describing the product: "rain jacket", "wool beanie"' },
        max_price: { type: 'number', description: 'highest price, in major units of the currency (100 for 100 euros)' },
        min_price: { type: 'number', description: 'lowest price, in major units' },
        currency_code: { type: 'string', description: 'ISO 4217 code of those prices; default the shopper\'s' },
        size: { type: 'string', description: 'a size: S, M, L, XL, 42…' },
        color: { type: 'string', description: 'a colour' },
      },
      required: ['query'],
    },
  },
  {
    name: 'get_order_status',
    description: 'The status of one of the shopper\'s own orders (only theirs are visible). Without a number: their latest.',
    parameters: { type: 'object', properties: { order_number: { type: 'string', description: 'the order number, digits only: 1003' } } },
  },
  {
    name: 'get_policy',
    description: 'The shop\'s own policy text on a topic.',
    parameters: { type: 'object', properties: { topic: { type: 'string', enum: [...POLICY_TOPICS] } }, required: ['topic'] },
  },
  {
    name: 'propose_cart_action',
    description: 'Propose adding a variant to the shopper\'s cart (they confirm it in the shop). Use a variant id from search_products.',
    parameters: {
      type: 'object',
      properties: { variant_id: { type: 'string' }, quantity: { type: 'integer', minimum: 1, maximum: 99 } },
      required: ['variant_id'],
    },
  },
].map((fn) => ({ type: 'function' as const, function: fn }));

const TOOL_INTENTS: Record<string, Intent> = {
  search_products: 'product_search', get_order_status: 'order_status', get_policy: 'policy', propose_cart_action: 'add_to_cart',
};

class ModelFailure extends Error {}

async function complete(deps: AssistantDeps, messages: ChatMessage[], signal: AbortSignal): Promise<{ content: string | null; tool_calls?: ToolCall[] }> {
  const { config } = deps;
  const response = await fetch(config.assistantLlmUrl!, {
    method: 'POST',
    signal,
    headers: {
      'content-type': 'application/json',
      ...(config.assistantLlmApiKey ? { authorization: `Bearer ${config.assistantLlmApiKey}` } : {}),
    },
    body: JSON.stringify({ model: config.assistantLlmModel, messages, tools: TOOLS, tool_choice: 'auto' }),
  });
  if (!response.ok) throw new ModelFailure(`the model answered ${response.status}`);
  const body = await response.json() as { choices?: { message?: { content?: string | null; tool_calls?: ToolCall[] } }[] };
  const message = body.choices?.[0]?.message;
  if (!message) throw new ModelFailure('the model answered no message');
  return { content: message.content ?? null, tool_calls: message.tool_calls };
}

function parseArguments(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text || '{}') as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

const text = (value: unknown, max = 200) => (typeof value === 'string' ? value.slice(0, max) : undefined);
const amount = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** The products as a model needs them: few fields, prices in major units of the shopper's currency. */
function forModel(products: Product[], currency: string) {
  return products.map((p) => ({
    title: p.title, handle: p.handle, description: p.description,
    variants: p.variants.filter((v) => v.in_stock).slice(0, 20).map((v) => {
      const price = v.prices.find((x) => x.currency_code === currency);
      return { variant_id: v.id, title: v.title, options: v.options, price: price ? formatMoney(price.amount, currency) : null };
    }),
  }));
}

/** Runs one tool for the caller; its result goes back to the model, its effects into the answer. */
async function runTool(deps: AssistantDeps, caller: Caller, call: ToolCall, answer: AssistantAnswer, state: ConversationState): Promise<unknown> {
  const args = parseArguments(call.function.arguments);
  answer.intent = TOOL_INTENTS[call.function.name] ?? answer.intent;
  switch (call.function.name) {
    case 'search_products': {
      const asked = text(args.currency_code, 3)?.toUpperCase();
      const currency = asked && isCurrencyCode(asked) ? asked : caller.currencyCode;
      const min = amount(args.min_price);
      const max = amount(args.max_price);
      const options: Record<string, string> = {};
      if (text(args.size, 20)) options.size = text(args.size, 20)!;
      if (text(args.color, 40)) options.color = text(args.color, 40)!;
      const slots: SearchSlots = {
        words: (text(args.query) ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 6) ?? [],
        options, currency_code: currency,
        ...priceBounds({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }, currency),
      };
      const products = await searchProducts(deps, slots);
      for (const p of products) if (!answer.products.some((q) => q.id === p.id)) answer.products.push(p);
      state.search = slots;
      state.shown = products.map((p) => p.id);
      return { products: forModel(products, currency) };
    }
    case 'get_order_status': {
      const number = text(args.order_number, 20)?.replace(/\D/g, '') || undefined;
      const lookup = await getOrderStatus(deps, caller, number);
      if (lookup.found) answer.order = lookup.order;
      return { answer: orderReply(lookup, number), ...(lookup.found ? { order: lookup.order } : {}) };
    }
    case 'get_policy': {
      const topic = text(args.topic, 20) as PolicyTopic;
      if (!POLICY_TOPICS.includes(topic)) return { error: `topic must be one of ${POLICY_TOPICS.join(', ')}` };
      return { policy: policyReply(topic, await getPolicy(deps, topic)) };
    }
    case 'propose_cart_action': {
      const variantId = text(args.variant_id, 100) ?? '';
      const quantity = typeof args.quantity === 'number' ? args.quantity : 1;
      const action = await proposeCartAction(deps, caller, variantId, quantity);
      if (!action) return { error: 'that variant cannot be sold (unknown, unpublished or out of stock), or the quantity is not 1–99' };
      answer.actions.push(action);
      return { proposed: action };
    }
    default:
      return { error: `no tool named ${call.function.name}` };
  }
}

export async function answerWithModel(
  deps: AssistantDeps, caller: Caller, message: string, conversation: { state: ConversationState; turns: ConversationTurn[] },
): Promise<{ answer: AssistantAnswer; state: ConversationState }> {
  const signal = AbortSignal.timeout(deps.config.assistantLlmTimeoutMs);
  const state: ConversationState = { ...conversation.state };
  const answer: AssistantAnswer = { reply: '', intent: 'unknown', products: [], actions: [], order: null };
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content: 'You are the shopping assistant of an online shop. Answer briefly, in the shopper\'s language. Use the tools for '
        + 'products, orders, the shop\'s policies and cart proposals; never invent products, prices, order details or policies. '
        + `Prices are in ${caller.currencyCode} unless the shopper names another currency.`,
    },
    ...conversation.turns.map((t) => ({ role: t.role, content: t.content }) as ChatMessage),
    { role: 'user', content: message },
  ];
  for (let step = 0; step < MAX_STEPS; step++) {
    const reply = await complete(deps, messages, signal);
    if (!reply.tool_calls?.length) {
      if (!reply.content?.trim()) throw new ModelFailure('the model answered nothing');
      answer.reply = reply.content.trim();
      return { answer, state };
    }
    messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.tool_calls });
    for (const call of reply.tool_calls) {
      const result = await runTool(deps, caller, call, answer, state);
      messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) });
    }
  }
  throw new ModelFailure(`the model did not answer within ${MAX_STEPS} steps`);
}
