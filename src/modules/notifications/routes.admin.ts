import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';

export const adminNotificationRoutes: FastifyPluginAsyncTypebox<AppContext> = async () => {};
