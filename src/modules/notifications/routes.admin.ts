import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { DateTime, Id, ListQuery } from '../../shapes.ts';
import { getEmailOrThrow, listEmails } from './email-log.ts';

const Email = Type.Object({
  id: Type.String(), template: Type.String(), recipient: Type.String(), subject: Type.String(), status: Type.String(),
  attempts: Type.Integer(), last_error: Type.Union([Type.String(), Type.Null()]),
  reference_type: Type.Union([Type.String(), Type.Null()]), reference_id: Type.Union([Type.String(), Type.Null()]),
  created_at: DateTime, sent_at: Type.Union([DateTime, Type.Null()]),
});
const tags = ['admin: notifications'];

/** The emails the shop sent or will send (with no SMTP configured, also written to DATA_DIR/outbox). */
export const adminNotificationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/notifications', {
    config: { permission: 'customers:read' },
    schema: {
      tags, summary: 'Emails, newest first',
      querystring: Type.Object({
        ...ListQuery,
        status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')])),
        template: Type.Optional(Type.String({ maxLength: 100 })),
      }, { additionalProperties: false }),
      response: { 200: ListOf(Email), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listEmails(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.get('/notifications/:id', {
    config: { permission: 'customers:read' },
    schema: {
      tags, summary: 'One email with its bodies', params: Type.Object({ id: Id('email') }),
      response: { 200: Type.Object({ ...Email.properties, text_body: Type.String(), html_body: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses },
    },
  }, async (request) => getEmailOrThrow(db, request.params.id));
};
