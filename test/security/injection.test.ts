import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp, type SignedUp } from '../helpers/customers.ts';
import { ADDRESS_US, createStockedProduct, setUpSelling, type Selling } from '../helpers/selling.ts';
import { startTestShop, type Response, type TestShop } from '../helpers/test-shop.ts';

/**
 * Hostile input in every string field of the main write routes: SQL metacharacters, very long strings,
 * Unicode edge cases, prototype-pollution keys, wrong types. Each answer is a 4xx that changed nothing,
 * or a success that stored exactly what was sent; never a 500; and Object.prototype stays clean.
 */
let shop: TestShop;
let selling: Selling;
let variantId: string;
let customer: SignedUp;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  // A title no hostile string shares a word with: every hostile search below must find nothing.
  variantId = (await createStockedProduct(shop, { usd: 1000, stock: 1000, locationId: selling.warehouse.id, title: 'Walnut Lamp' })).variant.id;
  customer = await signUp(shop);
});
afterAll(async () => shop?.close());

const hostileStrings = [
  `' OR '1'='1`, `'; DROP TABLE customer; --`, `" OR ""="`, `1); SELECT pg_sleep(10); --`, `%' OR 1=1 --`, `_%`, `\\`, `\\'`, `$1`, `$$; drop table orders; $$`,
  `\${7*7}`, `{{7*7}}`, `<script>alert(1)</script>`, `javascript:alert(1)`, `../../etc/passwd`, `%00`, `%27`,
  '\u202Eevil\u202C', '\u200F\u200E\u061C', '\u0000', 'a\u0000b', '😀🎉👨‍👩‍👧‍👦🏳️‍🌈', 'e\u0301\u0302\u0303\u0304', 'Z̷̡̛͓a̵l̶g̸o̴', '\uD800', 'x\uDFFF', '\uFEFFbom',
  '\u2028\u2029', 'ǅİßﷺ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\t\n\r', ' ', '', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  'x'.repeat(10_000), 'é'.repeat(5_000), '😀'.repeat(3_000),
];

/** Any string (or code unit soup, lone surrogates included), a hostile one, or a value of the wrong type. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 53, true, false, null, [], ['a'], {}, { a: 1 }, [null], { $ne: null }, { __proto__: null, polluted: 'yes' }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -3, max: 50 }), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 })) },
);

/** Tried in every field of every route before the random values: the cases that matter most. */
const mustTry: unknown[] = ['a\u0000b', '\uD800', `'; DROP TABLE customer; --`, 'x'.repeat(10_000), '\u202Eevil\u202C', 'e\u0301\u0302', '😀👨‍👩‍👧‍👦', '__proto__', 42, null, ['a'], {}];

