import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, WebhookRejection, type ErrorCode } from '../errors.ts';
import { errorResponses } from './schemas.ts';

interface Sender<Event> {
  id: string;
  parseWebhook?(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): Event;
}

/** One kind of signed webhook (a payment gateway's, a carrier's), as its route takes it. */
export interface SignedWebhooks<Event> {
  /** The route is `/webhooks/<path>/:<param>`: `payments` and `provider`. */
  path: string;
  param: string;
  /** What the docs call the sender: `gateway`, `carrier`. */
  sender: string;
  tag: string;
  summary: string;
  /** The refusal when the sender takes no webhooks, and the detail that names the sender. */
  notSupported: ErrorCode;
  detail: string;
  find(id: string): Sender<Event> | undefined;
  /** Stores the event in the sender's inbox, once per its event id. */
  store(senderId: string, event: Event, rawBody: Buffer): Promise<{ duplicate: boolean }>;
}

/**
 * A sender's webhooks: verified against the raw body, stored in its inbox once per event id, answered
 * 200 at once; the inbox is processed elsewhere (docs/payments.md, docs/shipping.md).
 */
export function signedWebhookRoutes<Event>(kind: SignedWebhooks<Event>): FastifyPluginAsyncTypebox {
  const Received = Type.Object({
    received: Type.Literal(true),
    duplicate: Type.Boolean({ description: `true: this ${kind.sender} event was already stored; nothing more happens` }),
  });
  return async (app) => {
    // Signatures cover the exact bytes sent: this plugin takes every body raw, whatever its type.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post(`/webhooks/${kind.path}/:${kind.param}`, {
      schema: {
        tags: [kind.tag],
        summary: kind.summary,
        params: Type.Object({ [kind.param]: Type.String({ pattern: '^[a-z0-9_]{1,50}$' }) }),
        body: Type.Unknown({ description: `the ${kind.sender}'s event exactly as it sent it: its signature covers these bytes` }),
        response: { 200: Received, ...errorResponses },
      },
    }, async (request) => {
      const id = (request.params as Record<string, string>)[kind.param];
      const sender = kind.find(id);
      if (!sender?.parseWebhook) throw new AppError(kind.notSupported, { [kind.detail]: id });
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      let event: Event;
      try {
        event = sender.parseWebhook(request.headers, rawBody);
      } catch (error) {
        if (error instanceof WebhookRejection) throw new AppError(error.code, { [kind.detail]: sender.id }, error.message);
        throw error;
      }
      const stored = await kind.store(sender.id, event, rawBody);
      return { received: true as const, duplicate: stored.duplicate };
    });
  };
}
