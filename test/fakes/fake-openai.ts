import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible chat-completions endpoint (POST /v1/chat/completions) whose "model" is a
 * function the test sets: it sees each request's body and says what the model answers — text, or
 * tool calls. Records every request, so a test can read what the tools fed back.
 */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | null; tool_calls?: ToolCall[]; tool_call_id?: string }[];
  tools: { type: 'function'; function: { name: string } }[];
}
export interface ToolCall { id: string; type: 'function'; function: { name: string; arguments: string } }
export type ModelTurn = { content: string } | { tool_calls: { name: string; arguments: Record<string, unknown> }[] };

export interface FakeOpenAi {
  url: string;
  requests: { authorization: string | undefined; body: ChatRequest }[];
  /** The model: what it answers to this request. */
  model: (request: ChatRequest) => ModelTurn;
  /** Answers 500 while true. */
  down: boolean;
  /** Never answers while true (the caller's timeout ends the request). */
  hang: boolean;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let calls = 0;
  const fake: FakeOpenAi = {
    url: '', requests: [], model: () => ({ content: 'Hello.' }), down: false, hang: false,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (fake.hang) return;
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(404, { error: { message: 'not found' } });
      if (fake.down) return send(500, { error: { message: 'the fake is down' } });
      const body = JSON.parse(raw) as ChatRequest;
      fake.requests.push({ authorization: req.headers.authorization, body });
      const turn = fake.model(body);
      const message = 'content' in turn
        ? { role: 'assistant', content: turn.content }
        : {
          role: 'assistant', content: null,
          tool_calls: turn.tool_calls.map((c) => ({ id: `call_${++calls}`, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
        };
      send(200, { id: `chatcmpl-${calls}`, object: 'chat.completion', model: body.model, choices: [{ index: 0, message, finish_reason: 'content' in turn ? 'stop' : 'tool_calls' }] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
  return fake;
}
