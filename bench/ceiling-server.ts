import fs from 'node:fs';
import Fastify from 'fastify';

/**
 * The machine's ceiling: a bare Fastify route answering a constant small JSON, nothing else. With
 * PAGE_FILE it also serves that file's bytes as a gzipped JSON page, with the headers PAGE_HEADERS (JSON)
 * holds, to separate the cost of sending a catalog page's bytes from the cost of our code.
 */
const app = Fastify({ logger: false });
app.get('/ping', async () => ({ status: 'ok', items: [1, 2, 3] }));
if (process.env.PAGE_FILE) {
  const page = fs.readFileSync(process.env.PAGE_FILE);
  const headers = JSON.parse(process.env.PAGE_HEADERS ?? '{}') as Record<string, string>;
  app.get('/page', async (_request, reply) => reply.headers(headers).send(page));
}
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
