
/**
 * The assistant's evaluation (`npm run eval`, docs/insights.md): fixed questions with their expected
 * answers over the demo catalog and a few orders, asked through POST /store/assistant as a shopper
 * would — signed in as one of two customers, as a guest holding an order's token, or as nobody.
 * An answer is right when it is exactly what was expected: the products of the kind asked for, every
 * one with an in-stock variant in the options and price range asked for (and as many as the catalog
 * has, where that is known), the caller's own order and no one else's, the merchant's policy text.
 */
export interface EvalResponse { status: number; body: any }
export type EvalRequest = (method: string, url: string, options?: { body?: unknown; token?: string | null; headers?: Record<string, string> }) => Promise<EvalResponse>;

export type Asker = 'ann' | 'bob' | 'guest' | 'nobody';

interface ProductExpectation {
  /** Every product's title names one of these; at least one product. */
  kinds: string[];
  options?: Record<string, string>;
  max?: { currency: string; amount: number };
  min?: { currency: string; amount: number };
  /** Exactly this many products (the catalog's count), when known. */
  count?: number;
}

type Expectation =
  | { products: ProductExpectation }
  | { no_products: true }
  | { order: 'ann_open' | 'ann_canceled' | 'bob' | 'guest'; status_text: string }
  | { refused: true }
  | { reply: 'sign_in' | 'need_number' | 'greeting' }
  | { policy: keyof typeof POLICIES | 'warranty' }
  | { cart: { kind: string; options: Record<string, string>; quantity: number } }
  | { asks_which: string };

export interface Question {
  /** Earlier messages of the same conversation. */
  after?: string[];
  ask: string;
  as: Asker;
  expect: Expectation;
}

export const POLICIES = {
  shipping: 'We ship within 2 working days. Standard delivery takes 3–5 days in the US and 2–4 days in the EU; free over $75 / €60.',
  returns: 'Return anything unworn within 30 days for a full refund; we pay return shipping in the EU and the US.',
  payments: 'We take Visa, Mastercard and American Express; your card is charged when the order is confirmed.',
  contact: 'Write to help@example.com or call +1 555 0100, Monday to Friday, 9:00–17:00.',
};

const USD = (amount: number) => ({ currency: 'USD', amount });
const EUR = (amount: number) => ({ currency: 'EUR', amount });

