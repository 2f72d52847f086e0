// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { periodStarts, salesTotals } from '../../admin/src/lib/analytics.ts';
import { placeOrder } from '../helpers/orders.ts';
import { ADDRESS_DE, createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { checkPage, openPage, openShopApp } from './browser.ts';

/**
 * The admin app's insights pages in Chromium: search synonyms (added, refused in plain words, edited,
 * deleted: each read back through the API, and a store search for the synonym finding the product),
 * the shopping assistant's policy texts (the assistant then answers with the text written), and the
 * analytics page (every figure shown equal to the reports' own). axe at 1280 and 390 px. Embedded
 * run only, like admin-app.test.ts.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
let shop: TestShop;
let selling: Selling;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let hoodie: { id: string; title: string };
let cap: { id: string };

const open = (url: string, heading: string | RegExp) => openPage(page, `${base}${url}`, heading);
const checked = (name: string) => checkPage(page, name);
/** The ids of the products a storefront search finds. */
const found = async (q: string) => (await shop.ok('GET', `/store/products?q=${encodeURIComponent(q)}`)).data.map((p: any) => p.id);
const ask = async (message: string) => {
  const res = await shop.request<any>('POST', '/store/assistant', { body: { message }, token: null });
  expect(res.status, res.text).toBe(200);
  return res.body;
};
/** Money as the app shows it: the browser runs en-US. */
const money = (minor: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 100);
/** The figure shown under a label in a list of figures (`<dt>` then `<dd>`). */
const figure = (list: string, label: string) => page.getByRole('group', { name: list }).locator('div').filter({ has: page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
/** A report table's rows as the cells' text. */
const tableRows = (caption: string) => page.getByRole('table', { name: caption, exact: true }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent)));

test('the analytics page\'s periods are named as the reports name them; its totals add the periods up', () => {
  // 1 January 2027 is a Friday: its ISO week starts on Monday 28 December 2026.
  expect(periodStarts('2027-01-01', '2027-01-12', 'week')).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
  expect(periodStarts('2026-11-30', '2027-02-01', 'month')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
  expect(periodStarts('2028-02-27', '2028-03-01', 'day')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
  expect(periodStarts('2026-12-06', '2026-12-06', 'week')).toEqual(['2026-11-30']);
  const row = (orders: number, total_sales: number, refunds: number) => ({ orders, gross_sales: 0, discounts: 0, refunds, net_sales: 0, shipping: 0, tax: 0, total_sales, average_order_value: 0 });
  // Order totals 1000 + 1001 over 2 orders: 1000.5, rounded half up.
  expect(salesTotals([row(1, 900, 100), row(1, 1001, 0)]).average_order_value).toBe(1001);
  expect(salesTotals([]).average_order_value).toBe(0);
});

describe.skipIf(onServer)('the admin app insights pages in Chromium', () => {
  beforeAll(async () => {
    shop = await startTestShop();
    selling = await setUpSelling(shop);
    hoodie = (await createStockedProduct(shop, { usd: 4500, eur: 4200, stock: 50, locationId: selling.warehouse.id, title: 'Fleece Hoodie' })).product;
    const wool = await createStockedProduct(shop, { usd: 1500, eur: 1400, stock: 50, locationId: selling.warehouse.id, title: 'Wool Cap' });
    cap = wool.product;
    const hoodieVariant = hoodie as unknown as { variants: { id: string }[] };
    const first = await placeOrder(shop, [{ variant_id: hoodieVariant.variants[0].id, quantity: 2 }], { email: 'ann@example.com' });
    await placeOrder(shop, [{ variant_id: wool.variant.id, quantity: 1 }], { email: 'bob@example.com' });
    await placeOrder(shop, [{ variant_id: hoodieVariant.variants[0].id, quantity: 1 }, { variant_id: wool.variant.id, quantity: 1 }], { email: 'ann@example.com' });
    await placeOrder(shop, [{ variant_id: wool.variant.id, quantity: 3 }], { email: 'eva@example.com', currency: 'EUR', address: ADDRESS_DE });
    // Ann's first order ten days ago: two days with sales, and a returning buyer today.
    await sql`update orders set placed_at = now() - interval '10 days' where id = ${first.id}`.execute(shop.db);
    await shop.ok('POST', `/admin/orders/${first.id}/fulfillments`, {
      location_id: selling.warehouse.id, lines: [{ line_item_id: first.items[0].id, quantity: 1 }], shipment: { carrier: 'UPS' },
    }, 201);
    await shop.ok('POST', `/admin/orders/${first.id}/refunds`, { lines: [{ line_item_id: first.items[0].id, quantity: 1 }], reason: 'damaged' }, 201);
    ({ base, browser, context, page, close: closeBrowser } = await openShopApp(shop, '/search-synonyms', 'Search synonyms'));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await shop?.close();
  });

  test('search synonyms: added (a phrase too long refused beside its field), a word taken refused, edited, deleted; the store search follows each', async () => {
    await page.getByText('No synonyms yet.').waitFor();
    await checked('search-synonyms-empty');
    expect(await found('jumper')).toEqual([]);

    await page.getByRole('button', { name: 'Add synonym' }).first().click();
    await page.getByLabel('Word').fill('Jumper');
    await page.getByLabel('Also finds').fill('hoodie\nbig warm woolly winter top');
    await page.getByRole('dialog').getByRole('button', { name: 'Add synonym' }).click();
    const alsoFinds = page.getByLabel('Also finds');
    await expect.poll(() => alsoFinds.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('dialog').textContent()).toContain('body.synonyms.1 must be a word or a phrase of up to 4 words');
    expect(await alsoFinds.evaluate((el) => el === document.activeElement)).toBe(true);
    await checked('search-synonym-refused');
    expect((await shop.ok('GET', '/admin/search/synonyms')).data).toEqual([]);

    await alsoFinds.fill('hoodie');
    await page.getByRole('dialog').getByRole('button', { name: 'Add synonym' }).click();
    await page.getByText('Synonyms of “jumper” added').waitFor();
    await page.getByRole('cell', { name: 'jumper', exact: true }).waitFor();
    const [entry] = (await shop.ok('GET', '/admin/search/synonyms')).data;
    expect({ word: entry.word, synonyms: entry.synonyms }).toEqual({ word: 'jumper', synonyms: ['hoodie'] });
    expect(await found('jumper')).toEqual([hoodie.id]);

    // The same word again: the API's 409 beside the Word field, nothing added.
    await page.getByRole('button', { name: 'Add synonym' }).first().click();
    await page.getByLabel('Word').fill('jumper');
    await page.getByLabel('Also finds').fill('sweater');
    await page.getByRole('dialog').getByRole('button', { name: 'Add synonym' }).click();
    await expect.poll(() => page.getByLabel('Word').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('dialog').textContent()).toContain('already has a synonym entry');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await shop.ok('GET', '/admin/search/synonyms')).data).toHaveLength(1);

    await page.getByRole('button', { name: 'Edit jumper' }).click();
    await page.getByLabel('Also finds').fill('cap, beanie');
    await page.getByRole('button', { name: 'Save synonyms' }).click();
    await page.getByRole('cell', { name: 'cap, beanie' }).waitFor();
    expect((await shop.ok('GET', `/admin/search/synonyms/${entry.id}`)).synonyms).toEqual(['cap', 'beanie']);
    expect(await found('jumper')).toEqual([cap.id]);
    await checked('search-synonyms');

    await page.getByRole('button', { name: 'Delete jumper' }).click();
    await page.getByText('No synonyms yet.').waitFor();
    expect((await shop.ok('GET', '/admin/search/synonyms')).data).toEqual([]);
    expect(await found('jumper')).toEqual([]);
  });

  test('the assistant\'s policy texts: the returns text written in the app is what the assistant answers; a text too long is refused beside its field', async () => {
    expect((await ask('What is your returns policy?')).reply).toBe('The shop has not written its returns policy here yet; please contact the shop.');
    await open('/settings/assistant', 'Shopping assistant');
    await page.getByText('No policy texts yet.').waitFor();
    await checked('assistant-settings-empty');

    const returns = 'Send it back within 60 days, unworn, for a full refund; we pay the return label.';
    await page.getByLabel('Returns policy').fill(returns);
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Assistant policies saved').waitFor();
    expect(await shop.ok('GET', '/admin/assistant/settings')).toEqual({ policies: { returns } });
    const answer = await ask('What is your returns policy?');
    expect({ intent: answer.intent, reply: answer.reply }).toEqual({ intent: 'policy', reply: returns });

    await page.getByLabel('Warranty').fill('x'.repeat(4001));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByLabel('Warranty').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Warranty').evaluate((el) => el === document.activeElement)).toBe(true);
    await checked('assistant-settings-refused');
    expect(await shop.ok('GET', '/admin/assistant/settings')).toEqual({ policies: { returns } });
    await page.getByRole('button', { name: 'Discard' }).click();
    expect(await page.getByLabel('Warranty').inputValue()).toBe('');
  });

  test('analytics: the figures shown are the reports\' own, per currency and per week; the period is in the URL and a bad one is refused beside its date', async () => {
    await open('/analytics', 'Analytics');
    await page.getByRole('heading', { name: 'Sales in EUR' }).waitFor();
    const sales = await shop.ok('GET', '/admin/analytics/sales?time_zone=UTC');
    const usd = sales.data.filter((r: any) => r.currency_code === 'USD');
    expect(usd.map((r: any) => r.orders)).toEqual([1, 2]);
    const sum = (rows: any[], key: string) => rows.reduce((total, r) => total + r[key], 0);
    const expectSales = async (rows: any[], currency: string) => {
      const list = `Sales totals in ${currency}`;
      for (const [label, key] of [['Gross sales', 'gross_sales'], ['Discounts', 'discounts'], ['Refunds', 'refunds'], ['Net sales', 'net_sales'], ['Tax', 'tax'], ['Shipping', 'shipping'], ['Total sales', 'total_sales']]) {
        expect(await figure(list, label).textContent(), label).toBe(money(sum(rows, key), currency));
      }
      expect(await figure(list, 'Orders').textContent()).toBe(String(sum(rows, 'orders')));
      return list;
    };
    // EUR comes first (currencies A–Z): one order, so its average is the report's own.
    const eur = sales.data.filter((r: any) => r.currency_code === 'EUR');
    expect(await figure(await expectSales(eur, 'EUR'), 'Average order value').textContent()).toBe(money(eur[0].average_order_value, 'EUR'));

    await page.getByLabel('Currency').selectOption('USD');
    await page.getByRole('heading', { name: 'Sales in USD' }).waitFor();
    expect(new URL(page.url()).searchParams.get('currency')).toBe('USD');
    await expectSales(usd, 'USD');
    // Three orders: their totals (total_sales + refunds) over three, rounded half up.
    const aov = Math.floor((sum(usd, 'total_sales') + sum(usd, 'refunds')) / 3 + 0.5);
    expect(await figure('Sales totals in USD', 'Average order value').textContent()).toBe(money(aov, 'USD'));
    await expect.poll(() => tableRows('Sales per day in USD')).toEqual(usd.map((r: any) => [
      r.period, String(r.orders), ...[r.gross_sales, r.discounts, r.refunds, r.net_sales, r.tax, r.shipping, r.total_sales, r.average_order_value].map((v) => money(v, 'USD')),
    ]));

    const products = await shop.ok('GET', '/admin/analytics/products?time_zone=UTC&currency_code=USD&limit=10');
    await expect.poll(async () => (await tableRows('Best products by net sales in USD')).map((r) => r.slice(0, 4)))
      .toEqual(products.data.map((p: any) => [p.title, String(p.units), String(p.orders), money(p.net_sales, 'USD')]));
    const customers = await shop.ok('GET', '/admin/analytics/customers?time_zone=UTC');
    expect(await figure('Customer totals', 'Buyers').textContent()).toBe(String(customers.customers));
    expect(await figure('Customer totals', 'Ordered twice or more').textContent()).toBe(String(customers.repeat_customers));
    expect(customers.repeat_customers).toBe(1);
    const carts = await shop.ok('GET', '/admin/analytics/carts?time_zone=UTC');
    expect(await figure('Cart totals', 'Ordered').textContent()).toBe(String(sum(carts.data, 'ordered')));
    const refunds = await shop.ok('GET', '/admin/analytics/refunds?time_zone=UTC');
    expect(refunds.refunds.map((r: any) => [r.reason, r.currency_code, r.refunds])).toEqual([['damaged', 'USD', 1]]);
    expect(await tableRows('Refunds by reason')).toEqual([['Damaged', '1', money(refunds.refunds[0].amount, 'USD')]]);
    expect(refunds.returns).toEqual([]);
    await page.getByText('No returns in this period.').waitFor();
    await checked('analytics');

    // Every period a report names is one of the page's (the chart's bars), in each cut.
    for (const granularity of ['day', 'week', 'month'] as const) {
      const cut = await shop.ok('GET', `/admin/analytics/sales?time_zone=UTC&granularity=${granularity}`);
      const starts = periodStarts(cut.from, cut.to, granularity);
      for (const r of cut.data) expect(starts, granularity).toContain(r.period);
    }

    await page.getByLabel('Periods').selectOption('week');
    await page.getByRole('table', { name: 'Sales per week in USD', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('granularity')).toBe('week');
    const weekly = (await shop.ok('GET', '/admin/analytics/sales?time_zone=UTC&granularity=week&currency_code=USD')).data;
    await expect.poll(async () => (await tableRows('Sales per week in USD')).map((r) => [r[0], r[1], r[5]])).toEqual(weekly.map((r: any) => [r.period, String(r.orders), money(r.net_sales, 'USD')]));

    // A shared link opens the same view.
    const shared = page.url();
    await page.goto(`${base}/`);
    await page.goto(shared);
    await page.getByRole('table', { name: 'Sales per week in USD', exact: true }).waitFor();

    await page.getByLabel('From').fill('2030-01-01');
    await expect.poll(() => page.getByLabel('From').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('form', { name: 'Period' }).textContent()).toContain('querystring.from must not be after querystring.to');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2030-01-01');
  });
});
