import { STATUS_CODES } from 'node:http';
import type { TSchema } from '@sinclair/typebox';
import { Address, AddressInput, Cart, CartLine } from '../modules/cart/shapes.ts';
import { Category, Collection, Option, Price, PriceInput, Product, ProductInput, Variant, VariantInput } from '../modules/catalog/shapes.ts';
import { AddressBookEntry, Customer, CustomerDetail } from '../modules/customers/shapes.ts';
import { InventoryItem, Level, Location, Movement } from '../modules/inventory/shapes.ts';
import {
  DraftOrder, Fulfillment, MoneySummary, OrderDetail, OrderEdit, OrderListItem, Refund, Return, TimelineEntry,
} from '../modules/orders/admin-shapes.ts';
import { Order, OrderLine, PlacedOrder } from '../modules/orders/shapes.ts';
import { Region, StoreRegion } from '../modules/regions/shapes.ts';
import { ShippingOption } from '../modules/shipping/shapes.ts';
import { Job } from '../modules/jobs/shapes.ts';
import { Promotion, PromotionInput } from '../modules/promotions/shapes.ts';
import { TaxRate } from '../modules/tax/shapes.ts';
import { StaffUser } from '../modules/users/shapes.ts';
import { WebhookDelivery, WebhookEndpoint } from '../modules/webhooks/shapes.ts';
import { CountryCode, CurrencyCode, Metadata, Name } from '../shapes.ts';
import { Deleted } from './schemas.ts';

/**
 * The shape of the served OpenAPI document. Routes declare their schemas inline (one TypeBox
 * definition validates, serializes and documents), so the generated document repeats every shared
 * shape in every operation; here the shared shapes become named `components.schemas` referenced by
 * `$ref`, and the error responses named `components.responses`. The names are the shapes' own.
 */
const namedShapes: Record<string, TSchema> = {
  Price, Option, Variant, Product, Collection, Category, PriceInput, VariantInput, ProductInput,
  Address, AddressInput, CartLine, Cart,
  OrderLine, Order, PlacedOrder, OrderListItem, OrderDetail, MoneySummary, Fulfillment, Return, Refund, OrderEdit, TimelineEntry, DraftOrder,
  Customer, CustomerDetail, AddressBookEntry,
  Region, StoreRegion, TaxRate, ShippingOption,
  Location, Level, InventoryItem, Movement,
  WebhookEndpoint, WebhookDelivery,
  Promotion, PromotionInput,
  CurrencyCode, CountryCode, Name, Metadata, Deleted, StaffUser, Job,
};

/** The error responses every route may give, by status: their component names and descriptions. */
const errorResponses: Record<string, [string, string]> = {
  400: ['BadRequest', 'Bad input: details.field names it'],
  401: ['Unauthorized', 'Not signed in, or the token is not live'],
  402: ['PaymentRequired', 'The payment was declined or failed'],
  403: ['Forbidden', 'The role or API key does not allow this'],
  404: ['NotFound', 'No such resource (or not yours)'],
  409: ['Conflict', 'The request conflicts with the current state'],
  413: ['PayloadTooLarge', 'The body is too large'],
  415: ['UnsupportedMediaType', 'This content type is not accepted here'],
  429: ['TooManyRequests', 'Too many attempts; wait and try again'],
  500: ['InternalError', 'Something went wrong on our side'],
  502: ['BadGateway', 'The payment gateway failed'],
  504: ['GatewayTimeout', 'The payment gateway did not answer in time'],
  503: ['ServiceUnavailable', 'The database is not reachable'],
};

type Json = Record<string, unknown>;

/**
 * A shape as @fastify/swagger writes it into the document, so the shape can be recognized there: a
 * record's `patternProperties` becomes `additionalProperties`
 */
function asDocumented(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asDocumented);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key]) => key !== 'const').map(([key, value]) =>
    key === 'patternProperties' ? ['additionalProperties', asDocumented(Object.values(value as Json)[0])] : [key, asDocumented(value)]);
  // and a `const` becomes a one-value `enum`
  return Object.fromEntries('const' in node ? [...entries, ['enum', [(node as Json).const]]] : entries);
}

