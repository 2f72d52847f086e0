// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { checkPage, openPage, openShopApp } from './browser.ts';

/**
 * Purchasing in the admin app (docs/purchasing.md), in Chromium: a purchase order placed and received
 * in parts from its page (lot number, expiry, unit cost per line), a fulfillment choosing its lot, the
 * lot's recall report and its CSV,
 * the lots and margin on the order page, and the margin report — each result read back through the API
 * with its exact values; axe on every page at 1280 and 390 px. Embedded run only, like admin-app.test.ts.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
let shop: TestShop;
let selling: Selling;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let oil: { id: string; sku: string };
let oilProductId: string;
let vinegar: { id: string; sku: string };
let supplier: { id: string };
let po: any;
let order: any;

const open = (url: string, heading: string | RegExp) => openPage(page, `${base}${url}`, heading);
const checked = (name: string) => checkPage(page, name);
const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

async function level(variantId: string) {
  const item = await shop.ok('GET', `/admin/inventory/items/${variantId}`);
  const l = item.levels.find((x: any) => x.location_id === selling.warehouse.id);
  return { on_hand: l.on_hand, incoming: l.incoming };
}

async function lotsOfOrder() {
  return (await shop.ok('GET', `/admin/lots?purchase_order_id=${po.id}`)).data
    .map((l: any) => [l.lot_number, l.variant_id, l.quantity_received, l.unit_cost, iso(l.expires_at)]).sort();
}

describe.skipIf(onServer)('purchasing, lots and margins in the admin app', () => {
  beforeAll(async () => {
    shop = await startTestShop();
    selling = await setUpSelling(shop);
    // Two units from before lots (unlotted): expiry unknown, so a lot that expires leaves first.
    const made = await createStockedProduct(shop, { usd: 2000, stock: 2, locationId: selling.warehouse.id, title: 'Olive Oil' });
    oil = made.variant;
    oilProductId = made.product.id;
    vinegar = (await createStockedProduct(shop, { usd: 900, title: 'Vinegar' })).variant;
    supplier = await shop.ok('POST', '/admin/suppliers', { name: 'Frantoio Rossi' }, 201);
    po = await shop.ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: selling.warehouse.id, currency_code: 'USD', reference: 'PO-7',
      lines: [{ variant_id: oil.id, quantity: 6, unit_cost: 800 }, { variant_id: vinegar.id, quantity: 3, unit_cost: 500 }],
    }, 201);
    ({ base, browser, context, page, close: closeBrowser } = await openShopApp(shop, '/purchase-orders', 'Purchase orders', { acceptDownloads: true }));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await shop?.close();
  });

  test('a purchase order placed, then received in two parts from its page: each line a lot with its expiry and cost; a blank lot number refused beside its field', async () => {
    await page.getByRole('link', { name: 'PO-7' }).click();
    await page.getByRole('heading', { level: 1, name: 'Purchase order PO-7' }).waitFor();
    await checked('purchase-order-draft');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByLabel(`Units of ${oil.sku} received`).waitFor();
    expect((await shop.ok('GET', `/admin/purchase-orders/${po.id}`)).status).toBe('ordered');
    expect(await level(oil.id)).toEqual({ on_hand: 2, incoming: 6 });

    // Prefilled with what is outstanding and the line's cost.
    expect(await page.getByLabel(`Units of ${oil.sku} received`).inputValue()).toBe('6');
    expect(await page.getByLabel(`Unit cost of ${oil.sku} (USD)`).inputValue()).toBe('8.00');
    await page.getByLabel(`Units of ${oil.sku} received`).fill('4');
    await page.getByLabel(`Lot number of ${oil.sku}`).fill('   ');
    await page.getByLabel(`Expiry of ${oil.sku}`).fill('2027-06-01');
    await page.getByLabel(`Unit cost of ${oil.sku} (USD)`).fill('7.50');
    await page.getByLabel(`Units of ${vinegar.sku} received`).fill('0');
    await page.getByRole('button', { name: 'Receive units' }).click();
    // Blank (spaces only): the API's 400 names the line's lot number, shown beside it; nothing received.
    await expect.poll(() => page.getByLabel(`Lot number of ${oil.sku}`).getAttribute('aria-invalid')).toBe('true');
    expect(await lotsOfOrder()).toEqual([]);
    expect(await level(oil.id)).toEqual({ on_hand: 2, incoming: 6 });

    await page.getByLabel(`Lot number of ${oil.sku}`).fill('L-JUNE');
    await page.getByRole('button', { name: 'Receive units' }).click();
    await page.getByRole('status').getByText('1 lot received').waitFor();
    const partly = await shop.ok('GET', `/admin/purchase-orders/${po.id}`);
    expect([partly.status, partly.lines.map((l: any) => [l.quantity_received, l.quantity_outstanding])]).toEqual(['partially_received', [[4, 2], [0, 3]]]);
    expect(await lotsOfOrder()).toEqual([['L-JUNE', oil.id, 4, 750, '2027-06-01T00:00:00.000Z']]);
    expect(await level(oil.id)).toEqual({ on_hand: 6, incoming: 2 });
    await page.getByRole('link', { name: 'L-JUNE' }).waitFor();
    // The form starts again from what is still outstanding.
    await expect.poll(() => page.getByLabel(`Units of ${oil.sku} received`).inputValue()).toBe('2');
    expect(await page.getByLabel(`Units of ${vinegar.sku} received`).inputValue()).toBe('3');
    await checked('purchase-order-receive');

    await page.getByLabel(`Lot number of ${oil.sku}`).fill('L-MARCH');
    await page.getByLabel(`Expiry of ${oil.sku}`).fill('2027-03-01');
    await page.getByLabel(`Lot number of ${vinegar.sku}`).fill('V-1');
    // $1.00 of freight by value: 2 × $8.00 and 3 × $5.00 of $31.00 → 51.6… and 48.3… cents, the cent left to the first.
    await page.getByLabel('What they are').fill('freight');
    await page.getByLabel('Landed costs (USD)').fill('1.00');
    await page.getByRole('button', { name: 'Receive units' }).click();
    await page.getByRole('status').getByText('2 lots received').waitFor();
    const received = await shop.ok('GET', `/admin/purchase-orders/${po.id}`);
    expect([received.status, received.lines.map((l: any) => [l.quantity_received, l.quantity_outstanding])]).toEqual(['received', [[6, 0], [3, 0]]]);
    expect(await lotsOfOrder()).toEqual([
      ['L-JUNE', oil.id, 4, 750, '2027-06-01T00:00:00.000Z'], ['L-MARCH', oil.id, 2, 800, '2027-03-01T00:00:00.000Z'], ['V-1', vinegar.id, 3, 500, null],
    ]);
    const landed = (await shop.ok('GET', `/admin/lots?purchase_order_id=${po.id}`)).data.map((l: any) => [l.lot_number, l.landed_cost]).sort();
    expect(landed).toEqual([['L-JUNE', 0], ['L-MARCH', 52], ['V-1', 48]]);
    expect(await level(oil.id)).toEqual({ on_hand: 8, incoming: 0 });
    expect(await level(vinegar.id)).toEqual({ on_hand: 3, incoming: 0 });
    // Received in full: nothing left to receive, nothing to cancel.
    await page.getByRole('link', { name: 'V-1' }).waitFor();
    expect(await page.getByRole('button', { name: 'Receive units' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel purchase order' }).count()).toBe(0);
  });

  test('fulfilling, staff choose a lot against first-expiry-first-out; the rest leaves in pick order', async () => {
    order = await placeOrder(shop, [{ variant_id: oil.id, quantity: 3 }], { email: 'ada@example.com' });
    await open(`/orders/${order.id}/fulfill`, /^Fulfill order/);
    await page.getByRole('button', { name: 'Choose lots of Olive Oil' }).click();
    await page.getByLabel('Units from lot L-MARCH').waitFor();
    // Only the lots on hand here, each with its units and expiry.
    expect(await page.getByLabel(/^Units from lot/).count()).toBe(2);
    await page.getByLabel('Units from lot L-JUNE').fill('2');
    await checked('order-fulfill-lots');
    await page.getByRole('button', { name: 'Fulfill items' }).click();
    await page.getByRole('heading', { level: 1, name: /^Order / }).waitFor();
    const taken = await shop.ok('GET', `/admin/orders/${order.id}/lots`);
    expect(taken.lines[0].lots.map((l: any) => [l.lot_number, l.quantity])).toEqual([['L-JUNE', 2], ['L-MARCH', 1]]);
  });

  test('a lot\'s page: its origin, and the recall report naming the customer who received it, exported as the API\'s CSV', async () => {
    await open('/lots', 'Lots');
    await page.getByRole('link', { name: 'L-MARCH' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lot L-MARCH' }).waitFor();
    await page.getByText('1 unit is with 1 customer (1 sent, 0 returned).').waitFor();
    const row = page.getByRole('row', { name: new RegExp(`#${order.number}`) });
    expect(await row.getByRole('cell').allTextContents()).toEqual([`#${order.number}`, 'Ada Lovelaceada@example.com', 'US', 'Main Warehouse', '1', '0', expect.any(String)]);
    await checked('lot-detail');

    const lot = (await shop.ok('GET', `/admin/lots?purchase_order_id=${po.id}`)).data.find((l: any) => l.lot_number === 'L-MARCH');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export recall CSV' }).click()]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    expect(exported).toBe((await shop.request('GET', `/admin/lots/${lot.id}/trace?format=csv`)).text);
    expect(exported.trim().split('\n')).toHaveLength(2);
    expect(exported).toContain(`,${order.number},`);
    expect(exported).toContain(',ada@example.com,Ada Lovelace,US,');
  });

  test('the order page shows the lots and supplier behind its line and its margin', async () => {
    await open(`/orders/${order.id}`, new RegExp(`^Order `));
    const card = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Lots and margin' }) });
    await card.getByRole('link', { name: 'L-JUNE' }).waitFor();
    const rows = await card.getByRole('row').allTextContents();
    expect(rows.slice(1).map((r) => r.replace(/SKU .*?(?=L-)/, ''))).toEqual(['Olive OilL-JUNEFrantoio Rossi2$7.50', 'Olive OilL-MARCHFrantoio Rossi1$8.00']);
    // Revenue 3 × $20.00 (US tax on top is not revenue); cost 2 × $7.50 + 1 × $8.00 + ⌊52 × 1 / 2⌋ cents of L-MARCH's freight.
    expect(await card.locator('dl').textContent()).toBe('Revenue (kept units, before tax)$60.00Cost of goods$23.26Margin$36.74');
    expect((await shop.ok('GET', `/admin/orders/${order.id}/lots`)).margin).toEqual({ revenue: 6000, cost_of_goods: 2326, margin: 3674, units: 3, costed_units: 3, uncosted_units: 0, costed_revenue: 6000 });
    await checked('order-lots');
  });

  test('the margin report by product and by order, in a currency and a window kept in the URL', async () => {
    await open('/reports/margins', 'Margins');
    // The first currency (EUR) has no sales.
    await page.getByText('No fulfilled units with lots in this currency and window.').waitFor();
    await page.getByLabel('Currency').selectOption('USD');
    const oilRow = page.getByRole('row', { name: /Olive Oil/ });
    await oilRow.waitFor();
    expect(await oilRow.getByRole('cell').allTextContents()).toEqual(['Olive Oil', '3', '$60.00', '$23.26', '$36.74', '61.2 %', '0']);
    expect(new URL(page.url()).searchParams.get('currency_code')).toBe('USD');
    expect((await shop.ok('GET', '/admin/reports/margins?currency_code=USD')).data).toEqual([
      { key: oilProductId, title: 'Olive Oil', revenue: 6000, cost_of_goods: 2326, margin: 3674, units: 3, costed_units: 3, uncosted_units: 0, costed_revenue: 6000 },
    ]);
    await checked('margins');

    await page.getByLabel('Group by').selectOption('order');
    const orderRow = page.getByRole('row', { name: new RegExp(`#${order.number}`) });
    await orderRow.waitFor();
    expect(await orderRow.getByRole('cell').allTextContents()).toEqual([`#${order.number}`, '3', '$60.00', '$23.26', '$36.74', '61.2 %', '0']);

    // Orders placed before 2000: none.
    await page.getByLabel('Placed before').fill('2000-01-01');
    await page.getByText('No fulfilled units with lots in this currency and window.').waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ currency_code: 'USD', group_by: 'order', to: '2000-01-01' });
  });

  test('a purchase order drafted from the list: supplier, location, currency, the expected day in the shop\'s zone, lines by search; a line of 0 units refused beside it, nothing created', async () => {
    // The shop's day, not the browser's (UTC): the expected day typed means midnight in New York.
    await shop.ok('PATCH', '/admin/shop', { time_zone: 'America/New_York' });
    const other = await shop.ok('POST', '/admin/suppliers', { name: 'Acetaia Bianchi', code: 'AB' }, 201);
    const before = (await shop.ok('GET', '/admin/purchase-orders')).data.length;
    await open('/purchase-orders', 'Purchase orders');
    await page.getByRole('link', { name: 'New purchase order' }).click();
    await page.getByRole('heading', { level: 1, name: 'New purchase order' }).waitFor();
    await page.getByLabel('Supplier').selectOption(other.id);
    await page.getByLabel('Destination location').selectOption(selling.warehouse.id);
    await page.getByLabel('Currency').fill('USD');
    await page.getByLabel('Expected on').fill('2027-01-15');
    await page.getByLabel('Find a product or SKU').fill('Olive');
    await page.getByRole('button', { name: /^Add Olive Oil/ }).click();
    await page.getByLabel('Find a product or SKU').fill('Vinegar');
    await page.getByRole('button', { name: /^Add Vinegar/ }).click();
    await page.getByLabel(/^Quantity of Olive Oil/).fill('0');
    await page.getByLabel(/^Unit cost of Olive Oil/).fill('8.25');
    await page.getByLabel(/^Quantity of Vinegar/).fill('12');
    await page.getByLabel(/^Unit cost of Vinegar/).fill('4.10');
    await page.getByRole('button', { name: 'Save draft' }).click();
    // The API's 400 names the first line's quantity: shown beside it, focused; no purchase order made.
    await expect.poll(() => page.getByLabel(/^Quantity of Olive Oil/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(/^Quantity of Vinegar/).getAttribute('aria-invalid')).toBeNull();
    expect((await shop.ok('GET', '/admin/purchase-orders')).data).toHaveLength(before);
    await checked('purchase-order-new');

    await page.getByLabel(/^Quantity of Olive Oil/).fill('10');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { level: 1, name: /^Purchase order po_/ }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const drafted = await shop.ok('GET', `/admin/purchase-orders/${id}`);
    expect([drafted.status, drafted.supplier_id, drafted.location_id, drafted.currency_code, iso(drafted.expected_at), drafted.total_cost]).toEqual([
      'draft', other.id, selling.warehouse.id, 'USD', '2027-01-15T05:00:00.000Z', 10 * 825 + 12 * 410,
    ]);
    expect(drafted.lines.map((l: any) => [l.variant_id, l.quantity, l.unit_cost, l.quantity_received])).toEqual([[oil.id, 10, 825, 0], [vinegar.id, 12, 410, 0]]);
    expect((await shop.ok('GET', '/admin/purchase-orders')).data).toHaveLength(before + 1);
    await page.getByRole('button', { name: 'Place order' }).waitFor();
  });

  test('a gift-card product created and edited in the product editor: the flag read back through the API, marked on the list', async () => {
    await open('/products/new', 'Create product');
    await page.getByLabel('Title').fill('Gift Voucher');
    await page.getByLabel('Price of Default in USD').fill('25.00');
    await page.getByLabel('Opening stock of Default').waitFor();
    await page.getByLabel('Sold as a gift card').check();
    // A gift card tracks no stock: nothing to enter.
    expect(await page.getByLabel('Opening stock of Default').count()).toBe(0);
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gift Voucher' }).waitFor();
    const [created] = (await shop.ok('GET', '/admin/products?q=Gift%20Voucher')).data;
    expect([created.gift_card, created.variants.map((v: any) => v.prices.map((p: any) => [p.currency_code, p.amount]))]).toEqual([true, [[['USD', 2500]]]]);
    expect(await page.getByLabel('Sold as a gift card').isChecked()).toBe(true);

    await open('/products?q=Gift%20Voucher', 'Products');
    const row = page.getByRole('row', { name: /Gift Voucher/ });
    await row.getByText('Gift card', { exact: true }).waitFor();

    await open(`/products/${created.id}`, 'Gift Voucher');
    await page.getByLabel('Sold as a gift card').uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Product saved').waitFor();
    expect((await shop.ok('GET', `/admin/products/${created.id}`)).gift_card).toBe(false);
  });
});
