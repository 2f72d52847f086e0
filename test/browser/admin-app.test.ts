// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { assertAppBuilt, expectAccessible, launchBrowser, SCREENSHOTS, shootBothWidths, signIn } from './browser.ts';

/**
 * The admin app in a real browser (Debian's Chromium through playwright-core): the staff's main flows
 * through the UI, each result checked through the API afterwards; axe-core on every page; screenshots
 * at 1280 and 390 px. One browser for the file; runs on the embedded run only (the app is the same on
 * both databases, and the API underneath is tested on both).
 */
const onServer = !!process.env.TEST_DATABASE_URL;
let shop: TestShop;
let selling: Selling;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;
const timings: Record<string, number> = {};

async function h1(p: Page) {
  return p.locator('h1').first().textContent();
}

const shoot = (name: string) => shootBothWidths(page, name);

describe.skipIf(onServer)('the admin app in Chromium', () => {
  beforeAll(async () => {
    assertAppBuilt();
    shop = await startTestShop({ paymentCapture: 'manual' });
    selling = await setUpSelling(shop);
    base = `${await shop.app.listen({ port: 0, host: '127.0.0.1' })}/app`;
    ({ browser, close: closeBrowser } = await launchBrowser());
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await closeBrowser?.();
    await shop?.close();
  });

  test('sign in: a deep link asks for sign-in, then lands where it pointed; the dashboard is usable', async () => {
    const started = Date.now();
    await page.goto(`${base}/orders?payment_status=authorized`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(page.url()).toContain('/app/login?redirect=');
    await expectAccessible(page, 'sign-in');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in-1280.png') });
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    expect(new URL(page.url()).search).toBe('?payment_status=authorized');
    expect(await page.title()).toBe('Orders · Cartwright');
    // The h1 has focus after navigation, so a screen reader announces the page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    const dashboardStart = Date.now();
    await page.goto(base);
    await page.getByRole('heading', { level: 2, name: 'To capture' }).waitFor();
    await page.locator('section[aria-labelledby="to-capture"] a').waitFor();
    timings.dashboard_ms = Date.now() - dashboardStart;
    timings.sign_in_flow_ms = Date.now() - started;
    await expectAccessible(page, 'dashboard');
  });

  test('create a product with two variants, prices and stock', async () => {
    await page.goto(`${base}/products/new`);
    await page.getByLabel('Title').fill('Browser Tee');
    await page.getByLabel('Option 1 name').fill('Size');
    await page.getByLabel('Option 1 values').fill('S, M');
    await page.getByLabel('SKU of S').fill('TEE-S');
    await page.getByLabel('SKU of M').fill('TEE-M');
    await page.getByLabel('Price of S in USD').fill('25.00');
    await page.getByLabel('Price of M in USD').fill('27.50');
    await page.getByLabel('Price of S in EUR').fill('23');
    await page.getByLabel('Opening stock of S').fill('10');
    await page.getByLabel('Opening stock of M').fill('4');
    await page.getByLabel('Status').selectOption('published');
    await expectAccessible(page, 'product editor');
    await shoot('product-editor');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { level: 1, name: 'Browser Tee' }).waitFor();

    const list = await shop.ok('GET', '/admin/products?q=Browser%20Tee');
    expect(list.data).toHaveLength(1);
    const product = list.data[0];
    expect(product.status).toBe('published');
    expect(product.options).toEqual([{ id: product.options[0].id, title: 'Size', values: ['S', 'M'] }]);
    expect(product.variants.map((v: any) => [v.sku, v.options, v.prices])).toEqual([
      ['TEE-S', { Size: 'S' }, [{ currency_code: 'EUR', amount: 2300 }, { currency_code: 'USD', amount: 2500 }]],
      ['TEE-M', { Size: 'M' }, [{ currency_code: 'USD', amount: 2750 }]],
    ]);
    const levels = await shop.ok('GET', `/admin/inventory/levels?location_id=${selling.warehouse.id}&sku=TEE-S`);
    expect(levels.data.map((l: any) => [l.sku, l.on_hand, l.available])).toEqual([['TEE-S', 10, 10]]);
    expect((await shop.ok('GET', `/admin/inventory/items/${product.variants[1].id}`)).totals.on_hand).toBe(4);
  });

  test('create a promotion code (a bad code is named beside its field), then switch it off', async () => {
    await page.goto(`${base}/promotions/new`);
    await page.getByLabel('Code', { exact: true }).fill('NO SPACES');
    await page.getByLabel('Percent off').fill('10');
    await page.getByLabel('Total uses').fill('5');
    await page.getByRole('button', { name: 'Create promotion' }).click();
    await expect.poll(() => page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByText('code must be letters, digits, - and _ only (no spaces)').waitFor();
    expect((await shop.ok('GET', '/admin/promotions')).data).toHaveLength(0);

    await page.getByLabel('Code', { exact: true }).fill('BROWSER10');
    await expectAccessible(page, 'promotion editor');
    await shoot('promotion-editor');
    await page.getByRole('button', { name: 'Create promotion' }).click();
    await page.getByRole('heading', { level: 1, name: 'BROWSER10' }).waitFor();
    const [created] = (await shop.ok('GET', '/admin/promotions?code=browser10')).data;
    expect(created).toMatchObject({ code: 'BROWSER10', automatic: false, type: 'percentage', target: 'order', value: 10, usage_limit: 5, usage_count: 0, active: true, combinable: false });

    await page.getByLabel('Active').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/promotions/${created.id}`)).active).toBe(false);
    await page.goto(`${base}/promotions`);
    const row = page.getByRole('row', { name: /BROWSER10/ });
    await expect.poll(() => row.textContent()).toContain('10 % off the order');
    expect(await row.textContent()).toContain('Disabled');
  });

  test('an order from the store: captured in part, fulfilled in part, shipped with tracking, refunded in part; a return received', async () => {
    const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 20, locationId: selling.warehouse.id, title: 'Browser Mug' });
    const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: 3 }], { email: 'buyer@browser.test' });
    expect(placed.total).toBe(7150); // 3 × 20.00 + 5.00 shipping, 10 % tax
    await page.goto(`${base}/orders/${placed.id}`);
    await page.getByRole('heading', { level: 1, name: `Order ${placed.display_number}` }).waitFor();
    await expectAccessible(page, 'order detail');
    await shoot('order-detail');

    // Capture 50.00 of 71.50.
    await page.getByRole('button', { name: 'Capture payment' }).click();
    const capture = page.getByRole('dialog', { name: 'Capture payment' });
    expect(await capture.getByLabel('Amount (USD)').inputValue()).toBe('71.50');
    await expectAccessible(page, 'capture dialog');
    await capture.getByLabel('Amount (USD)').fill('50');
    await capture.getByRole('button', { name: 'Capture' }).click();
    await capture.waitFor({ state: 'hidden' });
    await page.getByText('$50.00 captured').waitFor();

    // Fulfill 2 of 3, shipped at once with tracking.
    // Money is still authorized, so Capture stays the primary action; the Unfulfilled card offers Fulfill.
    await page.getByRole('link', { name: 'Fulfill', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Fulfill order/ }).waitFor();
    await page.getByLabel('Quantity of Browser Mug (Default)').fill('2');
    await expectAccessible(page, 'fulfill page');
    await page.getByRole('button', { name: 'Fulfill items' }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${placed.display_number}` }).waitFor();
    await page.getByRole('button', { name: 'Add tracking' }).click();
    const ship = page.getByRole('dialog', { name: 'Ship with tracking' });
    await ship.getByLabel('Carrier').fill('UPS');
    await ship.getByLabel('Tracking number').fill('1Z999');
    await ship.getByLabel('Tracking URL').fill('https://track.example/1Z999');
    await ship.getByRole('button', { name: 'Ship' }).click();
    await ship.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: /Track/ }).waitFor();

    // Refund 10.00 of what was captured, with a reason.
    await page.getByRole('button', { name: 'Refund' }).first().click();
    const refund = page.getByRole('dialog', { name: 'Refund' });
    await refund.getByLabel('Amount (USD)').fill('80');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund.getByText('Enter an amount up to $50.00').waitFor();
    await refund.getByLabel('Amount (USD)').fill('10');
    await refund.getByLabel('Reason').selectOption('damaged');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund.waitFor({ state: 'hidden' });
    await page.getByText('$10.00 refunded').waitFor();

    let order = await shop.ok('GET', `/admin/orders/${placed.id}`);
    expect(order.summary).toMatchObject({ captured_total: 5000, refunded_total: 1000, capturable_total: 2150 });
    expect(order.fulfillments.map((f: any) => [f.status, f.carrier, f.tracking_number, f.items[0].quantity])).toEqual([['shipped', 'UPS', '1Z999', 2]]);
    expect(order.refunds.map((r: any) => [r.amount, r.reason])).toEqual([[1000, 'damaged']]);

    // Delivered, then one unit comes back and is received into the warehouse.
    await page.getByRole('button', { name: 'Mark delivered' }).click();
    await page.getByText('Marked delivered').waitFor();
    await page.getByRole('link', { name: 'Return items' }).click();
    await page.getByLabel('Return quantity of Browser Mug (Default)').fill('1');
    await page.getByRole('button', { name: 'Request return' }).click();
    await page.getByRole('button', { name: 'Receive' }).click();
    const receive = page.getByRole('dialog', { name: 'Receive return' });
    await receive.getByRole('button', { name: 'Receive' }).click();
    await receive.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Return received').waitFor();
    order = await shop.ok('GET', `/admin/orders/${placed.id}`);
    expect(order.returns.map((r: any) => [r.status, r.items[0].received_quantity])).toEqual([['received', 1]]);
    expect(order.items[0].returned_quantity).toBe(1);
  });

  test('a CSV import with a mistake shows the problem by row; nothing is imported', async () => {
    await page.goto(`${base}/products/import`);
    await page.getByRole('heading', { level: 1, name: 'Import products' }).waitFor();
    const csv = 'handle,title,status,variant_sku,price_usd\nok-one,OK one,draft,CSV-1,1000\nbad-two,Bad two,nonsense,CSV-2,abc\n';
    await page.getByLabel('File').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
    const problems = page.getByRole('table', { name: 'Problems found in the CSV file' });
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'import with errors');
    await shoot('product-import-errors');
    expect((await shop.ok('GET', '/admin/products?q=OK%20one')).data).toEqual([]);
  });

  test('a role without refunds sees no refund action, and the API refuses it anyway', async () => {
    await shop.ok('POST', '/admin/roles', { key: 'packer', name: 'Packer', permissions: ['orders:read', 'orders:fulfill', 'products:read', 'inventory:read'] }, 201);
    await shop.ok('POST', '/admin/users', { email: 'packer@shop.test', name: 'Pat Packer', role: 'packer', password: 'a long packer password' }, 201);
    const { variant } = await createStockedProduct(shop, { usd: 1500, stock: 5, locationId: selling.warehouse.id });
    const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }]);
    await shop.ok('POST', `/admin/orders/${placed.id}/capture`, {});

    const packer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await packer.newPage();
    await p.goto(`${base}/orders/${placed.id}`);
    await signIn(p, { email: 'packer@shop.test', password: 'a long packer password' });
    await p.getByRole('heading', { level: 1, name: `Order ${placed.display_number}` }).waitFor();
    await p.getByRole('link', { name: 'Fulfill items' }).first().waitFor();
    expect(await p.getByRole('button', { name: 'Refund' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Cancel order' }).count()).toBe(0);
    expect(await p.getByRole('link', { name: 'Customers' }).count()).toBe(0);
    // The API says no all the same.
    const login = await shop.post('/admin/auth/login', { email: 'packer@shop.test', password: 'a long packer password' }, { token: null });
    const refused = await shop.post(`/admin/orders/${placed.id}/refunds`, { amount: 100, reason: 'other' }, { token: login.body.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'forbidden', message: 'Your role does not allow this.', details: { permission: 'orders:refund' } });
    expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).refunds).toEqual([]);
    await packer.close();
  });

  test('an expired session returns to sign-in, then to the page that was open', async () => {
    await page.goto(`${base}/customers`);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await context.clearCookies();
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/products');
  });

  test('the command palette finds an order by number and opens it', async () => {
    const orders = await shop.ok('GET', '/admin/orders?limit=1');
    await page.goto(`${base}/products`);
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: /Search orders/ });
    await search.fill(String(orders.data[0].number));
    await page.getByRole('option', { name: new RegExp(`Order ${orders.data[0].display_number}`) }).waitFor();
    await expectAccessible(page, 'command palette');
    await search.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Order ${orders.data[0].display_number}` }).waitFor();
  });

  test('move stock between locations from the product page; the movement log shows both sides', async () => {
    const floor = await shop.ok('POST', '/admin/inventory/locations', { name: 'Shop Floor', code: 'floor' }, 201);
    const [product] = (await shop.ok('GET', '/admin/products?q=Browser%20Tee')).data;
    const small = product.variants.find((v: any) => v.sku === 'TEE-S');
    const before = await shop.ok('GET', `/admin/inventory/levels?location_id=${selling.warehouse.id}&sku=TEE-S`);
    await page.goto(`${base}/products/${product.id}`);
    await page.getByLabel('Variant to move').selectOption(small.id);
    await page.getByLabel('From', { exact: true }).selectOption(selling.warehouse.id);
    await page.getByLabel('To', { exact: true }).selectOption(floor.id);
    await page.getByLabel('Units to move').fill('3');
    await expectAccessible(page, 'product inventory with transfer');
    await page.getByRole('button', { name: 'Move stock' }).click();
    await page.getByText('Stock moved').waitFor();
    const onHand = async (locationId: string) => (await shop.ok('GET', `/admin/inventory/levels?location_id=${locationId}&sku=TEE-S`)).data[0]?.on_hand;
    expect(await onHand(selling.warehouse.id)).toBe(before.data[0].on_hand - 3);
    expect(await onHand(floor.id)).toBe(3);

    await page.goto(`${base}/inventory/movements?location_id=${floor.id}`);
    const row = page.getByRole('row', { name: /TEE-S/ });
    await expect.poll(() => row.textContent()).toContain('+3');
    expect(await row.textContent()).toContain('Transfer');
    expect(await row.textContent()).toContain('0 → 3');
  });

  test('every page: axe finds no serious or critical violation; screenshots at 1280 and 390 px', async () => {
    // A purchase order received as one lot, for the purchase order's and the lot's pages.
    const supplier = await shop.ok('POST', '/admin/suppliers', { name: 'Sweep Supplier' }, 201);
    const bought = (await createStockedProduct(shop, { usd: 1500 })).variant;
    const po = await shop.ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', lines: [{ variant_id: bought.id, quantity: 5, unit_cost: 600 }],
    }, 201);
    await shop.ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
    const [lotId] = (await shop.ok('POST', `/admin/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 2, lot_number: 'SWEEP-1' }] }, 201)).lot_ids;
    const pages: [string, string][] = [
      ['dashboard', ''], ['orders', '/orders'], ['draft-orders', '/draft-orders'], ['products', '/products'], ['collections', '/collections'],
      ['categories', '/categories'], ['inventory', '/inventory'], ['stock-movements', '/inventory/movements'], ['purchase-orders', '/purchase-orders'], ['purchase-order-new', '/purchase-orders/new'], ['purchase-order', `/purchase-orders/${po.id}`],
      ['lots', '/lots'], ['lot', `/lots/${lotId}`], ['suppliers', '/suppliers'], ['margins', '/reports/margins'], ['search-synonyms', '/search-synonyms'],
      ['customers', '/customers'], ['customer-groups', '/customer-groups'], ['segments', '/segments'], ['marketing-dead-letters', '/marketing/dead-letters'], ['promotions', '/promotions'], ['campaigns', '/campaigns'],
      ['price-lists', '/price-lists'], ['price-list-new', '/price-lists/new'], ['gift-cards', '/gift-cards'], ['analytics', '/analytics'], ['analytics-monthly', '/analytics?granularity=month&group_by=variant'],
      ['regions', '/settings/regions'], ['region-new', '/settings/regions/new'], ['region', `/settings/regions/${selling.eu.id}`], ['shipping', '/settings/shipping'],
      ['shipping-option-new', '/settings/shipping/new'], ['shipping-option', `/settings/shipping/${selling.usStandard.id}`], ['carriers', '/settings/carriers'], ['locations', '/settings/locations'], ['users', '/settings/users'],
      ['api-keys', '/settings/api-keys'], ['webhooks', '/settings/webhooks'], ['jobs', '/settings/jobs'], ['emails', '/settings/emails'],
      ['assistant', '/settings/assistant'], ['audit-log', '/settings/audit-log'], ['ledger', '/settings/ledger'],
      ['forecast', `/forecasts/${(await createStockedProduct(shop, { usd: 900, stock: 12, locationId: selling.warehouse.id })).variant.id}`],
    ];
    for (const [name, url] of pages) {
      await page.goto(`${base}${url}`);
      await page.locator('h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      expect(await h1(page), name).toBeTruthy();
      await expectAccessible(page, name);
      await shoot(name);
    }
    fs.writeFileSync(path.join(SCREENSHOTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  }, 120_000); // some thirty pages at two widths, each checked by axe: about 20 s on 2 idle cores, more when busy
});
