import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BenchDatabase } from './databases.ts';
import { ACCEPT_ENCODING, measure, report, rotate, startCeiling, startShop, type LoadFigures } from './harness.ts';

const searchTerms = ['hood', 'classic', 'mug', 'alpine jacket', 'merino', 'rain', 'sneak', 'organic cotton tee', 'desk lamp', 'canvas tote'];

/**
 * One page exactly as the shop sends it to the bench's requests (fetch would unzip it): its bytes,
 * gzipped when the shop gzips it, and its headers.
 */
function pageAsSent(url: string): Promise<{ bytes: Buffer; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': ACCEPT_ENCODING } }, (res) => {
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
 * A bare Fastify route answering each of `paths` with the very same bytes and headers as the shop
 * does: the ceiling for those pages (what is left is the cost of our code, not of the bytes). It is
 * loaded with the same rotation of requests as the shop, since the load generator shares the two
 * cores and its own cost per answer depends on the answers: reading a hundred different pages costs
 * it a third more than reading one a hundred times.
 */
async function samePagesCeiling(shopUrl: string, paths: string[]): Promise<LoadFigures> {
  const file = path.join(os.tmpdir(), `cartwright-bench-pages-${process.pid}.json`);
  const pages: Record<string, { body: string; headers: Record<string, string> }> = {};
  for (const page of paths) {
    const { bytes, headers } = await pageAsSent(`${shopUrl}${page}`);
    pages[page] = { body: bytes.toString('base64'), headers };
  }
  fs.writeFileSync(file, JSON.stringify(pages));
  const bare = await startCeiling({ PAGES_FILE: file });
  try {
    return await measure(bare.url, rotate(paths), bare);
  } finally {
    await bare.stop();
    fs.rmSync(file);
  }
}

/**
 * Store catalog reads at 50 connections: list, search and product detail, as a shopper would see them
 * (cached) and with the cache off (reads of one URL arriving together still share one query). Ratios
 * are to the ceiling (a bare Fastify route answering a small JSON); each cached case is also compared
 * with a bare Fastify route sending the very same pages, bytes and headers, to the same rotation of
 * requests (`ratio_to_same_page`, and `cpu_ratio_to_same_page` of the servers' CPU per answer), which
 * isolates the cost of our code from the cost of moving the pages. The load generator shares the two
 * cores, so each case also gives the server's CPU per answer.
 */
export async function benchCatalog(database: BenchDatabase, ceiling: LoadFigures): Promise<void> {
  const cases: [string, Record<string, string>][] = [['cached', {}], ['uncached', { CATALOG_CACHE_ENTRIES: '0' }]];
  for (const [mode, env] of cases) {
    const shop = await startShop({ ...database.env, ...env });
    try {
      const first = await (await fetch(`${shop.url}/store/products?limit=100`)).json() as { data: { handle: string }[] };
      const runs: [string, string[]][] = [
        ['list', ['/store/products?limit=20']],
        ['search', searchTerms.map((q) => `/store/products?limit=20&q=${encodeURIComponent(q)}`)],
        ['detail', first.data.map((p) => `/store/products/${p.handle}`)],
      ];
      for (const [name, paths] of runs) {
        let samePages: LoadFigures | undefined;
        if (mode === 'cached') {
          samePages = await samePagesCeiling(shop.url, paths);
          report({ bench: 'ceiling', case: `bare_fastify_same_${name}_pages`, pages: paths.length, ...samePages });
        }
        const figures = await measure(shop.url, rotate(paths), shop);
        report({
          bench: 'catalog', case: `${name}_${mode}`, db: database.kind, ...figures,
          ratio_to_ceiling: ratio(figures, ceiling),
          ...(samePages ? { ratio_to_same_page: ratio(figures, samePages), cpu_ratio_to_same_page: cpuRatio(figures, samePages) } : {}),
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

/** The ceiling's server CPU per answer over ours: 1 when our code costs nothing beyond sending the page. */
function cpuRatio(ours: LoadFigures, ceiling: LoadFigures): number {
  return Number((ceiling.server_cpu_us_per_request! / ours.server_cpu_us_per_request!).toFixed(3));
}
