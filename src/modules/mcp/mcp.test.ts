import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../users/permissions.ts';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

let shop: TestShop;
let base: string;
let selling: Selling;
let lamp: { product: any; variant: any };
let order: any;
let fullKey: string;
let readKey: string;
const clients: Client[] = [];

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  clients.push(client);
  return client;
}

/** Calls a tool and returns its parsed JSON text, and whether the tool reported an error. */
async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ isError: boolean; body: any }> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text: string }[];
  return { isError: result.isError === true, body: JSON.parse(content[0].text) };
}

async function newKey(permissions: readonly string[]): Promise<string> {
  const key = await shop.ok('POST', '/admin/api-keys', { name: `mcp ${permissions.length}`, permissions }, 201);
  return key.token;
}

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  lamp = await createStockedProduct(shop, { usd: 2500, stock: 10, locationId: selling.warehouse.id, title: 'Walnut Desk Lamp' });
  await createStockedProduct(shop, { usd: 900, stock: 3, locationId: selling.warehouse.id, title: 'Linen Napkin' });
  order = await placeOrder(shop, [{ variant_id: lamp.variant.id, quantity: 2 }]);
  fullKey = await newKey(PERMISSIONS);
  readKey = await newKey(['products:read', 'orders:read', 'inventory:read']);
  base = await shop.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await shop?.close();
});

