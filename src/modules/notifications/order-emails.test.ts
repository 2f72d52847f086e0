import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/fakes/smtp-sink.ts';
import { NO_JOBS, startTestBackground } from '../../../test/helpers/background.ts';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { signUp } from '../../../test/helpers/customers.ts';
import { ADDRESS_DE, ADDRESS_US, CARDS, createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import type { BackgroundWork } from '../jobs/background-work.ts';
import { createMailTransport } from './transports.ts';
import { encrypt } from '../../crypto/data-encryption.ts';
import { sendDueEmails } from './email-sender.ts';
import { emailAbandonedCarts } from './abandoned-cart-emails.ts';
import { storefrontPages } from '../../config.ts';

/** The shop's emails, sent from the outbox events through a real SMTP server, checked as received. */
let smtp: SmtpSink;
let shop: TestShop;
let selling: Selling;
let background: BackgroundWork;

beforeAll(async () => {
  smtp = await startSmtpSink();
  shop = await startTestShop({
    smtpUrl: smtp.url, emailFrom: 'Test Shop <shop@test.local>', publicUrl: 'https://api.shop.test', storefrontUrl: 'https://shop.test', paymentCapture: 'manual',
  });
  selling = await setUpSelling(shop);
  background = await startTestBackground(shop, { ...NO_JOBS, dispatchIntervalMs: 50, jobIntervals: { ...NO_JOBS.jobIntervals, send_emails: 100 } });
});
afterAll(async () => {
  await background?.stop();
  await shop?.close();
  await smtp?.close();
});

test('an order’s life in emails: confirmation, shipment with tracking, delivery, return received, refund', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 2500, stock: 5, locationId: selling.warehouse.id, title: 'Canvas Tote' });
  const address = { ...ADDRESS_US, first_name: 'Ada', last_name: 'Byron', company: 'Analytical Ltd', city: 'Newark', province: 'NJ', postal_code: '07102' };
  const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }], { email: 'ada@example.com', address });
  // 2 × 25.00 + 10 % tax + 5.00 shipping + 10 % = 60.50
  expect(placed.total).toBe(6050);

  const confirmation = await smtp.waitFor((m) => m.subject === `Order #${placed.number} confirmed`);
  expect(confirmation.to).toMatchObject({ text: 'ada@example.com' });
  expect(confirmation.from?.value).toEqual([{ address: 'shop@test.local', name: 'Test Shop' }]);
  // Tax is added in this region: the line is before tax, and the lines, shipping and tax add up to the total.
  expect(confirmation.text).toBe([
    'Hello Ada,', '', `Thank you for your order #${placed.number}. Here is what you bought:`, '',
    '- 2 × Canvas Tote (Default): $50.00', '',
    'Subtotal: $50.00', 'Shipping: $5.00', 'Tax:      $5.50', 'Total:    $60.50', '',
    'We will send it to:', 'Ada Byron', 'Analytical Ltd', '1 Main St', 'Newark, NJ 07102', 'United States', '',
  ].join('\n'));
  expect(confirmation.html).toContain('<td align="right">$50.00</td>');
  expect(confirmation.html).toContain('<strong>$60.50</strong>');
  expect(confirmation.html).toContain('Newark, NJ 07102<br>');

  const line = placed.items[0].id;
  await shop.ok('POST', `/admin/orders/${placed.id}/capture`, {});
  const fulfillment = await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: line, quantity: 2 }] }, 201);
  await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments/${fulfillment.id}/shipments`, { carrier: 'UPS', tracking_number: '1Z999AA1', tracking_url: 'https://ups.example/1Z999AA1' });
  const shipment = await smtp.waitFor((m) => m.subject === `Order #${placed.number} is on its way`);
  expect(shipment.to).toMatchObject({ text: 'ada@example.com' });
  expect(shipment.text).toContain('have shipped with UPS.');
  expect(shipment.text).toContain('Tracking number: 1Z999AA1');
  expect(shipment.text).toContain('Track it here: https://ups.example/1Z999AA1');

  await shop.ok('POST', `/admin/orders/${placed.id}/fulfillments/${fulfillment.id}/mark-delivered`);
  expect((await smtp.waitFor((m) => m.subject === `Order #${placed.number} was delivered`)).text).toContain(`Your order #${placed.number} was delivered.`);

  const asked = await shop.request('POST', `/store/orders/${placed.id}/returns`, { body: { lines: [{ line_item_id: line, quantity: 1 }] }, headers: { 'x-order-token': placed.access_token } });
  expect(asked.status, asked.text).toBe(201);
  await shop.ok('POST', `/admin/orders/${placed.id}/returns/${asked.body.id}/receive`, { location_id: selling.warehouse.id, lines: [{ line_item_id: line, quantity: 1, condition: 'new' }] });
  const received = await smtp.waitFor((m) => m.subject === `We received your return for order #${placed.number}`);
  expect(received.text).toContain('Their value: $27.50.');
  await shop.ok('POST', `/admin/orders/${placed.id}/returns/${asked.body.id}/refund`, {}, 201);
  const refund = await smtp.waitFor((m) => m.subject === `Refund of $27.50 for order #${placed.number}`);
  expect(refund.text).toContain(`We refunded $27.50 for your order #${placed.number}`);
  expect(refund.text).toContain('It goes back to the payment method you used');

  // Each event sent its email once, however often the dispatcher handed it over.
  const subjects = smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === 'ada@example.com').map((m) => m.subject);
  expect(subjects.filter((s) => s === `Order #${placed.number} confirmed`)).toHaveLength(1);
  // Listed for staff, with what was sent.
  const listed = await shop.ok('GET', '/admin/notifications?limit=20');
  expect(listed.data.filter((e: any) => e.recipient === 'ada@example.com').map((e: any) => [e.template, e.status]).sort()).toEqual([
    ['delivery', 'sent'], ['order_confirmation', 'sent'], ['refund', 'sent'], ['return_received', 'sent'], ['shipment', 'sent'],
  ]);
});

