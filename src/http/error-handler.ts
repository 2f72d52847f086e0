import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorTable, fromDatabaseError, type ErrorCode } from '../errors.ts';

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
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

function describe(issue: ValidationIssue, field: string): string {
  if (issue.keyword === 'required') return `${field} is required`;
  if (issue.keyword === 'additionalProperties') return `${field} is not a known field`;
  return `${field} ${issue.message ?? 'is invalid'}`;
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
      const issue = error.validation[0];
      const field = fieldName(error.validationContext ?? 'body', issue.instancePath, issue.params);
      return send(reply, 'invalid_request', { field, rule: issue.keyword }, describe(issue, field));
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
