import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';
import { signedWebhookRoutes } from '../../http/signed-webhooks.ts';
import type { GatewayEvent } from './provider.ts';
import { storeGatewayEvent } from './webhook-inbox.ts';

/** Payment gateways' webhooks, into the payment inbox; processing happens from there (docs/payments.md). */
export const storePaymentWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, paymentProviders }) => {
  await app.register(signedWebhookRoutes<GatewayEvent>({
    path: 'payments', param: 'provider', sender: 'gateway', tag: 'store: payment webhooks',
    summary: 'A payment gateway\'s webhook (signed by the gateway)',
    notSupported: 'payment_webhooks_not_supported', detail: 'provider_id',
    find: (id) => paymentProviders.get(id),
    store: (id, event, rawBody) => storeGatewayEvent(db, id, event, rawBody),
  }));
};
