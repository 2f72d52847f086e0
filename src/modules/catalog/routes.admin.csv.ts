import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { exportProductsCsv, importProductsCsv } from './product-csv.ts';

const tags = ['admin: products'];

/** CSV import and export of products (format: docs/csv-format.md). */
export const adminProductCsvRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: config.importLimitBytes }, (_request, body, done) => done(null, body));

  app.post('/products/import', {
    config: { permission: 'products:write' },
    bodyLimit: config.importLimitBytes,
    schema: {
      tags,
      summary: 'Import products from CSV (Content-Type: text/csv): all rows or, on any problem, none',
      description: 'A 400 `csv_invalid` lists each problem as `{ row, column, message }` in `details.errors`.',
      body: Type.String({ description: 'the CSV text' }),
      response: { 201: Type.Object({ created: Type.Integer(), product_ids: Type.Array(Type.String()) }), ...errorResponses },
    },
  }, async (request, reply) => {
    const ids = await importProductsCsv(db, request.body);
    return reply.code(201).send({ created: ids.length, product_ids: ids });
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
