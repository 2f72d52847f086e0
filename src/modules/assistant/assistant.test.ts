import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { seedAssistantEvaluationShop } from '../../demo/assistant-evaluation-shop.ts';
import { POLICIES, type EvalFixture } from './evaluation.ts';

/**
 * The shopping assistant without a model, through POST /store/assistant: products from a description
 * and its follow-ups, cart proposals, order status for the order's buyer only, the merchant's policy
 * texts (GET/PATCH /admin/assistant/settings), and the conversations it keeps.
 */
let shop: TestShop;
let fx: EvalFixture;
beforeAll(async () => {
  shop = await startTestShop();
  fx = await seedAssistantEvaluationShop(shop.db, (method, url, options) => shop.request(method, url, options));
}, 120_000);
afterAll(async () => shop?.close());

async function ask(body: Record<string, unknown>, options: { token?: string | null; headers?: Record<string, string> } = {}) {
  const res = await shop.request('POST', '/store/assistant', { body, token: options.token ?? null, headers: options.headers });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** Titles A–Z: products that tie in rank come in id order, and ids made in the same millisecond are in no set order. */
const titles = (answer: any) => answer.products.map((p: any) => p.title).sort();
/** The reply's list of products with their prices, in the order the answer gives them. */
const listed = (answer: any, prices: Record<string, string>) => answer.products.map((p: any) => `${p.title} (${prices[p.title]})`).join('; ');

describe('finding products', () => {
  test('a description becomes a search: kind, price ceiling in the currency named, size, in stock only', async () => {
    const answer = await ask({ message: 'a warm jacket under 100 euros in M' });
    expect(titles(answer)).toEqual(['Classic Linen Blend Hoodie', 'Meadow Waxed Hoodie', 'Nordic Waxed Hoodie']);
    const prices = { 'Classic Linen Blend Hoodie': '€53.99', 'Nordic Waxed Hoodie': '€67.99', 'Meadow Waxed Hoodie': '€67.99' };
    expect(answer.reply).toBe(`Here are 3 I found for “warm jacket”, in size M, up to €100.00: ${listed(answer, prices)}.`);
    expect(answer).toMatchObject({ intent: 'product_search', actions: [], order: null });
    expect(answer.conversation_id).toMatch(/^asst_/);
    // Products are the Store API's own shape.
    expect(answer.products[0]).toEqual((await shop.get(`/store/products/${answer.products[0].id}`)).body);
  });

  test('follow-ups narrow the last search: a size, then cheaper', async () => {
    const first = await ask({ message: 'sweatshirts over 55 dollars' });
    expect(titles(first)).toEqual(['Classic Lightweight Sweatshirt', 'Meadow Canvas Sweatshirt']);
    const sized = await ask({ message: 'in size XL', conversation_id: first.conversation_id });
    expect(sized.conversation_id).toBe(first.conversation_id);
    expect(sized.reply).toBe(`Here are 2 I found for “sweatshirts”, in size XL, from $55.00: ${listed(sized, { 'Classic Lightweight Sweatshirt': '$56.00', 'Meadow Canvas Sweatshirt': '$71.00' })}.`);
    const cheaper = await ask({ message: 'anything cheaper?', conversation_id: first.conversation_id });
    expect(titles(cheaper)).toEqual(['Everyday Lightweight Sweatshirt']);
    expect(cheaper.reply).toBe('Here is what I found for “sweatshirts”, in size XL, up to $55.99: Everyday Lightweight Sweatshirt ($51.00).');
  });

  test('nothing that fits: no products, and says so', async () => {
    const answer = await ask({ message: 'a hoodie under 10 euros' });
    expect(answer).toMatchObject({ products: [], reply: 'I found nothing in stock for “hoodie”, up to €10.00. Try other words, or a wider price range.' });
  });

  test('prices compare in the cart\'s currency when the message names none', async () => {
    const cart = (await shop.post('/store/carts', { currency_code: 'EUR' })).body;
    const answer = await ask({ message: 'a notebook under 20', cart_id: cart.id });
    expect(answer.reply).toBe('Here is what I found for “notebook”, up to €20.00: Studio Heavyweight Notebook (€16.99).');
  });
});

describe('cart proposals', () => {
  test('a proposal names the variant, the quantity and the cart; the cart is not touched', async () => {
    const cart = (await shop.post('/store/carts', { currency_code: 'USD' })).body;
    const shown = await ask({ message: 'hoodies', cart_id: cart.id });
    const answer = await ask({ message: 'add the second one in size M in black to my cart', conversation_id: shown.conversation_id, cart_id: cart.id });
    const product = answer.products[0];
    expect(product.title).toBe(shown.products[1].title);
    const variant = product.variants.find((v: any) => v.options.Size === 'M' && v.options.Color === 'Black');
    expect(answer.actions).toEqual([{ type: 'add_to_cart', variant_id: variant.id, quantity: 1, cart_id: cart.id }]);
    expect(answer.reply).toBe(`Shall I add 1 × ${product.title} (${variant.title}) to your cart?`);
    expect((await shop.get(`/store/carts/${cart.id}`)).body.items).toEqual([]);
  });

  test('several variants fit: it asks which, and proposes nothing', async () => {
    const shown = await ask({ message: 'Heritage Linen Blend Beanie' });
    const answer = await ask({ message: 'add it to my cart', conversation_id: shown.conversation_id });
    expect(answer).toMatchObject({ actions: [], reply: 'Which color (Charcoal, Rust, Cream) of Heritage Linen Blend Beanie would you like?' });
  });

  test('another customer\'s cart is unknown (404), like a cart that does not exist', async () => {
    const cart = (await shop.request('POST', '/store/carts', { body: { currency_code: 'USD' }, headers: { authorization: `Bearer ${fx.tokens.ann}` } })).body;
    for (const cartId of [cart.id, 'cart_01NOSUCHCART']) {
      const res = await shop.request('POST', '/store/assistant', { body: { message: 'hoodies', cart_id: cartId }, token: fx.tokens.bob });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'cart_not_found' });
    }
  });
});

