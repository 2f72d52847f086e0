import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { failed, runIn, startServerSpan, tracingEnabled } from '../telemetry/tracing.ts';

type TracedRequest = FastifyRequest & { span?: Span };

/**
 * One server span per request, named by method and route pattern, continuing the caller's trace; the
 * rest of the request (hooks, handler, services, statements) runs inside it, so their spans are its
 * children. Registered only when traces are exported.
 */
export function registerTracing(app: FastifyInstance): void {
  if (!tracingEnabled()) return;
  app.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url ?? '(no route)';
    const { span, active } = startServerSpan(`${request.method} ${route}`, request.headers, {
      'http.request.method': request.method, 'http.route': route, 'url.path': request.url.split('?')[0], 'cartwright.request_id': request.id,
    });
    (request as TracedRequest).span = span;
    runIn(active, done);
  });
  app.addHook('onError', async (request, _reply, error) => {
    const span = (request as TracedRequest).span;
    if (span) failed(span, error);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = (request as TracedRequest).span;
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
