import type { BenchDatabase } from './databases.ts';
import { prepareCheckoutShop, runCheckouts } from './checkout.ts';
import { measure, report, rotate, seconds, startShop } from './harness.ts';

/**
 * `--workers` on PostgreSQL: the catalog list (cached, 50 connections) and full checkouts (20 buyers)
 * with one process and with two workers on the one port, and the ratio of two to one. Server CPU is
 * the primary's and its workers' together. The embedded database has one process: nothing to compare.
 */
export async function benchWorkers(database: BenchDatabase, buyers = Number(process.env.BENCH_BUYERS ?? 20)): Promise<void> {
  if (database.kind !== 'postgres') {
    report({ bench: 'workers', case: 'skipped', db: database.kind, reason: 'one process holds the embedded database' });
    return;
  }
  const figures: Record<number, { list_rps: number; checkouts_per_sec: number }> = {};
  for (const workers of [1, 2]) {
    const shop = await startShop({ ...database.env, WORKERS: String(workers) });
    try {
      const list = await measure(shop.url, rotate(['/store/products?limit=20']));
      report({ bench: 'workers', case: 'list_cached', db: database.kind, workers, ...list });
      const target = await prepareCheckoutShop(shop, database.kind, workers);
      await runCheckouts(target, buyers, 2); // warm-up
      const checkout = await runCheckouts(target, buyers, seconds, { workers });
      report({ ...checkout, bench: 'workers' });
      figures[workers] = { list_rps: list.requests_per_sec, checkouts_per_sec: checkout.checkouts_per_sec };
    } finally {
      await shop.stop();
    }
  }
  const ratio = (key: 'list_rps' | 'checkouts_per_sec') => Number((figures[2][key] / figures[1][key]).toFixed(3));
  report({ bench: 'workers', case: 'two_to_one', db: database.kind, list_cached: ratio('list_rps'), full_checkout: ratio('checkouts_per_sec') });
}
