import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { Deleted, errorResponses, ListOf } from '../../http/schemas.ts';
import { CurrencyCode, Id } from '../../shapes.ts';
import { AppError } from '../../errors.ts';
import { addOption, deleteOption, updateOption } from './options.ts';
import { bulkUpdateProducts, type ProductBulkAction } from './product-bulk.ts';
import { getProductOrThrow, queryProducts } from './product-query.ts';
import { createProduct, deleteProduct, updateProduct } from './products.ts';
import { AdminProductListQuery, OptionInput, ProductBulkInput, ProductBulkResult, OptionUpdate, PriceInput, Product, ProductInput, ProductList, ProductUpdate, VariantInput, VariantUpdate } from './shapes.ts';
import { addVariant, deleteVariant, deleteVariantPrice, setVariantPrices, updateVariant } from './variants.ts';


const ProductParams = Type.Object({ id: Id('prod') });
const OptionParams = Type.Object({ id: Id('prod'), option_id: Id('opt') });
const VariantParams = Type.Object({ id: Id('prod'), variant_id: Id('var') });
const tags = ['admin: products'];

/** The action a bulk request names, with the one field it needs (a 400 naming the field when missing). */
function bulkAction(body: ProductBulkInput): ProductBulkAction {
  switch (body.action) {
    case 'add_tag': case 'remove_tag':
      if (body.tag === undefined) throw new AppError('invalid_request', { field: 'body.tag' }, `body.tag is required for ${body.action}`);
      return { type: body.action, tag: body.tag };
    case 'set_collection':
      if (body.collection_id === undefined) throw new AppError('invalid_request', { field: 'body.collection_id' }, 'body.collection_id is required for set_collection (null clears it)');
      return { type: 'set_collection', collection_id: body.collection_id };
    default:
      return { type: body.action };
  }
}

/** Staff's product management: every field, options, variants and prices, in any status. */
export const adminProductRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/products', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'List products in any status', querystring: AdminProductListQuery, response: { 200: ProductList, ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, sort, tag, status, ...filter } = request.query;
    const page = await queryProducts(db, { ...filter, tags: tag, statuses: status }, { sort, limit, after: decodeCursor(cursor) });
    return { data: page.products, next_cursor: encodeCursor(page.next), did_you_mean: page.did_you_mean };
  });

  app.post('/products', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Create a product with its options, variants and prices', body: ProductInput, response: { 201: Product, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createProduct(db, request.body)));

  app.get('/products/:id', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'One product in any status', params: ProductParams, response: { 200: Product, ...errorResponses } },
  }, async (request) => getProductOrThrow(db, request.params.id, { anyStatus: true }));

  app.post('/products/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Update product fields', params: ProductParams, body: ProductUpdate, response: { 200: Product, ...errorResponses } },
  }, async (request) => updateProduct(db, request.params.id, request.body));

  app.delete('/products/:id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Delete a product with its variants', params: ProductParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteProduct(db, request.params.id);
    return { id: request.params.id, object: 'product', deleted: true };
  });

  for (const [action, status] of [['publish', 'published'], ['archive', 'archived'], ['unpublish', 'draft']] as const) {
    app.post(`/products/:id/${action}`, {
      config: { permission: 'products:write' },
      schema: { tags, summary: `Set the product's status to ${status}`, params: ProductParams, response: { 200: Product, ...errorResponses } },
    }, async (request) => updateProduct(db, request.params.id, { status }));
  }

  app.post('/products/bulk', {
    config: { permission: 'products:write', idempotent: true },
    schema: {
      tags,
      summary: 'Change every product a filter matches (publish, archive, tag, collection): all of them or none',
      description: 'The filter takes the fields of `GET /admin/products`, so a list view can act on all it matches. At most 1,000 '
        + 'products (400 `bulk_too_many`); with `expected_count` another count refuses the action (409 `bulk_count_changed`). '
        + 'Products already as the action leaves them count as `unchanged`. Accepts an `Idempotency-Key`.',
      body: ProductBulkInput,
      response: { 200: ProductBulkResult, ...errorResponses },
    },
  }, async (request) => {
    const { filter: { tag, status, ...filter }, expected_count, dry_run } = request.body;
    return bulkUpdateProducts(db, { filter: { ...filter, tags: tag, statuses: status }, action: bulkAction(request.body), expectedCount: expected_count, dryRun: dry_run });
  });

  app.post('/products/:id/options', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Add an option (existing variants take its first value)', params: ProductParams, body: OptionInput, response: { 201: Product, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await addOption(db, request.params.id, request.body)));

  app.post('/products/:id/options/:option_id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Rename an option or set its values', params: OptionParams, body: OptionUpdate, response: { 200: Product, ...errorResponses } },
  }, async (request) => updateOption(db, request.params.id, request.params.option_id, request.body));

  app.delete('/products/:id/options/:option_id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Remove an option', params: OptionParams, response: { 200: Product, ...errorResponses } },
  }, async (request) => deleteOption(db, request.params.id, request.params.option_id));

  app.post('/products/:id/variants', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Add a variant', params: ProductParams, body: VariantInput, response: { 201: Product, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await addVariant(db, request.params.id, request.body)));

  app.post('/products/:id/variants/:variant_id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Update a variant (prices given replace all its prices)', params: VariantParams, body: VariantUpdate, response: { 200: Product, ...errorResponses } },
  }, async (request) => updateVariant(db, request.params.id, request.params.variant_id, request.body));

  app.delete('/products/:id/variants/:variant_id', {
    config: { permission: 'products:write' },
    schema: { tags, summary: 'Delete a variant', params: VariantParams, response: { 200: Product, ...errorResponses } },
  }, async (request) => deleteVariant(db, request.params.id, request.params.variant_id));

  app.post('/products/:id/variants/:variant_id/prices', {
    config: { permission: 'products:write' },
    schema: {
      tags,
      summary: 'Set prices for the given currencies (others are kept)',
      params: VariantParams,
      body: Type.Object({ prices: Type.Array(PriceInput, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }),
      response: { 200: Product, ...errorResponses },
    },
  }, async (request) => setVariantPrices(db, request.params.id, request.params.variant_id, request.body.prices));

  app.delete('/products/:id/variants/:variant_id/prices/:currency_code', {
    config: { permission: 'products:write' },
    schema: {
      tags,
      summary: 'Remove the price in one currency',
      params: Type.Object({ ...VariantParams.properties, currency_code: CurrencyCode }),
      response: { 200: Product, ...errorResponses },
    },
  }, async (request) => deleteVariantPrice(db, request.params.id, request.params.variant_id, request.params.currency_code));
};
