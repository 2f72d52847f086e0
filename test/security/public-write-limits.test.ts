import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BODY_DEPTH, MAX_OBJECT_KEYS } from '../../src/http/body-limits.ts';
import { signUp, type SignedUp } from '../helpers/customers.ts';
import { ADDRESS_US, CARDS } from '../helpers/selling.ts';
import { startTestShop, type Response, type TestShop } from '../helpers/test-shop.ts';

/**
 * Every public write route (each POST, PATCH and DELETE under /store in the OpenAPI document) against
 * bodies built to hurt: nesting 5,000 and 20,000 levels deep (which overflowed the stack of the body
 * walk: a 500), objects with thousands of keys, and a 100,000-character string in each of its text
 * fields. Each is a 400 `invalid_request` naming the field and the limit, and nothing in the database
 * changes. A route added to the Store API without a valid body here fails the test.
 */
let shop: TestShop;
let customer: SignedUp;
beforeAll(async () => {
  shop = await startTestShop();
  customer = await signUp(shop);
});
afterAll(async () => shop?.close());

const CART = 'cart_01BADINPUT';
const LINE = 'cali_01BADINPUT';
const ORDER = 'ord_01BADINPUT';
const ADDRESS = 'caddr_01BADINPUT';

/** A body each route would accept, and the path it is sent to. `null`: the route takes no body. */
const ROUTES: Record<string, { url: string; body: Record<string, unknown> | null }> = {
  'POST /store/carts': { url: '/store/carts', body: { email: 'buyer@example.com' } },
  'POST /store/carts/{id}': { url: `/store/carts/${CART}`, body: { email: 'buyer@example.com', shipping_address: { ...ADDRESS_US, company: 'Acme', address_2: 'Suite 1', province: 'NJ', phone: '+1 555 0100' }, billing_address: ADDRESS_US } },
  'POST /store/carts/{id}/line-items': { url: `/store/carts/${CART}/line-items`, body: { variant_id: 'var_01BADINPUT', quantity: 1 } },
  'PATCH /store/carts/{id}/line-items/{line_id}': { url: `/store/carts/${CART}/line-items/${LINE}`, body: { quantity: 2 } },
  'DELETE /store/carts/{id}/line-items/{line_id}': { url: `/store/carts/${CART}/line-items/${LINE}`, body: null },
  'POST /store/carts/{id}/shipping-method': { url: `/store/carts/${CART}/shipping-method`, body: { option_id: 'so_01BADINPUT' } },
  'POST /store/carts/{id}/payment': { url: `/store/carts/${CART}/payment`, body: { provider_id: 'test_card', data: { card_number: CARDS.ok } } },
  'POST /store/carts/{id}/complete': { url: `/store/carts/${CART}/complete`, body: null },
  'POST /store/carts/{id}/promotions': { url: `/store/carts/${CART}/promotions`, body: { code: 'SAVE10' } },
  'DELETE /store/carts/{id}/promotions/{code}': { url: `/store/carts/${CART}/promotions/SAVE10`, body: null },
  'POST /store/carts/{id}/gift-cards': { url: `/store/carts/${CART}/gift-cards`, body: { code: 'ABCD-EFGH-JKLM-NPQR' } },
  'DELETE /store/carts/{id}/gift-cards/{code}': { url: `/store/carts/${CART}/gift-cards/NPQR`, body: null },
  'POST /store/carts/{id}/store-credit': { url: `/store/carts/${CART}/store-credit`, body: { amount: 100 } },
  'DELETE /store/carts/{id}/store-credit': { url: `/store/carts/${CART}/store-credit`, body: null },
  'POST /store/orders/{id}/returns': { url: `/store/orders/${ORDER}/returns`, body: { lines: [{ line_item_id: 'ordli_01BADINPUT', quantity: 1, reason: 'too small' }], note: 'Thanks' } },
  'POST /store/customers': { url: '/store/customers', body: { email: 'new@example.com', password: 'a long passphrase', first_name: 'Ada', last_name: 'Lovelace', phone: '+1 555 0100' } },
  'POST /store/auth/login': { url: '/store/auth/login', body: { email: 'new@example.com', password: 'a long passphrase' } },
  'POST /store/auth/logout': { url: '/store/auth/logout', body: null },
  'POST /store/auth/logout-all': { url: '/store/auth/logout-all', body: null },
  'POST /store/auth/password-reset': { url: '/store/auth/password-reset', body: { email: 'new@example.com' } },
  'POST /store/auth/password-reset/confirm': { url: '/store/auth/password-reset/confirm', body: { token: 'pwr_0123456789abcdef', password: 'a new passphrase' } },
  'POST /store/auth/verify-email': { url: '/store/auth/verify-email', body: null },
  'POST /store/auth/verify-email/confirm': { url: '/store/auth/verify-email/confirm', body: { token: 'evr_0123456789abcdef' } },
  'PATCH /store/customers/me': { url: '/store/customers/me', body: { first_name: 'Ada', last_name: 'Byron', phone: '+1 555 0100' } },
  'POST /store/customers/me/marketing-consent': { url: '/store/customers/me/marketing-consent', body: { email: true, sms: false, source: 'storefront' } },
  'POST /store/customers/me/product-views': { url: '/store/customers/me/product-views', body: { product_id: 'prod_01BADINPUT0000000000000000' } },
  'POST /store/customers/me/addresses': { url: '/store/customers/me/addresses', body: { address: { ...ADDRESS_US, company: 'Acme', address_2: 'Suite 1', province: 'NJ', phone: '+1 555 0100' } } },
  'PATCH /store/customers/me/addresses/{address_id}': { url: `/store/customers/me/addresses/${ADDRESS}`, body: { address: ADDRESS_US } },
  'DELETE /store/customers/me/addresses/{address_id}': { url: `/store/customers/me/addresses/${ADDRESS}`, body: null },
  'POST /store/assistant': { url: '/store/assistant', body: { message: 'a warm jacket under 100 euros in M', conversation_id: 'asst_01BADINPUT', cart_id: CART, currency_code: 'EUR' } },
};
/** Takes the gateway's bytes as they came (its signature covers them): never parsed, so refused as unsigned. */
const RAW_BODY_ROUTES: Record<string, string> = {
  'POST /store/webhooks/payments/{provider}': '/store/webhooks/payments/test_card',
  'POST /store/webhooks/carriers/{carrier}': '/store/webhooks/carriers/test_carrier',
};

