import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { createSynonym, deleteSynonym, getSynonymOrThrow, listSynonyms, updateSynonym } from './search.ts';
import { SearchSynonym, SearchSynonymInput, SearchSynonymUpdate } from './shapes.ts';

/** The merchant's search synonyms (hoodie ↔ sweatshirt), which widen product searches. */
export const adminSearchRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const tags = ['admin: search'];
  const Params = Type.Object({ id: Id('ssyn') });

  app.get('/search/synonyms', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'List search synonyms by word', querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(SearchSynonym), ...errorResponses } },
  }, async (request) => {
    const page = await listSynonyms(db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/search/synonyms', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Add a word and its synonyms', body: SearchSynonymInput, response: { 201: SearchSynonym, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createSynonym(db, request.body)));
  app.get('/search/synonyms/:id', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'One search synonym entry', params: Params, response: { 200: SearchSynonym, ...errorResponses } },
  }, async (request) => getSynonymOrThrow(db, request.params.id));
  app.post('/search/synonyms/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Change a word or its synonyms', params: Params, body: SearchSynonymUpdate, response: { 200: SearchSynonym, ...errorResponses } },
  }, async (request) => updateSynonym(db, request.params.id, request.body));
  app.delete('/search/synonyms/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Delete a search synonym entry', params: Params, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteSynonym(db, request.params.id);
    return { id: request.params.id, object: 'search_synonym', deleted: true };
  });
};
