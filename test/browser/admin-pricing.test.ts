// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp, type SignedUp } from '../helpers/customers.ts';
import { placeOrder } from '../helpers/orders.ts';
import { ADDRESS_US, CARDS } from '../helpers/selling.ts';
import { createStockedProduct, setUpSelling } from '../helpers/selling.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { checkPage, openPage, openShopApp } from './browser.ts';

/**
 * The admin app's price lists, gift cards and store credit in Chromium: each change made through the
 * UI and read back through the API with its exact values; axe on every page at 1280 and 390 px.
 * Embedded run only, like admin-app.test.ts.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
let shop: TestShop;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let shirt: { id: string; sku: string };
let scarf: { id: string; sku: string };
let groupId: string;
let buyer: SignedUp;

const open = (url: string, heading: string | RegExp) => openPage(page, `${base}${url}`, heading);
const checked = (name: string) => checkPage(page, name);

const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

describe.skipIf(onServer)('price lists, gift cards and store credit in the admin app', () => {
  beforeAll(async () => {
    shop = await startTestShop();
    const selling = await setUpSelling(shop);
    // Fourteen hours ahead of UTC: the lists must show dates in the shop's zone, not the browser's (UTC).
    await shop.ok('PATCH', '/admin/shop', { time_zone: 'Pacific/Kiritimati' });
    shirt = (await createStockedProduct(shop, { usd: 4000, eur: 3800, stock: 5, locationId: selling.warehouse.id, title: 'Linen shirt' })).variant;
    scarf = (await createStockedProduct(shop, { usd: 2500, title: 'Wool scarf' })).variant;
    groupId = (await shop.ok('POST', '/admin/customer-groups', { name: 'Wholesale' }, 201)).id;
    buyer = await signUp(shop);
    ({ base, browser, context, page, close: closeBrowser } = await openShopApp(shop, '/price-lists', 'Price lists', { acceptDownloads: true }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await shop?.close();
  });

  test('a price list: created with its window and group, prices added by search and removed, CSV exported, a bad import refused by row, a good one applied', async () => {
    await checked('price-lists-empty');
    await page.getByRole('link', { name: 'Create price list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create price list' }).waitFor();
    await page.getByLabel('Name').fill('Summer sale');
    await page.getByLabel('Status').selectOption('active');
    await page.getByLabel('Starts').fill('2027-06-01T12:00');
    await page.getByLabel('Ends').fill('2027-05-01T12:00');
    await page.getByLabel('Wholesale').check();
    await checked('price-list-new');
    await page.getByRole('button', { name: 'Create price list' }).click();
    // Ends before it starts: said beside Ends, nothing created.
    await expect.poll(() => page.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
    expect((await shop.ok('GET', '/admin/price-lists')).data).toEqual([]);

    await page.getByLabel('Ends').fill('2027-07-01T12:00');
    await page.getByRole('button', { name: 'Create price list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Summer sale' }).waitFor();
    const [summary] = (await shop.ok('GET', '/admin/price-lists')).data;
    const created = await shop.ok('GET', `/admin/price-lists/${summary.id}`);
    expect({ ...created, starts_at: iso(created.starts_at), ends_at: iso(created.ends_at) }).toMatchObject({
      // Typed in the shop's zone (UTC+14), not the browser's (UTC): noon there is 22:00 UTC the day before.
      name: 'Summer sale', type: 'sale', status: 'active', starts_at: '2027-05-31T22:00:00.000Z', ends_at: '2027-06-30T22:00:00.000Z', customer_group_ids: [groupId], prices: [],
    });
    // And read back into the fields as typed, after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Summer sale' }).waitFor();
    await expect.poll(() => page.getByLabel('Starts').inputValue()).toBe('2027-06-01T12:00');
    expect(await page.getByLabel('Ends').inputValue()).toBe('2027-07-01T12:00');

    const addPrice = async (currency: string, amount: string, from: string, product: string) => {
      await page.getByLabel('Currency').selectOption(currency);
      await page.getByLabel(`Price (${currency})`).fill(amount);
      await page.getByLabel('From quantity').fill(from);
      await page.getByLabel('Find a product or SKU').fill(product);
      await page.getByRole('button', { name: new RegExp(`^Add ${product}`) }).click();
    };
    await addPrice('USD', '32.50', '1', 'Linen shirt');
    await expect.poll(async () => (await shop.ok('GET', `/admin/price-lists/${summary.id}`)).prices.length).toBe(1);
    await addPrice('USD', '28', '10', 'Linen shirt');
    await expect.poll(async () => (await shop.ok('GET', `/admin/price-lists/${summary.id}`)).prices.length).toBe(2);
    await addPrice('EUR', '19,90', '1', 'Wool scarf');
    await expect.poll(async () => (await shop.ok('GET', `/admin/price-lists/${summary.id}`)).prices.length).toBe(3);
    const prices = (await shop.ok('GET', `/admin/price-lists/${summary.id}`)).prices.map((p: any) => [p.variant_id, p.currency_code, p.amount, p.min_quantity]);
    expect(prices.sort()).toEqual([[shirt.id, 'USD', 2800, 10], [shirt.id, 'USD', 3250, 1], [scarf.id, 'EUR', 1990, 1]].sort());
    // The rows name the variants by SKU and show the amounts in their currency.
    await page.getByRole('cell', { name: scarf.sku, exact: true }).waitFor();
    // The row from 10 units: by its cell, not a pattern over the row's name, which holds the SKU twice
    // (its remove button names it), so a SKU ending in "10" matched both rows.
    const fromTen = page.getByRole('row').filter({ hasText: shirt.sku }).filter({ has: page.getByRole('cell', { name: '10', exact: true }) });
    expect(await fromTen.textContent()).toContain('$28.00');

    await page.getByRole('button', { name: `Remove the price of ${scarf.sku} in EUR from 1` }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/price-lists/${summary.id}`)).prices.map((p: any) => p.amount).sort()).toEqual([2800, 3250]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    expect(exported).toBe((await shop.request('GET', `/admin/price-lists/${summary.id}/prices/export`)).text);
    expect(exported.trim().split('\n')).toEqual(['variant_id,variant_sku,currency_code,amount,min_quantity', `${shirt.id},${shirt.sku},USD,3250,1`, `${shirt.id},${shirt.sku},USD,2800,10`]);

    const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    const fileInput = page.getByLabel('CSV file');
    await fileInput.setInputFiles(csv('bad.csv', `variant_sku,currency_code,amount\nNO-SUCH-SKU,USD,100\n${shirt.sku},USD,12.5\n`));
    await page.getByRole('button', { name: 'Import prices' }).click();
    await page.getByText(/Nothing was imported: 2 problems in the file/).waitFor();
    const problems = page.getByRole('table', { name: 'Problems found in the CSV file' });
    expect(await problems.getByRole('row').count()).toBe(3);
    expect(await problems.getByRole('row').nth(1).textContent()).toMatch(/^2variant_sku/);
    expect(await problems.getByRole('row').nth(2).textContent()).toMatch(/^3amount/);
    await checked('price-list-import-problems');
    expect((await shop.ok('GET', `/admin/price-lists/${summary.id}`)).prices.map((p: any) => p.amount).sort()).toEqual([2800, 3250]);

    await fileInput.setInputFiles(csv('good.csv', `variant_sku,currency_code,amount,min_quantity\n${shirt.sku},USD,3000,1\n${scarf.sku},USD,1800,5\n`));
    await page.getByRole('button', { name: 'Import prices' }).click();
    await page.getByText('2 prices imported, 1 removed.').waitFor();
    const imported = (await shop.ok('GET', `/admin/price-lists/${summary.id}`)).prices.map((p: any) => [p.variant_id, p.currency_code, p.amount, p.min_quantity]);
    expect(imported.sort()).toEqual([[shirt.id, 'USD', 3000, 1], [scarf.id, 'USD', 1800, 5]].sort());
    await page.getByRole('heading', { name: 'Prices (2)' }).waitFor();
    await checked('price-list-edit');

    await page.getByLabel('Status').selectOption('draft');
    await page.getByLabel('Type').selectOption('override');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => { const l = await shop.ok('GET', `/admin/price-lists/${summary.id}`); return [l.status, l.type]; }).toEqual(['draft', 'override']);

    // The list: dates in the shop's zone, the days typed there.
    await open('/price-lists', 'Price lists');
    const row = page.getByRole('row', { name: /Summer sale/ });
    expect((await row.getByRole('cell').allTextContents())).toEqual(['Summer sale', 'Override', 'Draft', 'from Jun 1, 2027 until Jul 1, 2027', 'Wholesale', '2']);
    await page.getByLabel('Status').selectOption('active');
    await page.getByText('No active price lists.').waitFor();
    await checked('price-lists');
  });

  test('a gift card: issued to a customer with its code shown once and copied, adjusted with a reason (never below zero), disabled and enabled', async () => {
    await open('/gift-cards', 'Gift cards');
    await page.getByRole('button', { name: 'Issue gift card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue gift card' });
    await dialog.getByLabel('Currency').selectOption('USD');
    await dialog.getByLabel('Value (USD)').fill('50');
    await dialog.getByLabel('Customer email').fill(buyer.email);
    await checked('gift-card-issue');
    await dialog.getByRole('button', { name: 'Issue gift card' }).click();
    const issued = page.getByRole('dialog', { name: 'Gift card issued' });
    const code = (await issued.getByLabel('Gift card code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    await checked('gift-card-issued');
    await issued.getByRole('button', { name: 'Copy code' }).click();
    await page.getByText('Code copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    const [card] = (await shop.ok('GET', `/admin/gift-cards?code=${encodeURIComponent(code)}`)).data;
    expect(card).toMatchObject({ currency_code: 'USD', initial_value: 5000, balance: 5000, status: 'active', last4: code.slice(-4), customer_id: buyer.id, expires_at: null });
    await issued.getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row', { name: new RegExp(`Ending ${code.slice(-4)}`) });
    expect(await row.getByRole('cell').allTextContents()).toEqual([`Ending ${code.slice(-4)}`, '$50.00 of $50.00', 'Active', 'Never', buyer.id, expect.any(String)]);
    await checked('gift-cards');

    await row.getByRole('link', { name: `Ending ${code.slice(-4)}` }).click();
    await page.getByRole('heading', { level: 1, name: `Gift card ending ${code.slice(-4)}` }).waitFor();
    await page.getByLabel('Take from the balance').check();
    await page.getByLabel('Amount (USD)').fill('60');
    await page.getByLabel('Reason').fill('Typo');
    await page.getByRole('button', { name: 'Adjust balance' }).click();
    // More than it holds: refused beside the amount, nothing changed.
    await expect.poll(() => page.getByLabel('Amount (USD)').getAttribute('aria-invalid')).toBe('true');
    expect((await shop.ok('GET', `/admin/gift-cards/${card.id}`)).balance).toBe(5000);

    await page.getByLabel('Amount (USD)').fill('12.50');
    await page.getByLabel('Reason').fill('Spent in the shop on the high street');
    await page.getByRole('button', { name: 'Adjust balance' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/gift-cards/${card.id}`)).balance).toBe(3750);
    const detail = await shop.ok('GET', `/admin/gift-cards/${card.id}`);
    expect(detail.movements.map((m: any) => [m.kind, m.amount, m.balance_before, m.balance_after, m.reason])).toEqual([
      ['adjust', -1250, 5000, 3750, 'Spent in the shop on the high street'], ['issue', 5000, 0, 5000, null],
    ]);
    const adjusted = page.getByRole('row', { name: /Spent in the shop/ });
    await adjusted.waitFor();
    expect(await adjusted.textContent()).toContain('−$12.50');
    expect(await adjusted.textContent()).toContain('$50.00 → $37.50');
    await checked('gift-card');

    await page.getByRole('button', { name: 'Disable gift card' }).click();
    await page.getByRole('button', { name: 'Enable gift card' }).waitFor();
    expect((await shop.ok('GET', `/admin/gift-cards/${card.id}`)).status).toBe('disabled');
    await page.getByRole('button', { name: 'Enable gift card' }).click();
    await page.getByRole('button', { name: 'Disable gift card' }).waitFor();
    expect((await shop.ok('GET', `/admin/gift-cards/${card.id}`)).status).toBe('active');
  });

  test('store credit on the customer page: granted and debited with a reason, never below zero', async () => {
    await open(`/customers/${buyer.id}`, buyer.email);
    const card = page.getByRole('region', { name: 'Store credit' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Store credit' }) }));
    await card.getByText('No store credit.').waitFor();
    await card.getByLabel('Currency').selectOption('USD');
    await card.getByLabel('Amount (USD)').fill('20');
    await card.getByLabel('Reason').fill('Late delivery');
    await card.getByRole('button', { name: 'Change store credit' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/customers/${buyer.id}/store-credit`)).balances.map((b: any) => [b.currency_code, b.balance])).toEqual([['USD', 2000]]);

    await card.getByLabel('Debit').check();
    await card.getByLabel('Currency').selectOption('EUR');
    await card.getByLabel('Amount (EUR)').fill('5');
    await card.getByLabel('Reason').fill('Wrong currency');
    await card.getByRole('button', { name: 'Change store credit' }).click();
    await expect.poll(() => card.getByLabel('Amount (EUR)').getAttribute('aria-invalid')).toBe('true');

    await card.getByLabel('Currency').selectOption('USD');
    await card.getByLabel('Amount (USD)').fill('7.50');
    await card.getByLabel('Reason').fill('Granted twice');
    await card.getByRole('button', { name: 'Change store credit' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/customers/${buyer.id}/store-credit`)).balances.map((b: any) => [b.currency_code, b.balance])).toEqual([['USD', 1250]]);
    const credit = await shop.ok('GET', `/admin/customers/${buyer.id}/store-credit`);
    expect(credit.movements.map((m: any) => [m.kind, m.amount, m.balance_before, m.balance_after, m.reason])).toEqual([
      ['debit', -750, 2000, 1250, 'Granted twice'], ['grant', 2000, 0, 2000, 'Late delivery'],
    ]);
    await card.getByRole('row', { name: /Granted twice/ }).waitFor();
    expect(await card.getByRole('row', { name: /Granted twice/ }).textContent()).toContain('$20.00 → $12.50');
    expect(await card.locator('dl').textContent()).toBe('USD$12.50');
    await checked('customer-store-credit');
  });

  test('a refund to store credit from the order page: the customer\'s credit grows, the card gets nothing back, the payment card says where it went', async () => {
    const customer = await signUp(shop);
    const step = async (method: string, url: string, body?: unknown, status = 200) => {
      const res = await shop.request(method, url, { token: customer.token, body });
      expect(res.status, res.text).toBe(status);
      return res.body;
    };
    const cart = await step('POST', '/store/carts', { currency_code: 'USD' }, 201);
    await step('POST', `/store/carts/${cart.id}/line-items`, { variant_id: shirt.id, quantity: 1 });
    await step('POST', `/store/carts/${cart.id}`, { email: customer.email, shipping_address: ADDRESS_US });
    const options = await step('GET', `/store/carts/${cart.id}/shipping-options`);
    await step('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: options.data[0].id });
    await step('POST', `/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
    const order = await step('POST', `/store/carts/${cart.id}/complete`, undefined, 201);
    // 40.00 + 4.00 tax + 5.00 shipping + 0.50 tax, captured at checkout.
    expect([order.total, order.payment_status]).toEqual([4950, 'captured']);

    await open(`/orders/${order.id}`, `Order ${order.display_number}`);
    await page.getByRole('button', { name: 'Refund' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Refund' });
    await dialog.getByLabel('Amount (USD)').fill('12.50');
    await dialog.getByLabel('Store credit').check();
    await dialog.getByText('The money is added to the customer\'s store credit in USD').waitFor();
    await checked('order-refund-store-credit');
    await dialog.getByRole('button', { name: 'Refund' }).click();
    await page.getByText('$12.50 added to the customer\'s store credit').waitFor();

    const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    const credit = await shop.ok('GET', `/admin/customers/${customer.id}/store-credit`);
    expect(credit.balances.map((b: any) => [b.currency_code, b.balance])).toEqual([['USD', 1250]]);
    expect(detail.refunds.map((r: any) => [r.amount, r.status, r.store_credit_id])).toEqual([[1250, 'succeeded', credit.balances[0].id]]);
    expect(detail.payments.map((p: any) => [p.provider_id, p.captured_amount, p.refunded_amount])).toEqual([['test_card', 4950, 1250]]);
    expect([detail.summary.refunded_total, detail.summary.paid_total]).toEqual([1250, 3700]);
    const refunds = page.getByRole('list', { name: 'Refunds' });
    const items = await refunds.getByRole('listitem').allTextContents();
    expect(items.length).toBe(1);
    expect(items[0].replace(/\s+/g, ' ')).toContain('Refund $12.50 to store credit');
    await refunds.getByRole('link', { name: 'store credit' }).waitFor();

    // A guest's order has no store credit to pay into: the choice is not offered.
    const guest = await placeOrder(shop, [{ variant_id: shirt.id, quantity: 1 }]);
    await open(`/orders/${guest.id}`, `Order ${guest.display_number}`);
    await page.getByRole('button', { name: 'Refund' }).first().click();
    const guestDialog = page.getByRole('dialog', { name: 'Refund' });
    await guestDialog.getByLabel('Amount (USD)').waitFor();
    expect(await guestDialog.getByLabel('Store credit').count()).toBe(0);
    expect(await guestDialog.getByText('The money goes back through test_card.').count()).toBe(1);
  });
});
