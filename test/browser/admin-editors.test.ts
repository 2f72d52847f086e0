// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from '../helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { ADMIN, startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { checkPage, expectAccessible, openPage, openShopApp } from './browser.ts';

/**
 * The admin app's settings and catalogue editors in Chromium: regions with tax overrides, shipping
 * options of each price type, users and custom roles, webhook endpoints, collections and the category
 * tree. Each change is made through the UI and read back through the API with its exact values; axe
 * on every editor at 1280 and 390 px. Embedded run only, like admin-app.test.ts.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
let shop: TestShop;
let selling: Selling;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;

const open = (url: string, heading: string | RegExp) => openPage(page, `${base}${url}`, heading);
const checked = (name: string) => checkPage(page, name);

describe.skipIf(onServer)('the admin app editors in Chromium', () => {
  beforeAll(async () => {
    shop = await startTestShop();
    selling = await setUpSelling(shop);
    // Fourteen hours ahead of UTC: a date in the browser's zone (UTC here) would show another hour, often another day.
    await shop.ok('PATCH', '/admin/shop', { time_zone: 'Pacific/Kiritimati' });
    ({ base, browser, context, page, close: closeBrowser } = await openShopApp(shop, '/settings/regions', 'Regions & currencies'));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await shop?.close();
  });

  test('a region: created with its currency, countries and tax mode; a tax override added and removed; the default rate changed', async () => {
    await page.getByRole('link', { name: 'Create region' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create region' }).waitFor();
    await page.getByLabel('Name').fill('Nordics');
    await page.getByLabel('Currency').fill('sek');
    await page.getByLabel('Countries').fill('se, no, US');
    await page.getByLabel('Tax mode').selectOption('inclusive');
    await page.getByLabel('Default tax rate (%)').fill('25');
    await checked('region-editor');
    await page.getByRole('button', { name: 'Create region' }).click();
    // The US already belongs to a region: said in plain words, nothing created.
    await page.getByText('US: The country already belongs to another region.').waitFor();
    expect(await page.getByLabel('Countries').getAttribute('aria-invalid')).toBe('true');
    expect((await shop.ok('GET', '/admin/regions?limit=100')).data.map((r: any) => r.name)).toEqual(['Europe', 'United States']);

    await page.getByLabel('Countries').fill('se, no');
    await page.getByRole('button', { name: 'Create region' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nordics' }).waitFor();
    const [created] = (await shop.ok('GET', '/admin/regions?limit=100')).data.filter((r: any) => r.name === 'Nordics');
    expect(created).toMatchObject({ name: 'Nordics', currency_code: 'SEK', countries: ['NO', 'SE'], tax_inclusive: true, default_tax_rate: 25 });

    await page.getByLabel('Rate name').fill('Books');
    await page.getByLabel('Country', { exact: true }).selectOption('SE');
    await page.getByLabel('Tax class').fill('books');
    await page.getByLabel('Override rate (%)').fill('6');
    await page.getByRole('button', { name: 'Add tax rate' }).click();
    await page.getByRole('row', { name: /Books/ }).waitFor();
    const rates = (await shop.ok('GET', `/admin/regions/${created.id}/tax-rates?limit=100`)).data;
    expect(rates.map((r: any) => [r.name, r.country_code, r.tax_class, r.rate])).toEqual([['Books', 'SE', 'books', 6]]);
    await checked('region-edit');

    await page.getByLabel('Default tax rate (%)').fill('24.5');
    await page.getByRole('button', { name: 'Save region' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/regions/${created.id}`)).default_tax_rate).toBe(24.5);
    await page.getByRole('button', { name: 'Remove tax rate Books' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/regions/${created.id}/tax-rates?limit=100`)).data).toEqual([]);
  });

  test('shipping options: flat, free over an amount, by weight bands; one switched off', async () => {
    await open('/settings/shipping', 'Shipping');
    await page.getByRole('link', { name: 'Create shipping option' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create shipping option' }).waitFor();
    await page.getByLabel('Region').selectOption(selling.us.id);
    await page.getByLabel('Name').fill('Express');
    await page.getByLabel('Price type').selectOption('free_over');
    await page.getByLabel('Price (USD)').fill('12');
    await page.getByLabel('Free when the items reach (USD)').fill('100.00');
    await page.getByLabel('Position').fill('2');
    await checked('shipping-option-editor');
    await page.getByRole('button', { name: 'Create shipping option' }).click();
    await page.getByRole('heading', { level: 1, name: 'Express' }).waitFor();
    const express = (await shop.ok('GET', `/admin/shipping-options?region_id=${selling.us.id}&limit=100`)).data.find((o: any) => o.name === 'Express');
    expect(express).toMatchObject({ region_id: selling.us.id, currency_code: 'USD', price_type: 'flat', amount: 1200, free_over_amount: 10000, weight_bands: null, position: 2, active: true });

    await page.getByLabel('Offered to carts').uncheck();
    await page.getByRole('button', { name: 'Save shipping option' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/shipping-options/${express.id}`)).active).toBe(false);

    await open('/settings/shipping/new', 'Create shipping option');
    await page.getByLabel('Region').selectOption(selling.eu.id);
    await page.getByLabel('Name').fill('Freight');
    await page.getByLabel('Price type').selectOption('weight');
    await page.getByLabel('Band 1 up to (grams)').fill('1000');
    await page.getByLabel('Band 1 price (EUR)').fill('5,50');
    await page.getByRole('button', { name: 'Add band' }).click();
    await page.getByLabel('Band 2 up to (grams)').fill('5000');
    await page.getByLabel('Band 2 price (EUR)').fill('15');
    await page.getByRole('button', { name: 'Create shipping option' }).click();
    await page.getByRole('heading', { level: 1, name: 'Freight' }).waitFor();
    const freight = (await shop.ok('GET', `/admin/shipping-options?region_id=${selling.eu.id}&limit=100`)).data.find((o: any) => o.name === 'Freight');
    expect(freight).toMatchObject({ price_type: 'weight', amount: null, free_over_amount: null, weight_bands: [{ up_to_grams: 1000, amount: 550 }, { up_to_grams: 5000, amount: 1500 }] });
    await checked('shipping-option-weight');

    // Opened from the list, Express changes price; its threshold stays.
    await open('/settings/shipping', 'Shipping');
    await page.getByRole('link', { name: 'Express' }).click();
    await page.getByRole('heading', { level: 1, name: 'Express' }).waitFor();
    await page.getByLabel('Price (USD)').fill('12.50');
    await page.getByRole('button', { name: 'Save shipping option' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/shipping-options/${express.id}`)).amount).toBe(1250);
    expect((await shop.ok('GET', `/admin/shipping-options/${express.id}`)).free_over_amount).toBe(10000);
  });

  test('users and roles: a custom role created and edited, a user added with it, moved to another role, then removed', async () => {
    await open('/settings/users', 'Users & roles');
    await page.getByRole('button', { name: 'Create role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Create role' });
    await roleDialog.getByLabel('Key').fill('returns_desk');
    await roleDialog.getByLabel('Role name').fill('Returns desk');
    await roleDialog.getByLabel('orders:read').check();
    await roleDialog.getByLabel('customers:read').check();
    await expectAccessible(page, 'role dialog');
    await roleDialog.getByRole('button', { name: 'Create role' }).click();
    await roleDialog.waitFor({ state: 'hidden' });
    const role = async () => (await shop.ok('GET', '/admin/roles')).data.find((r: any) => r.key === 'returns_desk');
    expect(await role()).toEqual({ key: 'returns_desk', name: 'Returns desk', permissions: ['orders:read', 'customers:read'], built_in: false });

    await page.getByRole('button', { name: 'Edit role Returns desk' }).click();
    const editRole = page.getByRole('dialog', { name: 'Edit role Returns desk' });
    await editRole.getByLabel('orders:refund').check();
    await editRole.getByRole('button', { name: 'Save role' }).click();
    await editRole.waitFor({ state: 'hidden' });
    expect((await role()).permissions.sort()).toEqual(['customers:read', 'orders:read', 'orders:refund']);

    await page.getByRole('button', { name: 'Add user' }).click();
    const addUser = page.getByRole('dialog', { name: 'Add user' });
    await addUser.getByLabel('Email').fill('desk@shop.test');
    await addUser.getByLabel('Name').fill('Dana Desk');
    await addUser.getByLabel('Role').selectOption('returns_desk');
    await addUser.getByLabel('Password').fill('a long desk password');
    await expectAccessible(page, 'add user dialog');
    await addUser.getByRole('button', { name: 'Add user' }).click();
    await addUser.waitFor({ state: 'hidden' });
    const user = async () => (await shop.ok('GET', '/admin/users')).data.find((u: any) => u.email === 'desk@shop.test');
    expect(await user()).toMatchObject({ email: 'desk@shop.test', name: 'Dana Desk', role: 'returns_desk' });
    // The password works.
    expect((await shop.post('/admin/auth/login', { email: 'desk@shop.test', password: 'a long desk password' }, { token: null })).status).toBe(200);
    await checked('users-and-roles');
    // Dates are in the shop's time zone.
    const owner = (await shop.ok('GET', '/admin/users')).data.find((u: any) => u.email === ADMIN.email);
    const inShopZone = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Pacific/Kiritimati' }).format(new Date(owner.last_login_at));
    expect(await page.getByRole('row', { name: new RegExp(ADMIN.email) }).textContent()).toContain(inShopZone);

    await page.getByLabel('Role of desk@shop.test').selectOption('fulfillment');
    await expect.poll(async () => (await user()).role).toBe('fulfillment');
    await page.getByRole('button', { name: 'Remove desk@shop.test' }).click();
    await expect.poll(async () => (await user()) ?? null).toBeNull();
    await page.getByRole('button', { name: 'Delete role Returns desk' }).click();
    await expect.poll(async () => (await role()) ?? null).toBeNull();
  });

  test('a webhook endpoint: created with its events, the signing secret shown once; edited, disabled and enabled again', async () => {
    await open('/settings/webhooks', 'Webhooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook endpoint' });
    await dialog.getByLabel('URL').fill('https://93.184.216.34/hooks');
    await dialog.getByLabel('Description').fill('ERP');
    await dialog.getByText(/^order \(/).click();
    await dialog.getByLabel('Every order event (order.*)').check();
    await dialog.getByText(/^product \(/).click();
    await dialog.getByLabel('product.created', { exact: true }).check();
    await expectAccessible(page, 'add endpoint dialog');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const done = page.getByRole('dialog', { name: 'Endpoint added' });
    const secret = await done.getByLabel('Signing secret').inputValue();
    const [endpoint] = (await shop.ok('GET', '/admin/webhooks')).data;
    expect(endpoint).toMatchObject({ url: 'https://93.184.216.34/hooks', description: 'ERP', events: ['order.*', 'product.created'], enabled: true });
    expect(secret).toBe((await shop.ok('GET', `/admin/webhooks/${endpoint.id}/secret`)).secret);
    await done.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('link', { name: 'https://93.184.216.34/hooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'https://93.184.216.34/hooks' }).waitFor();
    await page.getByLabel('Description').fill('ERP (orders only)');
    // A group with chosen events starts open.
    await page.getByLabel('product.created', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Save endpoint' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/webhooks/${endpoint.id}`)).events).toEqual(['order.*']);
    expect((await shop.ok('GET', `/admin/webhooks/${endpoint.id}`)).description).toBe('ERP (orders only)');
    await checked('webhook-edit');

    await page.getByRole('button', { name: 'Disable endpoint' }).click();
    await page.getByRole('button', { name: 'Enable endpoint' }).waitFor();
    expect((await shop.ok('GET', `/admin/webhooks/${endpoint.id}`)).enabled).toBe(false);
    await page.getByRole('button', { name: 'Enable endpoint' }).click();
    await page.getByRole('button', { name: 'Disable endpoint' }).waitFor();
    expect((await shop.ok('GET', `/admin/webhooks/${endpoint.id}`)).enabled).toBe(true);
  });

  test('collections: created, renamed, deleted', async () => {
    await open('/collections', 'Collections');
    await page.getByRole('button', { name: 'Create collection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create collection' });
    await dialog.getByLabel('Title').fill('Summer');
    await dialog.getByLabel('Handle').fill('summer-2027');
    await dialog.getByLabel('Description').fill('Light things.');
    await expectAccessible(page, 'collection dialog');
    await dialog.getByRole('button', { name: 'Create collection' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const list = async () => (await shop.ok('GET', '/admin/collections?limit=100')).data.map((c: any) => [c.title, c.handle, c.description]);
    expect(await list()).toEqual([['Summer', 'summer-2027', 'Light things.']]);
    await checked('collections-edit');

    await page.getByRole('button', { name: 'Edit Summer' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Summer' });
    await edit.getByLabel('Title').fill('Summer sale');
    await edit.getByRole('button', { name: 'Save collection' }).click();
    await edit.waitFor({ state: 'hidden' });
    expect(await list()).toEqual([['Summer sale', 'summer-2027', 'Light things.']]);

    await page.getByRole('button', { name: 'Delete Summer sale' }).click();
    await expect.poll(list).toEqual([]);
  });

  test('categories: created, reordered among siblings, renamed and moved under another', async () => {
    await open('/categories', 'Categories');
    const create = async (name: string, parent?: string) => {
      await page.getByRole('button', { name: 'Create category' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create category' });
      await dialog.getByLabel('Name').fill(name);
      if (parent) await dialog.getByLabel('Parent').selectOption({ label: parent });
      await dialog.getByRole('button', { name: 'Create category' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    };
    await create('Clothing');
    await create('Shoes');
    await create('Shirts', 'Clothing');
    const tree = async () => (await shop.ok('GET', '/admin/categories?limit=100')).data.map((c: any) => [c.name, c.depth, c.position]);
    expect(await tree()).toEqual([['Clothing', 0, 0], ['Shirts', 1, 0], ['Shoes', 0, 1]]);
    await checked('categories-edit');

    await page.getByRole('button', { name: 'Move Shoes up' }).click();
    await expect.poll(tree).toEqual([['Shoes', 0, 0], ['Clothing', 0, 1], ['Shirts', 1, 0]]);
    // A category cannot be moved under itself: it is not offered as its own parent.
    await page.getByRole('button', { name: 'Edit Shirts' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Shirts' });
    expect(await edit.getByLabel('Parent').locator('option').allTextContents()).toEqual(['None (top level)', 'Shoes', 'Clothing']);
    await edit.getByLabel('Name').fill('Sneakers');
    await edit.getByLabel('Parent').selectOption({ label: 'Shoes' });
    await expectAccessible(page, 'category dialog');
    await edit.getByRole('button', { name: 'Save category' }).click();
    await edit.waitFor({ state: 'hidden' });
    expect(await tree()).toEqual([['Shoes', 0, 0], ['Sneakers', 1, 0], ['Clothing', 0, 1]]);
  });

  test('an order edit: one line fewer, a line added at a custom price; the balance is shown before confirming', async () => {
    const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 20, locationId: selling.warehouse.id, title: 'Edit Mug' });
    const extra = await createStockedProduct(shop, { usd: 1000, stock: 5, locationId: selling.warehouse.id, title: 'Edit Coaster' });
    const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: 3 }]);
    expect(placed.total).toBe(7150); // 3 × 20.00 + 5.00 shipping, 10 % tax
    await open(`/orders/${placed.id}`, `Order ${placed.display_number}`);
    await page.getByRole('link', { name: 'Edit items' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit order ${placed.display_number}` }).waitFor();
    await page.getByLabel('Quantity of Edit Mug (Default)').fill('2');
    await page.getByLabel('Find a product or SKU').fill('Edit Coaster');
    await page.getByRole('button', { name: 'Add Edit Coaster' }).click();
    await page.getByLabel('Custom price of Edit Coaster (USD)').fill('8');
    await page.getByLabel('Why this price for Edit Coaster').fill('Loyal customer');
    await page.getByRole('button', { name: 'Review changes' }).click();
    // (2 × 20.00 + 8.00 + 5.00) × 1.1 = 58.30; what was paid beyond it is owed back.
    const paid = (await shop.ok('GET', `/admin/orders/${placed.id}`)).summary.captured_total;
    const owed = ((paid - 5830) / 100).toFixed(2);
    await page.getByText(`After this edit: Shop owes the customer $${owed}`).waitFor();
    expect((await shop.ok('GET', `/admin/orders/${placed.id}`)).total).toBe(7150); // a review writes nothing
    await checked('order-edit');
    await page.getByRole('button', { name: 'Confirm edit' }).click();
    // Exact: "Edit order #…" holds the same words.
    await page.getByRole('heading', { level: 1, name: `Order ${placed.display_number}`, exact: true }).waitFor();
    const order = await shop.ok('GET', `/admin/orders/${placed.id}`);
    expect(order.total).toBe(5830);
    expect(order.items.map((l: any) => [l.title, l.quantity, l.unit_price])).toEqual([['Edit Mug', 2, 2000], ['Edit Coaster', 1, 800]]);
    const edits = (await shop.ok('GET', `/admin/orders/${placed.id}/edits`)).data;
    expect(edits).toHaveLength(1);
    const [edit] = edits;
    // The order as placed is version 1.
    expect(edit).toMatchObject({ version: 2, total_before: 7150, total_after: 5830, balance_after: 5830 - paid });
    expect(edit.changes.find((c: any) => c.action === 'added')).toMatchObject({ variant_id: extra.variant.id, quantity_after: 1, unit_price: 800, price_reason: 'Loyal customer' });
  });

  test('a draft order: created with a line at a custom price, then its payment link sent', async () => {
    const { variant } = await createStockedProduct(shop, { usd: 2500, stock: 10, locationId: selling.warehouse.id, title: 'Draft Lamp' });
    await open('/draft-orders', 'Draft orders');
    await page.getByRole('link', { name: 'Create draft order' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create draft order' }).waitFor();
    await page.getByLabel('Region').selectOption(selling.us.id);
    await page.getByLabel('Find a product or SKU').fill('Draft Lamp');
    await page.getByRole('button', { name: 'Add Draft Lamp' }).click();
    await page.getByLabel('Quantity of added Draft Lamp').fill('2');
    await page.getByLabel('Custom price of Draft Lamp (USD)').fill('15.00');
    await page.getByLabel('Why this price for Draft Lamp').fill('Showroom model');
    for (const [label, value] of [['First name', 'Ada'], ['Last name', 'Lovelace'], ['Address', '1 Main St'], ['City', 'Springfield'], ['Postal code', '12345'], ['Country code', 'us']]) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByLabel('Customer email').fill('phone@buyer.test');
    await page.getByLabel('Shipping option').selectOption({ label: 'Standard' });
    await checked('draft-order-new');
    await page.getByRole('button', { name: 'Create draft order' }).click();
    await page.getByRole('heading', { level: 1, name: 'Draft orders' }).waitFor();
    const [listed] = (await shop.ok('GET', '/admin/draft-orders')).data;
    const draft = await shop.ok('GET', `/admin/draft-orders/${listed.id}`);
    expect(draft).toMatchObject({ status: 'open', email: 'phone@buyer.test', region_id: selling.us.id, currency_code: 'USD' });
    expect(draft.items.map((l: any) => [l.variant_id, l.quantity, l.unit_price, l.custom_price, l.price_reason])).toEqual([[variant.id, 2, 1500, true, 'Showroom model']]);
    expect(draft.shipping_address).toMatchObject({ first_name: 'Ada', city: 'Springfield', country_code: 'US' });

    await page.getByRole('button', { name: 'Send payment link' }).click();
    await expect.poll(async () => (await shop.ok('GET', `/admin/draft-orders/${listed.id}`)).status).toBe('sent');
  });

  test('a saved product: a variant added with its SKU and price, another removed', async () => {
    const product = await shop.ok('POST', '/admin/products', {
      title: 'Variant Tee', status: 'draft', options: [{ title: 'Size', values: ['S', 'M'] }],
      variants: [{ sku: 'VT-S', options: { Size: 'S' }, prices: [{ currency_code: 'USD', amount: 2500 }] }, { sku: 'VT-M', options: { Size: 'M' }, prices: [{ currency_code: 'USD', amount: 2500 }] }],
    }, 201);
    await open(`/products/${product.id}`, 'Variant Tee');
    await page.getByLabel('New variant Size').fill('L');
    await page.getByLabel('New variant SKU').fill('VT-L');
    await page.getByLabel('New variant price (USD)').fill('29');
    await page.getByRole('button', { name: 'Add variant' }).click();
    await page.getByRole('cell', { name: 'VT-L' }).waitFor();
    const variants = async () => (await shop.ok('GET', `/admin/products/${product.id}`)).variants.map((v: any) => [v.sku, v.options, v.prices]);
    expect(await variants()).toEqual([
      ['VT-S', { Size: 'S' }, [{ currency_code: 'USD', amount: 2500 }]],
      ['VT-M', { Size: 'M' }, [{ currency_code: 'USD', amount: 2500 }]],
      ['VT-L', { Size: 'L' }, [{ currency_code: 'USD', amount: 2900 }]],
    ]);
    await checked('product-variants');
    await page.getByRole('button', { name: 'Remove variant M' }).click();
    await expect.poll(async () => (await variants()).map(([sku]: any) => sku)).toEqual(['VT-S', 'VT-L']);
    await page.getByRole('button', { name: 'Remove variant M' }).waitFor({ state: 'detached' });
  });

  test('keyboard: j/k move the row focus, x selects the row, Enter opens it; ? lists the shortcuts', async () => {
    for (const title of ['Keyboard One', 'Keyboard Two']) await shop.ok('POST', '/admin/products', { title, variants: [{ prices: [] }] }, 201);
    const listed = (await shop.ok('GET', '/admin/products?q=Keyboard&limit=20')).data;
    expect(listed).toHaveLength(2);
    await open('/products?q=Keyboard', 'Products');
    await page.getByRole('row', { name: /Keyboard Two/ }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe('0');
    await page.keyboard.press('x');
    expect(await page.getByLabel(`Select ${listed[0].title}`).isChecked()).toBe(true);
    await page.getByText('1 selected').waitFor();
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe('1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: listed[1].title }).waitFor();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByRole('row', { name: /j \/ k/ }).waitFor();
    await expectAccessible(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The same list from a visible control.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
  });
});

