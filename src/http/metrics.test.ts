import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NO_JOBS, startTestBackground } from '../../test/helpers/background.ts';
import { CARDS, complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../test/helpers/test-shop.ts';
import { serveMetricsPort } from './metrics.ts';

const TOKEN = 'metrics-token-0123456789';

/** The value of one series in Prometheus text (`name{labels}` exactly as printed), or null. */
function series(text: string, name: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : null;
}

describe('/metrics', () => {
  let shop: TestShop;
  let text: string;
  let unsequenced: number;

  beforeAll(async () => {
    shop = await startTestShop({ metricsToken: TOKEN, ...NO_JOBS });
    const { warehouse } = await setUpSelling(shop);
    const { variant } = await createStockedProduct(shop, { usd: 2000, stock: 2, locationId: warehouse.id });
    // Subscribers exist once the dispatcher has run; stopped, it leaves what follows unsequenced.
    await (await startTestBackground(shop)).stop();

    const cart = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    expect((await pay(shop, cart.id)).status).toBe(200);
    expect((await complete(shop, cart.id)).status).toBe(201);
    const declined = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    expect((await pay(shop, declined.id, CARDS.declined)).status).toBe(200);
    expect((await complete(shop, declined.id)).status).toBe(402);
    const empty = await shop.post('/store/carts', { currency_code: 'USD' });
    expect((await shop.post(`/store/carts/${empty.body.id}/line-items`, { variant_id: variant.id, quantity: 5 })).status).toBe(409);

    expect((await shop.get('/metrics', { token: null })).status).toBe(401);
    expect((await shop.get('/metrics', { token: 'not-the-metrics-token-at-all' })).status).toBe(401);
    const scraped = await shop.get('/metrics', { token: TOKEN });
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    text = scraped.text;
    const { count } = await shop.db.selectFrom('event_outbox').where('dispatch_seq', 'is', null).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    unsequenced = Number(count);
  });
  afterAll(() => shop?.close());

  test('counts checkouts, payment outcomes and stock refusals from the answers', () => {
    expect(series(text, 'cartwright_checkouts_completed_total')).toBe(1);
    expect(series(text, 'cartwright_payment_outcomes_total{step="authorize",outcome="succeeded"}')).toBe(2);
    expect(series(text, 'cartwright_payment_outcomes_total{step="complete",outcome="succeeded"}')).toBe(1);
    expect(series(text, 'cartwright_payment_outcomes_total{step="complete",outcome="payment_declined"}')).toBe(1);
    expect(series(text, 'cartwright_stock_refusals_total{route="/store/carts/:id/line-items"}')).toBe(1);
    expect(series(text, 'cartwright_http_errors_total{route="/metrics",code="unauthorized"}')).toBe(2);
  });

  test('times requests per route pattern, not per URL', () => {
    expect(series(text, 'cartwright_http_request_duration_seconds_count{method="POST",route="/store/carts/:id/complete",status_code="201"}')).toBe(1);
    expect(series(text, 'cartwright_http_request_duration_seconds_count{method="POST",route="/store/carts/:id/complete",status_code="402"}')).toBe(1);
    expect(text).not.toContain('cart_'); // no cart id made it into a label
  });

  test('reports the database, the outbox and webhook backlog, and the process', () => {
    const roundTrips = series(text, 'cartwright_db_statement_duration_seconds_count');
    expect(roundTrips).toBeGreaterThan(20);
    // Transactions' BEGIN and COMMIT travel with their statements: counted as statements, not round trips.
    expect(series(text, 'cartwright_db_statements_total')).toBeGreaterThan(roundTrips!);
    expect(series(text, 'cartwright_db_pool_connections{state="waiting"}')).toBe(0);
    expect(series(text, 'cartwright_db_pool_connections{state="open"}')).toBeGreaterThanOrEqual(1);
    expect(unsequenced).toBeGreaterThan(0);
    expect(series(text, 'cartwright_outbox_unsequenced_events')).toBe(unsequenced);
    expect(series(text, 'cartwright_outbox_lag_events{subscriber="webhooks"}')).toBe(0);
    expect(series(text, 'cartwright_webhook_deliveries{status="pending"}')).toBe(0);
    expect(series(text, 'cartwright_webhook_deliveries{status="failed"}')).toBe(0);
    expect(series(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  test('every metric the Grafana dashboard in docs/ charts is served', () => {
    const dashboard = JSON.parse(fs.readFileSync(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8'));
    // The read replica's are served only with DATABASE_READ_URL: test/read-replica.test.ts checks those.
    const charted = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) => p.targets.map((t) => t.expr))
      .flatMap((expr: string) => expr.match(/\b(cartwright|process|nodejs)_[a-z0-9_]+/g) ?? [])
      .filter((name: string) => !name.startsWith('cartwright_db_replica_')) as string[];
    expect(charted.length).toBeGreaterThan(10);
    for (const name of new Set(charted)) expect(text, name).toMatch(new RegExp(`^${name}[{ ]`, 'm'));
  });

  test('METRICS_PORT serves the same figures without a token, on a listener of its own', async () => {
    const listener = await serveMetricsPort(shop.app.metrics!.scrape, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${listener.port}/metrics`);
      expect(res.status).toBe(200);
      expect(series(await res.text(), 'cartwright_checkouts_completed_total')).toBe(1);
      expect((await fetch(`http://127.0.0.1:${listener.port}/other`)).status).toBe(404);
    } finally {
      await listener.close();
    }
  });
});

test('without METRICS_TOKEN or METRICS_PORT there is no /metrics and nothing is collected', async () => {
  const shop = await startTestShop();
  try {
    expect(shop.app.metrics).toBeNull();
    const res = await shop.get('/metrics', { token: null });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
  } finally {
    await shop.close();
  }
});
