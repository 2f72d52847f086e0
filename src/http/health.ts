import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { ErrorResponse } from './schemas.ts';
import type { AppContext } from './context.ts';
import { send } from './error-handler.ts';

/** Liveness (`/health`: the process answers) and readiness (`/ready`: and its database does too). */
export const healthRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const Status = Type.Object({ status: Type.String() });
  app.get('/health', { schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { tags: ['health'], summary: 'Readiness: the database answers too', response: { 200: Status, 503: ErrorResponse } } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      return send(reply, 'database_unavailable');
    }
  });
};
