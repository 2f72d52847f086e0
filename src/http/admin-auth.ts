import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { authenticateAdmin } from '../modules/users/admin-sessions.ts';
import type { AdminUser } from '../modules/users/admin-users.ts';
import { send } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member; set on every Admin API route except login. */
    admin: { sessionId: string; user: AdminUser } | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/** A hook that answers 401 unless the request carries a live admin session token. */
export function requireAdmin(db: Db) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request);
    const session = token ? await authenticateAdmin(db, token) : null;
    if (!session) return send(reply, 'unauthorized');
    request.admin = session;
  };
}