test('in a region whose prices include tax, lines include it and add up to the total; a German address reads "10115 Berlin"', async () => {
  const { variant } = await createStockedProduct(shop, { eur: 2000, stock: 5, locationId: selling.warehouse.id, title: 'Wool Cap' });
  const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }], { email: 'emmy@example.com', address: ADDRESS_DE, currency: 'EUR' });
  // 2 × 20.00 + 4.90 shipping, 19 % German VAT included: 6.39 + 0.78.
  expect(placed).toMatchObject({ subtotal: 4000, shipping_total: 490, tax_total: 717, total: 4490, tax_inclusive: true });
  const confirmation = await smtp.waitFor((m) => m.subject === `Order #${placed.number} confirmed`);
  expect(confirmation.text).toBe([
    'Hello Emmy,', '', `Thank you for your order #${placed.number}. Here is what you bought:`, '',
    '- 2 × Wool Cap (Default): €40.00', '',
    'Subtotal: €40.00', 'Shipping: €4.90', 'Total:    €44.90', '(includes €7.17 tax)', '',
    'We will send it to:', 'Emmy Noether', 'Hauptstr. 1', '10115 Berlin', 'Germany', '',
  ].join('\n'));
});

test('a refund paid as store credit tells the customer where the money went', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 5, locationId: selling.warehouse.id, title: 'Tin Cup' });
  const buyer = await signUp(shop);
  const as = async (method: string, url: string, body?: unknown, status = 200) => {
    const res = await shop.request(method, url, { token: buyer.token, body });
    expect(res.status, res.text).toBe(status);
    return res.body;
  };
  const cart = await as('POST', '/store/carts', { currency_code: 'USD' }, 201);
  await as('POST', `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 });
  await as('POST', `/store/carts/${cart.id}`, { email: buyer.email, shipping_address: ADDRESS_US });
  const options = await as('GET', `/store/carts/${cart.id}/shipping-options`);
  await as('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
  await as('POST', `/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
  const placed = await as('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
  await shop.ok('POST', `/admin/orders/${placed.id}/capture`, {});
  await shop.ok('POST', `/admin/orders/${placed.id}/refunds`, { amount: 400, reason: 'goodwill', to: 'store_credit' }, 201);
  const refund = await smtp.waitFor((m) => m.subject === `Refund of $4.00 for order #${placed.number}`);
  expect(refund.text).toBe([
    `Hello Ada,`, '', `We refunded $4.00 for your order #${placed.number} (goodwill).`,
    'It was added to your store credit: sign in to spend it on your next order.', '',
  ].join('\n'));
});

