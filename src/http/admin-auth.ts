import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { authenticateAdmin } from '../modules/users/admin-sessions.ts';
import type { AdminActor } from '../modules/users/admin-actor.ts';
import { authenticateApiKey } from '../modules/users/api-keys.ts';
import { PERMISSIONS, type RoutePermission } from '../modules/users/permissions.ts';
import { send } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every Admin API route except login. */
    admin: AdminActor | null;
  }
  interface FastifyContextConfig {
    /** What an Admin API route needs; every admin route declares one (a test checks). */
    permission?: RoutePermission;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/** The cookie a browser's admin session travels in (HttpOnly, SameSite=Strict, path /admin). */
export const ADMIN_COOKIE = 'cw_admin';

/**
 * The CSRF token of a cookie session: derived from the session token, so nothing more is stored.
 * A page of another site can make the browser send the cookie, but cannot read this value.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`${sessionToken}:csrf`).digest('base64url');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The audit log reads a resource before and after each write through its own GET route (audit.ts),
 * whatever the writer may read: an API key allowed to write products but not to read them still gets
 * a full before/after. Those reads carry this process's random secret, which never leaves the process
 * (they are injected, not sent over the network), and are GETs only.
 */
const AUDIT_READER_HEADER = 'x-cartwright-audit-reader';
const AUDIT_READER_SECRET = randomBytes(32);
const AUDIT_READER: AdminActor = { kind: 'system', id: 'audit', user: null, sessionId: null, permissions: new Set(PERMISSIONS) };

export function auditReaderHeaders(): Record<string, string> {
  return { [AUDIT_READER_HEADER]: AUDIT_READER_SECRET.toString('base64url') };
}

function isAuditReader(request: FastifyRequest): boolean {
  const header = request.headers[AUDIT_READER_HEADER];
  if (request.method !== 'GET' || typeof header !== 'string') return false;
  const given = Buffer.from(header, 'base64url');
  return given.length === AUDIT_READER_SECRET.length && timingSafeEqual(given, AUDIT_READER_SECRET);
}

/**
 * 401 unless the request carries a live session token or API key (a bearer token, or the session
 * cookie); sets `request.admin`. A cookie-authenticated write must also carry X-CSRF-Token.
 */
export function authenticateAdminRequest(db: Db) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (isAuditReader(request)) {
      request.admin = AUDIT_READER;
      return;
    }
    const bearer = bearerToken(request);
    const cookie = bearer ? null : request.cookies?.[ADMIN_COOKIE] ?? null;
    const token = bearer ?? cookie;
    const actor = token ? (token.startsWith('ck_') ? await authenticateApiKey(db, token) : await authenticateAdmin(db, token)) : null;
    if (!actor) return send(reply, 'unauthorized');
    if (cookie && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== csrfTokenFor(cookie)) {
      return send(reply, 'csrf_failed');
    }
    request.admin = actor;
  };
}

/**
 * The Admin API's gate: 401 without a live session token or API key; 403 when the route's permission
 * is not among the caller's (or the route declares none: refused by default, never let through).
 */
export function requireAdmin(db: Db) {
  const authenticate = authenticateAdminRequest(db);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    await authenticate(request, reply);
    const actor = request.admin;
    if (!actor || reply.sent) return;
    const needed = request.routeOptions.config?.permission;
    if (needed === 'authenticated') return;
    if (!needed || !actor.permissions.has(needed)) return send(reply, 'forbidden', { permission: needed ?? null });
  };
}