describe('MCP over Streamable HTTP', () => {
  it('lists only the tools whose Admin API permission the key holds', async () => {
    const full = (await (await connect(fullKey)).listTools()).tools.map((t) => t.name).sort();
    expect(full).toEqual(['create_draft_order', 'forecast', 'get_order', 'inventory_levels', 'list_orders', 'refund_order', 'sales_summary', 'search_products']);
    const read = await (await connect(readKey)).listTools();
    expect(read.tools.map((t) => t.name).sort()).toEqual(['forecast', 'get_order', 'inventory_levels', 'list_orders', 'sales_summary', 'search_products']);
    const search = read.tools.find((t) => t.name === 'search_products')!;
    expect(search.annotations?.readOnlyHint).toBe(true);
    expect(search.inputSchema.properties).toHaveProperty('q');
  });

  it('searches the catalog and finds orders by id and by number, as the Admin API shows them', async () => {
    const client = await connect(readKey);
    const found = await call(client, 'search_products', { q: 'walnut' });
    expect(found.isError).toBe(false);
    expect(found.body.data.map((p: any) => p.id)).toEqual([lamp.product.id]);
    expect(found.body.data[0].variants[0].prices).toEqual([expect.objectContaining({ currency_code: 'USD', amount: 2500 })]);

    const admin = await shop.ok('GET', `/admin/orders/${order.id}`);
    const byNumber = await call(client, 'get_order', { order: `#${admin.number}` });
    const byId = await call(client, 'get_order', { order: order.id });
    for (const got of [byNumber, byId]) {
      expect(got.isError).toBe(false);
      expect(got.body).toMatchObject({ id: order.id, number: admin.number, total: admin.total, payment_status: 'captured', currency_code: 'USD' });
      expect(got.body.total).toBe(2 * 2500 + 500 + 550);
    }
    const listed = await call(client, 'list_orders', { status: 'open' });
    expect(listed.body.data.map((o: any) => o.id)).toEqual([order.id]);
    expect((await call(client, 'get_order', { order: '999999' })).body.error.code).toBe('order_not_found');
  });

  it('reports stock levels and sales in minor units', async () => {
    const client = await connect(readKey);
    const levels = await call(client, 'inventory_levels', { sku: lamp.variant.sku });
    expect(levels.body.data).toEqual([expect.objectContaining({ variant_id: lamp.variant.id, location_id: selling.warehouse.id, on_hand: 10, committed: 2, available: 8 })]);
    const sales = await call(client, 'sales_summary', {});
    expect(sales.body.data).toEqual([expect.objectContaining({ currency_code: 'USD', orders: 1, gross_sales: 5000, total_sales: 6050 })]);
  });

  it('refuses a tool the key lacks, and bad arguments, changing nothing', async () => {
    const client = await connect(readKey);
    const refused = await call(client, 'refund_order', { order_id: order.id, amount: 500, reason: 'goodwill' });
    expect(refused).toEqual({ isError: true, body: { error: { code: 'forbidden', message: expect.any(String), details: { permission: 'orders:refund' } } } });
    const bad = await call(client, 'get_order', {});
    expect(bad.isError).toBe(true);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', details: { field: 'arguments.order' } });
    expect((await shop.ok('GET', `/admin/orders/${order.id}/refunds`)).data).toEqual([]);
  });

  it('refunds with a key that may refund', async () => {
    const client = await connect(fullKey);
    const over = await call(client, 'refund_order', { order_id: order.id, amount: 999_999, reason: 'goodwill' });
    expect(over.isError).toBe(true);
    expect(over.body.error).toMatchObject({ code: 'refund_exceeds_captured', details: { requested: 999_999, max: 6050 } });
    expect((await shop.ok('GET', `/admin/orders/${order.id}/refunds`)).data).toEqual([]);
    const refund = await call(client, 'refund_order', { order_id: order.id, amount: 500, reason: 'goodwill', note: 'scratched base' });
    expect(refund.isError).toBe(false);
    expect(refund.body).toMatchObject({ order_id: order.id, amount: 500, reason: 'goodwill' });
    const refunds = (await shop.ok('GET', `/admin/orders/${order.id}/refunds`)).data;
    expect(refunds.map((r: any) => [r.id, r.amount])).toEqual([[refund.body.id, 500]]);
  });

  it('refunds once per idempotency key, however often the agent retries', async () => {
    const client = await connect(fullKey);
    const args = { order_id: order.id, amount: 300, reason: 'damaged', idempotency_key: 'agent-retry-1' };
    const first = await call(client, 'refund_order', args);
    const again = await Promise.all([call(client, 'refund_order', args), call(client, 'refund_order', args)]);
    expect(first.isError).toBe(false);
    for (const retry of again) expect(retry.body).toEqual(first.body);
    const other = await call(client, 'refund_order', { ...args, amount: 301 });
    expect(other.body.error.code).toBe('idempotency_key_mismatch');
    const refunds = (await shop.ok('GET', `/admin/orders/${order.id}/refunds`)).data;
    expect(refunds.map((r: any) => r.amount).sort()).toEqual([300, 500]);

    // Concurrent first calls: one refunds; the others replay its result or are told it is still running.
    const racing = await Promise.all([1, 2, 3].map(() => call(client, 'refund_order', { ...args, amount: 200, idempotency_key: 'agent-race' })));
    const done = racing.filter((r) => !r.isError);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of racing) expect(r.isError ? r.body.error.code : r.body).toEqual(r.isError ? 'idempotency_key_in_use' : done[0].body);
    const after = (await shop.ok('GET', `/admin/orders/${order.id}/refunds`)).data;
    expect(after.map((r: any) => r.amount).sort()).toEqual([200, 300, 500]);
  });

  it('creates a draft order with a key that may write orders', async () => {
    const client = await connect(fullKey);
    const draft = await call(client, 'create_draft_order', {
      email: 'phone@example.com', shipping_address: { first_name: 'Ada', last_name: 'Lovelace', address_1: '1 Main St', city: 'Springfield', postal_code: '12345', country_code: 'US' },
      shipping_option_id: selling.usStandard.id, lines: [{ variant_id: lamp.variant.id, quantity: 1 }],
    });
    expect(draft.isError).toBe(false);
    expect(draft.body.id).toMatch(/^dord_/);
    expect((await shop.ok('GET', `/admin/draft-orders/${draft.body.id}`)).id).toBe(draft.body.id);
  });

  it('answers 401 without an API key (a staff session is not one), 405 to GET, and stops serving a revoked key', async () => {
    const initialize = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    const headers = { accept: 'application/json, text/event-stream' };
    expect((await shop.request('POST', '/mcp', { token: null, body: initialize, headers })).body.error.code).toBe('unauthorized');
    expect((await shop.request('POST', '/mcp', { token: shop.adminToken, body: initialize, headers })).status).toBe(401);
    expect((await shop.request('GET', '/mcp', { token: readKey, headers })).status).toBe(405);
    const key = await shop.ok('POST', '/admin/api-keys', { name: 'soon revoked', permissions: ['orders:read'] }, 201);
    const client = await connect(key.token);
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['get_order', 'list_orders', 'sales_summary']);
    await shop.ok('POST', `/admin/api-keys/${key.id}/revoke`, {});
    await expect(client.listTools()).rejects.toThrow(/unauthorized/);
  });
});
