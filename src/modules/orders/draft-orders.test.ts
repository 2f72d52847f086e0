import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADDRESS_US, CARDS, createStockedProduct, level, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { runSubscriber, sequenceEvents } from '../events/dispatcher.ts';
import { draftOrderCompletion } from './draft-orders.ts';

/**
 * Draft orders: staff build an order with custom prices, then send it as a payment link (a cart the
 * customer completes through the Store API, its lines locked) or mark it paid with the manual provider.
 */
let shop: TestShop;
let selling: Selling;
let shirt: any;
let mug: any;

beforeAll(async () => {
  shop = await startTestShop({ paymentCapture: 'manual' });
  selling = await setUpSelling(shop);
  shirt = (await createStockedProduct(shop, { usd: 2000, stock: 10, locationId: selling.warehouse.id, title: 'Shirt' })).variant;
  mug = (await createStockedProduct(shop, { usd: 1000, stock: 10, locationId: selling.warehouse.id, title: 'Mug' })).variant;
});
afterAll(async () => shop?.close());

const draftBody = () => ({
  email: 'buyer@b2b.example', currency_code: 'USD', shipping_address: ADDRESS_US, shipping_option_id: selling.usStandard.id,
  lines: [{ variant_id: shirt.id, quantity: 2, unit_price: 1500, price_reason: 'B2B price agreed' }, { variant_id: mug.id, quantity: 1 }],
  note: 'phone order, Mr. Smith',
});

