import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { auditReaderHeaders } from './admin-auth.ts';
import { recordAudit } from '../modules/users/audit-log.ts';

/** Fields never written to the audit log, whatever route they pass through. */
const SECRET = /password|token|secret|card|data_key/i;
/**
 * Personal data: the log says that it changed, never its value. The log is append-only, so a value
 * written here could be neither erased (anonymizing a customer) nor re-encrypted, and it would sit in
 * clear beside tables that keep it encrypted.
 */
const PERSONAL = /^(email|first_name|last_name|phone|company|address|address_1|address_2|city|postal_code|province|shipping_address|billing_address)$/i;

declare module 'fastify' {
  interface FastifyRequest {
    auditBefore: Record<string, unknown> | null;
  }
}

/** A field's value as the log may keep it. */
function redactField(key: string, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value ?? null;
  if (SECRET.test(key)) return '[redacted]';
  if (PERSONAL.test(key)) return '[personal data]';
  return redact(value);
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactField(k, v)]));
  }
  return value;
}

/** Top-level fields that differ between two versions of a resource: `{ field: { before, after } }`. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    if (key === 'updated_at') continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: redactField(key, a), after: redactField(key, b) };
  }
  return changes;
}

/** `/admin/products/:id/variants/:variant_id` → the resource it acts on: products, its id. */
function resourceOf(request: FastifyRequest): { type: string | null; id: string | null; readUrl: string | null } {
  const [, , type] = (request.routeOptions.url ?? '').split('/');
  const params = request.params as Record<string, string> | undefined;
  // Resources named by another key (a role's `key`) are still named in the log.
  const id = params?.id ?? params?.key ?? null;
  return { type: type ?? null, id, readUrl: params?.id ? `/admin/${type}/${params.id}` : null };
}

async function readJson(app: FastifyInstance, url: string): Promise<Record<string, unknown> | null> {
  if (!app.hasRoute({ method: 'GET', url: url.replace(/\/[^/]+$/, '/:id') })) return null;
  const response = await app.inject({ method: 'GET', url, headers: auditReaderHeaders() });
  return response.statusCode === 200 ? (response.json() as Record<string, unknown>) : null;
}

/**
 * The audit trail of the Admin API: every successful write, who made it (user or API key), the route,
 * the resource, the before and after of each changed field, and the request id. The "before" is the
 * resource as its own GET route shows it, read just before the write; the "after", just after; both
 * read by the shop itself (admin-auth.ts), so a writer that may not read still leaves a full entry.
 * Written before the response is sent, so a caller never sees a write succeed without its entry; a
 * crash in the moment between the change's commit and the entry's insert can lose the entry, never
 * the change.
 */
export function registerAudit(scope: FastifyInstance, app: FastifyInstance, db: Db): void {
  app.decorateRequest('auditBefore', null);

  scope.addHook('preHandler', async (request) => {
    if (request.method === 'GET' || !request.admin) return;
    const { readUrl } = resourceOf(request);
    if (readUrl) request.auditBefore = await readJson(app, readUrl);
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || !request.admin || reply.statusCode >= 400) return payload;
    const resource = resourceOf(request);
    const after = resource.readUrl && request.method !== 'DELETE' ? await readJson(app, resource.readUrl) : null;
    const created = resource.readUrl ? null : parseCreated(payload);
    try {
      await recordAudit(db, {
        actor_type: request.admin.kind,
        actor_id: request.admin.id,
        action: `${request.method} ${request.routeOptions.url}`,
        resource_type: resource.type,
        resource_id: resource.id ?? [created?.id, created?.key].find((v): v is string => typeof v === 'string') ?? null,
        changes: resource.readUrl ? changedFields(request.auditBefore, after) : changedFields(null, created ?? (request.body as Record<string, unknown> | null)),
        status: reply.statusCode,
        request_id: request.id,
      });
    } catch (err) {
      request.log.error({ err }, 'could not write the audit log');
    }
    return payload;
  });
}

/** What a create answered (the new resource), for routes without an id in their path. */
function parseCreated(payload: unknown): Record<string, unknown> | null {
  if (typeof payload !== 'string') return null;
  try {
    return JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return null; // not JSON (a CSV export): nothing to record but the action
  }
}
