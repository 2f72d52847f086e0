import fs from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../test/helpers/test-shop.ts';
import { errorTable } from '../errors.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop({ bodyLimitBytes: 4096 });
});
afterAll(async () => shop?.close());

describe('error shape', () => {
  test('an unknown route is a 404 route_not_found', async () => {
    const res = await shop.get('/store/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'route_not_found', message: 'No such route.', details: { method: 'GET', url: '/store/nothing-here' } } });
  });

  test('an unknown admin route asks for a token before saying it does not exist', async () => {
    expect((await shop.get('/admin/nothing-here', { token: null })).status).toBe(401);
    const res = await shop.get('/admin/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
  });

  test('a body over the limit is a 413 and creates nothing', async () => {
    const res = await shop.post('/admin/products', { title: 'Big', description: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect((await shop.get('/admin/products')).body.data).toEqual([]);
  });

  test('malformed JSON is a 400 invalid_json', async () => {
    const res = await shop.request('POST', '/admin/products', { body: '{"title": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  test('a validation error names the field and the rule', async () => {
    const res = await shop.post('/admin/products', { title: 'Shirt', variants: [{ prices: [{ currency_code: 'USD', amount: -1 }] }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'invalid_request',
      message: 'body.variants[0].prices[0].amount must be >= 0',
      details: { field: 'body.variants[0].prices[0].amount', rule: 'minimum' },
    });
  });

  test('a missing field and an unknown field are named', async () => {
    const missing = await shop.post('/admin/products', { handle: 'no-title' });
    expect(missing.body.error.details).toEqual({ field: 'body.title', rule: 'required' });
    const unknown = await shop.post('/admin/products', { title: 'T', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual({ field: 'body.colour', rule: 'additionalProperties' });
  });

  test('a wrong content type is a 415', async () => {
    const res = await shop.request('POST', '/admin/products', { body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });
});

describe('request ids', () => {
  test('every response carries a request id, generated or the caller’s own', async () => {
    const generated = await shop.get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^req_[\w-]{8}[0-9a-z]+$/);
    expect((await shop.get('/health')).headers['x-request-id']).not.toBe(generated.headers['x-request-id']);
    const given = await shop.get('/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const hostile = await shop.get('/health', { headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(hostile.headers['x-request-id']).toMatch(/^req_/);
  });
});

describe('health', () => {
  test('/health and /ready answer', async () => {
    expect((await shop.get('/health')).body).toEqual({ status: 'ok' });
    expect((await shop.get('/ready')).body).toEqual({ status: 'ready' });
  });
});

/** The routes that need a signed-in customer, as the OpenAPI document must declare them. */
const CUSTOMER_ROUTES = [
  'delete /store/customers/me/addresses/{address_id}', 'get /store/customers/me', 'get /store/customers/me/addresses', 'get /store/customers/me/recommendations', 'get /store/orders',
  'patch /store/customers/me', 'patch /store/customers/me/addresses/{address_id}', 'post /store/auth/logout', 'post /store/auth/logout-all',
  'post /store/auth/verify-email', 'post /store/customers/me/addresses',
];

describe('OpenAPI', () => {
  test('/openapi.json is OpenAPI 3.1 and every operation declares its responses and inputs', async () => {
    const res = await shop.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const operations = Object.entries(res.body.paths as Record<string, Record<string, any>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(30);
    for (const { path, method, op } of operations) {
      const success = Object.keys(op.responses ?? {}).filter((code) => code.startsWith('2'));
      expect(success.length, `${method} ${path} declares a success response`).toBeGreaterThan(0);
      expect(op.summary ?? op.description, `${method} ${path} has a summary`).toBeTruthy();
      const parameter = (p: any) => (p.$ref ? res.body.components.parameters[p.$ref.replace('#/components/parameters/', '')] : p);
      if (path.includes('{')) expect(op.parameters?.some((p: any) => parameter(p).in === 'path'), `${method} ${path} declares its path params`).toBe(true);
      // Actions that take no input: sign-outs, state changes named by their path, resends.
      if (method === 'post' && !/\/(logout|logout-all|verify-email|publish|archive|unpublish|complete|anonymize|revoke|deliver|cancel|redeliver|run|rotate-secret)$/.test(path)) {
        expect(op.requestBody, `${method} ${path} declares its body`).toBeTruthy();
      }
      const isAdmin = path.startsWith('/admin') && path !== '/admin/auth/login';
      const isCustomer = CUSTOMER_ROUTES.includes(`${method} ${path}`);
      // An operation's own security, else the document's (the Admin API's).
      expect(op.security ?? res.body.security, `${method} ${path} security`).toEqual(
        isAdmin ? [{ bearer: [] }, { apiKey: [] }] : isCustomer ? [{ customerBearer: [] }, { customerCookie: [] }] : []);
      if (isAdmin) expect(op.security, `${method} ${path} takes the document's security`).toBeUndefined();
    }
    expect(operations.filter(({ op }) => op.security?.[0]?.customerBearer).map(({ method, path }) => `${method} ${path}`).sort()).toEqual(CUSTOMER_ROUTES);
  });

  test('/openapi.json stays small: shared shapes are named components referenced by $ref', async () => {
    const res = await shop.get('/openapi.json');
    // 804 KB before shared shapes became components; the limit keeps new routes from inlining them again.
    expect(res.text.length).toBeLessThanOrEqual(250_000);
    const { schemas, responses } = res.body.components;
    for (const name of ['ErrorResponse', 'Price', 'Address', 'Product', 'Variant', 'Cart', 'Order', 'OrderDetail', 'Region', 'StoreRegion']) {
      expect(schemas[name], name).toBeTypeOf('object');
    }
    // A shape is written once: Product's properties appear only in its component.
    expect(res.text.split('"required":["id","handle","title","description","status","tags"').length - 1).toBe(1);
    expect(res.body.paths['/store/products/{id_or_handle}'].get.responses).toEqual({
      200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Product' } } } },
      400: { $ref: '#/components/responses/BadRequest' }, 401: { $ref: '#/components/responses/Unauthorized' },
      404: { $ref: '#/components/responses/NotFound' }, 409: { $ref: '#/components/responses/Conflict' },
      500: { $ref: '#/components/responses/InternalError' },
    });
    // A parameter many operations share is written once too.
    expect(res.body.paths['/store/products/{id_or_handle}'].get.parameters).toEqual([{ $ref: '#/components/parameters/path-id_or_handle' }]);
    expect(res.body.components.parameters['query-limit']).toMatchObject({ in: 'query', name: 'limit', schema: { type: 'integer', maximum: 100 } });
    expect(responses.NotFound).toEqual({ description: 'No such resource (or not yours)', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } });
  });

  test('/openapi.json is a valid OpenAPI 3.1 document, every $ref resolved (@seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate((await shop.get('/openapi.json')).body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('/docs serves the interactive reference from the package', async () => {
    const res = await shop.get('/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger');
    const asset = await shop.get('/docs/static/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
  });
});

test('docs/errors.md lists every error code with its status', () => {
  const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  for (const [code, [status]] of Object.entries(errorTable)) {
    expect(doc, `docs/errors.md lists ${code}`).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`));
  }
});

test('an unexpected failure is a 500 that reveals nothing inside', async () => {
  const broken = await startTestShop();
  await broken.database.close();
  const res = await broken.get('/admin/products', { token: null, headers: { authorization: `Bearer ${broken.adminToken}` } });
  expect(res.status).toBe(500);
  expect(res.body.error.code).toBe('internal_error');
  expect(Object.keys(res.body.error.details)).toEqual(['request_id']);
  expect(res.text).not.toMatch(/pglite|postgres|stack|at .*\.ts/i);
  expect((await broken.get('/ready')).status).toBe(503);
  await broken.app.close();
});