test('a draft with custom prices, sent as a payment link, completed by the customer at those prices', async () => {
  await shop.refused('POST', '/admin/draft-orders', { ...draftBody(), lines: [{ variant_id: shirt.id, quantity: 1, unit_price: 1 }] }, 400, 'invalid_request', 'body.lines[0].price_reason');
  await shop.refused('POST', '/admin/draft-orders', { ...draftBody(), lines: [{ variant_id: 'var_01NOPE', quantity: 1 }] }, 404, 'variant_not_found', 'body.lines[0].variant_id');
  await shop.refused('POST', '/admin/draft-orders', { ...draftBody(), shipping_option_id: 'so_01NOPE' }, 404, 'shipping_option_not_found', 'body.shipping_option_id');
  expect((await shop.ok('GET', '/admin/draft-orders')).data).toEqual([]);

  const draft = await shop.ok('POST', '/admin/draft-orders', draftBody(), 201);
  // 2 × 1500 + 1000 = 4000; tax 400 + 50 on shipping; shipping 500.
  expect(draft).toMatchObject({ status: 'open', email: 'buyer@b2b.example', subtotal: 4000, tax_total: 450, shipping_total: 500, total: 4950, order_id: null, note: 'phone order, Mr. Smith' });
  expect(draft.items).toEqual([
    expect.objectContaining({ variant_id: shirt.id, quantity: 2, unit_price: 1500, custom_price: true, price_reason: 'B2B price agreed', total: 3300 }),
    expect.objectContaining({ variant_id: mug.id, quantity: 1, unit_price: 1000, custom_price: false, price_reason: null }),
  ]);

  // The buyer cannot change the lines, prices or region of the shop's cart.
  const cartUrl = `/store/carts/${draft.cart_id}`;
  expect((await shop.post(`${cartUrl}/line-items`, { variant_id: shirt.id, quantity: 5 })).body.error.code).toBe('cart_locked');
  expect((await shop.request('PATCH', `${cartUrl}/line-items/${draft.items[0].id}`, { body: { quantity: 9 } })).body.error.code).toBe('cart_locked');
  expect((await shop.request('DELETE', `${cartUrl}/line-items/${draft.items[1].id}`)).body.error.code).toBe('cart_locked');
  expect((await shop.ok('GET', `/admin/draft-orders/${draft.id}`)).total).toBe(4950);

  const sent = await shop.ok('POST', `/admin/draft-orders/${draft.id}/send`);
  expect(sent).toMatchObject({ draft_order: { status: 'sent' }, payment_link: { cart_id: draft.cart_id } });
  expect(await shop.db.selectFrom('event_outbox').select('type').where('resource_id', '=', draft.id).orderBy('seq').execute())
    .toEqual([{ type: 'draft_order.created' }, { type: 'draft_order.sent' }]);

  // The customer pays through the ordinary checkout.
  expect((await shop.post(`${cartUrl}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } })).status).toBe(200);
  const placed = await shop.post(`${cartUrl}/complete`);
  expect(placed.status, placed.text).toBe(201);
  expect(placed.body).toMatchObject({ total: 4950, payment_status: 'authorized', email: 'buyer@b2b.example' });
  expect(placed.body.items.map((i: any) => [i.variant_id, i.unit_price, i.total])).toEqual([[shirt.id, 1500, 3300], [mug.id, 1000, 1100]]);
  expect(await level(shop, shirt.id, selling.warehouse.id)).toMatchObject({ committed: 2 });

  const completed = await shop.ok('GET', `/admin/draft-orders/${draft.id}`);
  expect(completed).toMatchObject({ status: 'completed', order_id: placed.body.id });
  // The dispatcher hands cart.completed to the draft-order subscriber, which records the completion once.
  const subscriber = draftOrderCompletion(shop.db);
  await sequenceEvents(shop.db);
  while (await runSubscriber(shop.db, subscriber, 'test')) { /* until caught up */ }
  const cartCompleted = await shop.db.selectFrom('event_outbox').select(['seq', 'id', 'type', 'resource_type', 'resource_id', 'payload', 'created_at', 'dispatch_seq'])
    .where('resource_id', '=', draft.cart_id).where('type', '=', 'cart.completed').executeTakeFirstOrThrow();
  await subscriber.handle([{ ...cartCompleted, position: cartCompleted.dispatch_seq! }]); // handed again: changes nothing
  expect(await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', draft.id).where('type', '=', 'draft_order.completed').execute())
    .toEqual([{ type: 'draft_order.completed', payload: { draft_order_id: draft.id, order_id: placed.body.id, actor: 'customer' } }]);
  expect(await shop.db.selectFrom('draft_order').select(['status', 'order_id']).where('id', '=', draft.id).executeTakeFirst())
    .toEqual({ status: 'completed', order_id: placed.body.id });
  await shop.refused('POST', `/admin/draft-orders/${draft.id}/mark-paid`, undefined, 409, 'draft_order_not_open');
  await shop.refused('POST', `/admin/draft-orders/${draft.id}/cancel`, undefined, 409, 'draft_order_not_open');
});

test('a draft marked paid: placed with the manual provider and captured', async () => {
  const draft = await shop.ok('POST', '/admin/draft-orders', draftBody(), 201);
  const paid = await shop.ok('POST', `/admin/draft-orders/${draft.id}/mark-paid`, undefined, 201);
  expect(paid.draft_order).toMatchObject({ status: 'completed', order_id: paid.order.id });
  expect(paid.order).toMatchObject({ status: 'open', payment_status: 'captured', total: 4950, summary: { captured_total: 4950, balance: 0 } });
  expect(paid.order.payments).toEqual([expect.objectContaining({ provider_id: 'manual', status: 'captured', captured_amount: 4950 })]);
  expect(paid.order.timeline.find((e: any) => e.type === 'order.created_from_draft')).toMatchObject({ actor: { type: 'user' }, data: { draft_order_id: draft.id } });
});

test('a canceled draft: its payment link stops working', async () => {
  const draft = await shop.ok('POST', '/admin/draft-orders', draftBody(), 201);
  await shop.ok('POST', `/admin/draft-orders/${draft.id}/send`);
  expect((await shop.ok('POST', `/admin/draft-orders/${draft.id}/cancel`)).status).toBe('canceled');
  const pay = await shop.post(`/store/carts/${draft.cart_id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
  expect(pay.status).toBe(409);
  expect(pay.body.error.code).toBe('cart_completed');
  await shop.refused('POST', `/admin/draft-orders/${draft.id}/mark-paid`, undefined, 409, 'draft_order_not_open');

  const all = await shop.ok('GET', '/admin/draft-orders?limit=2');
  expect(all.data.map((d: any) => d.status)).toEqual(['canceled', 'completed']);
  const rest = await shop.ok('GET', `/admin/draft-orders?limit=2&cursor=${all.next_cursor}`);
  expect(rest).toMatchObject({ data: [{ status: 'completed' }], next_cursor: null });
  expect((await shop.ok('GET', '/admin/draft-orders?status=completed')).data).toHaveLength(2);
  await shop.refused('GET', '/admin/draft-orders/dord_01NOPE', undefined, 404, 'draft_order_not_found');
});
