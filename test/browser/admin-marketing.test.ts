// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackgroundWork } from '../../src/modules/jobs/background-work.ts';
import { FAST_WEBHOOKS, NO_JOBS, startTestBackground } from '../helpers/background.ts';
import { placeOrder, signUp, type SignedUp } from '../helpers/customers.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { startReceiver, waitFor } from '../helpers/webhook-receiver.ts';
import { checkPage, openPage, openShopApp } from './browser.ts';

/**
 * The admin app's promotion and marketing pages in Chromium: campaigns (budgets per currency), the
 * promotion editor's customer and item conditions with its campaign, segments (rules, members counted,
 * delete), a customer's marketing consent with its history, and the marketing tool's dead letters
 * (resend refused again in plain words, resend taken, discard) against a local receiver standing in
 * for the tool. Each change is read back through the API with its exact values; axe on every page at
 * 1280 and 390 px. Embedded run only, like admin-app.test.ts.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
const SECRET = 'whsec_marketing_0123456789abcdef';
let shop: TestShop;
let selling: Selling;
let background: BackgroundWork;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** The marketing tool refuses every call for good (400) while this holds. */
let refusing = true;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let vip: { id: string; name: string };
let product: { id: string; title: string };
let variant: { id: string; sku: string };
let buyer: SignedUp;

const open = (url: string, heading: string | RegExp) => openPage(page, `${base}${url}`, heading);
const checked = (name: string) => checkPage(page, name);

