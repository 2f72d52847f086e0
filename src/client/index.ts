import createClient, { type ClientOptions, type Middleware } from 'openapi-fetch';
import type { paths } from './api-types.ts';

export type { paths } from './api-types.ts';

/** The API's error body: a stable code, a message for people, details for programs (`details.field`). */
export interface ApiErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export interface CartwrightClientOptions extends ClientOptions {
  /** An admin session token or API key, sent as `Authorization: Bearer …`. */
  token?: string;
}

/**
 * A typed client for the Store and Admin APIs: every path, parameter and body is checked against the
 * types generated from /openapi.json, so a change to the API that breaks a caller fails to compile.
 */
export function createCartwrightClient({ token, ...options }: CartwrightClientOptions = {}) {
  const client = createClient<paths>(options);
  if (token) {
    const bearer: Middleware = {
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}

export type CartwrightClient = ReturnType<typeof createCartwrightClient>;
