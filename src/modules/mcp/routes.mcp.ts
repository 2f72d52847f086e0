import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../../http/admin-auth.ts';
import type { AppContext } from '../../http/context.ts';
import { send } from '../../http/error-handler.ts';
import { authenticateApiKey } from '../users/api-keys.ts';
import { createMcpServer } from './mcp-server.ts';

/**
 * Agent access over MCP's Streamable HTTP transport (docs/mcp.md), stateless: every POST gets a
 * server and transport of its own, so any process of a cluster can answer any request. Only API keys
 * are accepted (agents are integrations, not staff sessions), and each key keeps its rate limit.
 */
export const mcpRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config, paymentProviders }) => {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request);
    const actor = token?.startsWith('ck_') ? await authenticateApiKey(db, token) : null;
    if (!actor) return send(reply, 'unauthorized');
    request.admin = actor;
  });
  app.addHook('onRequest', app.rateLimit({
    max: config.apiKeyRateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.admin?.id ?? request.ip,
  }));

  app.post('/mcp', { schema: { hide: true } }, async (request, reply) => {
    const actor = request.admin!;
    const server = createMcpServer({ db, config, paymentProviders }, async () => actor, (error) => request.log.error({ err: error }, 'mcp tool failed'));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack();
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });

  // Stateless: no session to stream to or end, as the specification allows.
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({ method, url: '/mcp', schema: { hide: true }, handler: async (_request, reply) => send(reply.header('allow', 'POST'), 'method_not_allowed') });
  }
};
