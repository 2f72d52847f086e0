import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createProduct } from '../catalog/products.ts';
import { createAdminUser } from '../users/admin-users.ts';
import { createApiKey } from '../users/api-keys.ts';
import { createTestDatabase, onServer, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { TEST_DATA_KEY } from '../../../test/helpers/test-shop.ts';

const root = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let env: Record<string, string>;
let server: TestDatabase | undefined;
let token: string;
let productId: string;

/** A database holding one product and a products:read key, written before the `cartwright mcp` process opens it. */
async function prepare(db: DatabaseHandle['db']) {
  const user = await createAdminUser(db, { email: 'mcp@test.local', password: 'correct horse battery', name: 'MCP' });
  const actor = { kind: 'user' as const, id: user.id, user, sessionId: null, permissions: new Set(['products:read']) };
  token = (await createApiKey(db, actor, { name: 'desktop agent', permissions: ['products:read'] })).token;
  productId = (await createProduct(db, { title: 'Walnut Desk Lamp', status: 'published', variants: [{ sku: 'LAMP-1', prices: [{ currency_code: 'USD', amount: 2500 }] }] } as never)).id;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-mcp-'));
  if (onServer) {
    server = await createTestDatabase();
    await prepare(server.handle.db);
    env = { DATABASE_URL: server.url! };
  } else {
    const dataDir = path.join(dir, 'data');
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await migrateToLatest(handle.db);
      await prepare(handle.db);
    } finally {
      await handle.close();
    }
    env = { DATA_DIR: dataDir };
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('cartwright mcp serves the key’s tools over stdio to the SDK client', { timeout: 120_000 }, async () => {
  const transport = new StdioClientTransport({
    command: process.execPath, args: [path.join(root, 'bin/cartwright.js'), 'mcp'], cwd: root, stderr: 'pipe',
    env: { ...process.env, LOG_LEVEL: 'warn', CARTWRIGHT_DATA_KEY: TEST_DATA_KEY, CARTWRIGHT_API_KEY: token, ...env } as Record<string, string>,
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += d));
  const client = new Client({ name: 'stdio-test', version: '1.0.0' });
  try {
    await client.connect(transport);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['search_products']);
    const result = await client.callTool({ name: 'search_products', arguments: { q: 'walnut' } });
    const body = JSON.parse((result.content as { text: string }[])[0].text);
    expect(body.data.map((p: any) => [p.id, p.variants[0].sku, p.variants[0].prices[0].amount])).toEqual([[productId, 'LAMP-1', 2500]]);
    const refused = await client.callTool({ name: 'list_orders', arguments: {} });
    expect(refused.isError).toBe(true);
    expect(JSON.parse((refused.content as { text: string }[])[0].text).error).toMatchObject({ code: 'forbidden', details: { permission: 'orders:read' } });
  } finally {
    await client.close();
  }
  expect(stderr).toBe('');
});
