import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedResponse, StoreResponseCache } from '../modules/catalog/store-cache.ts';

/** True when the client accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
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
  const send = (request: FastifyRequest, reply: FastifyReply, entry: CachedResponse) => {
    // Add to Vary (CORS may have put Origin there), never replace it.
    const vary = reply.getHeader('vary');
    reply.type('application/json; charset=utf-8').header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    if (entry.gzip && acceptsGzip(request.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(entry.gzip);
    return reply.send(entry.body);
  };
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
