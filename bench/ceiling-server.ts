import fs from 'node:fs';
import Fastify from 'fastify';

/**
 * The machine's ceiling: a bare Fastify route answering a constant small JSON, nothing else. With
 * PAGES_FILE (JSON: each URL's bytes, base64, and headers) it also answers each of those URLs with
 * its own bytes and headers, to separate the cost of sending catalog pages from the cost of our code.
 */
const app = Fastify({ logger: false });
app.get('/ping', async () => ({ status: 'ok', items: [1, 2, 3] }));
if (process.env.PAGES_FILE) {
  const saved = JSON.parse(fs.readFileSync(process.env.PAGES_FILE, 'utf8')) as Record<string, { body: string; headers: Record<string, string> }>;
  const pages = new Map(Object.entries(saved).map(([url, page]) => [url, { bytes: Buffer.from(page.body, 'base64'), headers: page.headers }]));
  app.get('/*', async (request, reply) => {
    const page = pages.get(request.url);
    return page ? reply.headers(page.headers).send(page.bytes) : reply.code(404).send();
  });
}
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
