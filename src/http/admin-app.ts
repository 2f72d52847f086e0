import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the admin app: dist/app under the package root (from src/http or from dist). */
export function adminAppDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'app');
}

// The app calls only this origin's API; product images may come from any https address.
const APP_CSP = [
  "default-src 'self'", "img-src 'self' https: data:", "style-src 'self' 'unsafe-inline'", "connect-src 'self'",
  "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'",
].join('; ');

/**
 * The admin web app at /app: hashed assets cached for good, index.html revalidated on every visit (so
 * a new build is picked up at once), and every other /app path answered with index.html so deep links
 * and reloads land on the right page (the app's router reads the URL).
 */
export async function adminAppRoutes(app: FastifyInstance, { dir = adminAppDir() }: { dir?: string } = {}) {
  const index = path.join(dir, 'index.html');
  const sendIndex = (reply: FastifyReply) => {
    if (!fs.existsSync(index)) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The admin app is not built: run `npm run build`.\n');
    }
    return reply.header('cache-control', 'no-cache').header('content-security-policy', APP_CSP).type('text/html; charset=utf-8')
      .send(fs.createReadStream(index));
  };

  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      index: false,
      wildcard: true,
      // The build writes a .gz beside each asset: sent to browsers that accept gzip, no compressing per request.
      preCompressed: true,
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // A missing asset is a 404 (a stale tab asking for an old chunk must see an error, not HTML);
    // any other unknown /app path is a page of the app.
    scope.setNotFoundHandler((request, reply) => {
      const url = request.url.split('?')[0];
      if (request.method !== 'GET' || url.startsWith('/app/assets/')) return reply.code(404).type('text/plain').send('Not found\n');
      return sendIndex(reply);
    });
    scope.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    scope.get('/index.html', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }, { prefix: '/app' });
}
