import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';
import { launchBrowser, seriousViolations } from './browser.ts';

/** The API reference at /docs in Chromium: Cartwright's, not Fastify's, and accessible (axe-core). */

const onServer = !!process.env.TEST_DATABASE_URL;
let shop: TestShop;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let base: string;

describe.skipIf(onServer)('the /docs page in Chromium', () => {
  beforeAll(async () => {
    shop = await startTestShop();
    base = await shop.app.listen({ port: 0, host: '127.0.0.1' });
    ({ browser, close: closeBrowser } = await launchBrowser());
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await shop?.close();
  });

  test('branded Cartwright, with no Fastify logo or title bar', async () => {
    await page.goto(`${base}/docs/`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.title()).toBe('Cartwright API reference');
    expect(await page.locator('h1').first().innerText()).toBe('Cartwright API reference');
    expect(await page.locator('.topbar').count()).toBe(0);
    expect(await page.locator('link[rel~="icon"]').first().getAttribute('href')).toMatch(/cartwright/);
  });

  test('axe finds no serious or critical violation, operations closed and one opened', async () => {
    await page.goto(`${base}/docs/`);
    await page.locator('.opblock').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.opblock-summary-control').first().click();
    await page.locator('.opblock-body').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