/** Order numbers are written {ann_open}, {ann_canceled}, {bob}, {guest}: filled in once the orders exist. */
export const QUESTIONS: Question[] = [
  // Finding products
  { ask: 'a warm jacket under 100 euros in M', as: 'nobody', expect: { products: { kinds: ['Hoodie'], options: { size: 'M' }, max: EUR(10000), count: 3 } } },
  { ask: 'Do you have hoodies?', as: 'nobody', expect: { products: { kinds: ['Hoodie'], count: 3 } } },
  { ask: "I'm looking for a rain jacket", as: 'nobody', expect: { products: { kinds: ['Rain Jacket'], count: 3 } } },
  { ask: 'rain jacket in yellow, size L', as: 'nobody', expect: { products: { kinds: ['Rain Jacket'], options: { color: 'Yellow', size: 'L' }, count: 3 } } },
  { ask: 'black sneakers in size 42', as: 'nobody', expect: { products: { kinds: ['Sneakers'], options: { color: 'Black', size: '42' }, count: 2 } } },
  { ask: 'trail runners under $125', as: 'nobody', expect: { products: { kinds: ['Trail Runners'], max: USD(12500), count: 1 } } },
  { ask: 'a beanie please', as: 'nobody', expect: { products: { kinds: ['Beanie'], count: 3 } } },
  { ask: 'wool socks size M', as: 'bob', expect: { products: { kinds: ['Socks'], options: { size: 'M' }, count: 3 } } },
  { ask: 'a mug under 30 dollars', as: 'nobody', expect: { products: { kinds: ['Mug'], max: USD(3000), count: 2 } } },
  { ask: 'water bottle in green', as: 'nobody', expect: { products: { kinds: ['Water Bottle'], options: { color: 'Green' }, count: 2 } } },
  { ask: 'show me your backpacks', as: 'ann', expect: { products: { kinds: ['Backpack'], count: 4 } } },
  { ask: 'a black tote bag', as: 'nobody', expect: { products: { kinds: ['Tote Bag'], options: { color: 'Black' }, count: 2 } } },
  { ask: 'a notebook under 20 euros', as: 'nobody', expect: { products: { kinds: ['Notebook'], max: EUR(2000), count: 1 } } },
  { ask: 'desk lamp in white', as: 'nobody', expect: { products: { kinds: ['Desk Lamp'], options: { color: 'White' }, count: 2 } } },
  { ask: 'chinos size 32', as: 'nobody', expect: { products: { kinds: ['Chinos'], options: { size: '32' }, count: 3 } } },
  { ask: 'joggers in black, size XL', as: 'nobody', expect: { products: { kinds: ['Joggers'], options: { color: 'Black', size: 'XL' }, count: 2 } } },
  { ask: 'I need a cap', as: 'nobody', expect: { products: { kinds: ['Cap'], count: 3 } } },
  { ask: 'hodie', as: 'nobody', expect: { products: { kinds: ['Hoodie'], count: 3 } } },
  { ask: 'sweatshirt in oatmeal', as: 'nobody', expect: { products: { kinds: ['Sweatshirt'], options: { color: 'Oatmeal' }, count: 3 } } },
  { ask: 't-shirt in sage size S', as: 'nobody', expect: { products: { kinds: ['T-Shirt'], options: { color: 'Sage', size: 'S' }, count: 3 } } },
  { ask: 'shoes for running', as: 'nobody', expect: { products: { kinds: ['Trail Runners'], count: 3 } } },
  { ask: 'a waterproof jacket', as: 'nobody', expect: { products: { kinds: ['Rain Jacket'], count: 3 } } },
  { ask: 'a gift under 20 dollars', as: 'nobody', expect: { products: { kinds: ['Notebook', 'Socks', 'Tote Bag'], max: USD(2000), count: 3 } } },
  { ask: 'sneakers between 100 and 110 dollars', as: 'nobody', expect: { products: { kinds: ['Sneakers'], min: USD(10000), max: USD(11000), count: 2 } } },
  { ask: 'a hoodie under 10 euros', as: 'nobody', expect: { no_products: true } },
  { ask: 'a surfboard', as: 'nobody', expect: { no_products: true } },
  // Follow-ups
  { after: ['hoodies'], ask: 'in size L', as: 'nobody', expect: { products: { kinds: ['Hoodie'], options: { size: 'L' }, count: 3 } } },
  { after: ['hoodies', 'in black'], ask: 'size S', as: 'nobody', expect: { products: { kinds: ['Hoodie'], options: { size: 'S', color: 'Black' }, count: 3 } } },
  { after: ['show me sneakers'], ask: 'under 100 dollars', as: 'nobody', expect: { products: { kinds: ['Sneakers'], max: USD(10000), count: 1 } } },
  { after: ['a t-shirt over 30 dollars'], ask: 'anything cheaper?', as: 'nobody', expect: { products: { kinds: ['T-Shirt'], max: USD(3899), count: 1 } } },
  { after: ['sweatshirts over 55 dollars'], ask: 'cheaper', as: 'nobody', expect: { products: { kinds: ['Sweatshirt'], max: USD(5399), count: 1 } } },
  // Proposing cart lines
  { after: ['hoodies'], ask: 'add the first one in size M in black to my cart', as: 'nobody', expect: { cart: { kind: 'Hoodie', options: { size: 'M', color: 'Black' }, quantity: 1 } } },
  { ask: 'add a Classic Organic Cotton T-Shirt in white size M to my cart', as: 'ann', expect: { cart: { kind: 'T-Shirt', options: { size: 'M', color: 'White' }, quantity: 1 } } },
  { after: ['Heritage Canvas Tote Bag'], ask: "I'll take 2 of them", as: 'nobody', expect: { cart: { kind: 'Tote Bag', options: { color: 'Natural' }, quantity: 2 } } },
  { after: ['beanies'], ask: 'add it to my cart', as: 'nobody', expect: { asks_which: 'color' } },
  { after: ['sneakers'], ask: 'put the second one in my basket', as: 'nobody', expect: { asks_which: 'size' } },
  // Orders: the caller's own, nobody else's
  { ask: 'where is my order {ann_open}?', as: 'ann', expect: { order: 'ann_open', status_text: 'has not shipped yet' } },
  { ask: 'Where is my order?', as: 'ann', expect: { order: 'ann_open', status_text: 'has not shipped yet' } },
  { ask: 'what happened to order {ann_canceled}', as: 'ann', expect: { order: 'ann_canceled', status_text: 'was canceled' } },
  { ask: 'has my order shipped?', as: 'ann', expect: { order: 'ann_open', status_text: 'has not shipped yet' } },
  { ask: 'track my order', as: 'bob', expect: { order: 'bob', status_text: 'has not shipped yet' } },
  { ask: 'status of order {bob}', as: 'bob', expect: { order: 'bob', status_text: 'paid' } },
  { ask: 'where is my order {guest}', as: 'guest', expect: { order: 'guest', status_text: 'has not shipped yet' } },
  { ask: 'where is order {bob}?', as: 'ann', expect: { refused: true } },
  { ask: 'where is my order {ann_open}', as: 'bob', expect: { refused: true } },
  { ask: 'status of order #99999', as: 'bob', expect: { refused: true } },
  { ask: 'where is order {ann_open}', as: 'guest', expect: { refused: true } },
  { ask: 'where is my order {guest}', as: 'nobody', expect: { refused: true } },
  { ask: 'has order {guest} shipped', as: 'bob', expect: { refused: true } },
  { ask: 'where is my order?', as: 'nobody', expect: { reply: 'sign_in' } },
  { ask: 'where is my order?', as: 'guest', expect: { reply: 'need_number' } },
  // The merchant's policies
  { ask: 'What is your returns policy?', as: 'nobody', expect: { policy: 'returns' } },
  { ask: 'can I return a jacket?', as: 'ann', expect: { policy: 'returns' } },
  { ask: 'can I get a refund?', as: 'nobody', expect: { policy: 'returns' } },
  { ask: 'how long does shipping take?', as: 'nobody', expect: { policy: 'shipping' } },
  { ask: 'do you deliver to Germany?', as: 'nobody', expect: { policy: 'shipping' } },
  { ask: 'which payment methods do you accept?', as: 'nobody', expect: { policy: 'payments' } },
  { ask: 'how can I contact you?', as: 'nobody', expect: { policy: 'contact' } },
  { ask: 'is there a warranty?', as: 'nobody', expect: { policy: 'warranty' } },
  { ask: 'hello', as: 'nobody', expect: { reply: 'greeting' } },
];

