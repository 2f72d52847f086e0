import type { BenchDatabase } from '../databases.ts';
import { prepareCheckoutShop } from '../checkout.ts';
import { report, type Child } from '../harness.ts';
import { auditCheckouts, withDatabase, type Audit } from './audit.ts';
import { startBuyers } from './buyers.ts';
import { adminOn, sleep, startDrillShop, stockThroughApi, TEST_CARD, waitForSweep } from './shop.ts';

/** How much the second part of a soak may differ from its first before it is not "flat". */
const RSS_GROWTH_LIMIT = 1.2;
const LATENCY_GROWTH_LIMIT = 1.5;
const CATALOG_READERS = 2;

interface Minute {
  /** RSS sampled every 5 s (one reading swings with the garbage collector). */
  rss: number[];
  checkout: number[];
  catalog: number[];
  orders: number;
  errors: Record<string, number>;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * A soak: `minutes` of steady load on one process — `buyers` buyers checking out in a loop and two
 * catalog readers — printing each minute's figures (mean and highest RSS of readings every 5 s, p50/p99 of every checkout request and of
 * catalog reads, orders, errors). Flat means: no error at all; and, the first minute left out as
 * warm-up, the last third of the minutes against the first third: RSS grown by at most 20 %,
 * p50 latencies by at most 50 %. Ends with the usual audit.
 */
export async function drillSoak(database: BenchDatabase, buyers: number, minutes: number): Promise<Audit> {
  let shop: Child | undefined;
  try {
    shop = await startDrillShop(database.env);
    const target = await prepareCheckoutShop(shop, database.kind);
    const { variants } = target;
    const stockBefore = await stockThroughApi(target.admin, variants);
    const since = new Date(Date.now() - 1000);
    const fresh = (): Minute => ({ rss: [], checkout: [], catalog: [], orders: 0, errors: {} });
    let current = fresh();
    const error = (key: string) => (current.errors[key] = (current.errors[key] ?? 0) + 1);
    const load = startBuyers({
      urls: () => [shop!.url], buyers, variants, payment: TEST_CARD,
      onRequest(step, status, ms) {
        current.checkout.push(ms);
        if (step === 'complete' && status === 201) current.orders++;
        if (status < 200 || status >= 300) error(`${step} ${status || 'network'}`);
      },
    });
    const products = (await target.client.call('GET', '/store/products?limit=50&currency_code=USD')).body.data.map((p: { handle: string }) => p.handle) as string[];
    let reading = true;
    const readers = Array.from({ length: CATALOG_READERS }, async (_, r) => {
      for (let i = r; reading; i++) {
        const path = i % 2 ? `/store/products/${products[i % products.length]}` : '/store/products?limit=20&currency_code=USD';
        const started = performance.now();
        const status = await fetch(shop!.url + path).then(async (res) => (await res.arrayBuffer(), res.status), () => 0);
        current.catalog.push(performance.now() - started);
        if (status !== 200) error(`catalog ${status || 'network'}`);
      }
    });

    const sampler = setInterval(() => current.rss.push(shop!.rssMb()), 5000);
    const rows: { minute: number; rss_mb: number; checkout_p50_ms: number; catalog_p50_ms: number }[] = [];
    for (let minute = 1; minute <= minutes; minute++) {
      await sleep(60_000);
      const done = current;
      current = fresh();
      const row = {
        minute, rss_mb: Math.round(mean(done.rss)), rss_max_mb: Math.max(...done.rss), orders: done.orders,
        checkout_p50_ms: percentile(done.checkout, 50), checkout_p99_ms: percentile(done.checkout, 99),
        catalog_p50_ms: percentile(done.catalog, 50), catalog_p99_ms: percentile(done.catalog, 99), errors: done.errors,
      };
      rows.push(row);
      report({ bench: 'drill', drill: 'soak', case: 'minute', db: database.kind, ...row });
    }
    clearInterval(sampler);
    reading = false;
    const outcomes = await load.stop();
    await Promise.all(readers);
    const loadEnd = Date.now();
    await waitForSweep(await adminOn(shop.url), loadEnd);
    const peakRssMb = shop.peakRssMb();
    await shop.stop();

    const audit = await withDatabase(database.env, (db) => auditCheckouts(db, { since, outcomes, variants, stockBefore, holdsExpired: true }));
    const errors = Object.entries(outcomes.statuses).filter(([key]) => !/ 2\d\d$/.test(key));
    if (errors.length) audit.failures.push(`errors: ${errors.map(([k, n]) => `${n}× ${k}`).join(', ')}`);
    const measured = rows.slice(1);
    const third = Math.max(1, Math.floor(measured.length / 3));
    const growth = (key: 'rss_mb' | 'checkout_p50_ms' | 'catalog_p50_ms') => measured.length < 2 ? null
      : Number((mean(measured.slice(-third).map((r) => r[key])) / mean(measured.slice(0, third).map((r) => r[key]))).toFixed(3));
    const rssGrowth = growth('rss_mb');
    const checkoutGrowth = growth('checkout_p50_ms');
    const catalogGrowth = growth('catalog_p50_ms');
    if (rssGrowth !== null && rssGrowth > RSS_GROWTH_LIMIT) audit.failures.push(`RSS grew ${rssGrowth}× (limit ${RSS_GROWTH_LIMIT})`);
    if (checkoutGrowth !== null && checkoutGrowth > LATENCY_GROWTH_LIMIT) audit.failures.push(`checkout p50 grew ${checkoutGrowth}× (limit ${LATENCY_GROWTH_LIMIT})`);
    if (catalogGrowth !== null && catalogGrowth > LATENCY_GROWTH_LIMIT) audit.failures.push(`catalog p50 grew ${catalogGrowth}× (limit ${LATENCY_GROWTH_LIMIT})`);
    audit.figures = {
      minutes, buyers, catalog_readers: CATALOG_READERS, rss_growth: rssGrowth, checkout_p50_growth: checkoutGrowth, catalog_p50_growth: catalogGrowth,
      peak_rss_mb: peakRssMb, ...audit.figures,
    };
    return audit;
  } finally {
    await shop?.stop();
  }
}
