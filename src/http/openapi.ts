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
import { Carrier, Label as ShippingLabel } from '../modules/shipments/shapes.ts';
import { ConsentInput, MarketingConsent, Segment, SegmentInput } from '../modules/marketing/shapes.ts';
import { Job } from '../modules/jobs/shapes.ts';
import { LedgerHead, SignedBlock } from '../modules/ledger/shapes.ts';
import { Promotion, PromotionInput } from '../modules/promotions/shapes.ts';
import { Lot, Margin, PurchaseOrder, PurchaseOrderLine, Supplier } from '../modules/purchasing/shapes.ts';
import { TaxRate } from '../modules/tax/shapes.ts';
import { StaffUser } from '../modules/users/shapes.ts';
import { WebhookDelivery, WebhookEndpoint } from '../modules/webhooks/shapes.ts';
import { CountryCode, CurrencyCode, Metadata, Name } from '../shapes.ts';
import { errorTable, type ErrorCode } from '../errors.ts';
import { routeErrors } from './route-errors.ts';
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
  Region, StoreRegion, TaxRate, ShippingOption, ShippingLabel, Carrier, MarketingConsent, ConsentInput, Segment, SegmentInput,
  Location, Level, InventoryItem, Movement,
  WebhookEndpoint, WebhookDelivery,
  Promotion, PromotionInput,
  Supplier, PurchaseOrder, PurchaseOrderLine, Lot, Margin,
  SignedBlock, LedgerHead,
  CurrencyCode, CountryCode, Name, Metadata, Deleted, StaffUser, Job,
};

/** The failures any operation can meet (the range `5XX`), apart from a gateway's own (502, 504). */
const serverErrors = new Set<string>(['internal_error', 'database_unavailable']);

/**
 * The codes any operation of its kind can answer, whatever it does: the framework's own (bad input,
 * body limits, sign-in, permissions, a failure, the database down). Route-specific codes come from
 * route-errors.ts.
 */
function generalErrors(method: string, op: Json, defaultSecurity: unknown): ErrorCode[] {
  const codes: ErrorCode[] = ['internal_error', 'database_unavailable'];
  if (op.requestBody) codes.push('invalid_request', 'invalid_json', 'payload_too_large', 'unsupported_media_type');
  else if ((op.parameters as unknown[] | undefined)?.length) codes.push('invalid_request');
  // An operation without security of its own has the document's (the Admin API's).
  const schemes = ((op.security ?? defaultSecurity ?? []) as Json[]).flatMap((scheme) => Object.keys(scheme));
  if (schemes.includes('bearer')) codes.push('unauthorized', 'forbidden', 'too_many_attempts', ...(method === 'get' ? [] : ['csrf_failed' as const]));
  if (schemes.includes('customerBearer')) codes.push('customer_unauthorized');
  if ((op.responses as Json | undefined)?.['429']) codes.push('too_many_attempts');
  return codes;
}

/** `/store/carts/{id}` as the route table writes it: `/store/carts/:id`. */
const routePath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * The operation's error responses: one per status it can answer, each naming its codes (in the
 * description, and as the `code` enum so typed clients know them). Alike responses are one component,
 * named by status: `404`, `404-2`…
 */
function errorReplies(method: string, path: string, op: Json, responses: Json, defaultSecurity: unknown): Json {
  const codes = new Set<string>([...generalErrors(method, op, defaultSecurity), ...(routeErrors[`${method.toUpperCase()} ${routePath(path)}`] ?? [])]);
  const byStatus = new Map<string, string[]>();
  for (const code of [...codes].sort()) {
    const status = serverErrors.has(code) ? '5XX' : String(errorTable[code as ErrorCode]?.[0] ?? '');
    if (!status) continue;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries([...byStatus].sort(([a], [b]) => a.localeCompare(b)).map(([status, list]) => {
    // The shape, narrowed to these codes (allOf, not $ref siblings, which openapi-typescript ignores).
    const narrowed = { properties: { error: { properties: { code: { enum: list } } } } };
    const reply = { description: list.join(', '), content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/ErrorResponse' }, narrowed] } } } };
    return [status, { $ref: `#/components/responses/${shared(responses, status, reply)}` }];
  }));
}

/** The name `value` has in `components` (`base`, `base-2`…), adding it under a free one if it is new. */
function shared(components: Json, base: string, value: unknown): string {
  const json = JSON.stringify(value);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!(name in components)) {
      components[name] = value;
      return name;
    }
    if (JSON.stringify(components[name]) === json) return name;
  }
}

