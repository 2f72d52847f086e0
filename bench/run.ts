import { benchCatalog } from './catalog.ts';
import { benchCheckout } from './checkout.ts';
import { benchLedger } from './ledger.ts';
import { benchLots } from './lots.ts';
import { benchInsights } from './insights.ts';
import { createBenchDatabase } from './databases.ts';
import { runDrills } from './drills.ts';
import { benchSustained } from './sustained.ts';
import { benchWorkers } from './workers.ts';
import { measure, report, rotate, runNode, startCeiling } from './harness.ts';

/**
 * `npm run bench`: every benchmark on one fresh database (embedded by default; a new database on the
 * server named by DATABASE_URL otherwise), each printing JSON lines of figures. Ratios are against the
 * ceiling measured in the same run, so they compare across machines. BENCH_PRODUCTS (default 10000),
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50), BENCH_BUYERS (default 20) tune it;
 * BENCH_ONLY=catalog|checkout|insights|ledger|lots|sustained|workers|drills runs one part (sustained: BENCH_ROUNDS rounds of
 * everything on one server, default 3; insights: BENCH_ORDERS orders, default 100000; ledger: checkout
 * with the ledger on and off, and its append rate; lots: BENCH_LOT_OPS, BENCH_LOTS; workers: catalog list and
 * checkout with 1 and 2 workers on PostgreSQL, and their ratio; drills: the failure drills of
 * bench/drills.ts, which no full run includes — they stop servers, and the soak takes half an hour).
 */
const products = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const database = await createBenchDatabase();
try {
  const seeded = Date.now();
  await runNode(['bin/cartwright.js', 'seed', '--products', String(products)], { ...database.env, LOG_LEVEL: 'warn' });
  report({ bench: 'setup', case: 'seed', db: database.kind, products, seconds: Math.round((Date.now() - seeded) / 100) / 10 });

  const only = process.env.BENCH_ONLY;
  if (only === 'drills') await runDrills(database);
  else {
    const ceilingServer = await startCeiling();
    const ceiling = await measure(ceilingServer.url, rotate(['/ping']));
    report({ bench: 'ceiling', case: 'bare_fastify', ...ceiling, ratio_to_ceiling: 1 });
    await ceilingServer.stop();

    if (!only || only === 'catalog') await benchCatalog(database, ceiling);
    if (!only || only === 'checkout') await benchCheckout(database);
    if (!only || only === 'ledger') await benchLedger(database);
    if (!only || only === 'sustained') await benchSustained(database);
    if (!only || only === 'lots') await benchLots(database);
    if (!only || only === 'insights') await benchInsights(database);
    if (!only || only === 'workers') await benchWorkers(database);
  }
} finally {
  await database.drop();
}