/** The Store API's write operations, as the OpenAPI document lists them, with their JSON body schemas. */
function publicWriteRoutes(): { key: string; schema: Schema | null }[] {
  const doc = shop.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } };
  components = doc.components?.schemas ?? {};
  return Object.entries(doc.paths).filter(([path]) => path.startsWith('/store/')).flatMap(([path, operations]) =>
    Object.entries(operations).filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, schema: op.requestBody?.content?.['application/json']?.schema ?? null })));
}

/** The document's shared shapes, which `$ref`s point into (`#/components/schemas/Name`). */
let components: Record<string, Schema> = {};

function resolved(schema: Schema): Schema {
  return schema.$ref ? resolved(components[schema.$ref.replace('#/components/schemas/', '')]) : schema;
}

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
}

/** Every free-text field a body reaches (strings, not enums), with its dotted path in the body and its schema. */
function textFields(given: Schema, value: unknown, path: (string | number)[] = []): { path: (string | number)[]; schema: Schema }[] {
  const schema = resolved(given);
  const variants = (schema.anyOf ?? [schema]).map(resolved);
  const text = variants.find((s) => s.type === 'string' && s.enum === undefined && s.const === undefined);
  if (text) return [{ path, schema: text }];
  const object = variants.find((s) => s.type === 'object' && s.properties);
  if (object && value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(object.properties!).filter(([name]) => name in value).flatMap(([name, field]) => textFields(field, (value as Record<string, unknown>)[name], [...path, name]));
  }
  const array = variants.find((s) => s.type === 'array' && s.items);
  if (array && Array.isArray(value) && value.length > 0) return textFields(array.items!, value[0], [...path, 0]);
  return [];
}

function fieldName(path: (string | number)[]): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : `${name}.${part}`), 'body');
}

function withValue(body: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let at: any = copy;
  for (const part of path.slice(0, -1)) at = at[part];
  at[path[path.length - 1]] = value;
  return copy;
}

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const wide = (keys: number) => `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}`;

async function send(method: string, url: string, raw: string): Promise<Response> {
  return shop.request(method, url, { body: raw, token: customer.token, headers: { 'content-type': 'application/json' } });
}

/** Every row of every table: what the refused requests must leave exactly as it was. */
async function everyRow(): Promise<Record<string, unknown[]>> {
  const tables = (await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(shop.db)).rows;
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of tables) out[table_name] = (await sql`select * from ${sql.table(table_name)} order by 1`.execute(shop.db)).rows;
  return out;
}

