import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';
import { signedWebhookRoutes } from '../../http/signed-webhooks.ts';
import type { TrackingEvent } from '../shipping/carrier.ts';
import { storeTrackingEvent } from './tracking-inbox.ts';

/** Carriers' tracking webhooks, into the tracking inbox; applied from there (docs/shipping.md). */
export const storeCarrierWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, carriers }) => {
  await app.register(signedWebhookRoutes<TrackingEvent>({
    path: 'carriers', param: 'carrier', sender: 'carrier', tag: 'store: carrier webhooks',
    summary: 'A shipping carrier\'s tracking webhook (signed by the carrier)',
    notSupported: 'carrier_webhooks_not_supported', detail: 'carrier_id',
    find: (id) => carriers.get(id),
    store: (id, event, rawBody) => storeTrackingEvent(db, id, event, rawBody),
  }));
};
