import { createHash } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { FastifySchemaCompiler } from 'fastify';
import { decrypt, encrypt } from '../../crypto/data-encryption.ts';
import { AppError, fromDatabaseError } from '../../errors.ts';
import { invalidRequest, type ValidationIssue } from '../../http/error-handler.ts';
import { validatorCompiler } from '../../http/validation.ts';
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse, type KeyRef } from '../idempotency/idempotency-keys.ts';
import type { AdminActor } from '../users/admin-actor.ts';
import { MCP_TOOLS, type McpDeps, type McpTool } from './tools.ts';

type Validate = ReturnType<FastifySchemaCompiler<unknown>> & { errors?: ValidationIssue[] | null };

// Compiled once: the same strict JSON-body validation (and defaults) the Admin API applies.
const validators = new Map<string, Validate>(MCP_TOOLS.map((t) => [
  t.name, validatorCompiler({ schema: t.input, httpPart: 'body', method: 'POST', url: '/mcp' }) as Validate,
]));

/** A tool's result, and whether it failed on our side (then an idempotency key is released, not kept). */
interface Outcome {
  result: CallToolResult;
  internal: boolean;
}

function result(value: unknown, isError = false): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], ...(isError ? { isError } : {}) };
}

function errorResult(error: AppError): CallToolResult {
  return result({ error: { code: error.code, message: error.message, details: error.details } }, true);
}

/**
 * The Admin API's idempotency keys, for a tool call: the first call with a key runs and its result is
 * stored (encrypted: an order's answer holds personal data); a retry with the same arguments gets it
 * back, other arguments are `idempotency_key_mismatch`, and one still running is `idempotency_key_in_use`.
 * An internal error releases the key, so a retry runs again.
 */
async function runOnce(deps: McpDeps, ref: KeyRef, args: object, run: () => Promise<Outcome>): Promise<CallToolResult> {
  const requestHash = createHash('sha256').update(JSON.stringify(args)).digest('hex');
  const claim = await claimIdempotencyKey(deps.db, { ...ref, requestHash });
  if (claim.kind === 'replay') return JSON.parse(decrypt(claim.body)) as CallToolResult;
  const outcome = await run();
  if (outcome.internal) await releaseIdempotencyKey(deps.db, ref);
  else await storeIdempotentResponse(deps.db, ref, { status: outcome.result.isError ? 400 : 200, body: encrypt(JSON.stringify(outcome.result)), contentType: 'application/json' });
  return outcome.result;
}

function allowed(tool: McpTool, actor: AdminActor): boolean {
  return actor.permissions.has(tool.permission);
}

/**
 * An MCP server whose tools are the Admin API calls the caller's key may make. `authenticate` is asked
 * on each request (an HTTP request brings its key; the stdio process checks its key again, so a key
 * revoked while an agent runs stops working at once). Tool failures come back as a tool result with
 * the Admin API's error body, so the agent reads the same code and message a program would.
 */
export function createMcpServer(deps: McpDeps, authenticate: () => Promise<AdminActor | null>, onUnexpected: (error: unknown) => void): Server {
  const server = new Server({ name: 'cartwright', version: '1.0.0' }, { capabilities: { tools: {} } });

  async function actorOrThrow(): Promise<AdminActor> {
    const actor = await authenticate();
    if (!actor) throw new McpError(ErrorCode.InvalidRequest, 'The API key is not valid (revoked or unknown).');
    return actor;
  }

  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const actor = await actorOrThrow();
    return {
      tools: MCP_TOOLS.filter((t) => allowed(t, actor)).map((t) => ({
        name: t.name,
        description: t.description,
        inputSchema: t.input as { type: 'object' },
        annotations: { readOnlyHint: t.readOnly, destructiveHint: !t.readOnly && t.name === 'refund_order', openWorldHint: false },
      })),
    };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const actor = await actorOrThrow();
    const tool = MCP_TOOLS.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    if (!allowed(tool, actor)) return errorResult(new AppError('forbidden', { permission: tool.permission }));
    const args = structuredClone(request.params.arguments ?? {});
    const validate = validators.get(tool.name)!;
    if (!validate(args)) return errorResult(invalidRequest('arguments', validate.errors ?? []));
    const run = async (): Promise<Outcome> => {
      try {
        return { result: result(await tool.run(deps, args as never, { type: actor.kind, id: actor.id })), internal: false };
      } catch (error) {
        const known = error instanceof AppError ? error : fromDatabaseError(error);
        if (known) return { result: errorResult(known), internal: false };
        onUnexpected(error);
        return { result: errorResult(new AppError('internal_error')), internal: true };
      }
    };
    const key = (args as { idempotency_key?: string }).idempotency_key;
    if (tool.readOnly || key === undefined) return (await run()).result;
    try {
      return await runOnce(deps, { scope: `MCP ${tool.name} ${actor.id}`, key }, args, run);
    } catch (error) {
      if (error instanceof AppError) return errorResult(error);
      throw error;
    }
  });

  return server;
}
