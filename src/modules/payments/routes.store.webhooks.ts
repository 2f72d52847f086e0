import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { AppError } from '../../errors.ts';
import { errorResponses } from '../../http/schemas.ts';
import { PaymentWebhookError } from './provider.ts';
import { storeGatewayEvent } from './webhook-inbox.ts';

const Received = Type.Object({
  received: Type.Literal(true),
  duplicate: Type.Boolean({ description: 'true: this gateway event was already stored; nothing more happens' }),
});

/**
 * Payment gateways' webhooks: verified against the raw body, stored in the inbox once per gateway
 * event id, answered 200 at once; processing happens from the inbox (docs/payments.md).
 */
export const storePaymentWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, paymentProviders }) => {
  // Signatures cover the exact bytes sent: this plugin takes every body raw, whatever its type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/webhooks/payments/:provider', {
    schema: {
      tags: ['store: payment webhooks'],
      summary: 'A payment gateway\'s webhook (signed by the gateway)',
      params: Type.Object({ provider: Type.String({ pattern: '^[a-z0-9_]{1,50}$' }) }),
      body: Type.Unknown({ description: 'the gateway\'s event exactly as it sent it: its signature covers these bytes' }),
      response: { 200: Received, ...errorResponses },
    },
  }, async (request) => {
    const provider = paymentProviders.get(request.params.provider);
    if (!provider?.parseWebhook) throw new AppError('payment_webhooks_not_supported', { provider_id: request.params.provider });
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    let event;
    try {
      event = provider.parseWebhook(request.headers, rawBody);
    } catch (error) {
      if (error instanceof PaymentWebhookError) throw new AppError(error.code, { provider_id: provider.id }, error.message);
      throw error;
    }
    const stored = await storeGatewayEvent(db, provider.id, event, rawBody);
    return { received: true as const, duplicate: stored.duplicate };
  });
};
