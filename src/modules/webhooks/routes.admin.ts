import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { errorResponses, ListOf } from '../../http/schemas.ts';
import { Id, ListQuery } from '../../shapes.ts';
import { EVENT_CATALOGUE } from '../events/catalogue.ts';
import { getDeliveryOrThrow, listDeliveries, redeliver } from './deliveries.ts';
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpointOrThrow, listWebhookEndpoints, revealWebhookSecret, rotateWebhookSecret, updateWebhookEndpoint } from './endpoints.ts';
import { EventType, WebhookDelivery, WebhookDeliveryDetail, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointUpdate, WebhookEndpointWithSecret, WebhookSecret } from './shapes.ts';

const tags = ['admin: webhooks'];
const config = { permission: 'webhooks:manage' as const };
const EndpointParams = Type.Object({ id: Id('we') });
const DeliveryParams = Type.Object({ id: Id('we'), delivery_id: Id('whd') });
const Deleted = Type.Object({ id: Type.String(), object: Type.Literal('webhook_endpoint'), deleted: Type.Literal(true) });

/** Webhook endpoints, their deliveries and the attempt log (docs/webhooks.md). */
export const adminWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config: settings }) => {
  const policy = { allowPrivate: settings.webhookAllowPrivate, httpsOnly: settings.production };

  app.get('/webhooks/event-types', {
    config,
    schema: { tags, summary: 'The events an endpoint can subscribe to (docs/events.md)', response: { 200: Type.Object({ data: Type.Array(EventType) }), ...errorResponses } },
  }, async () => ({ data: EVENT_CATALOGUE.map(({ type, resource_type, description }) => ({ type, resource_type, description })) }));
  app.get('/webhooks', {
    config,
    schema: { tags, summary: 'List webhook endpoints, newest first', querystring: Type.Object(ListQuery, { additionalProperties: false }), response: { 200: ListOf(WebhookEndpoint), ...errorResponses } },
  }, async (request) => {
    const page = await listWebhookEndpoints(db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.post('/webhooks', {
    config,
    schema: { tags, summary: 'Create an endpoint; the answer shows its signing secret', body: WebhookEndpointInput, response: { 201: WebhookEndpointWithSecret, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createWebhookEndpoint(db, request.body, policy)));
  app.get('/webhooks/:id', {
    config,
    schema: { tags, summary: 'One endpoint', params: EndpointParams, response: { 200: WebhookEndpoint, ...errorResponses } },
  }, async (request) => getWebhookEndpointOrThrow(db, request.params.id));
  app.post('/webhooks/:id', {
    config,
    schema: { tags, summary: 'Update an endpoint (enabled: true turns a disabled one back on)', params: EndpointParams, body: WebhookEndpointUpdate, response: { 200: WebhookEndpoint, ...errorResponses } },
  }, async (request) => updateWebhookEndpoint(db, request.params.id, request.body, policy));
  app.delete('/webhooks/:id', {
    config,
    schema: { tags, summary: 'Delete an endpoint with its deliveries', params: EndpointParams, response: { 200: Deleted, ...errorResponses } },
  }, async (request) => {
    await deleteWebhookEndpoint(db, request.params.id);
    return { id: request.params.id, object: 'webhook_endpoint' as const, deleted: true as const };
  });
  app.get('/webhooks/:id/secret', {
    config,
    schema: { tags, summary: 'The endpoint\'s signing secret', params: EndpointParams, response: { 200: WebhookSecret, ...errorResponses } },
  }, async (request) => ({ secret: await revealWebhookSecret(db, request.params.id) }));
  app.post('/webhooks/:id/rotate-secret', {
    config,
    schema: { tags, summary: 'Replace the signing secret (the answer shows the new one)', params: EndpointParams, response: { 200: WebhookEndpointWithSecret, ...errorResponses } },
  }, async (request) => rotateWebhookSecret(db, request.params.id));

  app.get('/webhooks/:id/deliveries', {
    config,
    schema: {
      tags, summary: 'The endpoint\'s deliveries, newest first', params: EndpointParams,
      querystring: Type.Object({
        ...ListQuery,
        status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')])),
        event_type: Type.Optional(Type.String({ maxLength: 100 })),
      }, { additionalProperties: false }),
      response: { 200: ListOf(WebhookDelivery), ...errorResponses },
    },
  }, async (request) => {
    const { limit, cursor, status, event_type } = request.query;
    const page = await listDeliveries(db, request.params.id, { limit, after: decodeCursor(cursor), status, event_type });
    return { data: page.data, next_cursor: encodeCursor(page.next) };
  });
  app.get('/webhooks/:id/deliveries/:delivery_id', {
    config,
    schema: { tags, summary: 'One delivery: its event and every attempt (status, duration, response)', params: DeliveryParams, response: { 200: WebhookDeliveryDetail, ...errorResponses } },
  }, async (request) => getDeliveryOrThrow(db, request.params.id, request.params.delivery_id));
  app.post('/webhooks/:id/deliveries/:delivery_id/redeliver', {
    config,
    schema: { tags, summary: 'Send the delivery\'s event again (a new delivery, sent at once)', params: DeliveryParams, response: { 202: WebhookDelivery, ...errorResponses } },
  }, async (request, reply) => reply.code(202).send(await redeliver(db, request.params.id, request.params.delivery_id, settings.webhookMaxAgeHours)));
};