/** `obj` with the value at a dotted path (numbers index arrays) replaced. */
function setPath(obj: any, path: string, value: unknown): any {
  const parts = path.split('.');
  let at = obj;
  for (const part of parts.slice(0, -1)) at = at[part];
  // An own property even for "__proto__": the key goes out in the JSON, as an attacker would send it.
  Object.defineProperty(at, parts[parts.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return obj;
}
function getPath(obj: any, path: string): unknown {
  return path.split('.').reduce((at, part) => (at == null ? undefined : at[part]), obj);
}

interface Target {
  name: string;
  fields: string[];
  base(): unknown;
  send(body: unknown): Promise<Response>;
  /** What must not change when the request is refused. */
  state(): Promise<unknown>;
  /** After a success: what was sent was stored exactly (read back through the API). */
  stored?(field: string, value: unknown, res: Response): Promise<unknown>;
  runs?: number;
  /** The values to try (default: hostileValue). */
  values?: fc.Arbitrary<unknown>;
  /** False: the route must refuse every input tried (a login with no such account). */
  accepts?: boolean;
}

let n = 0;

/**
 * Every row of the tables a route writes, and the outbox's size: what a refused request must leave as
 * it was (a count would miss a refusal that changed an existing row).
 */
const rowsOf = (...tables: string[]) => async () => {
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = (await sql.raw(`select * from ${table} order by 1, 2`).execute(shop.db)).rows;
  out.events = (await sql<{ n: number }>`select count(*)::int as n from event_outbox`.execute(shop.db)).rows[0].n;
  return out;
};
const PRODUCT_TABLES = ['product', 'product_option', 'product_option_value', 'product_variant', 'product_variant_option', 'product_variant_price', 'product_from_price', 'inventory_item'];

async function fuzz(target: Target) {
  const seen: number[] = [];
  await fc.assert(fc.asyncProperty(fc.constantFrom(...target.fields), target.values ?? hostileValue, async (field, value) => {
    const body = setPath(structuredClone(target.base()), field, value);
    const before = await target.state();
    const res = await target.send(body);
    seen.push(res.status);
    expect(res.status, `${target.name} ${field}=${JSON.stringify(value)?.slice(0, 100)}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.body.error.code, res.text).toEqual(expect.any(String));
      expect(await target.state(), `${target.name} ${field}=${JSON.stringify(value)?.slice(0, 100)} was refused but changed data`).toEqual(before);
    } else if (target.stored) {
      expect(await target.stored(field, value, res), `${target.name} ${field}=${JSON.stringify(value)?.slice(0, 100)}`).toEqual(value);
    }
  }), { numRuns: target.runs ?? 60, examples: target.fields.flatMap((field) => mustTry.map((value): [string, unknown] => [field, value])) });
  // The generator reached both outcomes (else the property proves little), or only refusals where
  // nothing may be accepted.
  if (target.accepts === false) expect(seen.filter((s) => s < 400), `${target.name}: an input was accepted`).toEqual([]);
  else expect(seen.some((s) => s < 300), `${target.name}: no input was accepted`).toBe(true);
  expect(seen.some((s) => s >= 400), `${target.name}: no input was refused`).toBe(true);
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

// First, while the shop holds nothing hostile: a hostile search must then find nothing at all.
describe('hostile ids and filters', () => {
  test('hostile ids in paths are malformed (400, the field named) or unknown (404); hostile filters find nothing', async () => {
    const encodable = (s: string) => { try { return encodeURIComponent(s); } catch { return null; } };
    const nul = (s: string) => s.includes('\u0000');
    const customers = (await shop.ok('GET', '/admin/customers?limit=100')).data;
    const audit = (await shop.ok('GET', '/admin/audit-log?limit=100')).data;
    for (const value of hostileStrings.filter((s) => s.length < 200 && encodable(s) !== null)) {
      const encoded = encodeURIComponent(value);
      const context = (url: string, res: Response) => `${url} → ${res.status} ${res.text.slice(0, 200)}`;
      const malformed = async (method: string, url: string, token: string | null | undefined, field: string) => {
        const res = await shop.request(method, url, { token });
        expect(res.status, context(url, res)).toBe(400);
        expect(res.body.error.details.field, context(url, res)).toBe(field);
      };
      if (encoded) {
        // An id of the wrong shape never reaches a query.
        await malformed('GET', `/store/carts/${encoded}`, null, 'params.id');
        await malformed('GET', `/store/orders/${encoded}`, null, 'params.id');
        await malformed('GET', `/admin/products/${encoded}`, undefined, 'params.id');
        await malformed('GET', `/admin/customers/${encoded}`, undefined, 'params.id');
        await malformed('DELETE', `/store/customers/me/addresses/${encoded}`, customer.token, 'params.address_id');
        // A handle is free text: no product has this one.
        const product = await shop.get(`/store/products/${encoded}`);
        if (nul(value)) expect(product.body.error?.details.field, context(value, product)).toBe('params.id_or_handle');
        else expect([product.status, product.body.error?.code], context(value, product)).toEqual([404, 'product_not_found']);
      }
      // Filters: text without NUL is searched for as data (and matches nothing here); empty means no filter.
      for (const [url, token, field, all] of [
        [`/store/products?q=${encoded}`, null, 'querystring.q', null], [`/admin/products?q=${encoded}`, undefined, 'querystring.q', null],
        [`/admin/customers?email=${encoded}&limit=100`, undefined, 'querystring.email', customers], [`/admin/audit-log?action=${encoded}&limit=100`, undefined, 'querystring.action', audit],
      ] as [string, string | null | undefined, string, unknown[] | null][]) {
        const res = await shop.get(url, { token });
        if (nul(value) || (value === '' && all === null)) {
          expect([res.status, res.body.error?.details.field], context(url, res)).toEqual([400, field]);
        } else {
          expect(res.status, context(url, res)).toBe(200);
          expect(res.body.data, context(url, res)).toEqual(value === '' ? all : []);
        }
      }
    }
    // Were the query spliced into SQL, `OR ''='` would match every product.
    const search = await shop.get(`/store/products?q=${encodeURIComponent("nomatchword' OR ''='")}`);
    expect(search.status).toBe(200);
    expect(search.body.data).toEqual([]);
  });
});

describe('fuzzed string fields: 4xx with nothing changed, or stored exactly; never a 500', () => {
  test('POST /admin/products (create)', async () => {
    await fuzz({
      name: 'create product',
      fields: ['title', 'handle', 'description', 'status', 'tax_class', 'tags.0', 'images.0', 'metadata.note', 'variants.0.sku', 'variants.0.title', 'variants.0.barcode', 'options.0.title', 'options.0.values.0', 'variants.0.options.Size'],
      base: () => ({
        title: 'Fuzzed product', handle: `fuzz-${++n}`, description: 'plain', tags: ['tag'], images: ['https://img.example/a.png'], metadata: { note: 'n' },
        options: [{ title: 'Size', values: ['M'] }], variants: [{ sku: `FUZZ-${n}`, title: 'M', barcode: '123', options: { Size: 'M' }, prices: [{ currency_code: 'USD', amount: 100 }] }],
      }),
      send: (body) => shop.post('/admin/products', body),
      state: rowsOf(...PRODUCT_TABLES),
      stored: async (field, _value, res) => getPath((await shop.get(`/admin/products/${res.body.id}`)).body, field.replace(/^variants\.0\.options\.Size$/, 'variants.0.options.Size')),
    });
  });

  test('POST /admin/products/:id (update)', async () => {
    const product = await shop.ok('POST', '/admin/products', { title: 'To update', handle: 'fuzz-update-target' }, 201);
    await fuzz({
      name: 'update product',
      fields: ['title', 'handle', 'description', 'status', 'tax_class', 'tags.0', 'images.0', 'metadata.note', 'collection_id', 'category_ids.0'],
      base: () => ({ title: 'Updated', tags: ['t'], images: ['https://img.example/b.png'], metadata: { note: 'x' }, category_ids: [] }),
      send: (body) => shop.post(`/admin/products/${product.id}`, body),
      state: async () => { const { updated_at: _u, ...rest } = (await shop.get(`/admin/products/${product.id}`)).body; return rest; },
      stored: async (field) => getPath((await shop.get(`/admin/products/${product.id}`)).body, field),
    });
  });

  test('POST /store/carts/:id (email and addresses)', async () => {
    const cart = (await shop.post('/store/carts', { currency_code: 'USD' })).body;
    await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 });
    const addressFields = ['first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postal_code', 'province', 'country_code', 'phone'];
    await fuzz({
      name: 'update cart',
      fields: ['email', ...addressFields.map((f) => `shipping_address.${f}`), ...addressFields.map((f) => `billing_address.${f}`), 'region_id'],
      base: () => ({ email: 'fuzz@customers.test', shipping_address: { ...ADDRESS_US }, billing_address: { ...ADDRESS_US } }),
      send: (body) => shop.post(`/store/carts/${cart.id}`, body),
      state: () => shop.get(`/store/carts/${cart.id}`).then((r) => r.body),
      stored: async (field) => getPath((await shop.get(`/store/carts/${cart.id}`)).body, field),
    });
  });

  test('POST /store/carts/:id/line-items and PATCH …/line-items/:line_id', async () => {
    const cart = (await shop.post('/store/carts', { currency_code: 'USD' })).body;
    const line = (await shop.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 })).body.items[0];
    const state = () => shop.get(`/store/carts/${cart.id}`).then((r) => r.body);
    const quantities = fc.oneof(hostileValue, fc.integer({ min: -2, max: 20 }), fc.constantFrom(10_000, 10_001, '1', 1e3));
    await fuzz({
      name: 'add line', fields: ['variant_id', 'quantity'], runs: 40, values: quantities,
      base: () => ({ variant_id: variantId, quantity: 1 }),
      send: async (body) => {
        const res = await shop.post(`/store/carts/${cart.id}/line-items`, body);
        // Accepted values (a valid quantity) change the cart: put it back for the next run.
        if (res.status === 200) await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${line.id}`, { body: { quantity: 1 } });
        return res;
      },
      state,
    });
    await fuzz({
      name: 'change line', fields: ['quantity'], runs: 30, values: quantities,
      base: () => ({ quantity: 2 }),
      send: async (body) => {
        const res = await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${line.id}`, { body });
        if (res.status === 200) await shop.request('PATCH', `/store/carts/${cart.id}/line-items/${line.id}`, { body: { quantity: 1 } });
        return res;
      },
      state,
    });
  });

  test('POST /store/customers (register)', async () => {
    await fuzz({
      name: 'register', fields: ['email', 'password', 'first_name', 'last_name', 'phone'], runs: 40,
      base: () => ({ email: `fuzz-${++n}@customers.test`, password: 'fuzzing passphrase 1', first_name: 'F', last_name: 'Z', phone: '+1 555 0100' }),
      send: (body) => shop.post('/store/customers', body),
      state: rowsOf('customer', 'customer_session'),
      stored: async (field, value, res) => (field === 'password' ? value : res.body.customer[field]),
    });
  });

  test('POST /store/auth/login', async () => {
    // No such account: every input is refused, and no session is opened.
    await fuzz({
      name: 'login', fields: ['email', 'password'], runs: 30, accepts: false,
      base: () => ({ email: `nobody-${++n}@customers.test`, password: 'wrong password' }),
      send: async (body) => {
        const res = await shop.post('/store/auth/login', body);
        expect([400, 401, 429]).toContain(res.status);
        return res;
      },
      state: rowsOf('customer', 'customer_session'),
    });
    expect((await shop.post('/store/auth/login', { email: customer.email, password: customer.password })).status).toBe(200);
  });

  test('PATCH /store/customers/me (profile)', async () => {
    const me = () => shop.get('/store/customers/me', { token: customer.token }).then((r) => r.body);
    await fuzz({
      name: 'profile', fields: ['first_name', 'last_name', 'phone', 'metadata.note', 'metadata.constructor', 'metadata.__proto__', 'metadata.toString'], runs: 60,
      base: () => ({ first_name: 'Fuzzy', last_name: 'Profile', metadata: { note: 'ok' } }),
      send: (body) => shop.request('PATCH', '/store/customers/me', { token: customer.token, body }),
      state: me,
      stored: async (field) => getPath(await me(), field),
    });
  });

  test('the address book (add and change)', async () => {
    const fields = ['first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postal_code', 'province', 'country_code', 'phone'].map((f) => `address.${f}`);
    const list = () => shop.get('/store/customers/me/addresses', { token: customer.token }).then((r) => r.body.data);
    await fuzz({
      name: 'add address', fields: [...fields, 'is_default_shipping'], runs: 40,
      base: () => ({ address: { ...ADDRESS_US }, is_default_shipping: false }),
      send: (body) => shop.post('/store/customers/me/addresses', body, { token: customer.token }),
      state: rowsOf('customer_address', 'customer'),
      stored: async (field, _value, res) => getPath((await list()).find((e: any) => e.id === res.body.id), field),
    });
    const entry = (await shop.post('/store/customers/me/addresses', { address: ADDRESS_US }, { token: customer.token })).body;
    await fuzz({
      name: 'change address', fields: [...fields, 'is_default_billing'], runs: 40,
      base: () => ({ address: { ...ADDRESS_US }, is_default_billing: false }),
      send: (body) => shop.request('PATCH', `/store/customers/me/addresses/${entry.id}`, { token: customer.token, body }),
      state: list,
      stored: async (field) => getPath((await list()).find((e: any) => e.id === entry.id), field),
    });
  });
});

