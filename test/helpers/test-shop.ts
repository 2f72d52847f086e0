import type { Carriers } from '../../src/modules/shipping/carriers.ts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import type { PaymentProviders } from '../../src/modules/payments/providers.ts';
import { createAdminUser } from '../../src/modules/users/admin-users.ts';
import { recordErrorReply } from './error-record.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const ADMIN = { email: 'owner@test.local', password: 'correct horse battery' };

/** The data key of every test shop, and of the server processes tests start (they must share it); installed before each file (each-file.ts). */
export const TEST_DATA_KEY = 'test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** An admin token; `null` sends none. Defaults to the shop owner's token for /admin routes. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface TestShop {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  config: Config;
  adminToken: string;
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<Response<T>>;
  get<T = any>(url: string, options?: RequestOptions): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<Response<T>>;
  /** Sends the request as the owner, expects `status` (200 by default), returns the body. */
  ok(method: string, url: string, body?: unknown, status?: number): Promise<any>;
  /** Sends the request as the owner, expects the error `status` and `code` (and `field`, if given); returns the error. */
  refused(method: string, url: string, body: unknown, status: number, code: string, field?: string): Promise<any>;
  close(): Promise<void>;
}

/** Requests through the real HTTP layer (Fastify's inject): routing, validation, serialization, errors. */
export function requester(app: FastifyInstance, defaultToken: () => string | null) {
  return async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<Response<T>> {
    const token = options.token === undefined ? (url.startsWith('/admin') ? defaultToken() : null) : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await app.inject({ method: method as never, url, headers, payload });
    let body: unknown = response.body;
    if ((response.headers['content-type'] ?? '').toString().includes('json') && response.body) body = JSON.parse(response.body);
    if (response.statusCode >= 400) recordErrorReply(app, method, url, body);
    return { status: response.statusCode, body: body as T, headers: response.headers, text: response.body };
  };
}

/** A shop on a database of this file's own, with a signed-in owner. */
export async function startTestShop(overrides: Partial<Config> = {}, options: { paymentProviders?: PaymentProviders; carriers?: Carriers } = {}): Promise<TestShop> {
  const config: Config = { ...loadConfig({}), logLevel: 'silent', dataKey: TEST_DATA_KEY, secureCookies: false, rateLimitPerMinute: 1000, ...overrides };
  const database = await createTestDatabase({ watchdog: { stallMs: config.databaseStallTimeoutMs, wedgedMs: config.databaseWedgedExitMs } });
  const db = database.handle.db;
  const app = await buildApp({ db, config, observer: database.handle.observer, paymentProviders: options.paymentProviders, carriers: options.carriers });
  await createAdminUser(db, { ...ADMIN, name: 'Test Owner' });
  let adminToken = '';
  const request = requester(app, () => adminToken);
  const login = await request<{ token: string }>('POST', '/admin/auth/login', { body: ADMIN, token: null });
  if (login.status !== 200) throw new Error(`test login failed: ${login.status} ${login.text}`);
  adminToken = login.body.token;
  return {
    app,
    db,
    database,
    config,
    adminToken,
    request,
    get: (url, options) => request('GET', url, options),
    post: (url, body, options) => request('POST', url, { ...options, body }),
    async ok(method, url, body, status = 200) {
      const response = await request(method, url, { body });
      expect(response.status, response.text).toBe(status);
      return response.body;
    },
    async refused(method, url, body, status, code, field) {
      const response = await request<any>(method, url, { body });
      expect(response.status, response.text).toBe(status);
      expect(response.body.error.code).toBe(code);
      if (field !== undefined) expect(response.body.error.details.field).toBe(field);
      return response.body.error;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
