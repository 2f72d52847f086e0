import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';

/**
 * OpenTelemetry traces (docs/operations.md): HTTP request → service step → SQL statement, exported over
 * OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or …_TRACES_ENDPOINT) is set, with the SDK's own OTEL_*
 * settings (OTEL_SERVICE_NAME, OTEL_BSP_SCHEDULE_DELAY…). Off, nothing is loaded and every helper here
 * is a plain call: a shop that exports no traces pays for none.
 */
let enabled = false;
const tracer = () => trace.getTracer('cartwright');

/** Starts the SDK if an endpoint is configured; the returned function flushes and stops it. */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return async () => {};
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'), import('@opentelemetry/exporter-trace-otlp-http'), import('@opentelemetry/resources'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? 'cartwright' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The AsyncLocalStorage context manager and the W3C traceparent propagator.
  provider.register();
  enabled = true;
  return async () => {
    enabled = false;
    await provider.shutdown();
  };
}

export function tracingEnabled(): boolean {
  return enabled;
}

/** Runs `work` as a span, a child of the active one (a service step, a statement); a plain call when off. */
export async function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!enabled) return work();
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** A server span continuing the caller's trace (its `traceparent` header), and the context it is active in. */
export function startServerSpan(name: string, headers: Record<string, unknown>, attributes: Attributes): { span: Span; active: Context } {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, active: trace.setSpan(parent, span) };
}

export function runIn<T>(active: Context, work: () => T): T {
  return context.with(active, work);
}

/** The active trace's ids, for log lines (nothing when tracing is off or no span is active). */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  if (!enabled) return {};
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
