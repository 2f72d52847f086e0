import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { getProvenance } from './provenance.ts';
import { Provenance } from './shapes.ts';

/** A lot's public journey (docs/purchasing.md), for products that opt in; read from the replica when there is one. */
export const storeProvenanceRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { readDb }) => {
  app.get('/provenance/:lot_id', {
    schema: {
      tags: ['store: provenance'], summary: 'Where a lot came from: supplier, received, shipped counts (products that make it public)',
      params: Type.Object({ lot_id: Id('lot') }), response: { 200: Provenance, ...errorResponses },
    },
  }, async (request) => getProvenance(readDb, request.params.lot_id));
};
