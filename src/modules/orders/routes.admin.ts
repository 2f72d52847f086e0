import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { ErrorResponse, errorResponses, ListOf } from '../../http/schemas.ts';
import { markDraftOrderPaid } from '../checkout/draft-order-payment.ts';
import type { CheckoutDeps } from '../checkout/start-payment.ts';
import {
  CancelInput, CaptureInput, DeliveredInput, DraftOrderInput, DraftOrderListQuery, DraftOrderParams, EditInput, FulfillmentInput,
  FulfillmentParams, MarkPaidInput, NoteInput, OrderListQuery, OrderParams, PaymentInput, ReceiveReturnInput, RefundInput, ReturnInput,
  ReturnParams, ReturnRefundInput, SendDraftInput, ShipmentInput,
} from './admin-inputs.ts';
import {
  DraftOrder, DraftOrderListItem, Fulfillment, OrderDetail, OrderEdit, OrderListItem, PaidDraftOrder, Refund, Return, SentDraftOrder,
  TimelineEntry,
} from './admin-shapes.ts';
import { cancelOrder } from './cancel.ts';
import { captureOrder, recordOrderPayment } from './capture.ts';
import { cancelDraftOrder, createDraftOrder, getDraftOrder, listDraftOrders, sendDraftOrder } from './draft-orders.ts';
import { cancelFulfillment, createFulfillment, deliverFulfillment, getFulfillment, listFulfillments, shipFulfillment } from './fulfillments.ts';
import { getOrderDetail } from './order-detail.ts';
import { editOrder, listEdits } from './order-edits.ts';
import { listOrders } from './order-list.ts';
import { salesSummary } from './sales-summary.ts';
import { assertPlacedOrder, type Actor } from './order-state.ts';
import { addOrderNote, orderTimeline } from './order-timeline.ts';
import type { PaymentDeps } from './payment-operations.ts';
import { getRefund, listRefunds, refundOrder } from './refunds.ts';
import { cancelReturn, getReturnOrThrow, listReturns, receiveReturn, refundReturn, requestReturn } from './returns.ts';

const tags = ['admin: orders'];
/** Operations that move money may also answer what the gateway said. */
const gatewayErrors = { 402: ErrorResponse, 502: ErrorResponse, 504: ErrorResponse };

function actor(request: FastifyRequest): Actor {
  return { type: request.admin!.kind, id: request.admin!.id };
}

/**
 * Staff's orders: list and detail (with the timeline), capture, cancel, fulfillments and shipments,
 * returns and exchanges, refunds, edits, notes, recorded payments, and draft orders. The rules are in
 * docs/orders.md; every mutation runs in one transaction (gateway calls between two) and accepts an
 * Idempotency-Key.
 */
