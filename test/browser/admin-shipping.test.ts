// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testTrackingNumber } from '../../src/modules/shipping/carriers/test-carrier.ts';
import { applyTrackingEvent } from '../../src/modules/shipments/tracking-events.ts';
import { processTrackingInboxOnce } from '../../src/modules/shipments/tracking-inbox.ts';
import { signatureHeader } from '../../src/modules/webhooks/signature.ts';
import { testLog } from '../helpers/background.ts';
import { placeOrder } from '../helpers/orders.ts';
import { ADDRESS_US, createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { checkPage, expectAccessible, openPage, openShopApp } from './browser.ts';

/**
 * The admin app's shipping pages in Chromium: the carriers and what each can do; a shipping option
 * priced by test_carrier's live rate, created in the editor and then priced for a cart through the
 * Store API (rate + markup, and the fallback when the carrier is down); labels bought on an order's
 * fulfillment, voided, bought again, refused in plain words; a carrier's tracking scan on the
 * timeline; deleting regions, shipping options and webhook endpoints behind a confirmation, and a
 * region carts use refused. Each result is read back through the API with its exact values; axe at
 * 1280 and 390 px. Embedded run only, like admin-app.test.ts.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
const SECRET = 'whsec_test_carrier_webhooks_0123';
const ORIGIN = { address_1: '1 Dock Rd', city: 'Newark', postal_code: '07102', country_code: 'US' };
let shop: TestShop;
let selling: Selling;
let variantId: string;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;

const open = (url: string, heading: string | RegExp) => openPage(page, `${base}${url}`, heading);
const checked = (name: string) => checkPage(page, name);
const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? null);

/** A placed order (1 unit, 1200 g) to `address`, fulfilled from the warehouse. */
async function fulfilledOrder(address: object = ADDRESS_US) {
  const order = await placeOrder(shop, [{ variant_id: variantId, quantity: 1 }], { address });
  const line = (await shop.ok('GET', `/admin/orders/${order.id}`)).items[0];
  const fulfillment = await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: line.id, quantity: 1 }] }, 201);
  return { orderId: order.id as string, fulfillmentId: fulfillment.id as string };
}

