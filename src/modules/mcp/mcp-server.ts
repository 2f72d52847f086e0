import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError, fromDatabaseError } from '../../errors.ts';
import { invalidRequest, type ValidationIssue } from '../../http/error-handler.ts';
import { validatorCompiler } from '../../http/validation.ts';
import type { AdminActor } from '../users/admin-actor.ts';
import { MCP_TOOLS, type McpDeps, type McpTool } from './tools.ts';

type Validate = ReturnType<FastifySchemaCompiler<unknown>> & { errors?: ValidationIssue[] | null };

// Compiled once: the same strict JSON-body validation (and defaults) the Admin API applies.
const validators = new Map<string, Validate>(MCP_TOOLS.map((t) => [
  t.name, validatorCompiler({ schema: t.input, httpPart: 'body', method: 'POST', url: '/mcp' }) as Validate,
]));

function result(value: unknown, isError = false): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], ...(isError ? { isError } : {}) };
}

function errorResult(error: AppError): CallToolResult {
  return result({ error: { code: error.code, message: error.message, details: error.details } }, true);
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
    try {
      return result(await tool.run(deps, args as never, { type: actor.kind, id: actor.id }));
    } catch (error) {
      const known = error instanceof AppError ? error : fromDatabaseError(error);
      if (known) return errorResult(known);
      onUnexpected(error);
      return errorResult(new AppError('internal_error'));
    }
  });

  return server;
}
