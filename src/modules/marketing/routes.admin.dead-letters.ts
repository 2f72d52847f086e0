import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { storefrontPages } from '../../config.ts';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { discardDeadLetter, listDeadLetters, resendDeadLetter } from './dead-letters.ts';
import { configuredMarketingProvider } from './providers.ts';
import { MarketingDeadLetter } from './shapes.ts';

const tags = ['admin: marketing'];
const LetterParams = Type.Object({ id: Id('mdl') });

/** Events the marketing tool refused for good (docs/marketing.md#dead-letters): see why, resend once fixed, or discard. */
export const adminDeadLetterRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  const provider = configuredMarketingProvider(config);

  app.get('/marketing/dead-letters', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'Events the marketing tool refused, newest first', querystring: Type.Object(ListQuery), response: { 200: ListOf(MarketingDeadLetter), ...errorResponses } },
  }, async (request) => {
    const page = await listDeadLetters(db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.post('/marketing/dead-letters/:id/resend', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Send the event again (with the customer’s data and consent as they are now); gone once the tool takes it', params: LetterParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await resendDeadLetter({ db, provider, storefront: storefrontPages(config) }, request.params.id);
    return { id: request.params.id, object: 'marketing_dead_letter', deleted: true };
  });

  app.delete('/marketing/dead-letters/:id', {
    config: { permission: 'customers:write' },
    schema: { tags, summary: 'Discard a dead letter without sending it', params: LetterParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await discardDeadLetter(db, request.params.id);
    return { id: request.params.id, object: 'marketing_dead_letter', deleted: true };
  });
};
