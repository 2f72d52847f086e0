import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a test receiver got: the raw body, the headers, and what it answered. */
export interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
  event: { id: string; type: string; resource_type: string; resource_id: string; data: Record<string, any> };
  status: number;
}

/**
 * An HTTP server on a free loopback port standing in for a webhook receiver. `answer` decides each
 * response status (it may also wait, to hold a delivery in flight). Records every request.
 */
export async function startReceiver(answer: (request: Omit<Received, 'status'>, n: number) => number | Promise<number> = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const rawBody = Buffer.concat(chunks);
      const request = { at: Date.now(), headers: req.headers, rawBody, event: JSON.parse(rawBody.toString('utf8')) };
      const status = await answer(request, received.length);
      received.push({ ...request, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `failing on purpose (${status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** The accepted (2xx) requests. */
    accepted: () => received.filter((r) => r.status < 300),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 15_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
