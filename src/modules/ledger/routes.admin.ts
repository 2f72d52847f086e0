import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ledgerHead, ledgerKeys, ledgerStatus, orderProof } from './proofs.ts';
import { listMismatches } from './reconciliation.ts';
import { LedgerHead, LedgerKey, LedgerMismatch, LedgerStatus, OrderProof } from './shapes.ts';

const tags = ['admin: ledger'];

/**
 * The verifiable ledger (docs/ledger.md). Reading it needs `audit:read`: the ledger is the shop's
 * tamper-evident audit trail of money and stock, for the same people who read the audit log.
 */
export const adminLedgerRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config }) => {
  app.get('/ledger', {
    config: { permission: 'audit:read' },
    schema: { tags, summary: 'The ledger\'s state: head, appender lag, last anchoring, differences found', response: { 200: LedgerStatus, ...errorResponses } },
  }, async () => ledgerStatus(db, config.ledger));
  app.get('/ledger/head', {
    config: { permission: 'audit:read' },
    schema: { tags, summary: 'The signed head: the newest block, signed, and the chain\'s tip', response: { 200: LedgerHead, ...errorResponses } },
  }, async () => ledgerHead(db));
  app.get('/ledger/proof', {
    config: { permission: 'audit:read' },
    schema: {
      tags, summary: 'An order\'s ledger entries with Merkle proofs into signed blocks: checkable with the public key alone',
      querystring: Type.Object({ order_id: Type.String({ pattern: '^ord_[0-9A-Za-z]{1,60}$' }) }, { additionalProperties: false }),
      response: { 200: OrderProof, ...errorResponses },
    },
  }, async (request) => orderProof(db, request.query.order_id));
  app.get('/ledger/keys', {
    config: { permission: 'audit:read' },
    schema: { tags, summary: 'Every public key that signed blocks, by key id (rotation keeps the old ones)', response: { 200: Type.Object({ data: Type.Array(LedgerKey) }), ...errorResponses } },
  }, async () => ({ data: await ledgerKeys(db) }));
  app.get('/ledger/mismatches', {
    config: { permission: 'audit:read' },
    schema: {
      tags, summary: 'Differences reconciliation found between the ledger and the live tables, newest first',
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(LedgerMismatch) }), ...errorResponses },
    },
  }, async (request) => ({ data: await listMismatches(db, request.query.limit) }));
};