describe('prototype pollution and malformed bodies', () => {
  const routes = (): [string, string, string | null | undefined][] => [
    ['POST', '/admin/products', undefined],
    ['POST', '/store/customers', null],
    ['POST', '/store/auth/login', null],
    ['PATCH', '/store/customers/me', customer.token],
    ['POST', '/store/customers/me/addresses', customer.token],
  ];

  test('__proto__ and constructor.prototype keys are refused (400) and pollute nothing', async () => {
    const bodies = [
      '{"__proto__":{"polluted":"yes"},"title":"p"}',
      '{"constructor":{"prototype":{"polluted":"yes"}},"title":"p"}',
      '{"metadata":{"__proto__":{"polluted":"yes"}},"first_name":"p"}',
      '{"address":{"__proto__":{"isAdmin":true},"first_name":"a"}}',
      '{"a":[{"__proto__":{"polluted":"yes"}}]}',
    ];
    const everything = rowsOf(...PRODUCT_TABLES, 'customer', 'customer_session', 'customer_address');
    const before = await everything();
    for (const [method, url, token] of routes()) {
      for (const body of bodies) {
        const res = await shop.request(method, url, { token, body });
        expect(res.status, `${method} ${url} ${body}`).toBe(400);
        // Valid JSON with a forbidden key: reported as the key, not as "not valid JSON".
        expect(res.body.error).toEqual({
          code: 'invalid_request',
          message: 'The body has a "__proto__" key (or a "constructor" key holding "prototype"); such keys are refused: rename the key.',
          details: { field: 'body', rule: 'forbidden_key', keys: ['__proto__', 'constructor.prototype'] },
        });
      }
    }
    expect(await everything()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  test('"constructor" and "__proto__"-like plain keys in metadata are stored as data', async () => {
    const metadata = { constructor: 'c', prototype: 'p', toString: 's', hasOwnProperty: 1, __defineGetter__: 'g' };
    const res = await shop.request('PATCH', '/store/customers/me', { token: customer.token, body: { metadata } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.metadata).toEqual(metadata);
    expect((await shop.get('/store/customers/me', { token: customer.token })).body.metadata).toEqual(metadata);
  });

  test('bodies that are not objects, not JSON, or too large', async () => {
    for (const [method, url, token] of routes()) {
      for (const body of ['[]', '"a string"', '42', 'null', 'true', '{"unclosed":', '{\'single\': 1}', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`]) {
        const res = await shop.request(method, url, { token, body });
        expect(res.status, `${method} ${url} ${body.slice(0, 30)}: ${res.text}`).toBe(400);
      }
      const huge = await shop.request(method, url, { token, body: JSON.stringify({ first_name: 'x'.repeat(1_100_000) }) });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('payload_too_large');
      const form = await shop.request(method, url, { token, body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.status).toBe(415);
    }
  });

});