/** Replaces each subschema equal to a named shape by a `$ref`, collecting the shapes in `components`. */
function hoist(node: unknown, byJson: Map<string, string>, components: Json): unknown {
  if (Array.isArray(node)) return node.map((item) => hoist(item, byJson, components));
  if (node === null || typeof node !== 'object') return node;
  const name = byJson.get(JSON.stringify(node));
  if (name) {
    if (!(name in components)) {
      components[name] = {}; // claimed first, so a shape nested in itself ends in a $ref
      components[name] = hoistChildren(node as Json, byJson, components);
    }
    return { $ref: `#/components/schemas/${name}` };
  }
  return hoistChildren(node as Json, byJson, components);
}

function hoistChildren(node: Json, byJson: Map<string, string>, components: Json): Json {
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, hoist(value, byJson, components)]));
}

/** The document with shared shapes and error responses as components (@fastify/swagger's transformObject). */
export function compactOpenApi(document: Json): Json {
  const byJson = new Map(Object.entries(namedShapes).map(([name, schema]) => [JSON.stringify(asDocumented(schema)), name]));
  const components = (document.components ?? {}) as Json;
  const schemas: Json = { ...(components.schemas as Json | undefined) };
  const responses: Json = {};
  const errorSchema = JSON.stringify(schemas.ErrorResponse);
  const paths = Object.fromEntries(Object.entries(document.paths as Json).map(([path, item]) => [path,
    Object.fromEntries(Object.entries(item as Json).map(([method, operation]) => {
      const op = operation as Json;
      // An operation without a body never answers "too large" or "wrong content type".
      const bodyless = (status: string) => !op.requestBody && (status === '413' || status === '415');
      const replies = Object.fromEntries(Object.entries((op.responses ?? {}) as Json).filter(([status]) => !bodyless(status)).map(([status, reply]) => {
        const schema = ((reply as Json).content as Json | undefined)?.['application/json'] as Json | undefined;
        const known = errorResponses[status];
        if (known && schema && JSON.stringify(schema.schema) === errorSchema) {
          responses[known[0]] ??= { description: known[1], content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
          return [status, { $ref: `#/components/responses/${known[0]}` }];
        }
        // @fastify/swagger calls every success "Default Response": its status text says as much, shorter.
        const description = (reply as Json).description === 'Default Response' ? STATUS_CODES[Number(status)] : undefined;
        return [status, description ? { ...(reply as Json), description } : reply];
      }));
      return [method, hoist({ ...op, responses: replies }, byJson, schemas)];
    }))]));
  const parameters: Json = {};
  return { ...document, paths: shareParameters(paths, parameters), components: { ...components, schemas, responses, parameters } };
}

/**
 * Parameters that several operations declare alike (`limit`, an order's `id`) become named
 * `components.parameters`: `query-limit`, `path-id-ord` (the id's prefix), numbered when two differ.
 */
function shareParameters(paths: Json, parameters: Json): Json {
  const uses = new Map<string, number>();
  const each = (visit: (parameter: Json) => Json) => Object.fromEntries(Object.entries(paths).map(([path, item]) => [path,
    Object.fromEntries(Object.entries(item as Json).map(([method, operation]) => {
      const op = operation as Json;
      return [method, op.parameters ? { ...op, parameters: (op.parameters as Json[]).map(visit) } : op];
    }))]));
  each((parameter) => {
    const json = JSON.stringify(parameter);
    uses.set(json, (uses.get(json) ?? 0) + 1);
    return parameter;
  });
  const names = new Map<string, string>();
  return each((parameter) => {
    const json = JSON.stringify(parameter);
    if ((uses.get(json) ?? 0) < 2) return parameter;
    let name = names.get(json);
    if (!name) {
      const prefix = /^\^([a-z]+)_/.exec(String((parameter.schema as Json | undefined)?.pattern ?? ''))?.[1];
      const base = [parameter.in, parameter.name, prefix].filter(Boolean).join('-');
      name = base;
      for (let n = 2; name in parameters; n++) name = `${base}-${n}`;
      parameters[name] = parameter;
      names.set(json, name);
    }
    return { $ref: `#/components/parameters/${name}` };
  });
}