test('cancelling an order sends a cancellation notice', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 1500, stock: 5, locationId: selling.warehouse.id, title: 'Clay Bowl' });
  const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: 'cancel@example.com' });
  await shop.ok('POST', `/admin/orders/${placed.id}/cancel`, { reason: 'customer' });
  const notice = await smtp.waitFor((m) => m.subject === `Order #${placed.number} was canceled`);
  expect(notice.to).toMatchObject({ text: 'cancel@example.com' });
  expect(notice.text).toBe([
    'Hello Ada,', '', `Your order #${placed.number} was canceled; nothing of it will be sent:`, '',
    '- 1 × Clay Bowl (Default): $15.00', '', 'Order total: $22.00', '',
    'Any payment that was only authorized has been released. If you were charged, the refund follows in a separate email.', '',
  ].join('\n'));
  expect(notice.html).toContain(`<h1>Order #${placed.number} was canceled</h1>`);
  const queued = await shop.db.selectFrom('email_message').select(['template', 'reference_type']).where('subject', '=', `Order #${placed.number} was canceled`).execute();
  expect(queued).toEqual([{ template: 'order_canceled', reference_type: 'event' }]);
});

test('a draft order goes out as a payment link', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 5, locationId: selling.warehouse.id });
  const draft = await shop.ok('POST', '/admin/draft-orders', {
    currency_code: 'USD', email: 'b2b@example.com',
    lines: [{ variant_id: variant.id, quantity: 3 }], shipping_option_id: selling.usStandard.id, shipping_address: { first_name: 'B', last_name: 'Corp', address_1: '9 Trade St', city: 'Newark', postal_code: '07102', country_code: 'US' },
  }, 201);
  await shop.ok('POST', `/admin/draft-orders/${draft.id}/send`, { message: 'As agreed on the phone.' });
  const link = await smtp.waitFor((m) => m.subject === 'Your order is ready to pay' && m.to !== undefined && 'text' in m.to && m.to.text === 'b2b@example.com');
  expect(link.text).toContain('As agreed on the phone.');
  // A storefront page, not the API's JSON: the checkout page with the cart's id.
  const cartId = (await shop.db.selectFrom('draft_order').select('cart_id').where('id', '=', draft.id).executeTakeFirstOrThrow()).cart_id;
  expect(link.text).toContain(`Your order of $38.50 is ready. Complete it here:\n\nhttps://shop.test/checkout?cart_id=${cartId}`);
});

test('a send the mail server refuses is retried, never lost', async () => {
  // The refusal must meet this order's email: wait until the earlier tests' emails are all sent (the
  // server has them a moment before their rows say so).
  await waitFor(async () => (await shop.db.selectFrom('email_message').select('id').where('status', '=', 'pending').execute()).length === 0, 15_000, 'the queue to drain');
  smtp.failNext = 1;
  const { variant } = await createStockedProduct(shop, { usd: 700, stock: 5, locationId: selling.warehouse.id });
  const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: 'retry@example.com' });
  // The refused send is recorded on its row, kept pending for a retry: wait for that, not for a clock.
  const confirmation = () => shop.db.selectFrom('email_message').select(['id', 'status', 'attempts', 'last_error']).where('template', '=', 'order_confirmation')
    .where('subject', '=', `Order #${placed.number} confirmed`).executeTakeFirst();
  const refused = await waitFor(async () => {
    const row = await confirmation();
    return row?.last_error ? row : null;
  }, 15_000, 'the refused send recorded');
  expect(refused).toMatchObject({ status: 'pending', attempts: 1 });
  expect(refused.last_error).toContain('451');
  expect(smtp.messages.some((m) => m.subject === `Order #${placed.number} confirmed`)).toBe(false);
  // The retry waits a minute; bring it forward, as time passing would.
  await shop.db.updateTable('email_message').set({ next_attempt_at: new Date() }).where('id', '=', refused.id).execute();
  const mail = await smtp.waitFor((m) => m.subject === `Order #${placed.number} confirmed`);
  expect(mail.to).toMatchObject({ text: 'retry@example.com' });
  // Sent on the second attempt, once: the error is cleared and nothing is left to send.
  const sent = await waitFor(async () => {
    const row = await confirmation();
    return row?.status === 'sent' ? row : null;
  }, 5_000, 'the retry recorded as sent');
  expect(sent).toEqual({ id: refused.id, status: 'sent', attempts: 2, last_error: null });
  expect(smtp.messages.filter((m) => m.subject === `Order #${placed.number} confirmed`)).toHaveLength(1);
});

