import fs from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readErrorRecords, unlistedErrors } from '../../test/helpers/error-record.ts';
import { routeErrors } from './route-errors.ts';
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
  'delete /store/customers/me/addresses/{address_id}', 'get /store/customers/me', 'get /store/customers/me/addresses', 'get /store/customers/me/export', 'get /store/customers/me/marketing-consent', 'get /store/customers/me/recommendations', 'get /store/orders',
  'patch /store/customers/me', 'patch /store/customers/me/addresses/{address_id}', 'post /store/auth/logout', 'post /store/auth/logout-all',
  'post /store/auth/verify-email', 'post /store/customers/me/addresses', 'post /store/customers/me/marketing-consent', 'post /store/customers/me/product-views',
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
      if (method === 'post' && !/\/(logout|logout-all|verify-email|publish|archive|unpublish|complete|anonymize|revoke|deliver|cancel|redeliver|resend|run|rotate-secret)$/.test(path)) {
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
    // 804 KB for 160 operations before shared shapes became components, and 250 KB after (1,562 bytes
    // an operation); each operation's error codes add about 25 KB. The budget grows with the API, not
    // with shapes inlined again.
    const operations = Object.values<object>(res.body.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(res.text.length).toBeLessThanOrEqual(1_600 * operations);
    const { schemas, responses } = res.body.components;
    for (const name of ['ErrorResponse', 'Price', 'Address', 'Product', 'Variant', 'Cart', 'Order', 'OrderDetail', 'Region', 'StoreRegion']) {
      expect(schemas[name], name).toBeTypeOf('object');
    }
    // A shape is written once: Product's properties appear only in its component.
    expect(res.text.split('"required":["id","handle","title","description","status","tags"').length - 1).toBe(1);
    // A success answering a named shape is a shared response of that name.
    expect(res.body.paths['/store/products/{id_or_handle}'].get.responses[200]).toEqual({ $ref: '#/components/responses/Product' });
    expect(responses.Product).toEqual({ description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Product' } } } });
    // Alike error responses are one component: every admin list's 401 is the same.
    expect(res.body.paths['/admin/products'].get.responses[401]).toEqual(res.body.paths['/admin/orders'].get.responses[401]);
    // A parameter many operations share is written once too.
    expect(res.body.paths['/store/products/{id_or_handle}'].get.parameters).toEqual([{ $ref: '#/components/parameters/path-id_or_handle' }]);
    expect(res.body.components.parameters['query-limit']).toMatchObject({ in: 'query', name: 'limit', schema: { type: 'integer', maximum: 100 } });
    expect(Object.keys(responses).length).toBeGreaterThan(10);
  });

  test('each operation lists the error statuses it answers, each with its codes', async () => {
    const doc = (await shop.get('/openapi.json')).body;
    /** status → codes, read through the response components. */
    const errors = (path: string, method: string) => Object.fromEntries(Object.entries<any>(doc.paths[path][method].responses)
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, reply]) => {
        const component = doc.components.responses[reply.$ref.replace('#/components/responses/', '')];
        const schema = component.content['application/json'].schema;
        expect(schema.allOf[0]).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
        const codes = schema.allOf[1].properties.error.properties.code.enum;
        expect(component.description).toBe(codes.join(', '));
        return [status, codes];
      }));
    const server = ['database_unavailable', 'internal_error'];
    // A public read: bad input, not found, a failure. Nothing about sign-in, bodies or conflicts.
    expect(errors('/store/products/{id_or_handle}', 'get')).toEqual({ 400: ['invalid_request'], 404: ['product_not_found'], '5XX': server });
    // A public write adds the body's errors and what the tests saw it refuse.
    const addLine = errors('/store/carts/{id}/line-items', 'post');
    expect(addLine[400]).toEqual(expect.arrayContaining(['invalid_json', 'invalid_request', 'variant_not_for_sale']));
    expect(addLine[404]).toEqual(expect.arrayContaining(['cart_not_found']));
    expect(addLine[409]).toEqual(expect.arrayContaining(['cart_completed', 'insufficient_inventory']));
    expect(addLine[413]).toEqual(['payload_too_large']);
    expect(addLine[415]).toEqual(['unsupported_media_type']);
    expect(addLine[401]).toBeUndefined();
    // Checkout's gateway failures have statuses of their own.
    expect(errors('/store/carts/{id}/complete', 'post')).toMatchObject({ 402: ['payment_declined'], 502: ['payment_provider_error'], 504: ['payment_timeout'] });
    // Admin: sign-in, permissions and the API key's budget; a read never asks for a CSRF token.
    expect(errors('/admin/products', 'get')).toMatchObject({ 401: ['unauthorized'], 403: ['forbidden'], 429: ['too_many_attempts'] });
    expect(errors('/admin/products', 'post')[403]).toEqual(['csrf_failed', 'forbidden']);
    expect(errors('/admin/products', 'post')[409]).toEqual(expect.arrayContaining(['product_handle_taken']));
    expect(errors('/store/customers/me', 'get')[401]).toEqual(['customer_unauthorized']);
    // Every listed code is a real one, under its own status.
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const method of Object.keys(item)) {
        for (const [status, codes] of Object.entries(errors(path, method))) {
          for (const code of codes as string[]) {
            expect(code in errorTable, `${method} ${path}: ${code}`).toBe(true);
            const real = errorTable[code as keyof typeof errorTable][0];
            expect(status === '5XX' ? real >= 500 : Number(status) === real, `${method} ${path}: ${code} under ${status}`).toBe(true);
          }
        }
      }
    }
  });

  test('the tests record the codes each route answers, by route pattern (the source of those lists)', async () => {
    const directory = process.env.CARTWRIGHT_ERROR_RECORD!;
    expect(directory).toBeTruthy();
    await shop.get('/store/products/no-such-handle');
    await shop.post('/store/carts/cart_missing/line-items', { variant_id: 'var_x', quantity: 1 });
    const seen = readErrorRecords(directory);
    expect(seen.get('GET /store/products/:id_or_handle')?.has('product_not_found')).toBe(true);
    expect(seen.get('POST /store/carts/:id/line-items')?.has('cart_not_found')).toBe(true);
    // and each is listed, so the run's last check passes.
    expect(unlistedErrors(routeErrors, new Map([...seen].filter(([operation]) => operation === 'GET /store/products/:id_or_handle')))).toEqual([]);
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
