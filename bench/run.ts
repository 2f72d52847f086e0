import { benchCatalog } from './catalog.ts';
import { createBenchDatabase } from './databases.ts';
import { measure, report, rotate, runNode, startCeiling } from './harness.ts';

/**
 * `npm run bench`: every benchmark on one fresh database (embedded by default; a new database on the
 * server named by DATABASE_URL otherwise), each printing JSON lines of figures. Ratios are against the
 * ceiling measured in the same run, so they compare across machines. BENCH_PRODUCTS (default 10000),
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune it.
 */
const products = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const database = await createBenchDatabase();
try {
  const seeded = Date.now();
  await runNode(['bin/cartwright.js', 'seed', '--products', String(products)], { ...database.env, LOG_LEVEL: 'warn' });
  report({ bench: 'setup', case: 'seed', db: database.kind, products, seconds: Math.round((Date.now() - seeded) / 100) / 10 });

  const ceilingServer = await startCeiling();
  const ceiling = await measure(ceilingServer.url, rotate(['/ping']));
  report({ bench: 'ceiling', case: 'bare_fastify', ...ceiling, ratio_to_ceiling: 1 });
  await ceilingServer.stop();

  await benchCatalog(database, ceiling);
} finally {
  await database.drop();
}
