import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decrypt, encrypt, isEncrypted } from '../crypto/data-encryption.ts';
import type { Db } from '../db/database.ts';
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse, type KeyRef } from '../modules/idempotency/idempotency-keys.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour an Idempotency-Key header on this route (every POST that creates or charges). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey: KeyRef | null;
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Who a key belongs to: the admin signed in; on the Store API, the resource in the path (a guest
 * cart's id is its buyer's capability) with the credentials sent, the customer session and the order
 * token. A replay runs before the route's own access checks, so a key must never hand one buyer's
 * stored answer to a caller who could not have made that request themselves.
 */
function caller(request: FastifyRequest): string {
  if (request.admin) return request.admin.id;
  const params = request.params as Record<string, string> | undefined;
  const orderToken = request.headers['x-order-token'];
  const token = typeof orderToken === 'string' ? createHash('sha256').update(orderToken).digest('hex').slice(0, 32) : '-';
  return `${params?.id ?? 'anonymous'} ${request.customer?.id ?? 'guest'} ${token}`;
}

/**
 * Idempotency for routes marked `config: { idempotent: true }`: claims the key after validation, replays
 * a stored response, and stores the response this request sends (except 5xx, which release the key).
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY.test(header)) throw new AppError('invalid_idempotency_key', { field: 'headers.idempotency-key' });
    const ref = { scope: `${request.method} ${request.routeOptions.url} ${caller(request)}`, key: header };
    const requestHash = createHash('sha256').update(JSON.stringify([request.params, request.body ?? null])).digest('hex');
    const claim = await claimIdempotencyKey(db, { ...ref, requestHash });
    if (claim.kind === 'replay') {
      reply.code(claim.status).header('idempotent-replayed', 'true');
      if (claim.contentType) reply.type(claim.contentType);
      return reply.send(isEncrypted(claim.body) ? decrypt(claim.body) : claim.body);
    }
    request.idempotencyKey = ref;
  });

  // A callback hook that answers at once for the requests without a key (a promise each would cost
  // every request, cached catalog pages included).
  app.addHook('onSend', (request, reply, payload, done) => {
    const ref = request.idempotencyKey;
    if (!ref) return done(null, payload);
    request.idempotencyKey = null;
    const contentType = reply.getHeader('content-type');
    const stored = reply.statusCode >= 500
      ? releaseIdempotencyKey(db, ref)
      // Stored encrypted: an order's answer carries the buyer's email, address and order token.
      : storeIdempotentResponse(db, ref, { status: reply.statusCode, body: typeof payload === 'string' ? encrypt(payload) : '', contentType: typeof contentType === 'string' ? contentType : null });
    stored.then(() => done(null, payload), (error: Error) => {
      // The database went away after the request's own work (a 503 because it is down, or an order
      // placed just before): the answer still goes out as it is. The key stays in progress, so a
      // retry is told 409 until the key goes stale (claimIdempotencyKey) and then runs again, which
      // the route's own checks make safe (a completed cart is not completed twice).
      request.log.error({ err: error, idempotency_key: ref.key }, 'could not record the outcome of an Idempotency-Key');
      done(null, payload);
    });
  });
}
