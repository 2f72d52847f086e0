import { sql } from 'kysely';
import { openDatabase } from '../src/db/connection.ts';
import type { Db } from '../src/db/database.ts';
import { countOrdersIntoScores } from '../src/modules/insights/recommendation-scores.ts';
import { recomputeReorderSuggestions } from '../src/modules/insights/reorder-suggestions.ts';
import type { BenchDatabase } from './databases.ts';
import { BENCH_ADMIN, measure, report, rotate, startShop, statementsRun, type LoadFigures } from './harness.ts';

/**
 * Insights on a big history: 100,000 orders (BENCH_ORDERS) over a year, written straight into the
 * tables by SQL (placing them through checkout would take the bench an hour), in two currencies, with
 * 1–3 lines each, discounts, refunds, returning buyers and canceled orders. Then: the time of each
 * analytics report over the whole year (median of 5, through the Admin API); the recommender's
 * counting rate (the subscriber's work per order); the daily forecast job; and recommendation reads
 * under load against product reads on the same server, all uncached (the cost of a miss), then all
 * from the store cache (what a storefront meets), with the statements a cached recommendation ran.
 */
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const COUNTED = Math.min(ORDERS, Number(process.env.BENCH_COUNTED_ORDERS ?? 20_000));

async function seedOrders(db: Db): Promise<void> {
  await sql`create temporary table bench_variant as
    select row_number() over (order by v.id) as n, v.id, v.product_id, i.id as item_id
    from product_variant v left join inventory_item i on i.variant_id = v.id order by v.id limit 500`.execute(db);
  const variants = (await sql<{ n: number }>`select count(*)::int as n from bench_variant`.execute(db)).rows[0].n;
  await sql`insert into orders (id, number, cart_id, status, payment_status, fulfillment_status, region_id, currency_code, email, email_hash,
      tax_inclusive, subtotal, discount_total, shipping_total, tax_total, total, access_token_hash, placed_at)
    select 'ord_bench' || lpad(g::text, 7, '0'), 900000000 + g, 'cart_bench' || g, case when g % 50 = 0 then 'canceled' else 'open' end,
      'captured', 'unfulfilled', 'reg_bench', case when g % 4 = 0 then 'EUR' else 'USD' end, 'bench', 'buyer' || (g * 7919 % ${Math.ceil(ORDERS / 3)}),
      g % 4 = 0, 0, 0, 500, 0, 0, 'bench', now() - make_interval(secs => (1 - g::float / ${ORDERS}) * 365 * 86400)
    from generate_series(1, ${ORDERS}) g`.execute(db);
  await sql`insert into order_line_item (id, order_id, variant_id, product_id, sku, title, variant_title, quantity, unit_price, subtotal,
      discount_total, tax_rate_ppm, tax_total, total, position)
    select 'ordli_bench' || g || '_' || k, 'ord_bench' || lpad(g::text, 7, '0'), v.id, v.product_id, null, 'Bench product', '',
      q, price, q * price, case when g % 5 = 0 then q * price / 10 else 0 end, 100000,
      (q * price - case when g % 5 = 0 then q * price / 10 else 0 end) / 10,
      (q * price - case when g % 5 = 0 then q * price / 10 else 0 end) * 11 / 10, k
    from generate_series(1, ${ORDERS}) g
    cross join lateral generate_series(1, 1 + g % 3) k
    cross join lateral (select 1 + (g + k) % 3 as q, 1000 + ((g * 31 + k * 17) % 50) * 100 as price) p
    join bench_variant v on v.n = 1 + ((g * 7 + k * 13) % ${variants})`.execute(db);
  await sql`update orders o set subtotal = s.subtotal, discount_total = s.discount, tax_total = s.tax, total = s.total + o.shipping_total
    from (select order_id, sum(subtotal) as subtotal, sum(discount_total) as discount, sum(tax_total) as tax, sum(total) as total
          from order_line_item where order_id like 'ord_bench%' group by order_id) s
    where s.order_id = o.id`.execute(db);
  await sql`insert into order_refund (id, order_id, amount, reason, status, created_by, created_at, settled_at)
    select 'ref_bench' || g, 'ord_bench' || lpad(g::text, 7, '0'), 500, case when g % 80 = 0 then 'damaged' else 'customer_request' end,
      'succeeded', 'bench', o.placed_at + interval '3 days', o.placed_at + interval '3 days'
    from generate_series(40, ${ORDERS}, 40) g join orders o on o.id = 'ord_bench' || lpad(g::text, 7, '0')
    where o.status <> 'canceled'`.execute(db);
  // What checkout writes for the forecasts: the units each line committed at a location.
  await sql`insert into inventory_movement (id, item_id, location_id, field, before, after, reason, actor, reference_type, reference_id, created_at)
    select 'imov_' || l.id, v.item_id, loc.id, 'committed', 0, l.quantity, 'order_committed', 'checkout', 'order', l.order_id, o.placed_at
    from order_line_item l join orders o on o.id = l.order_id join bench_variant v on v.id = l.variant_id
    cross join lateral (select id from stock_location order by priority, id limit 1) loc
    where l.order_id like 'ord_bench%' and v.item_id is not null`.execute(db);
  for (const table of ['orders', 'order_line_item', 'order_refund', 'inventory_movement']) await sql`analyze ${sql.table(table)}`.execute(db);
}

async function median(times: number, run: () => Promise<void>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return Math.round(ms[Math.floor(ms.length / 2)]);
}

