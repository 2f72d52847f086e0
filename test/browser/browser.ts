// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { adminAppDir } from '../../src/http/admin-app.ts';
import { ADMIN, type TestShop } from '../helpers/test-shop.ts';

/** Debian's Chromium (apt-get install -y chromium); playwright's own browser downloads are not used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`The admin app's browser tests need Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH). .ci/run installs it.`);
  }
}

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  assertChromium();
  // playwright-core gives each launch a fresh temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    headless: true,
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

const AXE = fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the app's CSP (no inline scripts) does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target as string[] })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Screenshots are test output (test-output/screenshots, gitignored), a few copied into docs/admin-app.md. */
export const SCREENSHOTS = path.resolve('test-output/screenshots');

export async function signIn(page: Page, credentials = ADMIN): Promise<void> {
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), where).toEqual([]);
}

/** The page as it is now at 1280 px, then at 390 px (checked by axe there too), back to 1280. */
export async function shootBothWidths(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
  await expectAccessible(page, `${name} at 390 px`);
  // A wide table scrolls in its own box; the page itself never scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 390 px: wider than the screen`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Opens an app page and waits until it shows what it loaded: its heading, and nothing still busy. */
export async function openPage(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** axe on the page as it is, then the screenshots (and axe) at both widths. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await shootBothWidths(page, name);
}

/**
 * A browser signed in to the app as the owner, on the page at `url` showing `heading`: 1280 px wide,
 * en-US in UTC (a test that sets the shop's time zone sees dates that only the shop's zone explains),
 * window.confirm answered yes (deletes ask first: staff say yes).
 */
export async function openSignedInApp(url: string, heading: string | RegExp, options: BrowserContextOptions = {}): Promise<{ browser: Browser; context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const { browser, close } = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', (dialog) => void dialog.accept());
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(url);
  await signIn(page);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  return { browser, context, page, close };
}

/** Refuses to test an admin app that was never built, naming the command that builds it. */
export function assertAppBuilt(): void {
  if (!fs.existsSync(path.join(adminAppDir(), 'index.html'))) throw new Error('The admin app is not built: run `npm run build` first.');
}

/**
 * `shop`'s admin app served on a free loopback port and opened as openSignedInApp opens it, at `route`
 * (a path under /app, `base`). `close` closes the browser; the shop is the caller's to close.
 */
export async function openShopApp(shop: TestShop, route: string, heading: string | RegExp, options: BrowserContextOptions = {}): Promise<{ base: string; browser: Browser; context: BrowserContext; page: Page; close: () => Promise<void> }> {
  assertAppBuilt();
  const base = `${await shop.app.listen({ port: 0, host: '127.0.0.1' })}/app`;
  const opened = await openSignedInApp(`${base}${route}`, heading, options);
  return {
    ...opened,
    base,
    close: async () => {
      await opened.context.close();
      await opened.close();
    },
  };
}