/**
 * A success answering a named shape as is (`Product`, `Cart`) is a shared response of that name; the
 * others say their status (rather than @fastify/swagger's "Default Response").
 */
function successReply(status: string, reply: Json, responses: Json): Json {
  const described = reply.description === 'Default Response' ? { ...reply, description: STATUS_CODES[Number(status)] ?? 'Success' } : reply;
  const ref = (((described.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined)?.$ref;
  if (typeof ref !== 'string' || Object.keys(described).length !== 2) return described;
  return { $ref: `#/components/responses/${shared(responses, ref.replace('#/components/schemas/', ''), described)}` };
}

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
      // The route's own error statuses serialize its errors; the document says which it really answers.
      // (Errors are JSON even where the success is not, a CSV export: any content type's error schema counts.)
      const successes = Object.entries((op.responses ?? {}) as Json).filter(([, reply]) =>
        JSON.stringify((Object.values(((reply as Json).content ?? {}) as Json)[0] as Json | undefined)?.schema) !== errorSchema);
      const hoisted = hoist({ ...op, responses: Object.fromEntries(successes) }, byJson, schemas) as Json;
      const replies = Object.fromEntries(Object.entries(hoisted.responses as Json).map(([status, reply]) => [status, successReply(status, reply as Json, responses)]));
      return [method, { ...hoisted, responses: { ...replies, ...errorReplies(method, path, op, responses, document.security) } }];
    }))]));
  const parameters: Json = {};
  const compact = { ...document, paths: shareParameters(paths, parameters), components: { ...components, schemas, responses, parameters } };
  return nullableAsTypeArray(compact) as Json;
}

/** Keywords that constrain a value whatever its type: a null beside them would be refused. */
const TYPE_BLIND = ['enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not', '$ref'];

/**
 * Two of TypeBox's unions written the short JSON Schema 2020-12 way, for the same values in a third of
 * the bytes (there are hundreds of them): a union of literals as one `enum`, and
 * `anyOf: [{ type: T, … }, { type: 'null' }]` (nullable) as `type: [T, 'null']` — left as it is when
 * the other branch has no single type or a keyword that would refuse null.
 */
function nullableAsTypeArray(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsTypeArray);
  if (node === null || typeof node !== 'object') return node;
  const { anyOf, ...rest } = node as Json;
  const literal = (branch: unknown) => {
    const { type, enum: values, ...more } = branch as Json;
    return typeof type === 'string' && Array.isArray(values) && values.length === 1 && Object.keys(more).length === 0 ? type : undefined;
  };
  // TypeBox's union of literals, as one enum.
  if (Array.isArray(anyOf) && anyOf.length > 1 && anyOf.every((b) => literal(b) !== undefined && literal(b) === literal(anyOf[0])) && !('type' in rest) && !('enum' in rest)) {
    return { ...rest, type: literal(anyOf[0]), enum: anyOf.flatMap((b) => (b as Json).enum as unknown[]) };
  }
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullAt = anyOf.findIndex((branch) => JSON.stringify(branch) === '{"type":"null"}');
    const other = anyOf[1 - nullAt] as Json | undefined;
    if (nullAt >= 0 && other && typeof other.type === 'string' && !TYPE_BLIND.some((k) => k in other) && !Object.keys(rest).some((k) => k in other && k !== 'description')) {
      return nullableAsTypeArray({ ...other, ...rest, type: [other.type, 'null'] });
    }
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, nullableAsTypeArray(value)]));
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
