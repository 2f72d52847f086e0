import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { checkPage, openPage, openShopApp } from './browser.ts';

/**
 * Bulk actions on everything a product list filter matches, in Chromium: "Select all matching"
 * counts on the server, the action sends the filter with that count, and a filter that matches
 * more by then refuses the whole action and shows the new count. Every product's state read back
 * through the API. Embedded run only, like admin-app.test.ts.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
let shop: TestShop;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;

async function importProducts(rows: [handle: string, status: string, tags: string][]): Promise<void> {
  const csv = ['handle,title,status,tags,price_usd', ...rows.map(([h, s, t]) => `${h},${h.replace(/-/g, ' ')},${s},"${t}",1000`)].join('\n');
  const response = await shop.request('POST', '/admin/products/import', { body: csv, headers: { 'content-type': 'text/csv' } });
  expect(response.status, response.text).toBe(201);
}

/** Every product by handle: its status and tags, as the API has them. */
async function products(): Promise<Record<string, { status: string; tags: string[] }>> {
  const page = await shop.ok('GET', '/admin/products?limit=100');
  expect(page.next_cursor).toBeNull();
  return Object.fromEntries(page.data.map((p: any) => [p.handle, { status: p.status, tags: p.tags }]));
}

const summer = Array.from({ length: 25 }, (_, i) => `summer-shirt-${String(i + 1).padStart(2, '0')}`);

describe.skipIf(onServer)('bulk actions on every product a filter matches', () => {
  beforeAll(async () => {
    shop = await startTestShop();
    await importProducts([...summer.map((h): [string, string, string] => [h, 'draft', 'summer']), ['winter-coat', 'draft', 'winter'], ['winter-hat', 'draft', 'winter']]);
    ({ base, browser, context, page, close: closeBrowser } = await openShopApp(shop, '/products?tag=summer&status=draft', 'Products'));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await shop?.close();
  });

  test('select all 25 matching drafts and publish them: every one published, the others left as drafts', async () => {
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await page.getByLabel('Select all on this page').check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByText('20 selected').waitFor();
    await bar.getByRole('button', { name: 'Select all matching' }).click();
    await bar.getByText('All 25 products matching selected').waitFor();
    await checkPage(page, 'products-bulk-selected');

    await bar.getByRole('button', { name: 'Publish products' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish 25 products?' });
    await dialog.waitFor();
    // Focus starts on Cancel: a confirmation is never one Enter away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await checkPage(page, 'products-bulk-publish');
    await dialog.getByRole('button', { name: 'Publish products' }).click();
    await page.getByRole('status').getByText('25 products published').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const after = await products();
    expect(Object.entries(after).filter(([, p]) => p.status === 'published').map(([h]) => h).sort()).toEqual(summer);
    expect(after['winter-coat'].status).toBe('draft');
    expect(after['winter-hat'].status).toBe('draft');
  });

  test('a product that starts matching after the count refuses the tag for all; the new count is shown and the second try tags all 26', async () => {
    await openPage(page, `${base}/products?tag=summer&status=published`, 'Products');
    await page.getByLabel('Select all on this page').check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByRole('button', { name: 'Select all matching' }).click();
    await bar.getByText('All 25 products matching selected').waitFor();

    await importProducts([['summer-shorts', 'published', 'summer']]);
    await bar.getByRole('button', { name: 'Add tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a tag to 25 products' });
    await dialog.waitFor();
    await dialog.getByLabel('Tag').fill('sale');
    await checkPage(page, 'products-bulk-tag');
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('dialog').getByRole('alert').getByText('nothing was changed').waitFor();
    expect(Object.values(await products()).filter((p) => p.tags.includes('sale'))).toEqual([]);

    // The bar and the dialog now say 26: confirming again is a decision about what matches now.
    await bar.getByText('All 26 products matching selected').waitFor();
    const again = page.getByRole('dialog', { name: 'Add a tag to 26 products' });
    await again.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('status').getByText('26 products tagged').waitFor();

    const after = await products();
    expect(Object.entries(after).filter(([, p]) => p.tags.includes('sale')).map(([h]) => h).sort()).toEqual([...summer, 'summer-shorts'].sort());
    expect(after['summer-shorts'].tags).toEqual(['summer', 'sale']);
    expect(after['winter-coat'].tags).toEqual(['winter']);
  });

  test('rows picked by hand are added to a collection one request each; the rest are untouched', async () => {
    const collection = await shop.ok('POST', '/admin/collections', { title: 'Cold days' }, 201);
    await openPage(page, `${base}/products?status=draft`, 'Products');
    await page.getByLabel('Select winter coat').check();
    await page.getByLabel('Select winter hat').check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByText('2 selected').waitFor();
    expect(await bar.getByRole('button', { name: 'Select all matching' }).count()).toBe(0);
    await bar.getByRole('button', { name: 'Add to collection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add 2 products to a collection' });
    await dialog.getByLabel('Collection').selectOption({ label: 'Cold days' });
    await dialog.getByRole('button', { name: 'Add to collection' }).click();
    await page.getByRole('status').getByText('2 products added to the collection').waitFor();
    const listed = (await shop.ok('GET', '/admin/products?limit=100')).data;
    expect(listed.filter((p: any) => p.collection_id === collection.id).map((p: any) => p.handle).sort()).toEqual(['winter-coat', 'winter-hat']);
    expect(listed).toHaveLength(28);
  });

  test('the column chooser: keyboard only, the choice kept for this user after a reload', async () => {
    await openPage(page, `${base}/products`, 'Products');
    const table = page.getByRole('table', { name: 'Products' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Select all on this page', 'Product', 'Status', 'Variants', 'Available', 'Price'].map((h) => (h.startsWith('Select') ? '' : h)));
    const button = page.getByRole('button', { name: 'Columns' });
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const group = page.getByRole('group', { name: 'Show columns' });
    // Focus starts on the first choice (Status); Tab to Variants, Space unticks it.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.parentElement?.textContent)).toBe('Status');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await group.getByLabel('Variants').isChecked()).toBe(false);
    await checkPage(page, 'products-columns');
    await page.keyboard.press('Escape');
    await group.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Columns');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['', 'Product', 'Status', 'Available', 'Price']);

    const owner = await shop.ok('GET', '/admin/auth/session');
    expect(await page.evaluate((key) => localStorage.getItem(key), `cartwright:columns:${owner.user.id}:products`)).toBe('["Variants"]');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['', 'Product', 'Status', 'Available', 'Price']);
  });
});
