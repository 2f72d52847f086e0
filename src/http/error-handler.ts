import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorTable, fromDatabaseError, type ErrorCode } from '../errors.ts';
import { ALLOWED, EXPECTED } from '../shapes.ts';

export interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
  /** The schema of the keyword that failed and the schema holding it (Ajv's `verbose`). */
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
}

/** `/variants/0/sku` in `body` → `body.variants[0].sku`. */
function fieldName(location: string, instancePath: string, params: Record<string, unknown>): string {
  const parts = instancePath.split('/').filter(Boolean);
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  if (extra) parts.push(extra);
  let name = location;
  for (const part of parts) name += /^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`;
  return name;
}

/** The values a fixed list allows: a JSON Schema `enum`, or a union of literals (`anyOf` of `const`). */
function allowedValues(issue: ValidationIssue): unknown[] | null {
  if (issue.keyword === 'enum') return issue.params.allowedValues as unknown[];
  if (issue.keyword === 'pattern' && Array.isArray(issue.parentSchema?.[ALLOWED])) return issue.parentSchema[ALLOWED] as unknown[];
  if (issue.keyword !== 'anyOf' || !Array.isArray(issue.schema)) return null;
  const branches = issue.schema as Record<string, unknown>[];
  return branches.every((b) => 'const' in b) ? branches.map((b) => b.const) : null;
}

/**
 * The issue to report: a wrong value of a fixed list is reported as such, with the list, rather than
 * as the first of the list's `const`s it failed to equal.
 */
function chosenIssue(issues: ValidationIssue[]): ValidationIssue {
  return issues.find((issue) => allowedValues(issue) !== null) ?? issues[0];
}

/** One sentence naming the field and what it accepts; `allowed` lists a fixed list's values. */
function describe(issue: ValidationIssue, field: string): { message: string; allowed?: unknown[]; expected?: string } {
  if (issue.keyword === 'required') return { message: `${field} is required` };
  if (issue.keyword === 'additionalProperties') return { message: `${field} is not a known field` };
  const allowed = allowedValues(issue);
  if (allowed) {
    const several = issue.keyword === 'pattern' ? ', or several of them comma-separated' : '';
    return { message: `${field} must be one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}${several}`, allowed };
  }
  const expected = issue.parentSchema?.[EXPECTED];
  if (typeof expected === 'string' && (issue.keyword === 'pattern' || issue.keyword === 'format')) {
    return { message: `${field} must be ${expected}`, expected };
  }
  return { message: `${field} ${issue.message ?? 'is invalid'}` };
}

/** A 400 `invalid_request` naming the field of the first issue Ajv found in `location` (body, querystring…). */
export function invalidRequest(location: string, issues: ValidationIssue[]): AppError {
  const issue = chosenIssue(issues);
  const field = fieldName(location, issue.instancePath, issue.params);
  const { message, allowed, expected } = describe(issue, field);
  const rule = allowed ? 'enum' : issue.keyword;
  return new AppError('invalid_request', { field, rule, ...(allowed ? { allowed } : {}), ...(expected ? { expected } : {}) }, message);
}

export function send(reply: FastifyReply, code: ErrorCode, details: Record<string, unknown> = {}, message?: string) {
  const [status, fallback] = errorTable[code];
  return reply.code(status).send({ error: { code, message: message ?? fallback, details } });
}

/** The one place an error becomes a response. Anything we did not anticipate is a 500 that reveals nothing. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: ValidationIssue[]; validationContext?: string }, request: FastifyRequest, reply) => {
    if (error instanceof AppError) return send(reply, error.code, error.details, error.message);
    if (error.validation) {
      const invalid = invalidRequest(error.validationContext ?? 'body', error.validation);
      return send(reply, invalid.code, invalid.details, invalid.message);
    }
    const fromDb = fromDatabaseError(error);
    if (fromDb) return send(reply, fromDb.code, fromDb.details, fromDb.message);
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 'unsupported_media_type', { content_type: request.headers['content-type'] ?? null });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 'invalid_json', {}, 'The request body is empty but its content type is JSON.');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, 'invalid_request', {}, 'Content-Length does not match the body.');
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return send(reply, 'invalid_json');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, 'invalid_request', {}, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'internal_error', { request_id: request.id });
  });

  app.setNotFoundHandler((request, reply) => send(reply, 'route_not_found', { method: request.method, url: request.url.split('?')[0] }));
}
