import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NO_JOBS, startTestBackground } from '../../../test/helpers/background.ts';
import { ADDRESS_US, CARDS, createStockedProduct, pay, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import { decrypt } from '../../crypto/data-encryption.ts';
import type { DispatchedEvent } from '../events/dispatched-event.ts';
import type { BackgroundWork } from '../jobs/background-work.ts';
import { giftCardEmails } from '../notifications/gift-card-emails.ts';

/**
 * Gift cards sold as products (docs/gift-cards.md, "Selling gift cards"), through the HTTP API: a card
 * per unit once the order is paid, for what the unit was paid, emailed with its code in the same
 * transaction; no shipping, no stock, no tax; exactly once per unit through retries, duplicate capture
 * events and a crash mid-way; a refunded unit's card disabled. Staff capture (PAYMENT_CAPTURE=manual),
 * so "paid" is a step the test takes. The US region adds 10 % tax; gift cards carry none.
 */
let shop: TestShop;
let background: BackgroundWork;
let giftVariant: string;
let lampVariant: string;

beforeAll(async () => {
  shop = await startTestShop({ paymentCapture: 'manual' });
  await setUpSelling(shop);
  const product = await shop.ok('POST', '/admin/products', {
    title: 'Gift card', handle: 'gift-card', status: 'published', gift_card: true,
    options: [{ title: 'Value', values: ['$25', '$50'] }],
    variants: [{ options: { Value: '$25' }, prices: [{ currency_code: 'USD', amount: 2500 }] }, { options: { Value: '$50' }, prices: [{ currency_code: 'USD', amount: 5000 }] }],
  }, 201);
  giftVariant = product.variants[0].id;
  lampVariant = (await createStockedProduct(shop, { usd: 2000, title: 'Lamp' })).variant.id;
  await shop.ok('POST', `/admin/inventory/items/${lampVariant}`, { manage_inventory: false });
  background = await startTestBackground(shop, { ...NO_JOBS, dispatchIntervalMs: 50 });
});
afterAll(async () => {
  await background?.stop();
  await shop?.close();
});

/** A guest's gift-card order, authorized, not yet captured: email only, no address, no shipping method. */
async function giftOrder(quantity: number, email = 'giver@example.com') {
  const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: giftVariant, quantity });
  await shop.ok('POST', `/store/carts/${cart.id}`, { email });
  expect((await pay(shop, cart.id)).status).toBe(200);
  return shop.ok('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
}

/** The gift-card emails queued for an order, decrypted: [to, subject, code]. */
async function giftEmails(orderId: string) {
  const rows = await shop.db.selectFrom('email_message').select(['recipient', 'subject', 'text_body'])
    .where('template', '=', 'gift_card').where('reference_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ to: decrypt(r.recipient), subject: r.subject, text: decrypt(r.text_body), code: /^ {4}(\S+)$/m.exec(decrypt(r.text_body))![1] }));
}

const soldCards = async (orderId: string) => (await shop.db.selectFrom('gift_card')
  .innerJoin('order_line_item', 'order_line_item.id', 'gift_card.order_line_item_id')
  .select(['gift_card.id', 'gift_card.order_unit', 'gift_card.initial_value', 'gift_card.balance', 'gift_card.status', 'gift_card.currency_code'])
  .where('order_line_item.order_id', '=', orderId).orderBy('gift_card.order_unit').execute())
  .map((c) => [c.order_unit, c.initial_value, c.balance, c.status, c.currency_code]);

const captureEvents = async (orderId: string) => {
  const rows = await shop.db.selectFrom('event_outbox').selectAll().where('type', '=', 'payment.captured').orderBy('seq').execute();
  return rows.filter((r) => (r.payload as { order_id?: string }).order_id === orderId).map((r) => ({ ...r, position: Number(r.seq) }) as unknown as DispatchedEvent);
};
const captureEventFor = (orderId: string): DispatchedEvent => ({
  id: 'evt_test', seq: 0, position: 0, type: 'payment.captured', resource_type: 'payment', resource_id: 'pay_test', payload: { order_id: orderId }, created_at: new Date(),
});
const handler = () => giftCardEmails({ db: shop.db, templatesDir: null, orderNumberPrefix: '#' });

describe('a gift card product', () => {
  test('is sold without stock: its variants are untracked, in stock, and a cart of them asks no address nor shipping', async () => {
    const item = await shop.ok('GET', `/admin/inventory/items/${giftVariant}`);
    expect(item.manage_inventory).toBe(false);
    const listed = await shop.ok('GET', '/store/products/gift-card');
    expect(listed.gift_card).toBe(true);
    expect(listed.variants.map((v: any) => [v.in_stock, v.available_quantity])).toEqual([[true, null], [true, null]]);
    // A cart mixing a card and a lamp still needs both.
    const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
    await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: giftVariant, quantity: 1 });
    await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: lampVariant, quantity: 1 });
    await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'mixed@example.com' });
    const refused = await pay(shop, cart.id);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'cart_incomplete', details: { missing: ['shipping_address', 'shipping_method'] } });
  });

  test('a product flagged later has its new and old variants untracked too', async () => {
    const { product, variant } = await createStockedProduct(shop, { usd: 1000, title: 'Later card' });
    await shop.ok('POST', `/admin/products/${product.id}`, { gift_card: true });
    expect((await shop.ok('GET', `/admin/inventory/items/${variant.id}`)).manage_inventory).toBe(false);
  });
});

