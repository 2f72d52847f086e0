import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';

export const adminStaffRoutes: FastifyPluginAsyncTypebox<AppContext> = async () => {};
