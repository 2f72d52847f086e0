import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { ErrorResponse, errorResponses } from '../../http/schemas.ts';
import { Id } from '../../shapes.ts';
import type { Actor } from '../orders/order-state.ts';
import { buyLabel, cancelLabel, listLabels } from './labels.ts';
import { Carrier, Label, LabelInput } from './shapes.ts';

const tags = ['admin: shipping labels'];
const OrderParams = Type.Object({ id: Id('ord') });
const FulfillmentParams = Type.Object({ id: Id('ord'), fulfillment_id: Id('ful') });
const LabelParams = Type.Object({ id: Id('ord'), fulfillment_id: Id('ful'), label_id: Id('lbl') });
const carrierErrors = { 422: ErrorResponse, 502: ErrorResponse };

function actor(request: FastifyRequest): Actor {
  return { type: request.admin!.kind, id: request.admin!.id };
}

/** Staff's carriers and labels: which carriers the shop has, labels bought and voided per fulfillment (docs/shipping.md). */
export const adminLabelRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, carriers, config }) => {
  const deps = { carriers, timeoutMs: config.carrierTimeoutMs };

  app.get('/carriers', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'The carriers this shop is set up with, and what each can do', response: { 200: Type.Object({ data: Type.Array(Carrier) }), ...errorResponses } },
  }, async () => ({
    data: [...carriers.values()].map((c) => ({ id: c.id, rates: Boolean(c.rates), labels: Boolean(c.createLabel), webhooks: Boolean(c.parseWebhook) })),
  }));

  app.get('/orders/:id/labels', {
    config: { permission: 'orders:read' },
    schema: { tags, summary: 'The order’s shipping labels, oldest first', params: OrderParams, response: { 200: Type.Object({ data: Type.Array(Label) }), ...errorResponses } },
  }, async (request) => ({ data: await listLabels(db, request.params.id) }));

  app.post('/orders/:id/fulfillments/:fulfillment_id/labels', {
    config: { permission: 'orders:fulfill', idempotent: true },
    schema: {
      tags, summary: 'Buy the fulfillment’s label from a carrier (or get the one it has: a retry never buys two)',
      params: FulfillmentParams, body: LabelInput, response: { 200: Label, ...errorResponses, ...carrierErrors },
    },
  }, async (request) => buyLabel(db, deps, request.params.id, request.params.fulfillment_id, request.body, actor(request)));

  app.post('/orders/:id/fulfillments/:fulfillment_id/labels/:label_id/cancel', {
    config: { permission: 'orders:fulfill', idempotent: true },
    schema: { tags, summary: 'Void a label whose parcel has not shipped', params: LabelParams, response: { 200: Label, ...errorResponses, ...carrierErrors } },
  }, async (request) => cancelLabel(db, deps, request.params.id, request.params.fulfillment_id, request.params.label_id, actor(request)));
};
