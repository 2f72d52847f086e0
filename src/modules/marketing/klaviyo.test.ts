import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeKlaviyo, type FakeKlaviyo } from '../../../test/fakes/fake-klaviyo.ts';
import { FAST_WEBHOOKS, NO_JOBS, startTestBackground } from '../../../test/helpers/background.ts';
import { placeOrder, signUp, type SignedUp } from '../../../test/helpers/customers.ts';
import { createStockedProduct, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import type { BackgroundWork } from '../jobs/background-work.ts';

/**
 * The Klaviyo provider against a local fake of its API, through the whole sync: consenting customers
 * become profiles subscribed to the list, orders, abandoned carts and product views become Klaviyo's
 * metrics (deduplicated on our event id), withdrawal unsubscribes, erasure deletes the profile, an
 * outage loses nothing, and a refusal for good becomes a dead letter staff can resend or discard
 * while the sync goes on.
 */
const API_KEY = 'pk_test_0123456789abcdef';
const LIST = 'LiSt01';
let shop: TestShop;
let background: BackgroundWork;
let klaviyo: FakeKlaviyo;
let variantId: string;
let productId: string;

beforeAll(async () => {
  klaviyo = await startFakeKlaviyo(API_KEY);
  shop = await startTestShop({
    ...FAST_WEBHOOKS, ...NO_JOBS, jobIntervals: { ...NO_JOBS.jobIntervals, mark_abandoned_carts: 3_600_000 },
    klaviyoApiKey: API_KEY, klaviyoListId: LIST, klaviyoApiBase: klaviyo.url, storefrontUrl: 'https://shop.example',
  });
  const selling = await setUpSelling(shop);
  const product = await createStockedProduct(shop, { usd: 1250, stock: 100, locationId: selling.warehouse.id }) as any;
  ({ variant: { id: variantId }, product: { id: productId } } = product);
  background = await startTestBackground(shop);
});
afterAll(async () => {
  await background?.stop();
  await shop?.close();
  await klaviyo?.close();
});

const consent = (who: SignedUp, body: object) => shop.request('POST', '/store/customers/me/marketing-consent', { token: who.token, body });
const profileOf = (who: SignedUp) => [...klaviyo.profiles.values()].find((p) => p.external_id === who.id);
const eventsOf = (who: SignedUp) => klaviyo.events.filter((e) => e.external_id === who.id);

describe('contacts and orders', () => {
  test('a consenting customer is a subscribed profile; an order is a Placed Order in major units; non-consenting customers send nothing', async () => {
    const ada = await signUp(shop, { first_name: 'Ada', last_name: 'Lovelace', phone: '+15555550101' });
    const bob = await signUp(shop, { first_name: 'Bob' });
    klaviyo.down = true;
    expect((await consent(ada, { email: true, sms: true })).status).toBe(200);
    const order = await placeOrder(shop, { token: ada.token, email: ada.email, variantId, quantity: 2 });
    await placeOrder(shop, { token: bob.token, email: bob.email, variantId });
    // Klaviyo is down: the sync keeps trying, and loses nothing.
    await waitFor(() => klaviyo.requests.filter((r) => r.status === 503).length >= 2, 20_000, 'failed attempts');
    klaviyo.down = false;
    await waitFor(() => eventsOf(ada).length === 1, 20_000, 'Ada’s order');

    expect(profileOf(ada)).toEqual({
      id: expect.any(String), external_id: ada.id, email: ada.email, first_name: 'Ada', last_name: 'Lovelace', phone_number: '+15555550101', properties: { cartwright_tags: [] },
    });
    expect(klaviyo.subscriptions.filter((s) => s.email === ada.email)).toEqual([
      { list_id: LIST, subscribe: true, email: ada.email, channels: ['email', 'sms'] },
      { list_id: LIST, subscribe: true, email: ada.email, channels: ['email', 'sms'] },
    ]);
    const [placed] = eventsOf(ada);
    expect(placed).toMatchObject({ metric: 'Placed Order', email: ada.email, value: order.total / 100, value_currency: 'USD', unique_id: expect.stringMatching(/^evt_/) });
    expect(placed.properties).toMatchObject({ order_id: order.id, number: order.number, value: order.total, currency_code: 'USD' });
    expect(profileOf(bob)).toBeUndefined();
    expect(klaviyo.events.filter((e) => e.email === bob.email)).toEqual([]);
  });

  test('SMS withdrawn alone unsubscribes SMS; email withdrawn unsubscribes; erasure deletes the profile found by our id', async () => {
    const cy = await signUp(shop, { first_name: 'Cy', phone: '+15555550102' });
    await consent(cy, { email: true, sms: true });
    await waitFor(() => profileOf(cy), 20_000, 'Cy’s profile');
    await consent(cy, { sms: false });
    await waitFor(() => klaviyo.subscriptions.some((s) => s.email === cy.email && !s.subscribe), 20_000, 'SMS unsubscribed');
    await consent(cy, { email: false });
    await waitFor(() => klaviyo.subscriptions.filter((s) => s.email === cy.email && !s.subscribe).length === 2, 20_000, 'email unsubscribed');
    expect(klaviyo.subscriptions.filter((s) => s.email === cy.email)).toEqual([
      { list_id: LIST, subscribe: true, email: cy.email, channels: ['email', 'sms'] },
      { list_id: LIST, subscribe: true, email: cy.email, channels: ['email'] },
      { list_id: LIST, subscribe: false, email: cy.email, channels: ['sms'] },
      { list_id: LIST, subscribe: false, email: cy.email, channels: ['email'] },
    ]);

    const profileId = profileOf(cy)!.id;
    expect((await shop.request('POST', `/admin/customers/${cy.id}/anonymize`)).status).toBe(204);
    await waitFor(() => klaviyo.deletions.includes(profileId), 20_000, 'Cy’s profile deleted');
    expect(profileOf(cy)).toBeUndefined();
  });
});

describe('abandoned carts and product views', () => {
  test('a customer’s cart left for CART_ABANDONED_HOURS is announced once, with a link back; a change makes it eligible again', async () => {
    const dee = await signUp(shop, { first_name: 'Dee' });
    await consent(dee, { email: true });
    const cart = (await shop.request('POST', '/store/carts', { token: dee.token, body: { currency_code: 'USD' } })).body;
    expect((await shop.request('POST', `/store/carts/${cart.id}/line-items`, { token: dee.token, body: { variant_id: variantId, quantity: 3 } })).status).toBe(200);
    // Five hours pass: every timestamp of the cart moves back.
    const leftAt = async () => sql`update cart set updated_at = updated_at - interval '5 hours', abandoned_at = abandoned_at - interval '5 hours' where id = ${cart.id}`.execute(shop.db);
    const runs = async () => (await shop.ok('GET', '/admin/jobs/mark_abandoned_carts/runs')).data as Array<{ result: { carts_abandoned: number } }>;
    const runJob = async () => {
      const before = (await runs()).length;
      await shop.ok('POST', '/admin/jobs/mark_abandoned_carts/run', undefined, 202);
      return waitFor(async () => { const after = await runs(); return after.length > before ? after[0].result : null; }, 20_000, 'a job run');
    };
    await leftAt();
    expect(await runJob()).toEqual({ carts_abandoned: 1 });
    await waitFor(() => eventsOf(dee).length === 1, 20_000, 'Abandoned Cart');
    expect(eventsOf(dee)[0]).toMatchObject({
      metric: 'Abandoned Cart', value: 37.5, value_currency: 'USD',
      properties: { cart_id: cart.id, value: 3750, currency_code: 'USD', link: `https://shop.example/checkout?cart_id=${cart.id}`, lines: [{ product_id: productId, variant_id: variantId, quantity: 3 }] },
    });
    // Announced once per idle stretch.
    expect(await runJob()).toEqual({ carts_abandoned: 0 });
    expect((await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${(await shop.request('GET', `/store/carts/${cart.id}`, { token: dee.token })).body.items[0].id}`, { token: dee.token, body: { quantity: 1 } })).status).toBe(200);
    await leftAt();
    expect(await runJob()).toEqual({ carts_abandoned: 1 });
    await waitFor(() => eventsOf(dee).length === 2, 20_000, 'the second Abandoned Cart');
    expect(eventsOf(dee)[1].properties).toMatchObject({ cart_id: cart.id, value: 1250 });
  });

  test('a product view is kept only with email consent; bad input is refused', async () => {
    const eve = await signUp(shop, { first_name: 'Eve' });
    const view = (who: SignedUp | null, body: object) => shop.request('POST', '/store/customers/me/product-views', { token: who?.token ?? null, body });
    expect((await view(eve, { product_id: productId })).body).toEqual({ recorded: false });
    await consent(eve, { email: true });
    const recorded = await view(eve, { product_id: productId });
    expect([recorded.status, recorded.body]).toEqual([202, { recorded: true }]);
    await waitFor(() => eventsOf(eve).length === 1, 20_000, 'Viewed Product');
    expect(eventsOf(eve)[0]).toMatchObject({ metric: 'Viewed Product', properties: { product_id: productId } });
    expect(eventsOf(eve)[0].value).toBeUndefined();

    const unknown = await view(eve, { product_id: 'prod_00000000000000000000000000' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'product_not_found']);
    const bad = await view(eve, { product_id: 'nope' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
    expect((await view(null, { product_id: productId })).status).toBe(401);
    expect(eventsOf(eve)).toHaveLength(1);
  });
});

describe('dead letters', () => {
  test('a refusal for good is kept for staff and the sync goes on; a resend while refused counts; fixed, it is sent and gone; discard', async () => {
    const fay = await signUp(shop, { first_name: 'Fay' });
    const gus = await signUp(shop, { first_name: 'Gus' });
    klaviyo.refuseEmails.add(fay.email);
    await consent(fay, { email: true });
    await consent(gus, { email: true });
    // Gus's contact comes after Fay's refused one: the sync did not stop at her.
    await waitFor(() => profileOf(gus), 20_000, 'Gus’s profile');
    const letters = (await shop.ok('GET', '/admin/marketing/dead-letters')).data.filter((l: any) => l.customer_id === fay.id);
    expect(letters).toEqual([{
      id: expect.stringMatching(/^mdl_/), provider_id: 'klaviyo', event_id: expect.stringMatching(/^evt_/), event_type: 'customer.marketing_consent_changed',
      customer_id: fay.id, refs: {}, occurred_at: expect.any(String), status: 400, error: `Klaviyo answered 400 to POST /api/profile-import: Invalid email address: ${fay.email}`,
      attempts: 1, created_at: expect.any(String), updated_at: expect.any(String),
    }]);
    const letter = letters[0];

    const again = await shop.request('POST', `/admin/marketing/dead-letters/${letter.id}/resend`);
    expect([again.status, again.body.error.code, again.body.error.details.status]).toEqual([409, 'marketing_refused', 400]);
    expect((await shop.ok('GET', '/admin/marketing/dead-letters')).data.find((l: any) => l.id === letter.id).attempts).toBe(2);

    klaviyo.refuseEmails.delete(fay.email);
    expect(await shop.ok('POST', `/admin/marketing/dead-letters/${letter.id}/resend`)).toEqual({ id: letter.id, object: 'marketing_dead_letter', deleted: true });
    expect(profileOf(fay)).toMatchObject({ email: fay.email, first_name: 'Fay' });
    expect((await shop.ok('GET', '/admin/marketing/dead-letters')).data.some((l: any) => l.id === letter.id)).toBe(false);
    await shop.refused('POST', `/admin/marketing/dead-letters/${letter.id}/resend`, undefined, 404, 'marketing_dead_letter_not_found');

    // Another refusal, discarded by staff.
    const hal = await signUp(shop, { first_name: 'Hal' });
    klaviyo.refuseEmails.add(hal.email);
    await consent(hal, { email: true });
    const halLetter = await waitFor(async () => (await shop.ok('GET', '/admin/marketing/dead-letters')).data.find((l: any) => l.customer_id === hal.id), 20_000, 'Hal’s letter');
    expect(await shop.ok('DELETE', `/admin/marketing/dead-letters/${halLetter.id}`)).toEqual({ id: halLetter.id, object: 'marketing_dead_letter', deleted: true });
    await shop.refused('DELETE', `/admin/marketing/dead-letters/${halLetter.id}`, undefined, 404, 'marketing_dead_letter_not_found');
    await shop.refused('GET', '/admin/marketing/dead-letters?cursor=bad', undefined, 400, 'invalid_cursor');
    expect(profileOf(hal)).toBeUndefined();
  });
});
