import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { RequestSpec } from 'autocannon';
import type { BenchDatabase } from './databases.ts';
import { measure, report, rotate, startCeiling, startShop, type LoadFigures } from './harness.ts';

const searchTerms = ['hood', 'classic', 'mug', 'alpine jacket', 'merino', 'rain', 'sneak', 'organic cotton tee', 'desk lamp', 'canvas tote'];

/** One page as the shop sends it to a client accepting gzip (fetch would unzip it): its bytes and headers. */
function pageGzip(url: string): Promise<{ bytes: Buffer; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      if (res.headers['content-encoding'] !== 'gzip') reject(new Error(`${url} was not sent gzipped`));
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        // The headers each answer sets anew (date, length, connection) the ceiling sets itself.
        const { date: _date, 'content-length': _length, connection: _connection, 'keep-alive': _keepAlive, ...headers } = res.headers as Record<string, string>;
        resolve({ bytes: Buffer.concat(chunks), headers });
      });
    }).on('error', reject);
  });
}

/**
 * A bare Fastify route sending the very same bytes, headers included, as `page` of the shop: the
 * ceiling for that page (what is left is the cost of our code, not of the bytes).
 */
async function samePageCeiling(page: string): Promise<LoadFigures> {
  const file = path.join(os.tmpdir(), `cartwright-bench-page-${process.pid}.json.gz`);
  const { bytes, headers } = await pageGzip(page);
  fs.writeFileSync(file, bytes);
  const bare = await startCeiling({ PAGE_FILE: file, PAGE_HEADERS: JSON.stringify(headers) });
  try {
    return await measure(bare.url, rotate(['/page']), bare);
  } finally {
    await bare.stop();
    fs.rmSync(file);
  }
}

/**
 * Store catalog reads at 50 connections: list, search and product detail, as a shopper would see them
 * (cached) and with the cache off (reads of one URL arriving together still share one query). Ratios
 * are to the ceiling (a bare Fastify route answering a small JSON); `list_cached` and `detail_cached` are
 * also compared with a bare Fastify route sending the very same bytes as one such page
 * (`ratio_to_same_page`), which isolates the cost of our code from the cost of moving the page. The load
 * generator shares the two cores, so each case also gives the server's CPU per answer.
 */
export async function benchCatalog(database: BenchDatabase, ceiling: LoadFigures): Promise<void> {
  const cases: [string, Record<string, string>][] = [['cached', {}], ['uncached', { CATALOG_CACHE_ENTRIES: '0' }]];
  for (const [mode, env] of cases) {
    const shop = await startShop({ ...database.env, ...env });
    try {
      const first = await (await fetch(`${shop.url}/store/products?limit=100`)).json() as { data: { handle: string }[] };
      const handles = first.data.map((p) => `/store/products/${p.handle}`);
      const samePage: Record<string, LoadFigures> = {};
      if (mode === 'cached') {
        samePage.list = await samePageCeiling(`${shop.url}/store/products?limit=20`);
        report({ bench: 'ceiling', case: 'bare_fastify_same_list_page', ...samePage.list });
        samePage.detail = await samePageCeiling(`${shop.url}${handles[0]}`);
        report({ bench: 'ceiling', case: 'bare_fastify_same_detail_page', ...samePage.detail });
      }
      const runs: [string, RequestSpec[]][] = [
        ['list', rotate(['/store/products?limit=20'])],
        ['search', rotate(searchTerms.map((q) => `/store/products?limit=20&q=${encodeURIComponent(q)}`))],
        ['detail', rotate(handles)],
      ];
      for (const [name, requests] of runs) {
        const figures = await measure(shop.url, requests, shop);
        report({
          bench: 'catalog', case: `${name}_${mode}`, db: database.kind, ...figures,
          ratio_to_ceiling: ratio(figures, ceiling),
          ...(samePage[name] ? { ratio_to_same_page: ratio(figures, samePage[name]) } : {}),
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