describe('every public write route', () => {
  test('each one is listed here with a body it would accept (a new route must be added)', () => {
    const found = publicWriteRoutes().map((r) => r.key).sort();
    expect(found).toEqual([...Object.keys(ROUTES), ...Object.keys(RAW_BODY_ROUTES)].sort());
    expect(found.length).toBe(32);
  });

  test(`nesting 5,000 and 20,000 levels deep, or just past ${MAX_BODY_DEPTH}: 400 invalid_request naming max_depth, nothing written`, async () => {
    const before = await everyRow();
    for (const { key, schema } of publicWriteRoutes()) {
      const [method] = key.split(' ');
      const field = Object.keys((schema && resolved(schema).properties) ?? {})[0] ?? 'anything';
      for (const levels of [5_000, 20_000, MAX_BODY_DEPTH + 1]) {
        for (const [raw, where] of [[`{"${field}":${nested(levels)}}`, `body.${field}`], [nested(levels), 'body[0]']] as const) {
          if (key in RAW_BODY_ROUTES) {
            const res = await send(method, RAW_BODY_ROUTES[key], raw);
            expect([key, res.status, res.body.error.code]).toEqual([key, 400, 'invalid_webhook_signature']);
            continue;
          }
          const res = await send(method, ROUTES[key].url, raw);
          expect([key, levels, res.status, res.body.error?.code], res.text.slice(0, 300)).toEqual([key, levels, 400, 'invalid_request']);
          expect(res.body.error.details, key).toEqual({ field: where, rule: 'max_depth', limit: 'max_depth', max: MAX_BODY_DEPTH });
          expect(res.body.error.message).toBe(`${where} nests deeper than ${MAX_BODY_DEPTH} levels: a JSON body may nest at most ${MAX_BODY_DEPTH} levels.`);
        }
      }
    }
    expect(await everyRow()).toEqual(before);
  });

  test(`objects wider than ${MAX_OBJECT_KEYS} keys, at the top or in a field: 400 invalid_request naming max_keys, nothing written`, async () => {
    const before = await everyRow();
    for (const { key, schema } of publicWriteRoutes()) {
      const [method] = key.split(' ');
      const field = Object.keys((schema && resolved(schema).properties) ?? {})[0] ?? 'anything';
      for (const [raw, where] of [[wide(5_000), 'body'], [`{"${field}":${wide(MAX_OBJECT_KEYS + 1)}}`, `body.${field}`], [`{"${field}":[${wide(20_000)}]}`, `body.${field}`]] as const) {
        if (key in RAW_BODY_ROUTES) {
          const res = await send(method, RAW_BODY_ROUTES[key], raw);
          expect([key, res.status, res.body.error.code]).toEqual([key, 400, 'invalid_webhook_signature']);
          continue;
        }
        const res = await send(method, ROUTES[key].url, raw);
        expect([key, res.status, res.body.error?.code], res.text.slice(0, 300)).toEqual([key, 400, 'invalid_request']);
        expect(res.body.error.details, key).toEqual({ field: where, rule: 'max_keys', limit: 'max_keys', max: MAX_OBJECT_KEYS });
      }
    }
    expect(await everyRow()).toEqual(before);
  });

  test('a 100,000-character string in each text field: 400 invalid_request naming the field, nothing written', async () => {
    const before = await everyRow();
    const long = 'x'.repeat(100_000);
    let tried = 0;
    for (const { key, schema } of publicWriteRoutes()) {
      if (key in RAW_BODY_ROUTES) {
        const res = await send(key.split(' ')[0], RAW_BODY_ROUTES[key], JSON.stringify({ id: long, type: long }));
        expect([key, res.status, res.body.error.code]).toEqual([key, 400, 'invalid_webhook_signature']);
        continue;
      }
      const { url, body } = ROUTES[key];
      if (!body) {
        expect(schema, `${key} takes no body`).toBeNull();
        continue;
      }
      for (const { path, schema: field } of textFields(schema!, body)) {
        const name = fieldName(path);
        // Every free-text field of a public route has a length limit (or a pattern that bounds it).
        expect(field.maxLength ?? field.pattern, `${key} ${name} has no maxLength`).toBeDefined();
        const res = await send(key.split(' ')[0], url, JSON.stringify(withValue(body, path, long)));
        expect([key, name, res.status, res.body.error?.code, res.body.error?.details?.field], res.text.slice(0, 300)).toEqual([key, name, 400, 'invalid_request', name]);
        expect(res.body.error.details.rule, `${key} ${name}`).toBe(field.maxLength !== undefined ? 'maxLength' : 'pattern');
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(40);
    expect(await everyRow()).toEqual(before);
  });
});
