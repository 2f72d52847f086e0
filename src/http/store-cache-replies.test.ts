import { gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../test/helpers/test-shop.ts';
import { answerGuestHitsFirst, headersSetBy } from './store-cache-replies.ts';

/** What may differ between two answers of the same page: when, which request, and the connection. */
function comparable(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, 'x-request-id': id, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  expect(id).toMatch(/^req_/);
  return rest;
}

describe("a guest's cached Store page is answered before the other hooks", () => {
  const body = JSON.stringify({ id: 'prod_1', title: 'Mug' });
  const build = async () => {
    const app = Fastify();
    const later: string[] = [];
    answerGuestHitsFirst(app, { peek: (key) => (key === '/store/products/mug' ? { body, gzip: gzipSync(body) } : undefined) }, { 'x-frame-options': 'SAMEORIGIN' });
    app.addHook('onRequest', (request, _reply, done) => {
      later.push(request.url);
      done();
    });
    app.get('/store/products/:handle', async () => ({ from: 'handler' }));
    return { app, later };
  };

  test('a hit skips every later hook and carries the given headers', async () => {
    const { app, later } = await build();
    const hit = await app.inject({ url: '/store/products/mug' });
    expect([hit.statusCode, hit.body, later]).toEqual([200, body, []]);
    expect(hit.headers).toMatchObject({ 'x-frame-options': 'SAMEORIGIN', vary: 'accept-encoding', 'content-type': 'application/json; charset=utf-8' });
    const gzipped = await app.inject({ url: '/store/products/mug', headers: { 'accept-encoding': 'gzip' } });
    expect([gzipped.headers['content-encoding'], gunzipSync(gzipped.rawPayload).toString()]).toEqual(['gzip', body]);
    expect(later).toEqual([]);
  });

  test('a miss, or a request with a cookie, an Authorization or an Origin, goes the whole way', async () => {
    const { app, later } = await build();
    const answers = await Promise.all([
      app.inject({ url: '/store/products/other' }),
      app.inject({ url: '/store/products/mug', headers: { cookie: 'cw_customer=abc' } }),
      app.inject({ url: '/store/products/mug', headers: { authorization: 'Bearer abc' } }),
      app.inject({ url: '/store/products/mug', headers: { origin: 'https://shop.example' } }),
    ]);
    expect(answers.map((a) => a.json())).toEqual(Array(4).fill({ from: 'handler' }));
    expect(later).toHaveLength(4);
  });

  test("helmet's headers are read once, as its middleware sets them", () => {
    const headers = headersSetBy(helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } }));
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-site', 'x-frame-options': 'SAMEORIGIN' });
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });
});

const METRICS_TOKEN = 'metrics-token-0123456789';
const DETAIL_SERIES = 'cartwright_http_request_duration_seconds_count{method="GET",route="/store/products/:id_or_handle",status_code="200"} ';

describe.each([
  ['no CORS origins', []],
  ['CORS origins listed', ['https://shop.example']],
])('the shop answers a hit first with the headers of the whole way (%s)', (_name, corsOrigins) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop({ corsOrigins, metricsToken: METRICS_TOKEN });
    await shop.ok('POST', '/admin/products', {
      title: 'Lane Mug', handle: 'lane-mug', status: 'published',
      variants: [{ sku: 'LM-1', prices: [{ currency_code: 'USD', amount: 1200 }] }],
    }, 201);
  });
  afterAll(async () => shop?.close());

  test.each([
    ['detail', '/store/products/lane-mug'],
    ['list', '/store/products?limit=5'],
    ['regions', '/store/regions'],
  ])('%s, plain and gzipped', async (_kind, url) => {
    for (const encoding of [{}, { 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
      const miss = await shop.get(url, { headers: encoding });
      // A cookie that is not a session: the same guest's page, through every hook.
      const whole = await shop.get(url, { headers: { ...encoding, cookie: 'theme=dark' } });
      const first = await shop.get(url, { headers: encoding });
      expect([miss.status, whole.status, first.status]).toEqual([200, 200, 200]);
      expect(first.text).toBe(whole.text);
      expect(comparable(first.headers)).toEqual(comparable(whole.headers));
      expect(comparable(first.headers)).toEqual(comparable(miss.headers));
    }
  });

  test('the hits answered first are timed and counted by /metrics', async () => {
    const count = async () => {
      const line = (await shop.get('/metrics', { token: METRICS_TOKEN })).text.split('\n').find((l) => l.startsWith(DETAIL_SERIES));
      return Number(line?.slice(DETAIL_SERIES.length) ?? 0);
    };
    expect((await shop.get('/store/products/lane-mug')).status).toBe(200);
    const before = await count();
    for (let i = 0; i < 3; i++) expect((await shop.get('/store/products/lane-mug')).status).toBe(200);
    expect((await count()) - before).toBe(3);
  });
});
