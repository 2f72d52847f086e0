import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import { adjustGiftCard, giftCardDetail, issueGiftCard, listGiftCards, updateGiftCard } from './gift-cards.ts';
import { AdjustBalanceInput, GiftCard, GiftCardDetail, GiftCardListQuery, IssuedGiftCard, IssueGiftCardInput, StoreCredit, StoreCreditInput, UpdateGiftCardInput } from './shapes.ts';
import { changeStoreCredit, storeCreditOf } from './store-credit.ts';

const tags = ['admin: gift cards'];
const GiftCardParams = Type.Object({ id: Id('gc') });
const CustomerParams = Type.Object({ id: Id('cus') });

/** Who changed a balance, as the movement log keeps it. */
const actor = (request: FastifyRequest) => request.admin!.id;

/**
 * Gift cards and customers' store credit (docs/gift-cards.md). Reading needs orders:read (store credit:
 * customers:read); anything that creates or changes a balance is money given away: orders:refund.
 */
export const adminGiftCardRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/gift-cards', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'List gift cards, newest first (code finds one by its full code)', querystring: GiftCardListQuery, response: { 200: ListOf(GiftCard), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, code, customer_id } = request.query;
    const page = await listGiftCards(db, { code, customer_id }, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/gift-cards', {
    config: { permission: 'orders:refund' },
    schema: { tags, summary: 'Issue a gift card: the answer shows its code, this once', body: IssueGiftCardInput, response: { 201: IssuedGiftCard, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await issueGiftCard(db, request.body, actor(request))));
  app.get('/gift-cards/:id', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'One gift card with its balance movements', params: GiftCardParams, response: { 200: GiftCardDetail, ...errorResponses } },
  }, async (request) => giftCardDetail(db, request.params.id));
  app.post('/gift-cards/:id', {
    config: { permission: 'orders:refund' },
    schema: { tags, summary: 'Disable or re-enable a gift card, change its expiry or note', params: GiftCardParams, body: UpdateGiftCardInput, response: { 200: GiftCardDetail, ...errorResponses } },
  }, async (request) => updateGiftCard(db, request.params.id, request.body));
  app.post('/gift-cards/:id/adjustments', {
    config: { permission: 'orders:refund' },
    schema: { tags, summary: 'Add to or take from a gift card’s balance, with a reason', params: GiftCardParams, body: AdjustBalanceInput, response: { 200: GiftCardDetail, ...errorResponses } },
  }, async (request) => adjustGiftCard(db, request.params.id, request.body, actor(request)));
  app.get('/customers/:id/store-credit', {
    config: { permission: 'customers:read' },
    schema: { tags, summary: 'A customer’s store credit per currency, with its movements', params: CustomerParams, response: { 200: StoreCredit, ...errorResponses } },
  }, async (request) => storeCreditOf(db, request.params.id));
  app.post('/customers/:id/store-credit', {
    config: { permission: 'orders:refund' },
    schema: { tags, summary: 'Grant (amount > 0) or debit (amount < 0) a customer’s store credit, with a reason', params: CustomerParams, body: StoreCreditInput, response: { 200: StoreCredit, ...errorResponses } },
  }, async (request) => changeStoreCredit(db, request.params.id, request.body, actor(request)));
};