export const adminOrderRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config, paymentProviders }) => {
  const deps: PaymentDeps = { db, providers: paymentProviders };
  const checkout: CheckoutDeps = { db, providers: paymentProviders, config };
  // Actions whose body is all optional may be sent without one.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
  });

  app.get('/orders', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'List placed orders, newest first, with filters and search', querystring: OrderListQuery, response: { 200: ListOf(OrderListItem), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listOrders(db, filter, { limit, after: decodeCursor(cursor) }, config.orderNumberPrefix);
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.get('/orders/sales', {
    config: { permission: 'orders:read' },
    schema: {
      tags,
      summary: 'Sales per day and currency over the last days, and how many open orders wait to be captured or fulfilled',
      querystring: Type.Object({
        days: Type.Integer({ minimum: 1, maximum: 366, default: 30 }),
        time_zone: Type.String({ minLength: 1, maxLength: 64, default: 'UTC', description: 'IANA name (Europe/Paris): where a day starts' }),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          time_zone: Type.String(),
          days: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD in time_zone' }), currency_code: Type.String(), orders: Type.Integer(), total: Type.Integer({ description: 'minor units' }) })),
          to_capture: Type.Integer(),
          to_fulfill: Type.Integer(),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => salesSummary(db, { days: request.query.days, timeZone: request.query.time_zone }));

  app.get('/orders/:id', {
    config: { permission: 'orders:read' },
    schema: {
      tags, summary: 'An order with its lines’ progress, money summary, payments, fulfillments, returns, refunds, edits and timeline',
      params: OrderParams, response: { 200: OrderDetail, ...errorResponses },
    },
  }, async (request) => getOrderDetail(db, request.params.id, config.orderNumberPrefix));

  app.get('/orders/:id/timeline', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'Everything that happened to the order, oldest first, with who did it', params: OrderParams, response: { 200: Type.Object({ data: Type.Array(TimelineEntry) }), ...errorResponses } },
  }, async (request) => {
    await assertPlacedOrder(db, request.params.id);
    return { data: await orderTimeline(db, request.params.id) };
  });

  app.post('/orders/:id/notes', {
    config: { permission: 'orders:write', idempotent: true },
    schema: { tags, summary: 'Add a staff note to the order’s timeline', params: OrderParams, body: NoteInput, response: { 201: TimelineEntry, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await addOrderNote(db, request.params.id, request.body.text, actor(request))));

  app.post('/orders/:id/capture', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Capture the authorized payment, in full or in part (never above what is authorized and not captured)',
      params: OrderParams, body: CaptureInput, response: { 200: OrderDetail, ...gatewayErrors, ...errorResponses },
    },
  }, async (request) => {
    await captureOrder(deps, request.params.id, request.body, actor(request));
    return getOrderDetail(db, request.params.id, config.orderNumberPrefix);
  });

  app.post('/orders/:id/payments', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Record money received outside a gateway (manual provider): settles a balance left to pay',
      params: OrderParams, body: PaymentInput, response: { 201: OrderDetail, ...errorResponses },
    },
  }, async (request, reply) => {
    await recordOrderPayment(deps, request.params.id, request.body, actor(request));
    return reply.code(201).send(await getOrderDetail(db, request.params.id, config.orderNumberPrefix));
  });

  app.post('/orders/:id/cancel', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Cancel an order nothing of which is fulfilled: stock released, authorization voided, captured money refunded',
      params: OrderParams, body: CancelInput, response: { 200: OrderDetail, ...errorResponses },
    },
  }, async (request) => {
    await cancelOrder(deps, request.params.id, request.body, actor(request));
    return getOrderDetail(db, request.params.id, config.orderNumberPrefix);
  });

  app.get('/orders/:id/fulfillments', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'The order’s fulfillments', params: OrderParams, response: { 200: Type.Object({ data: Type.Array(Fulfillment) }), ...errorResponses } },
  }, async (request) => {
    await assertPlacedOrder(db, request.params.id);
    return { data: await listFulfillments(db, request.params.id) };
  });

  app.post('/orders/:id/fulfillments', {
    config: { permission: 'orders:fulfill', idempotent: true },
    schema: {
      tags, summary: 'Fulfill lines from a location: on_hand and committed drop there (optionally shipped at once)',
      params: OrderParams, body: FulfillmentInput, response: { 201: Fulfillment, ...errorResponses },
    },
  }, async (request, reply) => {
    const id = await createFulfillment(db, request.params.id, request.body, actor(request));
    return reply.code(201).send(await getFulfillment(db, request.params.id, id));
  });

  app.post('/orders/:id/fulfillments/:fulfillment_id/shipments', {
    config: { permission: 'orders:fulfill', idempotent: true },
    schema: { tags, summary: 'Ship a fulfillment: carrier, tracking number and URL', params: FulfillmentParams, body: ShipmentInput, response: { 200: Fulfillment, ...errorResponses } },
  }, async (request) => {
    await shipFulfillment(db, request.params.id, request.params.fulfillment_id, request.body, actor(request));
    return getFulfillment(db, request.params.id, request.params.fulfillment_id);
  });

  app.post('/orders/:id/fulfillments/:fulfillment_id/mark-delivered', {
    config: { permission: 'orders:fulfill', idempotent: true },
    schema: { tags, summary: 'Mark a shipped fulfillment delivered', params: FulfillmentParams, body: DeliveredInput, response: { 200: Fulfillment, ...errorResponses } },
  }, async (request) => {
    await deliverFulfillment(db, request.params.id, request.params.fulfillment_id, request.body, actor(request));
    return getFulfillment(db, request.params.id, request.params.fulfillment_id);
  });

  app.post('/orders/:id/fulfillments/:fulfillment_id/cancel', {
    config: { permission: 'orders:fulfill', idempotent: true },
    schema: {
      tags, summary: 'Cancel a fulfillment that has not shipped: its units are back on hand, committed to the order again',
      params: FulfillmentParams, response: { 200: Fulfillment, ...errorResponses },
    },
  }, async (request) => {
    await cancelFulfillment(db, request.params.id, request.params.fulfillment_id, actor(request));
    return getFulfillment(db, request.params.id, request.params.fulfillment_id);
  });

  app.get('/orders/:id/returns', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'The order’s returns', params: OrderParams, response: { 200: Type.Object({ data: Type.Array(Return) }), ...errorResponses } },
  }, async (request) => {
    await assertPlacedOrder(db, request.params.id);
    return { data: await listReturns(db, request.params.id) };
  });

  app.post('/orders/:id/returns', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Request a return of delivered units (with exchange_lines: an exchange, whose replacements join the order at once)',
      params: OrderParams, body: ReturnInput, response: { 201: Return, ...errorResponses },
    },
  }, async (request, reply) => {
    const id = await requestReturn(db, request.params.id, request.body, { actor: actor(request), source: 'staff' });
    return reply.code(201).send(await getReturnOrThrow(db, request.params.id, id));
  });

  app.post('/orders/:id/returns/:return_id/receive', {
    config: { permission: 'orders:fulfill', idempotent: true },
    schema: {
      tags, summary: 'Receive a return: quantities per line with their condition, restocked at a location or written off',
      params: ReturnParams, body: ReceiveReturnInput, response: { 200: Return, ...errorResponses },
    },
  }, async (request) => {
    await receiveReturn(db, request.params.id, request.params.return_id, request.body, actor(request));
    return getReturnOrThrow(db, request.params.id, request.params.return_id);
  });

  app.post('/orders/:id/returns/:return_id/refund', {
    config: { permission: 'orders:refund', idempotent: true },
    schema: {
      tags, summary: 'Refund a received return: by default what the shop owes for it',
      params: ReturnParams, body: ReturnRefundInput, response: { 201: Refund, ...gatewayErrors, ...errorResponses },
    },
  }, async (request, reply) => {
    const id = await refundReturn(deps, request.params.id, request.params.return_id, request.body, actor(request));
    return reply.code(201).send(await getRefund(db, request.params.id, id));
  });

  app.post('/orders/:id/returns/:return_id/cancel', {
    config: { permission: 'orders:write', idempotent: true },
    schema: { tags, summary: 'Cancel a requested return (an exchange’s unfulfilled replacements are removed)', params: ReturnParams, response: { 200: Return, ...errorResponses } },
  }, async (request) => {
    await cancelReturn(db, request.params.id, request.params.return_id, actor(request));
    return getReturnOrThrow(db, request.params.id, request.params.return_id);
  });

  app.get('/orders/:id/refunds', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'The order’s refunds', params: OrderParams, response: { 200: Type.Object({ data: Type.Array(Refund) }), ...errorResponses } },
  }, async (request) => {
    await assertPlacedOrder(db, request.params.id);
    return { data: await listRefunds(db, request.params.id) };
  });

  app.post('/orders/:id/refunds', {
    config: { permission: 'orders:refund', idempotent: true },
    schema: {
      tags, summary: 'Refund by line and/or amount, with a reason (never above what was captured and not refunded)',
      params: OrderParams, body: RefundInput, response: { 201: Refund, ...gatewayErrors, ...errorResponses },
    },
  }, async (request, reply) => {
    const id = await refundOrder(deps, request.params.id, request.body, actor(request));
    return reply.code(201).send(await getRefund(db, request.params.id, id));
  });

  app.get('/orders/:id/edits', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'The order’s edit history, one version per edit', params: OrderParams, response: { 200: Type.Object({ data: Type.Array(OrderEdit) }), ...errorResponses } },
  }, async (request) => {
    await assertPlacedOrder(db, request.params.id);
    return { data: await listEdits(db, request.params.id) };
  });

  app.post('/orders/:id/edits', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Edit unfulfilled units: change quantities, remove or add lines; stock follows, the balance is computed (dry_run: preview)',
      params: OrderParams, body: EditInput, response: { 200: OrderEdit, 201: OrderEdit, ...errorResponses },
    },
  }, async (request, reply) => {
    const edit = await editOrder(db, request.params.id, request.body, actor(request));
    return reply.code(edit.dry_run ? 200 : 201).send(edit);
  });

  app.get('/draft-orders', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'List draft orders, newest first', querystring: DraftOrderListQuery, response: { 200: ListOf(DraftOrderListItem), ...errorResponses } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const page = await listDraftOrders(db, filter, { limit, after: decodeCursor(cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });

  app.post('/draft-orders', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Create a draft order: lines (custom prices with a reason), addresses, shipping',
      body: DraftOrderInput, response: { 201: DraftOrder, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await getDraftOrder(db, await createDraftOrder(db, request.body, actor(request)))));

  app.get('/draft-orders/:id', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'A draft order', params: DraftOrderParams, response: { 200: DraftOrder, ...errorResponses } },
  }, async (request) => getDraftOrder(db, request.params.id));

  app.post('/draft-orders/:id/send', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Send the draft as a payment link: the customer completes its cart through the Store API',
      params: DraftOrderParams, body: SendDraftInput, response: { 200: SentDraftOrder, ...errorResponses },
    },
  }, async (request) => {
    await sendDraftOrder(db, request.params.id, request.body, actor(request));
    const draft = await getDraftOrder(db, request.params.id);
    return { draft_order: draft, payment_link: { cart_id: draft.cart_id } };
  });

  app.post('/draft-orders/:id/mark-paid', {
    config: { permission: 'orders:write', idempotent: true },
    schema: {
      tags, summary: 'Complete the draft as paid with the manual provider: the order is placed and captured',
      params: DraftOrderParams, body: MarkPaidInput, response: { 201: PaidDraftOrder, ...gatewayErrors, ...errorResponses },
    },
  }, async (request, reply) => {
    const orderId = await markDraftOrderPaid(checkout, request.params.id, request.body, actor(request));
    return reply.code(201).send({ draft_order: await getDraftOrder(db, request.params.id), order: await getOrderDetail(db, orderId, config.orderNumberPrefix) });
  });

  app.post('/draft-orders/:id/cancel', {
    config: { permission: 'orders:write', idempotent: true },
    schema: { tags, summary: 'Cancel a draft order: its payment link stops working', params: DraftOrderParams, response: { 200: DraftOrder, ...errorResponses } },
  }, async (request) => {
    await cancelDraftOrder(db, request.params.id, actor(request));
    return getDraftOrder(db, request.params.id);
  });
};
