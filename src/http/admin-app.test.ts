import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminAppRoutes } from './admin-app.ts';

/** The admin app's static serving, on a build folder made here (the real build is checked by the browser tests). */
let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-app-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Cartwright</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js.gz'), zlib.gzipSync('console.log(1)'));
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  await adminAppRoutes(app, { dir });
  app.get('/health', async () => ({ status: 'ok' }));
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('/app', () => {
  test('the app and its deep links answer index.html, revalidated each time, with a CSP', async () => {
    for (const url of ['/app', '/app/', '/app/orders', '/app/orders/ord_123?status=open', '/app/settings/webhooks/wh_1']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.body).toContain('<div id="root">');
    }
  });

  test('hashed assets are immutable; other files revalidate; a missing asset is a 404, not the page', async () => {
    const asset = await app.inject({ url: '/app/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log(1)');
    const gzipped = await app.inject({ url: '/app/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.rawPayload).toString()).toBe('console.log(1)');
    expect((await app.inject({ url: '/app/favicon.svg' })).headers['cache-control']).toBe('no-cache');
    const missing = await app.inject({ url: '/app/assets/index-old999.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toBe('Not found\n');
  });

  test('paths outside /app are not answered by the app', async () => {
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/application' })).statusCode).toBe(404);
  });

  test('without a build, /app says how to make one', async () => {
    const bare = Fastify();
    await adminAppRoutes(bare, { dir: path.join(dir, 'missing') });
    const res = await bare.inject({ url: '/app/orders' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toBe('The admin app is not built: run `npm run build`.\n');
    await bare.close();
  });
});
