import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';

export const storePaymentWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async () => {};