export async function benchInsights(database: BenchDatabase): Promise<void> {
  const handle = await openDatabase(database.kind === 'postgres'
    ? { kind: 'postgres', url: database.env.DATABASE_URL }
    : { kind: 'embedded', dataDir: database.env.DATA_DIR });
  let productIds: string[];
  try {
    let start = performance.now();
    await seedOrders(handle.db);
    report({ bench: 'insights', case: 'seed_orders', db: database.kind, orders: ORDERS, seconds: Math.round(performance.now() - start) / 1000 });

    const ids = (await sql<{ id: string }>`select id from orders where id like 'ord_bench%' order by id limit ${COUNTED}`.execute(handle.db)).rows.map((r) => r.id);
    start = performance.now();
    for (let i = 0; i < ids.length; i += 200) await countOrdersIntoScores(handle.db, ids.slice(i, i + 200));
    const seconds = (performance.now() - start) / 1000;
    report({ bench: 'insights', case: 'recommendation_counting', db: database.kind, orders: ids.length, seconds: Math.round(seconds * 10) / 10, orders_per_sec: Math.round(ids.length / seconds) });

    start = performance.now();
    const job = await recomputeReorderSuggestions(handle.db, { leadTimeDays: 7, reviewDays: 7, serviceLevel: 0.95 });
    report({ bench: 'insights', case: 'forecast_job', db: database.kind, series: job.forecasts, seconds: Math.round(performance.now() - start) / 1000 });
    productIds = (await sql<{ product_id: string }>`
      select r.product_id from recommendation_popularity r join product p on p.id = r.product_id and p.status = 'published'
      order by r.score desc limit 50`.execute(handle.db)).rows.map((r) => r.product_id);
  } finally {
    await handle.close();
  }

  const shop = await startShop({ ...database.env, CATALOG_CACHE_ENTRIES: '0' });
  try {
    const login = await (await fetch(`${shop.url}/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) })).json() as { token: string };
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const reports: [string, string][] = [
      ['sales_by_day', `/admin/analytics/sales?from=${from}&to=${to}&granularity=day`],
      ['sales_by_week', `/admin/analytics/sales?from=${from}&to=${to}&granularity=week`],
      ['sales_by_month_usd', `/admin/analytics/sales?from=${from}&to=${to}&granularity=month&currency_code=USD`],
      ['products', `/admin/analytics/products?from=${from}&to=${to}`],
      ['variants', `/admin/analytics/products?from=${from}&to=${to}&group_by=variant`],
      ['collections', `/admin/analytics/products?from=${from}&to=${to}&group_by=collection`],
      ['carts', `/admin/analytics/carts?from=${from}&to=${to}`],
      ['customers_and_cohorts', `/admin/analytics/customers?from=${from}&to=${to}&granularity=month`],
      ['refunds', `/admin/analytics/refunds?from=${from}&to=${to}`],
    ];
    for (const [name, path] of reports) {
      const get = async () => {
        const res = await fetch(shop.url + path, { headers: { authorization: `Bearer ${login.token}` } });
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      };
      report({ bench: 'insights', case: `analytics_${name}`, db: database.kind, orders: ORDERS, median_ms: await median(5, get) });
    }
    await compareRecommendations(shop.url, productIds, database.kind, 'uncached');
  } finally {
    await shop.stop();
  }
  const cachedShop = await startShop(database.env);
  try {
    await compareRecommendations(cachedShop.url, productIds, database.kind, 'cached');
    // Once each URL was read, reads of it run no statement: the statements counted during four more
    // reads of each are the process's background work (job and outbox polls), as for product reads.
    const counted = async (path: (id: string) => string) => {
      const before = await statementsRun(cachedShop);
      for (let i = 0; i < productIds.length * 4; i++) await (await fetch(cachedShop.url + path(productIds[i % productIds.length]))).arrayBuffer();
      return await statementsRun(cachedShop) - before;
    };
    report({
      bench: 'insights', case: 'cached_reads_statements', db: database.kind, reads: productIds.length * 4,
      recommendations: await counted((id) => `/store/products/${id}/recommendations?limit=10`),
      product_detail: await counted((id) => `/store/products/${id}`),
      recommendations_again: await counted((id) => `/store/products/${id}/recommendations?limit=10`),
    });
  } finally {
    await cachedShop.stop();
  }
}

/**
 * Recommendations of ten against a product read and a list of ten on one server, each reported with
 * its ratios. A recommendation answers ten products: the fair
 * product read to compare with is a list of ten, of different URLs (one URL's reads arriving together
 * would share one query).
 */
async function compareRecommendations(url: string, productIds: string[], db: string, cache: 'cached' | 'uncached'): Promise<void> {
  const detail = await measure(url, rotate(productIds.map((id) => `/store/products/${id}`)));
  report({ bench: 'insights', case: `product_detail_${cache}`, db, ...detail });
  const list = await measure(url, rotate(Array.from({ length: 50 }, (_, i) => `/store/products?limit=10&currency_code=USD&price_min=${i}`)));
  report({ bench: 'insights', case: `product_list_10_${cache}`, db, ...list });
  const recommended = await measure(url, rotate(productIds.map((id) => `/store/products/${id}/recommendations?limit=10`)));
  const ratio = (a: LoadFigures, b: LoadFigures) => Number((a.requests_per_sec / b.requests_per_sec).toFixed(3));
  report({
    bench: 'insights', case: `product_recommendations_10_${cache}`, db, ...recommended,
    ratio_to_product_list_10: ratio(recommended, list), ratio_to_product_detail: ratio(recommended, detail),
  });
}
