import type { Middleware } from 'openapi-fetch';
import { createCartwrightClient, type ApiErrorBody } from '../../src/client/index.ts';

/**
 * The one way the app talks to the server: the typed client generated from /openapi.json, on this
 * origin, with the session cookie. Writes carry the CSRF token given at sign-in (or re-read from
 * /admin/auth/session after a reload); kept in memory only.
 */
export const api = createCartwrightClient({ baseUrl: '', credentials: 'same-origin' });

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

let onUnauthorized: () => void = () => {};
/** Called when a request other than sign-in answers 401: the session ended (expired, revoked, signed out elsewhere). */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status === 401 && path !== '/admin/auth/login' && path !== '/admin/auth/session') onUnauthorized();
    return response;
  },
};
api.use(session);

/** An error answer from the API, with the field it names mapped to a form path (`variants.2.prices.0.amount`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly field: string | null;
  constructor(status: number, body: Partial<ApiErrorBody> | undefined) {
    const error = body?.error;
    super(error?.message ?? `The server answered ${status}.`);
    this.status = status;
    this.code = error?.code ?? 'http_error';
    this.details = error?.details ?? {};
    this.field = typeof this.details.field === 'string' ? formPath(this.details.field) : null;
  }
}

/** `body.variants[2].prices[0].amount` → `variants.2.prices.0.amount` (the location prefix dropped). */
export function formPath(field: string): string {
  return field.replace(/^(body|querystring|params)\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/** The data of a client call, or an ApiError thrown (so queries and mutations fail loudly, never silently). */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, { error: { code: 'network_error', message: 'The server could not be reached. Check your connection and try again.', details: {} } });
  }
  if (result.error !== undefined || !result.response.ok) throw new ApiError(result.response.status, result.error as ApiErrorBody);
  return result.data as T;
}

/** A fresh Idempotency-Key for a create or a charge: a retried click does the work once. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
