import http from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callJson, processDatabase, startServerProcess, type ServerProcess } from './helpers/processes.ts';
import { ADDRESS_US, CARDS } from './helpers/selling.ts';

/**
 * OpenTelemetry traces from a real `cartwright start`, exported over OTLP/HTTP to a collector of the
 * test's own: a checkout's request continues the caller's trace, its steps are child spans, and the
 * SQL statements are theirs; log lines carry the trace id.
 */
interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: { key: string; value: Record<string, unknown> }[] }

const spans: OtlpSpan[] = [];
let collector: http.Server;
let server: ServerProcess;
let database: Awaited<ReturnType<typeof processDatabase>> | undefined;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const resource of JSON.parse(body).resourceSpans ?? []) for (const scope of resource.scopeSpans ?? []) spans.push(...scope.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as { port: number };
  database = await processDatabase('tracing');
  server = await startServerProcess({
    ...database.env, LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_BSP_SCHEDULE_DELAY: '100', OTEL_SERVICE_NAME: 'cartwright-test',
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => collector?.close(resolve));
  await database?.close();
});

const attribute = (span: OtlpSpan, key: string) => Object.values(span.attributes.find((a) => a.key === key)?.value ?? {})[0];

test('a checkout is one trace: the caller\'s, then the request, its steps, their SQL; its log lines name the trace', async () => {
  const call = (method: string, url: string, body?: unknown) => callJson(server.url, method, url, body);
  const [product] = (await call('GET', '/store/products?limit=1')).body.data;
  const cart = (await call('POST', '/store/carts', { currency_code: 'USD' })).body;
  expect((await call('POST', `/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 })).status).toBe(200);
  expect((await call('POST', `/store/carts/${cart.id}`, { email: 'traced@example.com', shipping_address: ADDRESS_US })).status).toBe(200);
  const [option] = (await call('GET', `/store/carts/${cart.id}/shipping-options`)).body.data;
  expect((await call('POST', `/store/carts/${cart.id}/shipping-method`, { option_id: option.id })).status).toBe(200);
  expect((await call('POST', `/store/carts/${cart.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } })).status).toBe(200);

  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpan = '00f067aa0ba902b7';
  const completed = await fetch(`${server.url}/store/carts/${cart.id}/complete`, { method: 'POST', headers: { traceparent: `00-${traceId}-${callerSpan}-01` } });
  expect(completed.status).toBe(201);

  const ofTrace = () => spans.filter((s) => s.traceId === traceId);
  // The request's span ends after its response is sent, so it may reach the collector in a later batch than its steps.
  const requestSpan = () => ofTrace().find((s) => s.name === 'POST /store/carts/:id/complete');
  await expect.poll(() => ofTrace().some((s) => s.name === 'checkout.confirm') && requestSpan() !== undefined, { timeout: 15_000 }).toBe(true);
  const request = requestSpan()!;
  expect(request.parentSpanId).toBe(callerSpan);
  expect(request.kind).toBe(2); // SERVER
  expect(attribute(request, 'http.route')).toBe('/store/carts/:id/complete');
  await expect.poll(() => attribute(ofTrace().find((s) => s.spanId === request.spanId)!, 'http.response.status_code'), { timeout: 15_000 }).toBe(201);

  const steps = ofTrace().filter((s) => s.name.startsWith('checkout.'));
  expect(steps.map((s) => s.name).sort()).toEqual(['checkout.authorize', 'checkout.capture', 'checkout.confirm', 'checkout.reserve']);
  for (const step of steps) expect(step.parentSpanId, step.name).toBe(request.spanId);
  const reserve = steps.find((s) => s.name === 'checkout.reserve')!;
  const statements = ofTrace().filter((s) => s.parentSpanId === reserve.spanId);
  // The transaction's BEGIN and COMMIT travel with its first and last statements (transaction-control.ts).
  expect(statements.map((s) => s.name)).toEqual(['BEGIN; WITH cart', 'WITH orders', 'WITH inventory_reservation', 'WITH unnest', 'WITH event_outbox; COMMIT']);
  for (const statement of statements) {
    expect(statement.kind).toBe(3); // CLIENT
    expect(attribute(statement, 'db.system.name')).toBe('postgresql');
  }
  // No statement outside the request's spans: every one of the trace hangs under it.
  const ids = new Set(ofTrace().map((s) => s.spanId));
  for (const span of ofTrace()) if (span !== request) expect(ids.has(span.parentSpanId!), span.name).toBe(true);

  const logged = server.output().split('\n').filter((line) => line.includes(traceId));
  expect(logged.length).toBeGreaterThan(0);
  expect(JSON.parse(logged[0])).toMatchObject({ trace_id: traceId });
}, 120_000);
