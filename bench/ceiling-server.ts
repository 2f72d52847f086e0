import fs from 'node:fs';
import Fastify from 'fastify';

/**
 * The machine's ceiling: a bare Fastify route answering a constant small JSON, nothing else. With
 * PAGE_FILE it also serves that file's bytes as a gzipped JSON page, to separate the cost of sending a
 * catalog page's bytes from the cost of our code.
 */
const app = Fastify({ logger: false });
app.get('/ping', async () => ({ status: 'ok', items: [1, 2, 3] }));
if (process.env.PAGE_FILE) {
  const page = fs.readFileSync(process.env.PAGE_FILE);
  app.get('/page', async (_request, reply) => reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(page));
}
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
