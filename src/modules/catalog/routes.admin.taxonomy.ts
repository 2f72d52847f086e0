import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { createCategory, deleteCategory, getCategoryOrThrow, listCategories, updateCategory } from './categories.ts';
import { createCollection, deleteCollection, getCollectionOrThrow, listCollections, updateCollection } from './collections.ts';
import { Category, CategoryInput, CategoryUpdate, Collection, CollectionInput, CollectionUpdate } from './shapes.ts';

/** Staff's management of collections and the category tree. */
export const adminTaxonomyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  const collectionTags = ['admin: collections'];
  const CollectionParams = Type.Object({ id: Id('pcol') });

  app.get('/collections', {
    config: { permission: 'products:read' },
    schema: { tags: collectionTags, summary: 'List collections', querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(Collection), ...errorResponses } },
  }, async (request) => {
    const page = await listCollections(db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/collections', {
    config: { permission: 'products:write' },
    schema: { tags: collectionTags, summary: 'Create a collection', body: CollectionInput, response: { 201: Collection, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createCollection(db, request.body)));
  app.get('/collections/:id', {
    config: { permission: 'products:read' },
    schema: { tags: collectionTags, summary: 'One collection', params: CollectionParams, response: { 200: Collection, ...errorResponses } },
  }, async (request) => getCollectionOrThrow(db, request.params.id));
  app.post('/collections/:id', {
    config: { permission: 'products:write' },
    schema: { tags: collectionTags, summary: 'Update a collection', params: CollectionParams, body: CollectionUpdate, response: { 200: Collection, ...errorResponses } },
  }, async (request) => updateCollection(db, request.params.id, request.body));
  app.delete('/collections/:id', {
    config: { permission: 'products:write' },
    schema: { tags: collectionTags, summary: 'Delete a collection (its products stay)', params: CollectionParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteCollection(db, request.params.id);
    return { id: request.params.id, object: 'collection', deleted: true };
  });

  const categoryTags = ['admin: categories'];
  const CategoryParams = Type.Object({ id: Id('pcat') });

  app.get('/categories', {
    config: { permission: 'products:read' },
    schema: {
      tags: categoryTags,
      summary: 'The category tree, depth first',
      querystring: Type.Object({ ...ListQuery, parent_id: Type.Optional(Id('pcat')) }, { additionalProperties: false }),
      response: { 200: ListOf(Category), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, parent_id } = request.query;
    const page = await listCategories(db, { limit, parent_id, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/categories', {
    config: { permission: 'products:write' },
    schema: { tags: categoryTags, summary: 'Create a category', body: CategoryInput, response: { 201: Category, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createCategory(db, request.body)));
  app.get('/categories/:id', {
    config: { permission: 'products:read' },
    schema: { tags: categoryTags, summary: 'One category', params: CategoryParams, response: { 200: Category, ...errorResponses } },
  }, async (request) => getCategoryOrThrow(db, request.params.id));
  app.post('/categories/:id', {
    config: { permission: 'products:write' },
    schema: { tags: categoryTags, summary: 'Update or move a category', params: CategoryParams, body: CategoryUpdate, response: { 200: Category, ...errorResponses } },
  }, async (request) => updateCategory(db, request.params.id, request.body));
  app.delete('/categories/:id', {
    config: { permission: 'products:write' },
    schema: { tags: categoryTags, summary: 'Delete a category without subcategories', params: CategoryParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteCategory(db, request.params.id);
    return { id: request.params.id, object: 'category', deleted: true };
  });
};
