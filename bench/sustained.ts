import type { BenchDatabase } from './databases.ts';
import { flashSale, prepareCheckoutShop, runCheckouts } from './checkout.ts';
import { load, report, rotate, seconds, startShop } from './harness.ts';

/**
 * Sustained load on one server, as a busy shop sees it: rounds of catalog reads (list, then product
 * detail, 50 connections), `buyers` buyers checking out, and a flash sale, `BENCH_ROUNDS` times on the
 * same process. Each round prints its figures, so decay from round to round shows; a prober asks
 * `/health` every 250 ms throughout and reports its slowest answer, so a stalled server shows too.
 */
export async function benchSustained(database: BenchDatabase, rounds = Number(process.env.BENCH_ROUNDS ?? 3)): Promise<void> {
  const shop = await startShop(database.env);
  const health = healthProber(shop.url);
  try {
    const target = await prepareCheckoutShop(shop, database.kind);
    const first = await (await fetch(`${shop.url}/store/products?limit=100`)).json() as { data: { handle: string }[] };
    const details = rotate(first.data.map((p) => `/store/products/${p.handle}`));
    for (let round = 1; round <= rounds; round++) {
      const list = await load(shop.url, rotate(['/store/products?limit=20']));
      const detail = await load(shop.url, details);
      report({ bench: 'sustained', case: 'catalog', db: database.kind, round, list_rps: list.requests_per_sec, detail_rps: detail.requests_per_sec, errors: list.errors + detail.errors });
      report({ ...(await runCheckouts(target, Number(process.env.BENCH_BUYERS ?? 20), seconds * 2)), bench: 'sustained', round });
      report({ ...(await flashSale(target)), bench: 'sustained', round });
      report({ bench: 'sustained', case: 'health', db: database.kind, round, ...health.take(), server_peak_rss_mb: shop.peakRssMb() });
    }
  } finally {
    health.stop();
    await shop.stop();
  }
}

/** Asks /health every 250 ms (5 s timeout); `take()` returns the slowest answer and timeouts since the last take. */
function healthProber(url: string) {
  let slowest = 0;
  let timeouts = 0;
  let running = true;
  void (async () => {
    while (running) {
      const started = performance.now();
      try {
        await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      } catch {
        timeouts++;
      }
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    take() {
      const figures = { health_slowest_ms: Math.round(slowest), health_timeouts: timeouts };
      slowest = 0;
      timeouts = 0;
      return figures;
    },
    stop() {
      running = false;
    },
  };
}
