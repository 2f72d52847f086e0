import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { DateTime } from '../../shapes.ts';
import { subscriptionProgress } from './subscription-progress.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Subscription = Type.Object({
  name: Type.String({ description: 'the subscriber (webhooks, order-emails, …)' }),
  position: Type.Integer({ description: 'the last event position it has handled' }),
  behind: Type.Integer({ description: 'sequenced events it has not handled yet' }),
  oldest_waiting_at: Nullable(DateTime),
  attempts: Type.Integer({ description: 'failed attempts at the event after `position` (0: healthy)' }),
  last_error: Nullable(Type.String()),
  next_attempt_at: DateTime,
  locked_by: Nullable(Type.String({ description: 'the process holding its lease (host:pid:tag)' })),
  locked_until: Nullable(DateTime),
  updated_at: DateTime,
});

/** The event dispatcher's progress, for operators (docs/events.md). */
export const adminEventRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/events/subscriptions', {
    config: { permission: 'settings:read' },
    schema: {
      tags: ['admin: events'],
      summary: 'Each event subscriber\'s progress through the outbox: how far behind, since when, failing or not',
      response: {
        200: Type.Object({
          data: Type.Array(Subscription),
          unsequenced: Type.Integer({ description: 'committed events not yet given a position (the dispatcher does that first)' }),
        }),
        ...errorResponses,
      },
    },
  }, async () => subscriptionProgress(db));
};