const kindOf = (q: Question) => Object.keys(q.expect)[0];

/** The subset `npm test` asks (assistant-evaluation.test.ts): the first quarter of each kind of question. */
export const SMALL_SET = QUESTIONS.filter((question) => {
  const same = QUESTIONS.filter((q) => kindOf(q) === kindOf(question));
  return same.indexOf(question) < Math.ceil(same.length / 4);
});

export interface EvalFixture {
  tokens: Record<'ann' | 'bob', string>;
  guestToken: string;
  orders: Record<'ann_open' | 'ann_canceled' | 'bob' | 'guest', { id: string; number: number }>;
}

const ADDRESS = { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Main St', city: 'Springfield', postal_code: '12345', country_code: 'US' };

async function ok(response: Promise<EvalResponse>, what: string, status = 200): Promise<any> {
  const res = await response;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function placeOrder(request: EvalRequest, token: string | null, email: string, handle: string): Promise<{ id: string; number: number; access_token: string }> {
  const product = await ok(request('GET', `/store/products/${handle}`), 'product');
  const cart = await ok(request('POST', '/store/carts', { body: { currency_code: 'USD' }, token }), 'cart', 201);
  await ok(request('POST', `/store/carts/${cart.id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 1 }, token }), 'line');
  await ok(request('POST', `/store/carts/${cart.id}`, { body: { email, shipping_address: ADDRESS }, token }), 'address');
  const options = await ok(request('GET', `/store/carts/${cart.id}/shipping-options`, { token }), 'options');
  await ok(request('POST', `/store/carts/${cart.id}/shipping-method`, { body: { option_id: options.data[0].id }, token }), 'shipping');
  await ok(request('POST', `/store/carts/${cart.id}/payment`, { body: { provider_id: 'test_card', data: { card_number: '4242424242424242' } }, token }), 'payment');
  return ok(request('POST', `/store/carts/${cart.id}/complete`, { token, headers: { 'idempotency-key': `eval-${cart.id}` } }), 'complete', 201);
}

/**
 * On a shop with the demo catalog and stock (src/demo/assistant-evaluation-shop.ts seeds them first):
 * the policies, two customers with their orders and a guest's order.
 */
export async function prepareEvaluationShop(request: EvalRequest): Promise<EvalFixture> {
  await ok(request('PATCH', '/admin/assistant/settings', { body: { policies: POLICIES } }), 'policies');
  const signUp = async (first: string) => {
    const email = `${first.toLowerCase()}@eval.example`;
    const session = await ok(request('POST', '/store/customers', { body: { email, password: 'plum orchard 42', first_name: first, last_name: 'Eval' } }), 'sign up', 201);
    return { email, token: session.token as string };
  };
  const ann = await signUp('Ann');
  const bob = await signUp('Bob');
  const canceled = await placeOrder(request, ann.token, ann.email, 'classic-organic-cotton-t-shirt');
  await ok(request('POST', `/admin/orders/${canceled.id}/cancel`, { body: { reason: 'customer asked' } }), 'cancel');
  const open = await placeOrder(request, ann.token, ann.email, 'harbor-technical-water-bottle');
  const bobs = await placeOrder(request, bob.token, bob.email, 'studio-recycled-mug');
  const guest = await placeOrder(request, null, 'guest@eval.example', 'summit-recycled-mug');
  const ref = (o: { id: string; number: number }) => ({ id: o.id, number: o.number });
  return {
    tokens: { ann: ann.token, bob: bob.token },
    guestToken: guest.access_token,
    orders: { ann_open: ref(open), ann_canceled: ref(canceled), bob: ref(bobs), guest: ref(guest) },
  };
}

const fill = (text: string, fixture: EvalFixture) => text.replace(/\{(\w+)\}/g, (_, name: keyof EvalFixture['orders']) => `#${fixture.orders[name].number}`);

async function ask(request: EvalRequest, fixture: EvalFixture, as: Asker, message: string, conversationId?: string) {
  const token = as === 'ann' || as === 'bob' ? fixture.tokens[as] : null;
  const headers: Record<string, string> = as === 'guest' ? { 'x-order-token': fixture.guestToken } : {};
  return ok(request('POST', '/store/assistant', { body: { message, ...(conversationId ? { conversation_id: conversationId } : {}) }, token, headers }), `ask “${message}”`);
}

function variantMatches(variant: any, options: Record<string, string>): boolean {
  return Object.entries(options).every(([option, value]) =>
    Object.entries(variant.options as Record<string, string>).some(([title, own]) => title.toLowerCase() === option && own === value));
}

function priceOk(variant: any, bound: { currency: string; amount: number } | undefined, above: boolean): boolean {
  if (!bound) return true;
  const price = (variant.prices as { currency_code: string; amount: number }[]).find((p) => p.currency_code === bound.currency)?.amount;
  return price !== undefined && (above ? price >= bound.amount : price <= bound.amount);
}

/** Why the answer is wrong, or null when it is right. */
export function judge(question: Question, answer: any, fixture: EvalFixture): string | null {
  const e = question.expect;
  if ('products' in e) {
    const p = e.products;
    if (!answer.products.length) return 'no products';
    if (p.count !== undefined && answer.products.length !== p.count) return `${answer.products.length} products, expected ${p.count}`;
    for (const product of answer.products) {
      if (!p.kinds.some((kind) => product.title.endsWith(kind))) return `${product.title} is not a ${p.kinds.join(' or ')}`;
      const fits = product.variants.some((v: any) => v.in_stock && variantMatches(v, p.options ?? {}) && priceOk(v, p.max, false) && priceOk(v, p.min, true));
      if (!fits) return `${product.title} has no in-stock variant as asked`;
    }
    return null;
  }
  if ('no_products' in e) return answer.products.length ? `${answer.products.length} products, expected none` : null;
  if ('order' in e) {
    const expected = fixture.orders[e.order];
    if (answer.order?.id !== expected.id) return `order ${answer.order?.id ?? 'none'}, expected ${expected.id}`;
    return answer.reply.includes(`#${expected.number}`) && answer.reply.includes(e.status_text) ? null : `reply “${answer.reply}”`;
  }
  if ('refused' in e) {
    return answer.order === null && answer.reply.startsWith('I can’t find an order') ? null : `not refused: “${answer.reply}”`;
  }
  if ('reply' in e) {
    const starts = { sign_in: 'Sign in to ask about your orders', need_number: 'Which order?', greeting: 'I can find products' }[e.reply];
    return answer.reply.startsWith(starts) && answer.order === null ? null : `reply “${answer.reply}”`;
  }
  if ('policy' in e) {
    const expected = e.policy === 'warranty' ? 'The shop has not written its warranty policy here yet; please contact the shop.' : POLICIES[e.policy];
    return answer.reply === expected ? null : `reply “${answer.reply}”`;
  }
  if ('cart' in e) {
    const [action] = answer.actions;
    if (answer.actions.length !== 1 || action.type !== 'add_to_cart') return `actions ${JSON.stringify(answer.actions)}`;
    const product = answer.products.find((p: any) => p.variants.some((v: any) => v.id === action.variant_id));
    const variant = product?.variants.find((v: any) => v.id === action.variant_id);
    if (!product?.title.endsWith(e.cart.kind) || !variantMatches(variant, e.cart.options)) return `proposed ${product?.title} ${JSON.stringify(variant?.options)}`;
    return action.quantity === e.cart.quantity ? null : `quantity ${action.quantity}`;
  }
  if ('asks_which' in e) {
    return !answer.actions.length && answer.reply.startsWith(`Which ${e.asks_which}`) ? null : `reply “${answer.reply}”`;
  }
  return 'no expectation';
}

export interface AssistantEvaluation { questions: number; right: number; wrong: { ask: string; as: Asker; why: string }[] }

export async function evaluateAssistant(request: EvalRequest, fixture: EvalFixture, questions: Question[] = QUESTIONS): Promise<AssistantEvaluation> {
  const wrong: AssistantEvaluation['wrong'] = [];
  for (const question of questions) {
    let conversationId: string | undefined;
    for (const earlier of question.after ?? []) conversationId = (await ask(request, fixture, question.as, fill(earlier, fixture), conversationId)).conversation_id;
    const answer = await ask(request, fixture, question.as, fill(question.ask, fixture), conversationId);
    const why = judge(question, answer, fixture);
    if (why) wrong.push({ ask: fill(question.ask, fixture), as: question.as, why });
  }
  return { questions: questions.length, right: questions.length - wrong.length, wrong };
}