describe.skipIf(onServer)('the admin app promotion and marketing pages in Chromium', () => {
  beforeAll(async () => {
    receiver = await startReceiver(() => (refusing ? 400 : 200));
    shop = await startTestShop({ ...FAST_WEBHOOKS, ...NO_JOBS, marketingWebhookUrl: receiver.url, marketingWebhookSecret: SECRET });
    selling = await setUpSelling(shop);
    const stocked = await createStockedProduct(shop, { usd: 1500, eur: 1400, stock: 50, locationId: selling.warehouse.id, title: 'Linen shirt' });
    product = stocked.product;
    variant = stocked.variant;
    vip = await shop.ok('POST', '/admin/customer-groups', { name: 'VIP' }, 201);
    buyer = await signUp(shop, { first_name: 'Vera' });
    await shop.ok('POST', `/admin/customers/${buyer.id}`, { group_ids: [vip.id] });
    await placeOrder(shop, { token: buyer.token, email: buyer.email, variantId: variant.id });
    background = await startTestBackground(shop);
    ({ base, browser, context, page, close: closeBrowser } = await openShopApp(shop, '/campaigns', 'Campaigns'));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await background?.stop();
    await shop?.close();
    await receiver?.close();
  });

  test('a campaign: created with a USD budget and dates, then given a EUR budget; the list shows budgets used, uses, orders and discount given', async () => {
    await page.getByLabel('Campaign name').fill('Summer sale');
    await page.getByLabel('Starts').fill('2026-06-01T00:00');
    await page.getByLabel('Budget (USD)').fill('500');
    await page.getByLabel('Budget (EUR)').fill('lots');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    // Not an amount: said beside the field, nothing sent.
    await page.getByText('Not an amount').waitFor();
    expect(await page.getByLabel('Budget (EUR)').evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await shop.ok('GET', '/admin/campaigns')).data).toEqual([]);
    await page.getByLabel('Budget (EUR)').fill('');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    const row = page.getByRole('row', { name: /Summer sale/ });
    await row.waitFor();
    const [created] = (await shop.ok('GET', '/admin/campaigns')).data;
    expect(created).toMatchObject({
      name: 'Summer sale', starts_at: '2026-06-01T00:00:00.000Z', ends_at: null,
      budgets: [{ currency_code: 'USD', amount: 50000, used: 0 }], promotion_ids: [], usage_count: 0, order_count: 0, discount_given: [],
    });
    expect(await row.textContent()).toContain('$0.00 of $500.00');
    await checked('campaigns');

    await page.getByRole('button', { name: 'Edit Summer sale' }).click();
    await page.getByRole('heading', { name: 'Edit Summer sale' }).waitFor();
    expect(await page.getByLabel('Budget (USD)').inputValue()).toBe('500.00');
    await page.getByLabel('Budget (EUR)').fill('450');
    await page.getByLabel('Ends').fill('2026-07-01T00:00');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    await page.getByRole('heading', { name: 'Create a campaign' }).waitFor();
    const saved = await shop.ok('GET', `/admin/campaigns/${created.id}`);
    expect([saved.starts_at, saved.ends_at, saved.budgets]).toEqual(['2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', [
      { currency_code: 'EUR', amount: 45000, used: 0 }, { currency_code: 'USD', amount: 50000, used: 0 },
    ]]);
    await expect.poll(() => row.textContent()).toContain('€0.00 of €450.00');
  });

  test('a segment: created with every rule; its members counted (1); another one deleted', async () => {
    await open('/segments', 'Segments');
    await page.getByLabel('Segment name').fill('Big spenders');
    await page.getByRole('checkbox', { name: 'VIP' }).check();
    await page.getByLabel('Spent at least').fill('10');
    await page.getByLabel('Currency').selectOption('USD');
    await page.getByLabel('Ordered within (days)').fill('30');
    await page.getByLabel('Find a product').fill('Linen');
    await page.getByRole('button', { name: 'Add Linen shirt' }).click();
    await page.getByRole('list', { name: 'Products chosen' }).getByText('Linen shirt').waitFor();
    await checked('segment-form');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.getByRole('row', { name: /Big spenders/ }).waitFor();
    const [segment] = (await shop.ok('GET', '/admin/segments')).data;
    expect(segment).toMatchObject({ name: 'Big spenders', rules: { group_ids: [vip.id], min_total_spent: { currency_code: 'USD', amount: 1000 }, ordered_within_days: 30, product_ids: [product.id] } });
    const row = page.getByRole('row', { name: /Big spenders/ });
    expect(await row.textContent()).toContain('in VIP · spent at least $10.00 · ordered in the last 30 days · bought the chosen product');

    await page.getByRole('button', { name: 'Count members of Big spenders' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('1');
    expect((await shop.ok('GET', `/admin/segments/${segment.id}/customers`)).customer_ids).toEqual([buyer.id]);

    await shop.ok('POST', '/admin/segments', { name: 'Lapsed', rules: { ordered_within_days: 1 } }, 201);
    await page.reload();
    await page.getByRole('button', { name: 'Delete Lapsed' }).click();
    await expect.poll(async () => (await shop.ok('GET', '/admin/segments')).data.map((s: any) => s.name)).toEqual(['Big spenders']);
    await page.getByRole('row', { name: /Lapsed/ }).waitFor({ state: 'detached' });
    await checked('segments');
  });

  test('the promotion editor: variant, tags, group, segment, first order only, minimum quantity and campaign saved exactly; the campaign lists it', async () => {
    const [segment] = (await shop.ok('GET', '/admin/segments')).data;
    const [campaign] = (await shop.ok('GET', '/admin/campaigns')).data;
    await open('/promotions/new', 'Create promotion');
    await page.getByLabel('Code', { exact: true }).fill('WELCOME5');
    await page.getByLabel('Percent off').fill('5');
    await page.getByLabel('Applies to').selectOption('items');
    await page.getByLabel('Find a product or SKU').fill('Linen');
    await page.getByRole('button', { name: 'Add Linen shirt' }).click();
    await page.getByRole('list', { name: 'Variants chosen' }).getByText(`Linen shirt (${variant.sku})`).waitFor();
    await page.getByLabel('Product tags').fill('summer, linen, summer');
    await page.getByLabel('Minimum quantity').fill('2');
    await page.getByRole('checkbox', { name: 'VIP' }).check();
    await page.getByRole('checkbox', { name: 'Big spenders' }).check();
    await page.getByRole('checkbox', { name: 'First order only' }).check();
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Summer sale' });
    await checked('promotion-editor-conditions');
    await page.getByRole('button', { name: 'Create promotion' }).click();
    await page.getByRole('heading', { level: 1, name: 'WELCOME5' }).waitFor();
    const [created] = (await shop.ok('GET', '/admin/promotions?code=welcome5')).data;
    expect(created).toMatchObject({
      code: 'WELCOME5', type: 'percentage', value: 5, target: 'items', collection_ids: [], variant_ids: [variant.id], tags: ['summer', 'linen'],
      customer_group_ids: [vip.id], segment_ids: [segment.id], first_order_only: true, min_quantity: 2, campaign_id: campaign.id,
    });
    expect((await shop.ok('GET', `/admin/campaigns/${campaign.id}`)).promotion_ids).toEqual([created.id]);

    // Read back into the editor; clearing the campaign and the minimum saves nulls.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'WELCOME5' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'First order only' }).isChecked()).toBe(true);
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'None' });
    await page.getByLabel('Minimum quantity').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => {
      const p = await shop.ok('GET', `/admin/promotions/${created.id}`);
      return [p.campaign_id, p.min_quantity, p.variant_ids, p.segment_ids];
    }).toEqual([null, null, [variant.id], [segment.id]]);
  });

  test('a customer’s marketing consent per channel with its history; staff record a withdrawal', async () => {
    const who = await signUp(shop, { first_name: 'Nora' });
    expect((await shop.request('POST', '/store/customers/me/marketing-consent', { token: who.token, body: { email: true, source: 'newsletter_form' } })).status).toBe(200);
    await open(`/customers/${who.id}`, who.email);
    const card = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Marketing consent' }) });
    await card.getByText('Subscribed').waitFor();
    expect(await card.getByText('Never asked').count()).toBe(1);
    expect(await card.getByRole('row', { name: /Newsletter form/ }).textContent()).toContain('Given');
    await checked('customer-consent');
    await card.getByRole('button', { name: 'Withdraw Email' }).click();
    await card.getByText('Withdrawn', { exact: true }).first().waitFor();
    const consent = await shop.ok('GET', `/admin/customers/${who.id}/marketing-consent`);
    expect(consent.email).toMatchObject({ granted: false, source: 'admin' });
    expect(consent.sms).toEqual({ granted: false, source: null, recorded_at: null });
    expect(consent.history.map((h: any) => [h.channel, h.granted, h.source])).toEqual([['email', true, 'newsletter_form'], ['email', false, 'admin']]);
    await expect.poll(() => card.getByRole('row').count()).toBe(3);
  });

  test('marketing dead letters: the tool’s answer shown; Resend refused again said in plain words; Resend taken; Discard', async () => {
    const fay = await signUp(shop, { first_name: 'Fay' });
    const hal = await signUp(shop, { first_name: 'Hal' });
    for (const who of [fay, hal]) {
      expect((await shop.request('POST', '/store/customers/me/marketing-consent', { token: who.token, body: { email: true } })).status).toBe(200);
    }
    const letterOf = async (who: SignedUp) => (await shop.ok('GET', '/admin/marketing/dead-letters')).data.find((l: any) => l.customer_id === who.id);
    const fayLetter = await waitFor(() => letterOf(fay), 20_000, 'Fay’s dead letter');
    const halLetter = await waitFor(() => letterOf(hal), 20_000, 'Hal’s dead letter');
    expect(fayLetter).toMatchObject({ provider_id: 'webhook', event_type: 'customer.marketing_consent_changed', status: 400, attempts: 1 });

    await open('/marketing/dead-letters', 'Marketing dead letters');
    const fayRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: fay.id }) });
    expect(await fayRow.textContent()).toContain(`HTTP 400: ${fayLetter.error}`);
    await checked('marketing-dead-letters');

    await fayRow.getByRole('button', { name: 'Resend' }).click();
    const refusedAgain = (await letterOf(fay)).error;
    await page.getByRole('alert').filter({ hasText: 'The marketing tool refused it again (HTTP 400)' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'refused it again' }).textContent()).toContain(refusedAgain);
    expect((await letterOf(fay)).attempts).toBe(2);
    await expect.poll(() => fayRow.textContent()).toContain('2 ×');

    refusing = false;
    const acceptedBefore = receiver.accepted().length;
    await fayRow.getByRole('button', { name: 'Resend' }).click();
    await fayRow.waitFor({ state: 'detached' });
    expect(await letterOf(fay)).toBeUndefined();
    const sent = receiver.accepted().slice(acceptedBefore).map((r) => r.event as unknown as { type: string; data: any });
    expect(sent.map((m) => [m.type, m.data.customer_id])).toEqual([['contact.upserted', fay.id]]);

    const halRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: hal.id }) });
    await halRow.getByRole('button', { name: 'Discard' }).click();
    await halRow.waitFor({ state: 'detached' });
    expect(await letterOf(hal)).toBeUndefined();
    expect(receiver.accepted().slice(acceptedBefore)).toHaveLength(1);
    expect(halLetter.id).not.toBe(fayLetter.id);
  });
});