test('abandoned carts (opt-in): one reminder per cart left with items and an email, at the threshold, never twice', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 1250, stock: 5, locationId: selling.warehouse.id, title: 'Linen Scarf' });
  const cartWith = async (email?: string) => {
    const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
    const filled = await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 2 });
    return email ? shop.ok('POST', `/store/carts/${cart.id}`, { email }) : filled;
  };
  const left = await cartWith('left@example.com');
  const noEmail = await cartWith();
  await cartWith('recent@example.com'); // left just now: not yet
  const empty = await shop.ok('POST', '/store/carts', { currency_code: 'USD', email: 'empty@example.com' }, 201);
  const tooOld = await cartWith('old@example.com');
  const ordered = await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: 'ordered@example.com' });
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const orderedCart = (await shop.db.selectFrom('orders').select('cart_id').where('id', '=', ordered.id).executeTakeFirstOrThrow()).cart_id!;
  await shop.db.updateTable('cart').set({ updated_at: hoursAgo(5) }).where('id', 'in', [left.id, noEmail.id, empty.id, orderedCart]).execute();
  await shop.db.updateTable('cart').set({ updated_at: hoursAgo(4 + 8 * 24) }).where('id', '=', tooOld.id).execute();

  const deps = { db: shop.db, idleHours: 4, templatesDir: null, storefront: storefrontPages(shop.config) };
  expect(await emailAbandonedCarts({ ...deps, idleHours: 0 })).toBe(0); // the shop has not opted in
  expect(await emailAbandonedCarts(deps)).toBe(1);
  expect(await emailAbandonedCarts(deps)).toBe(0);
  const queued = await shop.db.selectFrom('email_message').select('reference_id').where('template', '=', 'abandoned_cart').execute();
  expect(queued).toEqual([{ reference_id: left.id }]);

  await smtp.waitFor((m) => m.subject === `Order #${ordered.number} confirmed`); // sent before the next test stops sending
  const mail = await smtp.waitFor((m) => m.subject === 'You left something in your cart');
  expect(mail.to).toMatchObject({ text: 'left@example.com' });
  // The line is in the region's tax mode (before tax here), so it adds up to the subtotal under it.
  expect(mail.text).toContain('- 2 × Linen Scarf (Default): $25.00\n\nSubtotal: $25.00');
  expect(mail.text).toContain(`https://shop.test/checkout?cart_id=${left.id}`);
});

test('without SMTP, emails are written to the outbox folder', async () => {
  await background.stop(); // this test sends by hand
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-outbox-'));
  await shop.db.insertInto('email_message').values({
    id: 'email_FOLDER1', recipient: encrypt('folder@example.com'), subject: 'Folder test',
    text_body: encrypt('Hello folder'), html_body: null, template: 'test', status: 'pending', attempts: 0,
  }).execute();
  expect(await sendDueEmails(shop.db, createMailTransport({ smtpUrl: null, outboxDir: dir }), 'Shop <shop@test.local>')).toEqual({ sent: 1, failed: 0 });
  expect(await shop.db.selectFrom('email_message').select('status').where('id', '=', 'email_FOLDER1').executeTakeFirstOrThrow()).toEqual({ status: 'sent' });
  expect(fs.readdirSync(dir)).toEqual(['email_FOLDER1.eml']);
  const eml = fs.readFileSync(path.join(dir, 'email_FOLDER1.eml'), 'utf8');
  expect(eml).toContain('To: folder@example.com');
  expect(eml).toContain('Subject: Folder test');
  expect(eml).toContain('Hello folder');
  fs.rmSync(dir, { recursive: true, force: true });
});
