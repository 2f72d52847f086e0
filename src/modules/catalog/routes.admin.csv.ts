import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { exportProductsCsv, importProductsCsv } from './product-csv.ts';

const tags = ['admin: products'];

const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer({ description: 'existing products the file matched and left as they were' }),
  product_ids: Type.Array(Type.String(), { description: 'the products created (none on a dry run)' }),
  updated_ids: Type.Array(Type.String()),
  dry_run: Type.Boolean(),
});

/** CSV import and export of products (format: docs/csv-format.md). */
export const adminProductCsvRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: config.importLimitBytes }, (_request, body, done) => done(null, body));

  app.post('/products/import', {
    config: { permission: 'products:write' },
    bodyLimit: config.importLimitBytes,
    schema: {
      tags,
      summary: 'Import products from CSV (Content-Type: text/csv): creates new handles, updates existing ones; all rows or, on any problem, none',
      description: 'Products are matched by handle, variants by SKU. A 400 `csv_invalid` lists each problem as `{ row, column, message }` '
        + 'in `details.errors`. With `dry_run=true` nothing is written and the answer (200) says what the import would do.',
      querystring: Type.Object({ dry_run: Type.Optional(Type.Boolean({ default: false, description: 'check and count, write nothing' })) }, { additionalProperties: false }),
      body: Type.String({ description: 'the CSV text' }),
      response: { 200: ImportResult, 201: ImportResult, ...errorResponses },
    },
  }, async (request, reply) => {
    const result = await importProductsCsv(db, request.body, { dryRun: request.query.dry_run });
    return reply.code(result.dry_run ? 200 : 201).send(result);
  });

  app.get('/products/export', {
    config: { permission: 'products:read' },
    schema: { tags, summary: 'Export every product as CSV, streamed', produces: ['text/csv'] },
  }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="products.csv"')
      .send(Readable.from(exportProductsCsv(db))));
};
