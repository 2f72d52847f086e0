import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Metadata } from '../../shapes.ts';

/** The API shapes of webhook endpoints and deliveries. */

const EventFilter = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1, maxItems: 100, uniqueItems: true,
  description: 'event types (order.placed), per resource (order.*) or * for all; docs/events.md lists them',
});
const Url = Type.String({ minLength: 1, maxLength: 2000, description: 'https URL (http allowed outside production); must reach a public address' });
const Description = Type.String({ maxLength: 500 });

export const WebhookEndpointInput = Type.Object({
  url: Url,
  events: EventFilter,
  description: Type.Optional(Type.Union([Description, Type.Null()])),
  enabled: Type.Optional(Type.Boolean()),
  metadata: Type.Optional(Metadata),
}, { additionalProperties: false });
export type WebhookEndpointInput = Static<typeof WebhookEndpointInput>;

export const WebhookEndpointUpdate = Type.Partial(WebhookEndpointInput, { additionalProperties: false, minProperties: 1 });
export type WebhookEndpointUpdate = Static<typeof WebhookEndpointUpdate>;

export const WebhookEndpoint = Type.Object({
  id: Type.String(),
  object: Type.Literal('webhook_endpoint'),
  url: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  events: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabled_reason: Type.Union([Type.String(), Type.Null()], { description: 'failing: disabled by Cartwright after a delivery used up its retries; manual: by staff' }),
  disabled_at: Type.Union([DateTime, Type.Null()]),
  last_success_at: Type.Union([DateTime, Type.Null()]),
  last_failure_at: Type.Union([DateTime, Type.Null()]),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  created_at: DateTime,
  updated_at: DateTime,
});

export const WebhookEndpointWithSecret = Type.Intersect([WebhookEndpoint, Type.Object({
  secret: Type.String({ description: 'the signing secret (whsec_…): verify each delivery with it (docs/webhooks.md)' }),
})]);

export const WebhookSecret = Type.Object({ secret: Type.String() });

export const WebhookDelivery = Type.Object({
  id: Type.String(),
  object: Type.Literal('webhook_delivery'),
  endpoint_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  resource_type: Type.String(),
  resource_id: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')], { description: 'failed: retries used up (dead-lettered); redeliver to try again' }),
  attempts: Type.Integer(),
  next_attempt_at: Type.Union([DateTime, Type.Null()], { description: 'when pending: the next attempt' }),
  last_status_code: Type.Union([Type.Integer(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  delivered_at: Type.Union([DateTime, Type.Null()]),
  expires_at: DateTime,
  redelivery_of: Type.Union([Type.String(), Type.Null()]),
  created_at: DateTime,
});

export const WebhookAttempt = Type.Object({
  attempt: Type.Integer(),
  status_code: Type.Union([Type.Integer(), Type.Null()], { description: 'null when no HTTP answer came (timeout, refused, blocked address)' }),
  duration_ms: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  response_snippet: Type.Union([Type.String(), Type.Null()], { description: 'the first 1 KB of the response body' }),
  created_at: DateTime,
});

export const EventEnvelope = Type.Object({
  id: Type.String(),
  object: Type.Literal('event'),
  type: Type.String(),
  created_at: Type.String(),
  resource_type: Type.String(),
  resource_id: Type.String(),
  version: Type.Integer({ description: 'the version of `data` for this event type (docs/events.md)' }),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const WebhookDeliveryDetail = Type.Intersect([WebhookDelivery, Type.Object({
  event: EventEnvelope,
  log: Type.Array(WebhookAttempt, { description: 'every attempt, oldest first' }),
})]);

export const EventType = Type.Object({ type: Type.String(), resource_type: Type.String(), description: Type.String() });
