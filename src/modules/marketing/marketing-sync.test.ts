import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FAST_WEBHOOKS, NO_JOBS, startTestBackground } from '../../../test/helpers/background.ts';
import { placeOrder, signUp, uniqueEmail, type SignedUp } from '../../../test/helpers/customers.ts';
import { createStockedProduct, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { startReceiver, waitFor } from '../../../test/helpers/webhook-receiver.ts';
import type { BackgroundWork } from '../jobs/background-work.ts';
import { checkSignature } from '../webhooks/signature.ts';

/**
 * Marketing consent through the Store and Admin APIs, and the marketing sync through the `webhook`
 * provider: nothing is sent for a customer without email consent, a withdrawal removes the contact,
 * an erased customer is removed, and an outage of the tool delays events without losing one.
 */
const SECRET = 'whsec_marketing_0123456789abcdef';
let shop: TestShop;
let background: BackgroundWork;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let outage = true;
let variantId: string;

beforeAll(async () => {
  receiver = await startReceiver(() => (outage ? 503 : 200));
  shop = await startTestShop({ ...FAST_WEBHOOKS, ...NO_JOBS, marketingWebhookUrl: receiver.url, marketingWebhookSecret: SECRET });
  const selling = await setUpSelling(shop);
  ({ variant: { id: variantId } } = await createStockedProduct(shop, { usd: 1500, stock: 100, locationId: selling.warehouse.id }) as any);
  background = await startTestBackground(shop);
});
afterAll(async () => {
  await background?.stop();
  await shop?.close();
  await receiver?.close();
});

const consent = (who: SignedUp, body: object) => shop.request('POST', '/store/customers/me/marketing-consent', { token: who.token, body });
const accepted = () => receiver.accepted().map((r) => r.event as unknown as { type: string; data: any });
const about = (who: SignedUp) => accepted().filter((m) => m.data.customer_id === who.id);

describe('consent', () => {
  test('none until given; granted and withdrawn with when and where; kept as history; bad input refused', async () => {
    const who = await signUp(shop);
    const none = { granted: false, source: null, recorded_at: null };
    expect((await shop.request('GET', '/store/customers/me/marketing-consent', { token: who.token })).body).toEqual({ email: none, sms: none });
    const granted = await consent(who, { email: true, source: 'newsletter_form' });
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ email: { granted: true, source: 'newsletter_form', recorded_at: expect.any(String) }, sms: none });
    // The same again adds nothing; a withdrawal is recorded.
    expect((await consent(who, { email: true })).body).toEqual(granted.body);
    expect((await consent(who, { email: false, sms: true })).body).toMatchObject({ email: { granted: false, source: 'storefront' }, sms: { granted: true, source: 'storefront' } });
    const staff = await shop.ok('GET', `/admin/customers/${who.id}/marketing-consent`);
    expect(staff.history.map((h: any) => [h.channel, h.granted, h.source])).toEqual([['email', true, 'newsletter_form'], ['email', false, 'storefront'], ['sms', true, 'storefront']]);
    for (const body of [{}, { email: 'yes' }, { email: true, source: 'Bad Source!' }, { email: true, extra: 1 }]) {
      const refused = await consent(who, body);
      expect([refused.status, refused.body.error.code]).toEqual([400, 'invalid_request']);
    }
    expect((await shop.request('POST', '/store/customers/me/marketing-consent', { token: null, body: { email: true } })).status).toBe(401);
    expect((await shop.ok('GET', `/admin/customers/${who.id}/marketing-consent`)).history).toHaveLength(3);
    await shop.refused('GET', '/admin/customers/cus_00000000000000000000000000/marketing-consent', undefined, 404, 'customer_not_found');
  });
});

describe('sync', () => {
  test('an outage loses nothing; only consenting customers are sent; every POST is signed', async () => {
    const ada = await signUp(shop, { first_name: 'Ada' });
    const bob = await signUp(shop, { first_name: 'Bob' });
    expect((await consent(ada, { email: true })).status).toBe(200);
    const adaOrder = await placeOrder(shop, { token: ada.token, email: ada.email, variantId, quantity: 2 });
    await placeOrder(shop, { token: bob.token, email: bob.email, variantId });
    await placeOrder(shop, { token: null, email: uniqueEmail('guest'), variantId });
    // The tool is down: the sync keeps trying.
    await waitFor(() => receiver.received.filter((r) => r.status === 503).length >= 2, 20_000, 'failed attempts');
    outage = false;
    await waitFor(() => about(ada).some((m) => m.type === 'event.tracked'), 20_000, 'Ada’s order');
    expect(about(ada).map((m) => m.type)).toEqual(['contact.upserted', 'contact.upserted', 'event.tracked']);
    expect(about(ada)[0].data).toEqual({
      customer_id: ada.id, email: ada.email, first_name: 'Ada', last_name: 'Hopper', phone: null, consent: { email: true, sms: false }, tags: [],
    });
    expect(about(ada)[2].data).toMatchObject({
      name: 'order_placed', customer_id: ada.id, email: ada.email,
      properties: { order_id: adaOrder.id, number: adaOrder.number, value: adaOrder.total, currency_code: 'USD', lines: [expect.objectContaining({ variant_id: variantId, quantity: 2, unit_price: 1500 })] },
    });
    for (const r of receiver.received) expect(checkSignature(r.headers['cartwright-signature'] as string, r.rawBody, SECRET)).toBeNull();

    // Withdrawn: removed, and a later order sends nothing. Ada's next order marks when the sync got past it.
    const cy = await signUp(shop, { first_name: 'Cy' });
    await consent(cy, { email: true });
    await waitFor(() => about(cy).length === 1, 20_000, 'Cy’s contact');
    await consent(cy, { email: false });
    await placeOrder(shop, { token: cy.token, email: cy.email, variantId });
    const adaAgain = await placeOrder(shop, { token: ada.token, email: ada.email, variantId });
    await waitFor(() => about(ada).some((m) => m.data.properties?.order_id === adaAgain.id), 20_000, 'Ada’s second order');
    expect(about(cy).map((m) => m.type)).toEqual(['contact.upserted', 'contact.removed']);
    expect(accepted().filter((m) => JSON.stringify(m).includes(bob.id) || JSON.stringify(m).includes(bob.email))).toEqual([]);

    // Erased by staff: consent withdrawn, contact removed.
    expect((await shop.request('POST', `/admin/customers/${ada.id}/anonymize`)).status).toBe(204);
    await waitFor(() => about(ada).at(-1)?.type === 'contact.removed', 20_000, 'Ada removed');
    const after = await shop.ok('GET', `/admin/customers/${ada.id}/marketing-consent`);
    expect([after.email.granted, after.email.source]).toEqual([false, 'anonymized']);
  });
});
