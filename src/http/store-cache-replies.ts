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
 * Serves a Store API plugin's GET answers from the store cache, keyed by the exact URL: a hit is
 * answered before routing's validation and handler; only valid requests' answers are cached (errors
 * are thrown, never stored), so a URL found there was validated when it was first served. Returns
 * the function a handler answers through.
 */
export function serveFromStoreCache(app: FastifyInstance, storeCache: StoreResponseCache) {
  const send = (request: FastifyRequest, reply: FastifyReply, entry: CachedResponse) => {
    // Add to Vary (CORS may have put Origin there), never replace it.
    const vary = reply.getHeader('vary');
    reply.type('application/json; charset=utf-8').header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    if (entry.gzip && acceptsGzip(request.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(entry.gzip);
    return reply.send(entry.body);
  };
  app.addHook('onRequest', (request, reply, done) => {
    const entry = request.method === 'GET' ? storeCache.peek(request.url) : undefined;
    if (entry) send(request, reply, entry);
    else done();
  });
  return async (request: FastifyRequest, reply: FastifyReply, load: () => Promise<unknown>) =>
    send(request, reply, await storeCache.get(request.url, async () => {
      const payload = await load();
      return { body: reply.serialize(payload) as string, ids: shownIds(payload) };
    }));
}
