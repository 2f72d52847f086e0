import { formatMoney } from '../../money/currency.ts';
import { getPublishedProducts, publishedOptionValues } from '../catalog/product-query.ts';
import type { Product } from '../catalog/shapes.ts';
import { parseMessage, priceBounds, type Intent, type OptionVocabulary, type ParsedMessage } from './intents.ts';
import type { ConversationState, PolicyTopic, SearchSlots } from './schema.ts';
import {
  getOrderStatus, getPolicy, matchingVariants, proposeCartAction, searchProducts,
  type AssistantDeps, type Caller, type CartAction, type OrderLookup, type OrderStatus,
} from './tools.ts';

/** What the assistant answers, with or without a model. */
export interface AssistantAnswer {
  reply: string;
  intent: Intent;
  products: Product[];
  actions: CartAction[];
  order: OrderStatus | null;
}

/** The cheapest price of the product's variants that match, in the search's currency. */
function lowestPrice(product: Product, slots: SearchSlots): number | null {
  const prices = matchingVariants(product, slots).flatMap((v) => v.prices.filter((p) => p.currency_code === slots.currency_code).map((p) => p.amount));
  return prices.length ? Math.min(...prices) : null;
}

function describe(slots: SearchSlots): string {
  const parts: string[] = [];
  if (slots.words.length) parts.push(`for “${slots.words.join(' ')}”`);
  for (const [option, value] of Object.entries(slots.options)) parts.push(option === 'size' ? `in size ${value}` : `in ${value}`);
  if (slots.price_min !== undefined) parts.push(`from ${formatMoney(slots.price_min, slots.currency_code!)}`);
  if (slots.price_max !== undefined) parts.push(`up to ${formatMoney(slots.price_max, slots.currency_code!)}`);
  return parts.join(', ');
}

export function orderReply(lookup: OrderLookup, orderNumber: string | undefined): string {
  if (!lookup.found) {
    switch (lookup.reason) {
      case 'no_orders': return 'You have no orders with us yet.';
      case 'need_number': return 'Which order? Give me its number (#1001, say).';
      case 'sign_in': return 'Sign in to ask about your orders, or open the link in your order confirmation and ask from there.';
      default: return `I can’t find an order ${orderNumber ? `#${orderNumber} ` : ''}for you. If you ordered as a guest, open the link in your order confirmation and ask from there, or sign in.`;
    }
  }
  const { order } = lookup;
  const name = `Order ${order.display_number ?? order.id}`;
  if (order.status === 'canceled') return `${name} was canceled.`;
  const progress: Record<string, string> = {
    unfulfilled: 'is being prepared and has not shipped yet',
    partially_fulfilled: 'is partly packed; the rest is being prepared',
    fulfilled: 'is packed and ready to ship',
    partially_shipped: 'has partly shipped',
    shipped: 'has shipped',
    partially_delivered: 'is partly delivered',
    delivered: 'has been delivered',
    partially_returned: 'has been partly returned',
    returned: 'has been returned',
  };
  const payment: Record<string, string> = {
    not_paid: 'not paid yet', authorized: 'payment authorized', captured: 'paid', partially_refunded: 'partly refunded', refunded: 'refunded', voided: 'payment voided',
  };
  return `${name} ${progress[order.fulfillment_status] ?? `is ${order.fulfillment_status.replace(/_/g, ' ')}`} (${payment[order.payment_status] ?? order.payment_status.replace(/_/g, ' ')}).`;
}

const POLICY_NAMES: Record<PolicyTopic, string> = {
  shipping: 'shipping', returns: 'returns', payments: 'payment', warranty: 'warranty', contact: 'contact',
};

export function policyReply(topic: PolicyTopic, text: string | null): string {
  return text ?? `The shop has not written its ${POLICY_NAMES[topic]} policy here yet; please contact the shop.`;
}

export const HELP = 'I can find products (“a warm jacket under 100 euros in M”), tell you where your order is (“where is my order #1003”), '
  + 'answer shipping and returns questions, and add what you choose to your cart.';

export async function optionVocabulary(deps: AssistantDeps): Promise<OptionVocabulary> {
  const vocabulary: OptionVocabulary = new Map();
  for (const row of await publishedOptionValues(deps.db)) vocabulary.set(row.value.toLowerCase(), row);
  return vocabulary;
}

/** The search a message asks for: its own words, or the last search narrowed ("in size L", "cheaper"). */
function searchFor(parsed: ParsedMessage, state: ConversationState, caller: Caller): SearchSlots {
  const previous = !parsed.words.length ? state.search : undefined;
  const currency = parsed.currency_code ?? previous?.currency_code ?? caller.currencyCode;
  const slots: SearchSlots = {
    words: previous?.words ?? parsed.words,
    options: { ...previous?.options, ...parsed.options },
    currency_code: currency,
    ...(previous && previous.currency_code === currency ? { price_min: previous.price_min, price_max: previous.price_max } : {}),
    ...(parsed.amounts ? priceBounds(parsed.amounts, currency) : {}),
  };
  return slots;
}

