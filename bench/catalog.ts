import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestSpec } from 'autocannon';
import type { BenchDatabase } from './databases.ts';
import { measure, report, rotate, startCeiling, startShop, type LoadFigures } from './harness.ts';

const searchTerms = ['hood', 'classic', 'mug', 'alpine jacket', 'merino', 'rain', 'sneak', 'organic cotton tee', 'desk lamp', 'canvas tote'];



/** gzip bytes of one list page, as the shop serves them. */
async function listPageGzip(url: string): Promise<Buffer> {
  const res = await fetch(`${url}/store/products?limit=20`, { headers: { 'accept-encoding': 'gzip' } });
  return Buffer.from(await new Response(res.body).arrayBuffer());
}

/**
 * Store catalog reads at 50 connections: list, search and product detail, as a shopper would see them
 * (cached) and with the cache off (reads of one URL arriving together still share one query). Ratios
 * are to the ceiling (a bare Fastify route answering a small JSON); `list_cached` is also compared with
 * a bare Fastify route sending the very same gzipped page bytes, which isolates the cost of our code
 * from the cost of moving a 40 KB page.
 */
export async function benchCatalog(database: BenchDatabase, ceiling: LoadFigures): Promise<void> {
  const cases: [string, Record<string, string>][] = [['cached', {}], ['uncached', { CATALOG_CACHE_ENTRIES: '0' }]];
  for (const [mode, env] of cases) {
    const shop = await startShop({ ...database.env, ...env });
    try {
      const first = await (await fetch(`${shop.url}/store/products?limit=100`)).json() as { data: { handle: string }[] };
      const handles = first.data.map((p) => `/store/products/${p.handle}`);
      let samePage: LoadFigures | undefined;
      if (mode === 'cached') {
        const file = path.join(os.tmpdir(), `cartwright-bench-page-${process.pid}.json.gz`);
        fs.writeFileSync(file, await listPageGzip(shop.url));
        const bare = await startCeiling({ PAGE_FILE: file });
        samePage = await measure(bare.url, rotate(['/page']));
        await bare.stop();
        fs.rmSync(file);
        report({ bench: 'ceiling', case: 'bare_fastify_same_list_page', ...samePage });
      }
      const runs: [string, RequestSpec[]][] = [
        ['list', rotate(['/store/products?limit=20'])],
        ['search', rotate(searchTerms.map((q) => `/store/products?limit=20&q=${encodeURIComponent(q)}`))],
        ['detail', rotate(handles)],
      ];
      for (const [name, requests] of runs) {
        const figures = await measure(shop.url, requests);
        report({
          bench: 'catalog', case: `${name}_${mode}`, db: database.kind, ...figures,
          ratio_to_ceiling: ratio(figures, ceiling),
          ...(name === 'list' && samePage ? { ratio_to_same_page: ratio(figures, samePage) } : {}),
        });
      }
      report({ bench: 'catalog', case: `server_memory_${mode}`, db: database.kind, peak_rss_mb: shop.peakRssMb() });
    } finally {
      await shop.stop();
    }
  }
}

function ratio(a: LoadFigures, b: LoadFigures): number {
  return Number((a.requests_per_sec / b.requests_per_sec).toFixed(3));
}
