import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedResponse, StoreResponseCache } from '../modules/catalog/store-cache.ts';

/** What acceptsGzip said of the Accept-Encoding values seen (clients send few distinct ones). */
const gzipAccepted = new Map<string, boolean>();
const GZIP_ACCEPTED_KEPT = 64;

/** True when the client accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let accepted = gzipAccepted.get(header);
  if (accepted === undefined) {
    accepted = parseAcceptsGzip(header);
    if (gzipAccepted.size < GZIP_ACCEPTED_KEPT) gzipAccepted.set(header, accepted);
  }
  return accepted;
}

function parseAcceptsGzip(header: string): boolean {
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return (coding === 'gzip' || coding === '*') && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/** The product and variant ids a response shows, so a stock change drops exactly the pages showing it. */
function shownIds(payload: unknown): string[] {
  const products = (payload as { data?: unknown[] }).data ?? [payload];
  return (products as { id?: string; variants?: { id: string }[] }[]).flatMap((p) =>
    p.variants ? [p.id!, ...p.variants.map((v) => v.id)] : []);
}

function send(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse) {
  // Add to Vary (CORS may have put Origin there), never replace it.
  const vary = reply.getHeader('vary');
  reply.type('application/json; charset=utf-8').header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
  if (entry.gzip && acceptsGzip(request.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(entry.gzip);
  return reply.send(entry.body);
}

/** The headers a Connect-style middleware sets on every answer (helmet's are the same each time), read once. */
export function headersSetBy(middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Answers a guest's cached Store page before every other hook (cookies, CORS, security headers, request
 * id), with the very headers they would have set: `headers` (the security headers, and what CORS sets
 * on a request that names no origin). A guest here is a GET that sends no cookie, no Authorization and
 * no Origin; anything else goes the whole way, where the plugins' own hook (serveFromStoreCache) serves
 * its hits. The cache's keys are the plugins' (a guest's key is the URL alone), so a URL found here was
 * validated when it was first served. The answer is written to the socket directly: none of the
 * onSend hooks acts on a 200 to a GET without an Idempotency-Key or cookies, and the onResponse hooks
 * (metrics) still run, on the response's end.
 */
export function answerGuestHitsFirst(app: FastifyInstance, storeCache: Pick<StoreResponseCache, 'peek'>, headers: Record<string, string>): void {
  const { vary, ...others } = headers;
  const common = [
    ...Object.entries(others).flat(),
    'content-type', 'application/json; charset=utf-8',
    'vary', vary ? `${vary}, accept-encoding` : 'accept-encoding',
  ];
  const gzipped = [...common, 'content-encoding', 'gzip'];
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || !request.url.startsWith('/store/')) return done();
    const asked = request.headers;
    if (asked.cookie !== undefined || asked.authorization !== undefined || asked.origin !== undefined) return done();
    const entry = storeCache.peek(request.url);
    if (!entry) return done();
    reply.hijack();
    const gzip = entry.gzip !== null && acceptsGzip(asked['accept-encoding']);
    const body = gzip ? entry.gzip! : entry.body;
    reply.raw.writeHead(200, [...(gzip ? gzipped : common), 'x-request-id', request.id, 'content-length', String(Buffer.byteLength(body))]);
    reply.raw.end(body);
  });
}

/**
 * Serves a Store API plugin's GET answers from the store cache, keyed by the exact URL and, when the
 * answer depends on who asks, by `context(request)` (the buyer's price context, never the buyer): a hit
 * is answered before routing's validation and handler; only valid requests' answers are cached (errors
 * are thrown, never stored), so a URL found there was validated when it was first served. `context`
 * answers synchronously when it can (a guest's request), so a guest's hit costs no promise. Returns
 * the function a handler answers through; its `load` may name, through `dependOn`, more ids (or change
 * topics) than the answer shows whose change must drop it (store-cache.ts).
 */
export function serveFromStoreCache(app: FastifyInstance, storeCache: StoreResponseCache, options: { context?: (request: FastifyRequest) => string | Promise<string> } = {}) {
  const keys = new WeakMap<FastifyRequest, string>();
  const serveOrContinue = (request: FastifyRequest, reply: FastifyReply, key: string, done: () => void) => {
    keys.set(request, key);
    const entry = storeCache.peek(key);
    if (entry) send(request, reply, entry);
    else done();
  };
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET') return done();
    const context = options.context?.(request) ?? '';
    if (typeof context === 'string') return serveOrContinue(request, reply, request.url + context, done);
    context.then((c) => serveOrContinue(request, reply, request.url + c, done), done);
  });
  return async (request: FastifyRequest, reply: FastifyReply, load: (dependOn: (ids: readonly string[]) => void) => Promise<unknown>) =>
    send(request, reply, await storeCache.get(keys.get(request) ?? request.url, async () => {
      const dependencies: string[] = [];
      const payload = await load((ids) => dependencies.push(...ids));
      return { body: reply.serialize(payload) as string, ids: [...new Set([...shownIds(payload), ...dependencies])] };
    }));
}