async function findProducts(deps: AssistantDeps, caller: Caller, parsed: ParsedMessage, state: ConversationState) {
  const slots = searchFor(parsed, state, caller);
  // "Cheaper" is below what was shown, whatever floor the last search had.
  if (parsed.cheaper) delete slots.price_min;
  if (parsed.cheaper && state.shown?.length && !parsed.words.length) {
    const shown = await getPublishedProducts(deps.db, state.shown);
    const prices = shown.map((p) => lowestPrice(p, { ...slots, price_min: undefined, price_max: undefined })).filter((p): p is number => p !== null);
    if (prices.length) slots.price_max = Math.min(...prices) - 1;
  }
  let products = await searchProducts(deps, slots, parsed.cheaper ? 40 : undefined);
  if (parsed.cheaper) {
    products = products.map((p) => ({ p, price: lowestPrice(p, slots) ?? Infinity }))
      .sort((a, b) => a.price - b.price).map((x) => x.p).slice(0, 5);
  }
  const what = describe(slots);
  const list = products.map((p) => {
    const price = lowestPrice(p, slots);
    return price === null ? p.title : `${p.title} (${formatMoney(price, slots.currency_code!)})`;
  });
  const reply = products.length
    ? `Here ${products.length === 1 ? 'is what I found' : `are ${products.length} I found`}${what ? ` ${what}` : ''}: ${list.join('; ')}.`
    : `I found nothing in stock${what ? ` ${what}` : ''}. Try other words, or a wider price range.`;
  return { reply, products, slots };
}

async function addToCart(deps: AssistantDeps, caller: Caller, parsed: ParsedMessage, state: ConversationState): Promise<{ reply: string; products: Product[]; actions: CartAction[] }> {
  let product: Product | undefined;
  let options = { ...state.search?.options, ...parsed.options };
  if (parsed.words.length) {
    [product] = await searchProducts(deps, { words: parsed.words, options: parsed.options, currency_code: caller.currencyCode }, 1);
    if (product) options = parsed.options;
  }
  if (!product && state.shown?.length) {
    const index = parsed.ordinal === undefined ? 0 : parsed.ordinal < 0 ? state.shown.length - 1 : parsed.ordinal;
    [product] = await getPublishedProducts(deps.db, state.shown.slice(index, index + 1));
  }
  if (!product) return { reply: 'Which product? Ask me to find it first, then say “add it to my cart”.', products: [], actions: [] };
  const variants = matchingVariants(product, { words: [], options });
  if (!variants.length) return { reply: `${product.title} is not in stock${Object.keys(options).length ? ' with those options' : ''}.`, products: [product], actions: [] };
  if (variants.length > 1) {
    const differing = product.options.filter((o) => new Set(variants.map((v) => v.options[o.title])).size > 1);
    const choices = differing.map((o) => `${o.title.toLowerCase()} (${[...new Set(variants.map((v) => v.options[o.title]))].join(', ')})`);
    return { reply: `Which ${choices.join(' and ')} of ${product.title} would you like?`, products: [product], actions: [] };
  }
  const action = await proposeCartAction(deps, caller, variants[0].id, parsed.quantity);
  if (!action) return { reply: `${product.title} cannot be added in that quantity.`, products: [product], actions: [] };
  const variantName = variants[0].title ? ` (${variants[0].title})` : '';
  return { reply: `Shall I add ${action.quantity} × ${product.title}${variantName} to your cart?`, products: [product], actions: [action] };
}

/** The answer without a model: the message parsed, then one of the tools, then a sentence. */
export async function answerWithoutModel(deps: AssistantDeps, caller: Caller, message: string, state: ConversationState): Promise<{ answer: AssistantAnswer; state: ConversationState }> {
  const parsed = parseMessage(message, await optionVocabulary(deps));
  const empty = { products: [], actions: [], order: null, intent: parsed.intent };
  switch (parsed.intent) {
    case 'order_status': {
      const lookup = await getOrderStatus(deps, caller, parsed.order_number);
      return { answer: { ...empty, reply: orderReply(lookup, parsed.order_number), order: lookup.found ? lookup.order : null }, state };
    }
    case 'policy':
      return { answer: { ...empty, reply: policyReply(parsed.policy!, await getPolicy(deps, parsed.policy!)) }, state };
    case 'add_to_cart': {
      const added = await addToCart(deps, caller, parsed, state);
      return { answer: { ...empty, ...added }, state };
    }
    case 'product_search': {
      const found = await findProducts(deps, caller, parsed, state);
      return { answer: { ...empty, reply: found.reply, products: found.products }, state: { search: found.slots, shown: found.products.map((p) => p.id) } };
    }
    default:
      return { answer: { ...empty, reply: HELP }, state };
  }
}
