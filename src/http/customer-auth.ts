import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { authenticateCustomer } from '../modules/customers/accounts.ts';
import { bearerToken } from './admin-auth.ts';
import { send } from './error-handler.ts';

/** The name of the cookie a browser's customer session travels in (HttpOnly, Secure, SameSite=Lax). */
export const CUSTOMER_COOKIE = 'cw_customer';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in customer, on Store API routes that look for one. */
    customer: { id: string; sessionId: string } | null;
  }
}

/** The customer session token the request carries (bearer token or cookie), unchecked; null when none. */
export function customerToken(request: FastifyRequest): string | null {
  return bearerToken(request) ?? request.cookies?.[CUSTOMER_COOKIE] ?? null;
}

/** Reads the customer session (bearer token or cookie) if there is one; never refuses. */
export function identifyCustomer(db: Db) {
  return async (request: FastifyRequest) => {
    const token = customerToken(request);
    if (!token) return;
    const session = await authenticateCustomer(db, token);
    if (session) request.customer = { id: session.customerId, sessionId: session.sessionId };
  };
}

/**
 * Who asks on a Store API route that a session is optional on: the signed-in customer, or a guest
 * (null). What the cart services take as their actor.
 */
export function customerActor(request: FastifyRequest): { customerId: string | null } {
  return { customerId: request.customer?.id ?? null };
}

/** Refuses (401) unless a customer is signed in. Marked, so the OpenAPI document declares the customer session on its routes. */
export function requireCustomer(db: Db) {
  const identify = identifyCustomer(db);
  return Object.assign(async (request: FastifyRequest, reply: FastifyReply) => {
    await identify(request);
    if (!request.customer) return send(reply, 'customer_unauthorized');
  }, { [REQUIRES_CUSTOMER]: true });
}

/** The mark requireCustomer's hook carries. */
export const REQUIRES_CUSTOMER = Symbol('requires customer');