describe('order status: the buyer\'s own orders only', () => {
  test('a signed-in customer: their order by number, and their latest without one', async () => {
    const byNumber = await ask({ message: `where is my order #${fx.orders.ann_open.number}?` }, { token: fx.tokens.ann });
    expect(byNumber.reply).toBe(`Order #${fx.orders.ann_open.number} is being prepared and has not shipped yet (paid).`);
    expect(byNumber.order).toMatchObject({ id: fx.orders.ann_open.id, display_number: `#${fx.orders.ann_open.number}`, status: 'open', payment_status: 'captured', fulfillment_status: 'unfulfilled' });
    expect(byNumber.intent).toBe('order_status');
    const latest = await ask({ message: 'where is my order' }, { token: fx.tokens.ann });
    expect(latest.order.id).toBe(fx.orders.ann_open.id);
    const canceled = await ask({ message: `order ${fx.orders.ann_canceled.number}?` }, { token: fx.tokens.ann });
    expect(canceled.reply).toBe(`Order #${fx.orders.ann_canceled.number} was canceled.`);
  });

  test('a guest with the order\'s token: that order; without the number, asked for it', async () => {
    const guest = { headers: { 'x-order-token': fx.guestToken } };
    expect((await ask({ message: `where is my order #${fx.orders.guest.number}` }, guest)).order.id).toBe(fx.orders.guest.id);
    expect((await ask({ message: 'where is my order?' }, guest)).reply).toBe('Which order? Give me its number (#1001, say).');
  });

  test('someone else\'s order gets the very answer a number nobody has gets: nothing about it', async () => {
    const refusal = (n: number) => `I can’t find an order #${n} for you. If you ordered as a guest, open the link in your order confirmation and ask from there, or sign in.`;
    const cases = [
      { as: { token: fx.tokens.bob }, number: fx.orders.ann_open.number },
      { as: { token: fx.tokens.ann }, number: fx.orders.guest.number },
      { as: { headers: { 'x-order-token': fx.guestToken } }, number: fx.orders.bob.number },
      { as: {}, number: fx.orders.guest.number },
      { as: { token: fx.tokens.bob, headers: { 'x-order-token': 'not-the-token' } }, number: fx.orders.guest.number },
      { as: { token: fx.tokens.bob }, number: 99999 },
    ];
    for (const c of cases) {
      const answer = await ask({ message: `where is my order #${c.number}` }, c.as);
      expect({ ...answer, conversation_id: null }).toEqual({ reply: refusal(c.number), intent: 'order_status', products: [], actions: [], order: null, conversation_id: null });
    }
  });

  test('nobody signed in and no token: asked to sign in', async () => {
    expect((await ask({ message: 'where is my order?' })).reply).toBe('Sign in to ask about your orders, or open the link in your order confirmation and ask from there.');
  });
});

