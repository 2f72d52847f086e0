import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { CarrierWebhookError } from '../shipping/carrier.ts';
import { storeTrackingEvent } from './tracking-inbox.ts';

const Received = Type.Object({
  received: Type.Literal(true),
  duplicate: Type.Boolean({ description: 'true: this carrier event was already stored; nothing more happens' }),
});

/**
 * Carriers' tracking webhooks: verified against the raw body, stored in the inbox once per carrier
 * event id, answered 200 at once; applied from the inbox (docs/shipping.md).
 */
export const storeCarrierWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, carriers }) => {
  // Signatures cover the exact bytes sent: this plugin takes every body raw, whatever its type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/webhooks/carriers/:carrier', {
    schema: {
      tags: ['store: carrier webhooks'],
      summary: 'A shipping carrier\'s tracking webhook (signed by the carrier)',
      params: Type.Object({ carrier: Type.String({ pattern: '^[a-z0-9_]{1,50}$' }) }),
      body: Type.Unknown({ description: 'the carrier\'s event exactly as it sent it: its signature covers these bytes' }),
      response: { 200: Received, ...errorResponses },
    },
  }, async (request) => {
    const carrier = carriers.get(request.params.carrier);
    if (!carrier?.parseWebhook) throw new AppError('carrier_webhooks_not_supported', { carrier_id: request.params.carrier });
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    let event;
    try {
      event = carrier.parseWebhook(request.headers, rawBody);
    } catch (error) {
      if (error instanceof CarrierWebhookError) throw new AppError(error.code, { carrier_id: carrier.id }, error.message);
      throw error;
    }
    const stored = await storeTrackingEvent(db, carrier.id, event, rawBody);
    return { received: true as const, duplicate: stored.duplicate };
  });
};
