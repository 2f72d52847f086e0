import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder, signUp } from '../../../test/helpers/customers.ts';
import { ADDRESS_US, createStockedProduct, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * The customer data export (GDPR access and portability), for the customer and for staff: the
 * profile, address book, marketing consent with its history and every order, nobody else's; after
 * erasure it shows what erasure left, consent withdrawn included.
 */
let shop: TestShop;
let variantId: string;
beforeAll(async () => {
  shop = await startTestShop();
  const selling = await setUpSelling(shop);
  ({ variant: { id: variantId } } = await createStockedProduct(shop, { usd: 2000, stock: 50, locationId: selling.warehouse.id }) as any);
});
afterAll(async () => shop?.close());

describe('customer data export', () => {
  test('the customer and staff get the same document: profile, addresses, consent history, orders; nothing of anyone else', async () => {
    const ada = await signUp(shop, { first_name: 'Ada', last_name: 'Lovelace' });
    const other = await signUp(shop);
    const as = (token: string | null) => ({ token });
    expect((await shop.request('POST', '/store/customers/me/addresses', { ...as(ada.token), body: { address: ADDRESS_US, is_default_shipping: true } })).status).toBe(201);
    expect((await shop.request('POST', '/store/customers/me/marketing-consent', { ...as(ada.token), body: { email: true, source: 'newsletter_form' } })).status).toBe(200);
    expect((await shop.request('POST', '/store/customers/me/marketing-consent', { ...as(ada.token), body: { email: false } })).status).toBe(200);
    const first = await placeOrder(shop, { token: ada.token, email: ada.email, variantId, quantity: 2 });
    const second = await placeOrder(shop, { token: ada.token, email: ada.email, variantId });
    await placeOrder(shop, { token: other.token, email: other.email, variantId });

    const mine = await shop.request('GET', '/store/customers/me/export', as(ada.token));
    expect(mine.status, mine.text).toBe(200);
    const doc = mine.body;
    expect(doc).toMatchObject({
      format: 'cartwright.customer_export', version: 1, exported_at: expect.any(String),
      customer: { id: ada.id, email: ada.email, first_name: 'Ada', last_name: 'Lovelace' },
      addresses: [{ address: ADDRESS_US, is_default_shipping: true, is_default_billing: false }],
      marketing_consent: {
        email: { granted: false, source: 'storefront' }, sms: { granted: false, source: null, recorded_at: null },
        history: [
          { channel: 'email', granted: true, source: 'newsletter_form', recorded_at: expect.any(String) },
          { channel: 'email', granted: false, source: 'storefront', recorded_at: expect.any(String) },
        ],
      },
    });
    expect(doc.orders.map((o: any) => [o.id, o.number, o.total, o.email, o.items.map((i: any) => i.quantity)])).toEqual([
      [first.id, first.number, first.total, ada.email, [2]],
      [second.id, second.number, second.total, ada.email, [1]],
    ]);
    expect(JSON.stringify(doc)).not.toContain(other.email);

    const staff = await shop.ok('GET', `/admin/customers/${ada.id}/export`);
    expect({ ...staff, exported_at: null }).toEqual({ ...doc, exported_at: null });

    expect((await shop.request('GET', '/store/customers/me/export', as(null))).status).toBe(401);
    await shop.refused('GET', '/admin/customers/cus_00000000000000000000000000/export', undefined, 404, 'customer_not_found');
  });

  test('after erasure: the profile erased, consent withdrawn as anonymized (no marketing tool configured), the orders kept with what they were placed with', async () => {
    const bea = await signUp(shop, { first_name: 'Bea' });
    await shop.request('POST', '/store/customers/me/marketing-consent', { token: bea.token, body: { email: true } });
    const order = await placeOrder(shop, { token: bea.token, email: bea.email, variantId });
    expect((await shop.request('POST', `/admin/customers/${bea.id}/anonymize`)).status).toBe(204);
    const doc = await shop.ok('GET', `/admin/customers/${bea.id}/export`);
    expect([doc.customer.email, doc.customer.first_name, doc.addresses]).toEqual(['', null, []]);
    // Orders are kept for the shop's accounting, with the email and addresses they were placed with (docs/security.md).
    expect(JSON.stringify(doc.orders)).toContain(bea.email);
    expect(doc.marketing_consent.email).toMatchObject({ granted: false, source: 'anonymized' });
    expect(doc.marketing_consent.history.map((h: any) => [h.channel, h.granted, h.source])).toEqual([['email', true, 'storefront'], ['email', false, 'anonymized']]);
    expect(doc.orders.map((o: any) => [o.id, o.total])).toEqual([[order.id, order.total]]);
  });
});