describe.skipIf(onServer)('the admin app shipping pages in Chromium', () => {
  beforeAll(async () => {
    shop = await startTestShop({ testCarrierWebhookSecret: SECRET });
    selling = await setUpSelling(shop);
    await shop.ok('POST', `/admin/inventory/locations/${selling.warehouse.id}`, { address: ORIGIN });
    variantId = (await createStockedProduct(shop, { usd: 2000, stock: 50, locationId: selling.warehouse.id, weight: 1200, title: 'Cast-iron pan' })).variant.id;
    ({ base, browser, context, page, close: closeBrowser } = await openShopApp(shop, '/settings/carriers', 'Carriers'));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await shop?.close();
  });

  test('carriers: each with what it can do, and where its tracking webhooks go', async () => {
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const rows = page.getByRole('table', { name: 'Carriers' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      'manualNo ratesNo labelsNone: staff type tracking numbers',
      `test_carrierRatesLabels${base.replace(/\/app$/, '')}/store/webhooks/carriers/test_carrier`,
    ]);
    await checked('carriers');
  });

  test('a shipping option priced by test_carrier: created in the editor, priced for carts with its markup, the fallback when the carrier is down', async () => {
    await open('/settings/shipping/new', 'Create shipping option');
    await page.getByLabel('Region').selectOption(selling.us.id);
    await page.getByLabel('Name').fill('Carrier ground');
    await page.getByLabel('Price type').selectOption('calculated');
    expect(await page.getByLabel('Carrier', { exact: true }).locator('option').allTextContents()).toEqual(['test_carrier']);
    await page.getByLabel('Carrier service').fill('ground');
    await page.getByLabel('Markup (%)').fill('10');
    await page.getByLabel('Markup amount (USD)').fill('1');
    await page.getByLabel('Fallback price (USD)').fill('9');
    await page.getByLabel('Position').fill('5');
    await checked('shipping-option-calculated');
    await page.getByRole('button', { name: 'Create shipping option' }).click();
    await page.getByRole('heading', { level: 1, name: 'Carrier ground' }).waitFor();
    const option = (await shop.ok('GET', `/admin/shipping-options?region_id=${selling.us.id}`)).data.find((o: any) => o.name === 'Carrier ground');
    expect(option).toMatchObject({
      region_id: selling.us.id, currency_code: 'USD', price_type: 'calculated', carrier_id: 'test_carrier', carrier_service: 'ground',
      rate_markup_percent: 10, rate_markup_amount: 100, amount: 900, free_over_amount: null, weight_bands: null, active: true, position: 5,
    });
    // Reopened, the editor shows what was saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Carrier ground' }).waitFor();
    expect(await Promise.all(['Price type', 'Carrier service', 'Markup (%)', 'Markup amount (USD)', 'Fallback price (USD)'].map((l) => page.getByLabel(l).inputValue())))
      .toEqual(['calculated', 'ground', '10', '1.00', '9.00']);

    // 1200 g is 2 started kilos: ground 500 + 2 × 100 = 700, + 10 % = 770, + 100 = 870. Postcode 99999: the carrier is down, 900.
    const priced = async (postal_code: string) => {
      const cart = await shop.ok('POST', '/store/carts', { currency_code: 'USD' }, 201);
      await shop.ok('POST', `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 });
      await shop.ok('POST', `/store/carts/${cart.id}`, { email: 'pan@example.com', shipping_address: { ...ADDRESS_US, postal_code } });
      return (await shop.ok('GET', `/store/carts/${cart.id}/shipping-options`)).data.map((o: any) => [o.name, o.amount]);
    };
    expect(await priced('12345')).toEqual([['Standard', 500], ['Carrier ground', 870]]);
    expect(await priced('99999')).toEqual([['Standard', 500], ['Carrier ground', 900]]);

    await open('/settings/shipping', 'Shipping');
    expect(await page.getByRole('row', { name: /Carrier ground/ }).textContent()).toContain('test_carrier ground rate, else $9.00');

    // Switched to a flat price in the editor: the carrier and its markups go with the old price type.
    const courier = await shop.ok('POST', '/admin/shipping-options', {
      region_id: selling.us.id, name: 'Courier', price_type: 'calculated', carrier_id: 'test_carrier', carrier_service: 'express', rate_markup_percent: 5, rate_markup_amount: 50, amount: 2500, position: 6,
    }, 201);
    await open(`/settings/shipping/${courier.id}`, 'Courier');
    expect(await page.getByLabel('Markup (%)').inputValue()).toBe('5');
    await page.getByLabel('Price type').selectOption('flat');
    expect(await page.getByLabel('Carrier service').count()).toBe(0);
    await page.getByLabel('Price (USD)').fill('12');
    await page.getByRole('button', { name: 'Save shipping option' }).click();
    await page.getByText('Shipping option saved').waitFor();
    expect(await shop.ok('GET', `/admin/shipping-options/${courier.id}`)).toMatchObject({
      price_type: 'flat', amount: 1200, carrier_id: null, carrier_service: null, rate_markup_percent: 0, rate_markup_amount: 0, free_over_amount: null, weight_bands: null,
    });
    await shop.ok('DELETE', `/admin/shipping-options/${courier.id}`);
  });

  test('labels: bought on a fulfillment, voided, bought again; the carrier’s scan on the timeline ships it', async () => {
    const { orderId, fulfillmentId } = await fulfilledOrder();
    await open(`/orders/${orderId}`, /^Order /);
    await page.getByRole('button', { name: 'Buy label' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buy shipping label' });
    // The carriers load after the dialog opens.
    await expect.poll(() => dialog.getByLabel('Carrier').inputValue()).toBe('test_carrier');
    await dialog.getByLabel('Service').fill('express');
    await expectAccessible(page, 'buy label dialog');
    await dialog.getByRole('button', { name: 'Buy label' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [express] = (await shop.ok('GET', `/admin/orders/${orderId}/labels`)).data;
    const first = testTrackingNumber(express.id);
    expect(express).toMatchObject({
      fulfillment_id: fulfillmentId, carrier_id: 'test_carrier', service: 'express', status: 'purchased', amount: 1750, tracking_number: first,
      tracking_url: `https://track.test-carrier.invalid/${first}`, label_url: `https://labels.test-carrier.invalid/${first}.pdf`,
    });
    await page.getByText(`Label bought: ${first}`).waitFor();
    const labels = page.getByRole('list', { name: 'Shipping labels' });
    expect(await labels.getByRole('link', { name: /Print label/ }).getAttribute('href')).toBe(express.label_url);
    expect(await labels.getByRole('link', { name: new RegExp(first) }).first().getAttribute('href')).toBe(express.tracking_url);
    // A live label: no second one offered.
    expect(await page.getByRole('button', { name: 'Buy label' }).count()).toBe(0);
    await checked('order-labels');

    await page.getByRole('button', { name: `Void label ${first}` }).click();
    const confirm = page.getByRole('dialog', { name: `Void the label ${first}?` });
    await confirm.waitFor();
    expect(await focusedText()).toBe('Cancel');
    await confirm.getByRole('button', { name: 'Void label' }).click();
    await page.getByText(`Label ${first} voided`).waitFor();
    expect((await shop.ok('GET', `/admin/orders/${orderId}/labels`)).data.map((l: any) => [l.id, l.status])).toEqual([[express.id, 'canceled']]);

    await page.getByRole('button', { name: 'Buy label' }).click();
    await dialog.getByRole('button', { name: 'Buy label' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = (await shop.ok('GET', `/admin/orders/${orderId}/labels`)).data;
    expect(after.map((l: any) => [l.status, l.service, l.amount])).toEqual([['canceled', 'express', 1750], ['purchased', null, 600]]);
    const second = after[1].tracking_number;
    expect(second).toBe(testTrackingNumber(after[1].id));

    const scan = JSON.stringify({ id: `tev_${after[1].id}_1`, tracking_number: second, status: 'in_transit', occurred_at: new Date().toISOString(), description: 'Departed Newark facility' });
    const answer = await shop.request('POST', '/store/webhooks/carriers/test_carrier', {
      token: null, body: scan, headers: { 'content-type': 'application/json', 'test-carrier-signature': signatureHeader(SECRET, scan) },
    });
    expect(answer.status).toBe(200);
    while (await processTrackingInboxOnce(shop.db, (event) => applyTrackingEvent(shop.db, event), testLog));
    const order = await shop.ok('GET', `/admin/orders/${orderId}`);
    expect(order.fulfillments.map((f: any) => [f.status, f.carrier, f.tracking_number])).toEqual([['shipped', 'test_carrier', second]]);
    expect(order.timeline.map((e: any) => e.type).filter((t: string) => /label|tracking|shipped/.test(t)))
      .toEqual(['order.label_purchased', 'order.label_canceled', 'order.label_purchased', 'order.tracking_updated', 'order.shipped']);

    await page.reload();
    const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) });
    await timeline.getByText(`In transit: Departed Newark facility · test_carrier ${second}`).waitFor();
    await timeline.getByText(`test_carrier ${first}`).waitFor();
    // Shipped: the label can no longer be voided, nor another bought.
    expect(await page.getByRole('button', { name: /Void label|Buy label/ }).count()).toBe(0);
    await checked('order-tracked');
  });

  test('a carrier that refuses the address: said in the dialog, the failed label listed with why', async () => {
    const { orderId } = await fulfilledOrder({ ...ADDRESS_US, postal_code: '99997' });
    await open(`/orders/${orderId}`, /^Order /);
    await page.getByRole('button', { name: 'Buy label' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buy shipping label' });
    await dialog.getByRole('button', { name: 'Buy label' }).click();
    await dialog.getByRole('alert').getByText('The carrier cannot deliver to this address.').waitFor();
    await expectAccessible(page, 'buy label refused');
    expect((await shop.ok('GET', `/admin/orders/${orderId}/labels`)).data.map((l: any) => [l.status, l.tracking_number, l.error_message]))
      .toEqual([['failed', null, 'The carrier cannot deliver to this address.']]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('list', { name: 'Shipping labels' }).getByText('The carrier cannot deliver to this address.').waitFor();
  });

  test('deletes ask first: a region, a shipping option and a webhook endpoint go; a region carts use stays, the reason shown', async () => {
    // Refused: carts (and so orders) use the US region.
    await open(`/settings/regions/${selling.us.id}`, 'United States');
    await page.getByRole('button', { name: 'Delete region' }).click();
    const refusal = page.getByRole('dialog', { name: 'Delete the region United States?' });
    expect(await focusedText()).toBe('Cancel');
    await expectAccessible(page, 'delete region dialog');
    await refusal.getByRole('button', { name: 'Delete region' }).click();
    await refusal.getByRole('alert').getByText('Carts still use this region.').waitFor();
    expect((await shop.ok('GET', `/admin/regions/${selling.us.id}`)).name).toBe('United States');
    await refusal.getByRole('button', { name: 'Cancel' }).click();

    const nordics = await shop.ok('POST', '/admin/regions', { name: 'Nordics', currency_code: 'SEK', countries: ['SE', 'NO'] }, 201);
    const boat = await shop.ok('POST', '/admin/shipping-options', { region_id: nordics.id, name: 'Boat', price_type: 'flat', amount: 9900 }, 201);
    await open(`/settings/regions/${nordics.id}`, 'Nordics');
    await page.getByRole('button', { name: 'Delete region' }).click();
    await page.getByRole('dialog', { name: 'Delete the region Nordics?' }).getByRole('button', { name: 'Delete region' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regions & currencies' }).waitFor();
    await page.getByText('Region Nordics deleted').waitFor();
    await shop.refused('GET', `/admin/regions/${nordics.id}`, undefined, 404, 'region_not_found');
    await shop.refused('GET', `/admin/shipping-options/${boat.id}`, undefined, 404, 'shipping_option_not_found');
    expect(await page.getByRole('row', { name: /Nordics/ }).count()).toBe(0);

    const option = (await shop.ok('GET', `/admin/shipping-options?region_id=${selling.us.id}`)).data.find((o: any) => o.name === 'Carrier ground');
    await open(`/settings/shipping/${option.id}`, 'Carrier ground');
    await page.getByRole('button', { name: 'Delete shipping option' }).click();
    await page.getByRole('dialog', { name: 'Delete the shipping option Carrier ground?' }).getByRole('button', { name: 'Delete shipping option' }).click();
    await page.getByRole('heading', { level: 1, name: 'Shipping' }).waitFor();
    await shop.refused('GET', `/admin/shipping-options/${option.id}`, undefined, 404, 'shipping_option_not_found');
    expect((await shop.ok('GET', `/admin/shipping-options?region_id=${selling.us.id}`)).data.map((o: any) => o.name)).toEqual(['Standard']);

    const endpoint = await shop.ok('POST', '/admin/webhooks', { url: 'https://93.184.216.34/hooks', events: ['order.placed'] }, 201);
    await open(`/settings/webhooks/${endpoint.id}`, 'https://93.184.216.34/hooks');
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByRole('dialog', { name: 'Delete this webhook endpoint?' }).getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await shop.refused('GET', `/admin/webhooks/${endpoint.id}`, undefined, 404, 'webhook_endpoint_not_found');
  });
});