describe('policies', () => {
  test('answered with the merchant\'s text; a topic without one says so', async () => {
    expect((await ask({ message: 'Can I return a jacket?' })).reply).toBe(POLICIES.returns);
    expect((await ask({ message: 'how long does delivery take?' })).reply).toBe(POLICIES.shipping);
    expect((await ask({ message: 'is there a warranty?' })).reply).toBe('The shop has not written its warranty policy here yet; please contact the shop.');
  });

  test('PATCH sets the topics given, null removes one; GET reads them', async () => {
    const set = await shop.ok('PATCH', '/admin/assistant/settings', { policies: { warranty: '  Two years on everything.  ', contact: null } });
    expect(set).toEqual({ policies: { shipping: POLICIES.shipping, returns: POLICIES.returns, payments: POLICIES.payments, warranty: 'Two years on everything.' } });
    expect(await shop.ok('GET', '/admin/assistant/settings')).toEqual(set);
    expect((await ask({ message: 'do you have a guarantee?' })).reply).toBe('Two years on everything.');
    await shop.ok('PATCH', '/admin/assistant/settings', { policies: { contact: POLICIES.contact, warranty: null } });
  });

  test('bad input: an unknown topic, a text too long; nothing changes', async () => {
    const before = await shop.ok('GET', '/admin/assistant/settings');
    await shop.refused('PATCH', '/admin/assistant/settings', { policies: { opening_hours: 'Always' } }, 400, 'invalid_request', 'body.policies.opening_hours');
    await shop.refused('PATCH', '/admin/assistant/settings', { policies: { returns: 'x'.repeat(4001) } }, 400, 'invalid_request', 'body.policies.returns');
    await shop.refused('PATCH', '/admin/assistant/settings', { policies: {} }, 400, 'invalid_request', 'body.policies');
    expect(await shop.ok('GET', '/admin/assistant/settings')).toEqual(before);
  });
});

describe('conversations', () => {
  test('a customer\'s conversation is theirs: to anyone else (or to nobody) it is unknown', async () => {
    const mine = await ask({ message: 'hoodies' }, { token: fx.tokens.ann });
    for (const token of [fx.tokens.bob, null]) {
      const res = await shop.request('POST', '/store/assistant', { body: { message: 'in size L', conversation_id: mine.conversation_id }, token });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'assistant_conversation_not_found', details: { id: mine.conversation_id } });
    }
  });

  test('stored: the last search, the products shown and the last turns, nothing else', async () => {
    const answer = await ask({ message: 'a black tote bag' });
    const row = await shop.db.selectFrom('assistant_conversation').selectAll().where('id', '=', answer.conversation_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      customer_id: null,
      state: { search: { words: ['tote', 'bag'], options: { color: 'Black' }, currency_code: 'USD' }, shown: answer.products.map((p: any) => p.id) },
      turns: [{ role: 'user', content: 'a black tote bag' }, { role: 'assistant', content: answer.reply }],
    });
  });

  test('bad input is a 400 naming the field; nothing is stored', async () => {
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from assistant_conversation`.execute(shop.db)).rows[0].n;
    const before = await count();
    for (const [body, field] of [
      [{ message: '' }, 'body.message'],
      [{ message: 'x'.repeat(2001) }, 'body.message'],
      [{ message: 'hi', conversation_id: 'cart_01ABC' }, 'body.conversation_id'],
      [{ message: 'hi', currency_code: 'ZZZ' }, 'body.currency_code'],
      [{ message: 'hi', extra: 1 }, 'body.extra'],
    ] as const) {
      const res = await shop.request('POST', '/store/assistant', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.field).toBe(field);
    }
    expect(await count()).toBe(before);
  });
});