describe('selling', () => {
  test('captured: one card per unit for what was paid, no tax, emailed with a code that pays', async () => {
    const order = await giftOrder(2);
    // 2 × 25.00, no tax on gift cards, no shipping.
    expect([order.subtotal, order.tax_total, order.shipping_total, order.total]).toEqual([5000, 0, 0, 5000]);
    expect(order.items[0]).toMatchObject({ quantity: 2, tax_total: 0, total: 5000 });
    // Authorized only: not paid yet, so a capture event (of another payment, say) issues nothing.
    await handler().handle([captureEventFor(order.id)]);
    expect(await soldCards(order.id)).toEqual([]);
    // Half captured: not paid either.
    expect(await shop.ok('POST', `/admin/orders/${order.id}/capture`, { amount: 2500 })).toMatchObject({ payment_status: 'partially_captured' });
    await handler().handle([captureEventFor(order.id)]);
    expect(await soldCards(order.id)).toEqual([]);

    await shop.ok('POST', `/admin/orders/${order.id}/capture`, {});
    const emails = await waitFor(async () => {
      const found = await giftEmails(order.id);
      return found.length === 2 ? found : null;
    });
    expect(await soldCards(order.id)).toEqual([[1, 2500, 2500, 'active', 'USD'], [2, 2500, 2500, 'active', 'USD']]);
    expect(emails.map((e) => [e.to, e.subject])).toEqual([
      ['giver@example.com', `Your $25.00 gift card (order #${order.number})`], ['giver@example.com', `Your $25.00 gift card (order #${order.number})`],
    ]);
    expect(emails[0].text).toContain('Here is your Gift card ($25) worth $25.00:');
    expect(new Set(emails.map((e) => e.code)).size).toBe(2);
    const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    // The email is the delivery: the line is delivered, the paid order completed.
    expect([detail.status, detail.payment_status, detail.fulfillment_status]).toEqual(['completed', 'captured', 'delivered']);
    const issued = await shop.ok('GET', `/admin/gift-cards?code=${emails[0].code}`);
    expect(issued.data.map((c: any) => [c.initial_value, c.balance, c.last4])).toEqual([[2500, 2500, emails[0].code.slice(-4)]]);

    // The code pays: a lamp (20.00 + 2.00 tax + 5.00 shipping + 0.50 tax = 27.50) takes the card's 25.00.
    const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
    await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: lampVariant, quantity: 1 });
    await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'friend@example.com', shipping_address: ADDRESS_US });
    const options = await shop.ok('GET', `/store/carts/${cart.id}/shipping-options`);
    await shop.ok('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
    const applied = await shop.ok('POST', `/store/carts/${cart.id}/gift-cards`, { code: emails[0].code.toLowerCase() });
    expect([applied.total, applied.gift_card_total, applied.amount_due]).toEqual([2750, 2500, 250]);
  });

  test('a duplicate capture event, a retry and two handlers at once issue nothing twice; a crash mid-way loses nothing', async () => {
    const order = await giftOrder(3, 'twice@example.com');
    // A crash between issuing and queuing the email: a template that cannot render makes the handler throw.
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-templates-'));
    fs.writeFileSync(path.join(broken, 'gift_card.txt'), 'no subject line\n');
    const crashing = giftCardEmails({ db: shop.db, templatesDir: broken, orderNumberPrefix: '#' });
    await background.stop();
    let events: DispatchedEvent[] = [];
    try {
      await shop.ok('POST', `/admin/orders/${order.id}/capture`, {});
      events = await captureEvents(order.id);
      expect(events.length).toBe(1);
      await expect(crashing.handle(events)).rejects.toThrow('must start with a "Subject:" line');
      expect(await soldCards(order.id)).toEqual([]);
      expect(await giftEmails(order.id)).toEqual([]);

      await Promise.all([handler().handle(events), handler().handle(events)]);
      await handler().handle([...events, ...events]);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
      background = await startTestBackground(shop, { ...NO_JOBS, dispatchIntervalMs: 50 });
    }
    // The background subscriber gets the event too, later: still three.
    await waitFor(async () => {
      const { dispatch_seq } = await shop.db.selectFrom('event_outbox').select('dispatch_seq').where('id', '=', events[0].id).executeTakeFirstOrThrow();
      const { position } = await shop.db.selectFrom('event_subscription').select('position').where('name', '=', 'gift-card-emails').executeTakeFirstOrThrow();
      return dispatch_seq !== null && Number(position) >= Number(dispatch_seq);
    });
    expect(await soldCards(order.id)).toEqual([[1, 2500, 2500, 'active', 'USD'], [2, 2500, 2500, 'active', 'USD'], [3, 2500, 2500, 'active', 'USD']]);
    const emails = await giftEmails(order.id);
    expect(emails.map((e) => e.to)).toEqual(['twice@example.com', 'twice@example.com', 'twice@example.com']);
    expect(new Set(emails.map((e) => e.code)).size).toBe(3);
    const activity = (await shop.ok('GET', `/admin/orders/${order.id}/timeline`)).data.filter((a: any) => a.type === 'order.gift_cards_issued');
    expect(activity.length).toBe(1);
  });

  test('cards paid partly with a sold card: a refunded unit\'s card is disabled, the other stays', async () => {
    const paid = await giftOrder(1, 'first@example.com');
    await shop.ok('POST', `/admin/orders/${paid.id}/capture`, {});
    const [{ code }] = await waitFor(async () => {
      const found = await giftEmails(paid.id);
      return found.length === 1 ? found : null;
    });
    // Two 25.00 cards... bought with a 25.00 card and the rest by card: 50.00 = 25.00 + 25.00.
    const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
    await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: giftVariant, quantity: 2 });
    await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'second@example.com' });
    await shop.ok('POST', `/store/carts/${cart.id}/gift-cards`, { code });
    expect((await pay(shop, cart.id, CARDS.ok)).status).toBe(200);
    const order = await shop.ok('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
    await shop.ok('POST', `/admin/orders/${order.id}/capture`, {});
    await waitFor(async () => (await giftEmails(order.id)).length === 2);
    expect(await soldCards(order.id)).toEqual([[1, 2500, 2500, 'active', 'USD'], [2, 2500, 2500, 'active', 'USD']]);

    // Refund one unit (25.00, back to the gift card that paid first): one card disabled, the fullest.
    const line = order.items[0].id;
    await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: line, quantity: 1 }], reason: 'customer_request' }, 201);
    expect((await soldCards(order.id)).map((c) => c[3]).sort()).toEqual(['active', 'disabled']);
    const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail.payments.map((p: any) => [p.provider_id, p.captured_amount, p.refunded_amount]).sort()).toEqual([['gift_card', 2500, 2500], ['test_card', 2500, 0]]);
  });

  test('paid in full by a gift card: captured at checkout, issued without staff', async () => {
    const gift = await shop.ok('POST', '/admin/gift-cards', { currency_code: 'USD', amount: 6000 }, 201);
    const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
    await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: giftVariant, quantity: 2 });
    await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'balance@example.com' });
    const applied = await shop.ok('POST', `/store/carts/${cart.id}/gift-cards`, { code: gift.code });
    expect([applied.total, applied.gift_card_total, applied.amount_due]).toEqual([5000, 5000, 0]);
    const order = await shop.ok('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
    expect(order.payment_status).toBe('captured');
    const emails = await waitFor(async () => {
      const found = await giftEmails(order.id);
      return found.length === 2 ? found : null;
    });
    expect(emails.map((e) => e.to)).toEqual(['balance@example.com', 'balance@example.com']);
    expect(await soldCards(order.id)).toEqual([[1, 2500, 2500, 'active', 'USD'], [2, 2500, 2500, 'active', 'USD']]);
    expect((await shop.ok('GET', `/admin/gift-cards/${gift.id}`)).balance).toBe(1000);
  });

  test('an order canceled before its capture issues nothing', async () => {
    const order = await giftOrder(1, 'cancel@example.com');
    await shop.ok('POST', `/admin/orders/${order.id}/cancel`, {});
    await handler().handle([captureEventFor(order.id)]);
    expect(await soldCards(order.id)).toEqual([]);
    expect(await giftEmails(order.id)).toEqual([]);
  });
});

